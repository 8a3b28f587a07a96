import { afterEach, describe, expect, it } from 'vitest';
import type { BatchSummary, PreviewResult } from '../../../src/shared/imports/types';
import { session, type Session } from './helpers';

let s: Session;
afterEach(() => s?.dispose());

/** Each bad input gets its specific error or report, and the workspace is exactly as before. */
async function unchanged(run: () => Promise<unknown>): Promise<unknown> {
  const before = await s.snapshot();
  const history = await s.call<BatchSummary[]>('imports.history', {});
  let outcome: unknown;
  try {
    outcome = await run();
  } catch (e) {
    outcome = e;
  }
  expect(await s.snapshot()).toEqual(before);
  expect(await s.call<BatchSummary[]>('imports.history', {})).toEqual(history);
  return outcome;
}

async function withData(): Promise<void> {
  s = await session();
  await s.importFiles([s.file('base.csv', 'lead_id,created_at,source\nB1,2024-01-01,web\n')], { preset: 'native' });
}

describe('bad inputs change nothing', () => {
  it('an empty file', async () => {
    await withData();
    expect(await unchanged(() => s.importFiles([s.file('empty.csv', '')]))).toMatchObject({
      code: 'imports.emptyFile',
      params: { file: 'empty.csv' },
    });
    expect(await unchanged(() => s.importFiles([s.file('blank.csv', '\n\n  \n')]))).toMatchObject({
      code: 'imports.emptyFile',
    });
  });

  it('a header without rows', async () => {
    await withData();
    expect(await unchanged(() => s.importFiles([s.file('header.csv', 'lead_id,created_at\n')]))).toMatchObject({
      code: 'imports.headerOnly',
      params: { file: 'header.csv' },
    });
  });

  it('a binary file', async () => {
    await withData();
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      Buffer.alloc(2000, 7),
    ]);
    expect(await unchanged(() => s.importFiles([s.file('photo.csv', png)]))).toMatchObject({
      code: 'imports.binaryFile',
      params: { file: 'photo.csv' },
    });
    expect(
      await unchanged(() =>
        s.importFiles([s.file('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))]),
      ),
    ).toMatchObject({
      code: 'imports.unsupportedFormat',
    });
  });

  it('a wrong delimiter guess, then the override', async () => {
    await withData();
    // Commas in the header and in every value make comma look as good as the real semicolon.
    const file = s.file(
      'br.csv',
      'Cliente, nome;Valor, R$;Data\nAna, Silva;1,5;01/02/2024\nBia, Souza;2,5;03/02/2024\n',
    );
    const p = await s.call<PreviewResult>('imports.preview', { files: [{ fileId: s.rt.files.registerPath(file).id }] });
    expect(p.files[0]!.format.delimiter).toBe(',');
    const mapping = {
      files: [
        {
          columns: [
            { column: 'Cliente, nome', target: 'lead_id' },
            { column: 'Data', target: 'created_at' },
            { column: 'Valor, R$', target: 'amount' },
          ],
        },
      ],
    };
    expect(await unchanged(() => s.importFiles([file], { mapping }))).toMatchObject({
      code: 'imports.columnNotFound',
      params: { column: 'Cliente, nome' },
    });
    const r = await s.importFiles([file], { mapping }, { delimiter: ';' });
    expect(r.counts).toMatchObject({ leadsInserted: 2, rowsRejected: 0 });
    expect(r.decimalDecisions[0]).toMatchObject({ decimal: ',' });
  });

  it('no lead id column', async () => {
    await withData();
    expect(
      await unchanged(() => s.importFiles([s.file('people.csv', 'Name,Email\nAna,ana@example.com\n')])),
    ).toMatchObject({ code: 'imports.noIdColumn', params: { file: 'people.csv' } });
  });

  it('duplicate ids in one file: the batch is rejected, or the first row is kept and the repeat reported', async () => {
    await withData();
    const file = s.file(
      'dup.csv',
      'lead_id,created_at,source\nD1,2024-01-01,web\nD2,2024-01-02,web\nD1,2024-01-03,ads\n',
    );
    const rejected = (await unchanged(() => s.importFiles([file], { preset: 'native' }))) as {
      status: string;
      issues: unknown[];
    };
    expect(rejected.status).toBe('rejected');
    expect(rejected.issues).toEqual([
      { file: 'dup.csv', row: 4, column: 'lead_id', value: 'D1', code: 'duplicateId', params: { firstRow: 2 } },
    ]);
    const kept = await s.importFiles([file], { preset: 'native', onInvalid: 'skipInvalid' });
    expect(kept.counts).toMatchObject({ leadsInserted: 2, rowsRejected: 1 });
    expect((await s.snapshot()).leads).toMatch(/\nD1,2024-01-01T00:00:00.000Z,web,/);
  });

  it('dates that do not parse and stage values nobody mapped, each named with row, column and value', async () => {
    await withData();
    const leads = s.file('leads.csv', 'lead_id,created_at\nE1,2024-01-01\nE2,31/02/2024\nE3,soon\n');
    const events = s.file(
      'stage_events.csv',
      'lead_id,stage,entered_at\nE1,mql,2024-01-02\nE1,Demo booked,2024-01-03\n',
    );
    const r = (await unchanged(() => s.importFiles([leads, events], { preset: 'native' }))) as {
      status: string;
      issues: Array<Record<string, unknown>>;
      unmappedStages: unknown[];
    };
    expect(r.status).toBe('rejected');
    expect(r.issues).toEqual([
      {
        file: 'leads.csv',
        row: 3,
        column: 'created_at',
        value: '31/02/2024',
        code: 'badDate',
        params: { expected: expect.stringContaining('DD/MM/YYYY') },
      },
      {
        file: 'leads.csv',
        row: 4,
        column: 'created_at',
        value: 'soon',
        code: 'badDate',
        params: { expected: expect.any(String) },
      },
      { file: 'stage_events.csv', row: 3, column: 'stage', value: 'Demo booked', code: 'unknownStage', params: {} },
    ]);
    expect(r.unmappedStages).toEqual([{ file: 'stage_events.csv', column: 'stage', value: 'Demo booked', count: 1 }]);
  });

  it('a 10 MB single line', async () => {
    await withData();
    const file = s.file('line.csv', `lead_id,created_at,note\nL1,2024-01-01,${'x'.repeat(10 * 1024 * 1024)}`);
    expect(await unchanged(() => s.importFiles([file]))).toMatchObject({
      code: 'imports.recordTooLarge',
      params: { file: 'line.csv', row: 2 },
    });
  });

  it('a quote that never closes', async () => {
    await withData();
    const file = s.file('quote.csv', 'lead_id,created_at,note\nQ1,2024-01-01,"open\nQ2,2024-01-02,x\n');
    expect(await unchanged(() => s.importFiles([file], { preset: 'native' }))).toMatchObject({
      code: 'imports.csvQuotes',
      params: { file: 'quote.csv' },
    });
  });

  it('a mapping that does not fit, and unknown presets', async () => {
    await withData();
    const file = s.file('ok.csv', 'lead_id,created_at\nM1,2024-01-01\n');
    expect(
      await unchanged(() =>
        s.importFiles([file], {
          mapping: {
            files: [
              {
                columns: [
                  { column: 'lead_id', target: 'lead_id' },
                  { column: 'created_at', target: 'stage:demo' },
                ],
              },
            ],
          },
        }),
      ),
    ).toMatchObject({
      code: 'imports.unknownStageKey',
      params: { stage: 'demo' },
    });
    expect(await unchanged(() => s.importFiles([file], { preset: 'zoho' }))).toMatchObject({
      code: 'imports.unknownPreset',
    });
  });
});
