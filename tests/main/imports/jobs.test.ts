import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '../../../src/shared/domain/types';
import type { JobStatus } from '../../../src/shared/jobs/types';
import type { BatchSummary, ImportProgress, ImportResult, PresetInfo } from '../../../src/shared/imports/types';
import { session, wideCsv, type Session } from './helpers';
import { leadLookup } from '../../helpers/statistics';
import type { UndoResult } from '../../../src/shared/imports/types';

let s: Session;
afterEach(() => s?.dispose());

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out');
}

describe('imports as jobs', () => {
  it('report progress, keep readers on the committed state, refuse a second writer, and cancel without a trace', async () => {
    s = await session();
    await s.importFiles([s.file('base.csv', 'lead_id,created_at\nB1,2024-01-01\n')], { preset: 'native' });
    const before = await s.snapshot();
    const file = s.file('big.csv', wideCsv(20_000));
    const started = await s.call<JobStatus<ImportResult>>('imports.apply', {
      files: [{ fileId: s.rt.files.registerPath(file).id }],
    });
    await until(async () => (await s.call<ImportProgress>('imports.progress', { jobId: started.id })).rows > 0);
    const p = await s.call<ImportProgress>('imports.progress', { jobId: started.id });
    expect(p).toMatchObject({
      phase: 'reading',
      file: 'big.csv',
      fileIndex: 0,
      files: 1,
      totalBytes: expect.any(Number),
    });
    expect(p.percent).toBeGreaterThan(0);
    expect(p.rowsPerSecond).toBeGreaterThan(0);
    expect((await s.call<JobStatus>('jobs.get', { id: started.id })).progress).toMatchObject({
      unit: 'bytes',
      phase: 'imports.reading',
    });
    // The app's connection keeps answering from the last committed state.
    expect((await s.call<WorkspaceInfo>('workspace.info')).counts.leads).toBe(1);
    await expect(
      s.call('imports.apply', { files: [{ fileId: s.rt.files.registerPath(file).id }] }),
    ).rejects.toMatchObject({ code: 'imports.busy' });
    await expect(
      s.call('imports.savePreset', { name: 'Mine', mapping: { files: [{ columns: [] }] } }),
    ).rejects.toMatchObject({ code: 'imports.busy' });
    await s.call('jobs.cancel', { id: started.id });
    const ended = await s.waitJob(started);
    expect(ended.state).toBe('cancelled');
    expect(await s.snapshot()).toEqual(before);
    expect((await s.call<BatchSummary[]>('imports.history', {})).map((b) => b.id)).toEqual([1]);
    // The lock is released: the same import now runs to the end.
    const done = await s.importFiles([file]);
    expect(done.counts).toMatchObject({ leadsInserted: 20_000, stageEventsAdded: 24_000 });
  });

  it('hears a cancel while it builds indexes and figures, and leaves nothing behind', async () => {
    s = await session();
    await s.importFiles([s.file('base.csv', wideCsv(1, 'B'))]);
    const ws = s.rt.requireWorkspace();
    const state = () => ({
      schema: ws.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all(),
      figures: ws.db.prepare('SELECT * FROM metric_events ORDER BY event_id').all(),
    });
    const before = { rows: await s.snapshot(), ...state() };
    // A bulk batch: the indexes are built after the rows, then the figures of 150,000 leads, in
    // many turns (one per index and per round of leads).
    const file = s.file('big.csv', wideCsv(150_000));
    const started = await s.call<JobStatus<ImportResult>>('imports.apply', {
      files: [{ fileId: s.rt.files.registerPath(file).id }],
    });
    let phase = '';
    await until(async () => {
      phase = (await s.call<JobStatus>('jobs.get', { id: started.id })).progress.phase ?? '';
      return phase === 'imports.indexing' || phase === 'imports.figures';
    });
    await s.call('jobs.cancel', { id: started.id });
    expect((await s.waitJob(started)).state).toBe('cancelled');
    expect({ rows: await s.snapshot(), ...state() }).toEqual(before);
    // The row triggers are back: a small import keeps the figures as before.
    await s.importFiles([s.file('one.csv', wideCsv(1, 'C'))]);
    expect(before.figures).toHaveLength(2);
    expect(state().figures).toHaveLength(4);
  });

  it('validate runs everything and rolls it back, with the full report', async () => {
    s = await session();
    const before = await s.snapshot();
    const file = s.file('v.csv', 'lead_id,created_at,mql_date\nV1,2024-01-01,2024-01-02\nV2,2024-13-01,\n');
    const r = await s.importFiles([file], { dryRun: true });
    expect(r).toMatchObject({
      status: 'validated',
      batchId: null,
      counts: { leadsInserted: 1, stageEventsAdded: 1, rowsRejected: 1 },
    });
    expect(r.issues).toMatchObject([{ row: 3, column: 'created_at', code: 'badDate' }]);
    expect(await s.snapshot()).toEqual(before);
  });

  it('saves, lists, uses and deletes mapping presets', async () => {
    s = await session();
    const mapping = {
      files: [
        {
          columns: [
            { column: 'Código', target: 'lead_id' },
            { column: 'Entrada', target: 'created_at' },
          ],
        },
      ],
    };
    await s.call('imports.savePreset', { name: 'Planilha do time', mapping });
    const presets = await s.call<PresetInfo[]>('imports.presets');
    expect(presets.filter((p) => p.builtIn).map((p) => p.id)).toEqual([
      'native',
      'hubspot-contacts',
      'hubspot-deals',
      'salesforce-leads',
      'salesforce-opportunities',
      'pipedrive-deals',
    ]);
    expect(presets.find((p) => !p.builtIn)).toMatchObject({
      id: 'Planilha do time',
      mapping: { name: 'Planilha do time' },
    });
    const r = await s.importFiles([s.file('t.csv', 'Código,Entrada\nT1,02/01/2024\n')], { preset: 'Planilha do time' });
    expect(r.counts.leadsInserted).toBe(1);
    await expect(s.call('imports.savePreset', { name: 'native', mapping })).rejects.toMatchObject({
      code: 'imports.presetNameReserved',
    });
    await s.call('imports.deletePreset', { name: 'Planilha do time' });
    await expect(s.call('imports.deletePreset', { name: 'Planilha do time' })).rejects.toMatchObject({
      code: 'imports.presetNotFound',
    });
  });

  it('lists history with files, hashes, counts and who imported, and exports a batch report as CSV', async () => {
    s = await session();
    await s.call('workspace.setPreferences', { userName: 'Ana' });
    const file = s.file('h.csv', 'lead_id,created_at\nH1,2024-01-01\nH2,not a date\n');
    await s.importFiles([file], { preset: 'native', onInvalid: 'skipInvalid' });
    const [batch] = await s.call<BatchSummary[]>('imports.history', {});
    expect(batch).toMatchObject({
      id: 1,
      fileName: 'h.csv',
      fileHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      files: [{ name: 'h.csv', rows: 2 }],
      preset: 'native',
      createdBy: 'Ana',
      issueCount: 1,
      onInvalid: 'skipInvalid',
      counts: { leadsInserted: 1, rowsRejected: 1 },
    });
    const ref = await s.call<{ id: string }>('imports.report', { batchId: 1, locale: 'pt-BR' });
    const csv = (await import('node:fs')).readFileSync(s.rt.files.pathOf(ref.id), 'utf8');
    expect(csv.split('\r\n')[0] ?? csv.split('\n')[0]).toContain('Arquivo,Linha,Coluna,Valor,Problema,Código');
    expect(csv).toContain('h.csv,3,created_at,not a date,"""not a date"" não é uma data');
    await expect(s.call('imports.batch', { batchId: 9 })).rejects.toMatchObject({ code: 'imports.batchNotFound' });
  });

  it('leave the open workspace planning with the statistics of the leads an import added and an undo removed', async () => {
    s = await session();
    await s.importFiles([s.file('one.csv', 'lead_id,created_at\nB1,2024-01-01\n')], { preset: 'native' });
    const db = s.rt.workspace!.db;
    expect(leadLookup(db)).toBe('scan');
    const big = await s.importFiles([s.file('big.csv', wideCsv(500))]);
    expect(big.counts.leadsInserted).toBe(500);
    expect(leadLookup(db)).toBe('seek');
    const undo = await s.waitJob(await s.call<JobStatus<UndoResult>>('imports.undo', { batchId: big.batchId }));
    expect(undo.result).toMatchObject({ leadsDeleted: 500 });
    expect(leadLookup(db)).toBe('scan');
  });
});
