import { afterEach, describe, expect, it, vi } from 'vitest';
import { IndexRepository } from '../../../src/main/imports/index-repository';
import type { BatchSummary, UndoResult } from '../../../src/shared/imports/types';
import type { JobStatus } from '../../../src/shared/jobs/types';
import { session, wideCsv, type Session } from './helpers';

let s: Session;
afterEach(() => s?.dispose());

const LEADS_V1 = `lead_id,created_at,source,owner,amount,currency,first_touch_at,outcome_reason,Industry
L1,2024-01-05 10:00,google,ana,"1,234.50",USD,2024-01-05 12:00,,Retail
L2,2024-01-06,=HYPERLINK("http://x.example"),bob,-5,EUR,,Price too high,
L3,2024-01-07,linkedin,ana,,,,,Health
`;
const EVENTS_V1 = `lead_id,stage,entered_at
L1,mql,2024-01-06T10:00:00Z
L1,SAL,2024-01-07
L2,Lost,2024-01-09
L3,MQL,2024-01-08
`;
// A newer export: L1 moved back to nurture and came back (every entry kept), L2 changed owner,
// L3 is unchanged, L4 is new.
const LEADS_V2 = `lead_id,created_at,source,owner,amount,currency,first_touch_at,outcome_reason,Industry
L1,2024-01-05 10:00,google,ana,"1,234.50",USD,2024-01-05 12:00,,Retail
L2,2024-01-06,=HYPERLINK("http://x.example"),carla,-5,EUR,,Price too high,Finance
L3,2024-01-07,linkedin,ana,,,,,Health
L4,2024-02-01,event,bob,,,,,
`;
const EVENTS_V2 = `lead_id,stage,entered_at
L1,mql,2024-01-06T10:00:00Z
L1,SAL,2024-01-07
L1,Recycled,2024-01-20
L1,mql,2024-02-06
L2,Lost,2024-01-09
L3,MQL,2024-01-08
L4,lead,2024-02-01
`;

async function history(): Promise<BatchSummary[]> {
  return s.call<BatchSummary[]>('imports.history', {});
}

describe('upsert, re-import and undo', () => {
  it('re-importing the same files changes nothing; a newer export updates and adds only new events', async () => {
    s = await session();
    const v1 = [s.file('leads.csv', LEADS_V1), s.file('stage_events.csv', EVENTS_V1)];
    const first = await s.importFiles(v1, { preset: 'native' });
    expect(first.counts).toMatchObject({ leadsInserted: 3, stageEventsAdded: 4, touchesAdded: 1, rowsRejected: 0 });
    const afterFirst = await s.snapshot();
    // The formula-looking source is stored as given and neutralised only in the export.
    expect(afterFirst.leads).toContain(
      `\nL2,2024-01-06T00:00:00.000Z,"'=HYPERLINK(""http://x.example"")",,,,bob,,-5,EUR,,,Price too high,,\n`,
    );

    const again = await s.importFiles(v1, { preset: 'native' });
    expect(again.counts).toMatchObject({
      leadsInserted: 0,
      leadsUpdated: 0,
      leadsUnchanged: 3,
      stageEventsAdded: 0,
      stageEventsExisting: 4,
      touchesAdded: 0,
    });
    expect(await s.snapshot()).toEqual(afterFirst);

    const v2 = [s.file('leads2.csv', LEADS_V2), s.file('stage_events2.csv', EVENTS_V2)];
    const newer = await s.importFiles(v2, { preset: 'native' });
    expect(newer.counts).toMatchObject({
      leadsInserted: 1,
      leadsUpdated: 1,
      leadsUnchanged: 2,
      stageEventsAdded: 3,
      stageEventsExisting: 4,
    });
    const afterNewer = await s.snapshot();
    expect(afterNewer.leads).toMatch(/\nL2,[^\n]*,carla,[^\n]*,Finance\n/);
    // The history of L1 keeps every entry, including the second MQL after recycling.
    expect(afterNewer.events.split('\n').filter((l) => l.startsWith('L1,'))).toEqual([
      'L1,mql,2024-01-06T10:00:00.000Z,,',
      'L1,sal,2024-01-07T00:00:00.000Z,,',
      'L1,recycled,2024-01-20T00:00:00.000Z,,',
      'L1,mql,2024-02-06T00:00:00.000Z,,',
    ]);

    // Undo the newer batch: exactly the state before it, values it changed included.
    const batches = await history();
    expect(batches.map((b) => [b.id, b.status, b.undoBlockedBy])).toEqual([
      [3, 'applied', null],
      [2, 'applied', null],
      [1, 'applied', 2],
    ]);
    const undo = await s.waitJob(await s.call<JobStatus<UndoResult>>('imports.undo', { batchId: 3 }));
    expect(undo.result).toMatchObject({ leadsDeleted: 1, leadsRestored: 1, stageEventsDeleted: 3 });
    expect(await s.snapshot()).toEqual(afterFirst);
    expect((await history())[0]).toMatchObject({ id: 3, status: 'undone', undoBlockedBy: null });
  });

  it('refuses to undo a batch a later batch depends on, with a clear message, and then allows it in order', async () => {
    s = await session();
    await s.importFiles([s.file('a.csv', 'lead_id,created_at,owner\nA1,2024-01-01,ana\nA2,2024-01-02,bob\n')], {
      preset: 'native',
    });
    const before = await s.snapshot();
    await s.importFiles([s.file('b.csv', 'lead_id,created_at,owner\nA1,2024-01-01,zoe\n')], { preset: 'native' });
    const blocked = await s.waitJob(await s.call<JobStatus<UndoResult>>('imports.undo', { batchId: 1 }));
    expect(blocked.state).toBe('failed');
    expect(blocked.error).toMatchObject({
      code: 'imports.undoBlocked',
      params: { batch: 1, blocker: 2, file: 'b.csv' },
    });
    await s.waitJob(await s.call<JobStatus<UndoResult>>('imports.undo', { batchId: 2 }));
    expect(await s.snapshot()).toEqual(before);
    const undone = await s.waitJob(await s.call<JobStatus<UndoResult>>('imports.undo', { batchId: 1 }));
    expect(undone.result).toMatchObject({ leadsDeleted: 2 });
    expect((await s.snapshot()).leads.trim().split('\n')).toHaveLength(1);
    await expect(s.waitJob(await s.call<JobStatus<UndoResult>>('imports.undo', { batchId: 1 }))).resolves.toMatchObject(
      { error: { code: 'imports.alreadyUndone' } },
    );
  });

  it('builds the indexes of a large new batch at the end, not of its re-import, and undoes it exactly', async () => {
    s = await session();
    await s.importFiles([s.file('a.csv', 'lead_id,created_at,owner\nA1,2024-01-01,ana\n')], { preset: 'native' });
    const ws = s.rt.requireWorkspace();
    const schema = () => ws.db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all();
    const figures = () => ws.db.prepare('SELECT * FROM metric_events ORDER BY event_id').all();
    const before = { rows: await s.snapshot(), schema: schema(), figures: figures() };
    // Over 50,000 leads and over half the workspace: the undo drops the secondary indexes but the
    // batch ones, deletes in chunks, and builds them again; the figures' old rows go by a scan.
    const drops = vi.spyOn(IndexRepository.prototype, 'drop');
    const bigFile = s.file('big.csv', wideCsv(60_000));
    const big = await s.importFiles([bigFile]);
    expect(big.counts).toMatchObject({ leadsInserted: 60_000, rowsRejected: 0 });
    expect(drops).toHaveBeenCalledTimes(1);
    // Imported again (the weekly re-import): the sample shows known leads, so the indexes stay.
    const again = await s.importFiles([bigFile]);
    expect(again.counts).toMatchObject({ leadsInserted: 0, leadsUnchanged: 60_000, stageEventsAdded: 0 });
    expect(drops).toHaveBeenCalledTimes(1);
    drops.mockRestore();
    await s.waitJob(await s.call<JobStatus<UndoResult>>('imports.undo', { batchId: 3 }));
    const undone = await s.waitJob(await s.call<JobStatus<UndoResult>>('imports.undo', { batchId: 2 }));
    expect(undone.result).toMatchObject({ leadsDeleted: 60_000, stageEventsDeleted: 72_000 });
    expect({ rows: await s.snapshot(), schema: schema(), figures: figures() }).toEqual(before);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('round-trips the interchange format exactly, formula-looking values and custom fields included', async () => {
    s = await session();
    await s.importFiles([s.file('leads.csv', LEADS_V2), s.file('stage_events.csv', EVENTS_V2)], { preset: 'native' });
    const first = await s.snapshot();
    const other = await session({ workspace: 'other.db' });
    try {
      await other.importFiles([other.file('leads.csv', first.leads), other.file('stage_events.csv', first.events)], {
        preset: 'native',
      });
      expect(await other.snapshot()).toEqual(first);
    } finally {
      other.dispose();
    }
  });
});
