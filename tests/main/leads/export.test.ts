import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { createI18n } from '../../../src/shared/i18n';
import { neutralizeCell } from '../../../src/shared/export/formula';
import type { JobStatus } from '../../../src/shared/jobs/types';
import type { LeadExport, LeadExportInput, LeadPage } from '../../../src/shared/leads/types';
import { AT_FORMULA, MALICIOUS_ID, NEGATIVE, ZONE, leadsSession, type LeadsSession } from './fixture';

let s: LeadsSession;
beforeAll(async () => {
  s = await leadsSession();
});
afterAll(() => s?.dispose());

async function exportFile(input: LeadExportInput): Promise<{ path: string; result: LeadExport }> {
  const done = await s.waitJob(await s.call<JobStatus<LeadExport>>('leads.export', input));
  if (done.state !== 'done' || !done.result) throw new Error(`export ${done.state}: ${done.error?.code ?? ''}`);
  expect(done.progress).toMatchObject({
    done: done.result.rows,
    total: done.result.rows,
    unit: 'rows',
    phase: 'leads.exporting',
  });
  return { path: s.rt.files.pathOf(done.result.file.id), result: done.result };
}

function csvRows(path: string): string[][] {
  const text = fs.readFileSync(path, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return parse(text.slice(1)) as string[][];
}

const en = createI18n('en').t;
const columns = [
  'external_id',
  'created_at',
  'stage',
  'owner',
  'amount',
  'score',
  'reason',
  'custom.employees',
] as const;

describe('leads.export', () => {
  it('writes the list to CSV with every text cell neutralised, numbers and negative numbers kept', async () => {
    const { path, result } = await exportFile({
      columns: [...columns],
      format: 'csv',
      locale: 'en',
      sort: { column: 'external_id', direction: 'asc' },
    });
    expect(result.file.name).toMatch(/^leads-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = csvRows(path);
    expect(rows[0]).toEqual([
      en('leads.columns.external_id'),
      en('leads.columns.created_at'),
      en('leads.columns.stage'),
      en('leads.columns.owner'),
      en('leads.columns.amount'),
      en('leads.columns.currency'),
      en('leads.columns.score'),
      en('leads.columns.reason'),
      'employees',
    ]);
    expect(rows).toHaveLength(241);
    const byId = new Map(rows.slice(1).map((r) => [r[0]!, r]));
    // A name a spreadsheet would run becomes text; a plain negative number stays a number.
    expect(byId.has(`'${MALICIOUS_ID}`)).toBe(true);
    expect(byId.has(`'${AT_FORMULA}`)).toBe(true);
    expect(byId.has(MALICIOUS_ID)).toBe(false);
    expect(byId.get(NEGATIVE)?.[8]).toBe('9');
    const l16 = byId.get('L0016')!;
    const created = DateTime.fromISO('2026-03-02T08:00', { zone: ZONE }).plus({ hours: 16 });
    expect(l16).toEqual([
      'L0016',
      created.toISO({ suppressMilliseconds: true }),
      'Won',
      'Ana',
      '1600',
      'EUR',
      '60',
      'Best fit',
      '16',
    ]);
    expect(l16[1]).toBe('2026-03-03T00:00:00+01:00');
    // In the list's order.
    const list = await s.call<LeadPage>('leads.list', {
      sort: { column: 'external_id', direction: 'asc' },
      limit: 500,
    });
    expect(rows.slice(1).map((r) => r[0]!.replace(/^'/, ''))).toEqual(list.rows.map((r) => r.external_id));
  });

  it('writes XLSX with text cells as neutralised strings, numbers as numbers and times as the workspace clock', async () => {
    const { path } = await exportFile({
      columns: [...columns],
      format: 'xlsx',
      locale: 'ru',
      filters: { owner: ['Ana', 'Bob'] },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.worksheets[0]!;
    const ru = createI18n('ru').t;
    expect(sheet.name).toBe(ru('leads.export.sheet'));
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe(ru('leads.columns.external_id'));
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const expected = s.leads.filter((l) => l.owner === 'Ana' || l.owner === 'Bob');
    expect(sheet.rowCount).toBe(expected.length + 1);
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), row);
    });
    // i = 7 (owner Bob) is the =HYPERLINK lead: a string cell, never a formula.
    const malicious = rows.get(`'${MALICIOUS_ID}`)!;
    expect(malicious.getCell(1).type).toBe(ExcelJS.ValueType.String);
    const l16 = rows.get('L0016')!;
    expect(l16.getCell(3).value).toBe('Выиграно');
    expect(l16.getCell(8).value).toBe('Best fit');
    expect(l16.getCell(5).value).toBe(1600);
    expect(l16.getCell(7).value).toBe(60);
    const created = l16.getCell(2).value;
    expect(created).toBeInstanceOf(Date);
    // The cell shows the Madrid wall clock: 2026-03-03 00:00.
    expect((created as Date).toISOString()).toBe('2026-03-03T00:00:00.000Z');
  });

  it('exports exactly the leads behind a figure', async () => {
    const scope = {
      from: '2026-03-02',
      to: '2026-03-08',
      asOf: DateTime.fromISO('2026-06-01', { zone: ZONE }).toMillis(),
    };
    const figure = { ...scope, figure: { type: 'conversion', from: 'mql', to: 'sal', side: 'numerator' } as const };
    const list = await s.call<LeadPage>('leads.list', { figure, limit: 500 });
    const { path, result } = await exportFile({ columns: ['external_id'], format: 'csv', figure });
    expect(result.rows).toBe(list.total);
    expect(
      csvRows(path)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(list.rows.map((r) => neutralizeCell(r.external_id)));
  });

  it('refuses an unknown stage before starting', async () => {
    await expect(
      s.call('leads.export', { columns: ['external_id'], format: 'csv', stages: ['nowhere'] }),
    ).rejects.toMatchObject({ code: 'leads.unknownStage' });
  });
});
