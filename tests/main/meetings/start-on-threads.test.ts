import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../../src/main/sample/generate';
import { computeReport, computeWeekFigures } from '../../../src/main/metrics/service';
import { PeriodPool } from '../../../src/main/metrics/period-pool';
import { unobserved, type JobControl } from '../../../src/main/jobs/registry';
import { listMeetings } from '../../../src/main/meetings/detail';
import { meetingsHandlers } from '../../../src/main/meetings/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { planMeeting, startMeeting, startMeetingOn } from '../../../src/main/meetings/lifecycle';
import { readSnapshot } from '../../../src/main/meetings/snapshot';
import { openDb } from '../../../src/main/db/driver';
import { Workspace } from '../../../src/main/workspace/workspace';
import { keyPairList, keyPairs, trendPoint } from '../../../src/shared/metrics/trend';
import { shiftWeek } from '../../../src/shared/meetings/week';
import { tempWorkspace } from '../../fixtures/metrics/workspace';
import type { JobProgress } from '../../../src/shared/jobs/types';
import type { MeetingDetail } from '../../../src/shared/meetings/types';

/**
 * A meeting's start reads its figures on the report threads while the app keeps answering, then
 * writes the snapshot in one short transaction: the same snapshot as a start computed in the
 * transaction, and never one mixing two states of the workspace.
 */

const END = Date.UTC(2026, 2, 16, 3); // Monday 16 March 2026, 00:00 in São Paulo
const NOW = END + 9 * 3_600_000;
const ATTENDEES = [{ name: 'Marketing lead', role: 'marketing_lead' as const }];

let t: ReturnType<typeof tempWorkspace>;
let pool: PeriodPool;
const copies = new Map<string, Workspace>();

/** A copy of the sample workspace, made before any test started a meeting. */
function copy(name: string): Workspace {
  return copies.get(name)!;
}

/** The leads a meeting's snapshot keeps behind its figures, as stored. */
function storedDrills(ws: Workspace, meetingId: number): unknown[] {
  return ws.db
    .prepare(
      `SELECT d.figure, d.total, d.complete, d.leads FROM snapshot_drills d JOIN snapshots s ON s.id = d.snapshot_id
       WHERE s.meeting_id = ? ORDER BY d.figure`,
    )
    .all(meetingId);
}

/** The latest ISO week up to the sample's last one that has no meeting yet. */
function freeWeek(ws: Workspace, before = '2026-W11'): string {
  const taken = new Set(listMeetings(ws).map((m) => m.week.week));
  let week = before;
  while (taken.has(week)) week = shiftWeek(week, -1).week;
  return week;
}

/**
 * A runtime as the desktop app sets it up (the report threads on, `ws` open), for the handler.
 * `release` removes its data folder and hands it nothing to close: the workspace copies and the
 * pool are shared by the tests and closed after them.
 */
function runtimeOn(ws: Workspace): { rt: Runtime; release: () => void } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-start-rt-'));
  const rt = new Runtime({ dataDir, host: 'cli', appVersion: 'test' });
  rt.useReportThreads(pool);
  rt.adopt(ws);
  return {
    rt,
    release: () => {
      (rt as unknown as { current: null }).current = null;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

beforeAll(async () => {
  t = tempWorkspace('America/Sao_Paulo', 'start');
  generateSample(t.ws, { seed: 5, leads: 3000, end: '2026-03-15' });
  for (const name of [
    'alone',
    'written',
    'handler',
    'closed',
    'cancelled',
    'cold',
    'cold-written',
    'quick',
    'warming',
  ]) {
    const file = path.join(t.dir, `${name}.db`);
    t.ws.db.prepare('VACUUM INTO ?').run(file);
    copies.set(name, Workspace.open(file));
  }
  pool = new PeriodPool(undefined, 3);
  expect(await pool.warm()).toBe(true);
}, 60_000);

afterAll(async () => {
  await pool.close();
  for (const ws of copies.values()) ws.close();
  t.cleanup();
});

describe('starting a meeting with its figures read on the report threads', () => {
  it('freezes exactly the snapshot a start computing in its transaction freezes, the app answering meanwhile', async () => {
    const alone = copy('alone');
    const week = freeWeek(t.ws);
    const m = planMeeting(t.ws, { week, attendees: ATTENDEES }, NOW - 60_000);
    expect(planMeeting(alone, { week, attendees: ATTENDEES }, NOW - 60_000).id).toBe(m.id);

    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      await startMeetingOn(pool, t.ws, m.id, NOW);
    } finally {
      clearInterval(timer);
    }
    startMeeting(alone, m.id, NOW);

    const snapshot = readSnapshot(t.ws, m.id)!;
    expect(snapshot.report.flow.mql, 'a week with leads').toBeGreaterThan(0);
    expect(snapshot.trend, 'the funnel step was frozen too').toHaveLength(13);
    expect(
      snapshot.proposals.filter((p) => p.impact !== null).length,
      'proposals with their impact preview',
    ).toBeGreaterThan(0);
    expect(snapshot).toEqual(readSnapshot(alone, m.id));
    const drills = storedDrills(t.ws, m.id);
    expect(drills.length, 'figures with their leads').toBeGreaterThan(20);
    expect(drills).toEqual(storedDrills(alone, m.id));
    // Computed in the transaction, the start would hold the event loop from its first figure to its
    // last write, and no timer could fire.
    expect(ticks, 'timers fired while the figures were read').toBeGreaterThan(3);
  });

  it('computes in its transaction when a write lands between two of the reads', async () => {
    const ws = copy('written');
    const week = freeWeek(ws);
    const m = planMeeting(ws, { week, attendees: ATTENDEES }, NOW - 60_000);
    const options = { from: m.week.from, to: m.week.to, filters: {}, withinDays: null, asOf: NOW, compare: true };
    const before = computeReport(ws, options);

    // After the week's report came back from the threads and before the trend's weeks are read,
    // another connection (an import's) removes five of the week's MQL entries.
    const writer = openDb(ws.db.name, { fileMustExist: true });
    const week1 = pool.week.bind(pool);
    let written = false;
    pool.week = (file, o) => {
      if (!written) {
        written = true;
        writer
          .prepare(
            `DELETE FROM stage_events WHERE id IN (SELECT e.id FROM stage_events e JOIN stages s ON s.id = e.stage_id
               WHERE s.key = 'mql' AND e.entered_at >= ? AND e.entered_at < ? LIMIT 5)`,
          )
          .run(Date.parse(`${m.week.from}T03:00:00Z`), Date.parse(`${m.week.to}T03:00:00Z`));
      }
      return week1(file, o);
    };
    try {
      await startMeetingOn(pool, ws, m.id, NOW);
    } finally {
      pool.week = week1;
      writer.close();
    }
    expect(written, 'the write landed during the start').toBe(true);

    const snapshot = readSnapshot(ws, m.id)!;
    const after = computeReport(ws, options);
    expect(after.flow.mql).toBe(before.flow.mql! - 5);
    expect(snapshot.report).toEqual(after);
    const pairs = keyPairs(after);
    const last = computeWeekFigures(ws, { ...options, pairs: keyPairList(pairs) });
    expect(snapshot.trend!.at(-1)).toEqual(trendPoint(last, pairs));
  });

  it('is how the meetings.start handler starts a meeting once the host turns the threads on', async () => {
    const ws = copy('handler');
    const m = planMeeting(ws, { week: freeWeek(ws), attendees: ATTENDEES }, NOW - 60_000);
    const { rt, release } = runtimeOn(ws);
    const week1 = pool.week.bind(pool);
    const drills1 = pool.drills.bind(pool);
    const preview1 = pool.preview.bind(pool);
    let asked = 0;
    let drillsAsked = 0;
    let previewsAsked = 0;
    pool.week = (file, o) => {
      asked++;
      return week1(file, o);
    };
    pool.drills = (file, report) => {
      drillsAsked++;
      return drills1(file, report);
    };
    pool.preview = (file, o) => {
      previewsAsked++;
      return preview1(file, o);
    };
    try {
      const job = await meetingsHandlers.start({ id: m.id }, rt);
      expect(job.state, 'a job, answered before the figures are read').toBe('running');
      const seen: JobProgress[] = [];
      const ended = await rt.jobs.wait(job.id, (s) => seen.push(s.progress), 5);
      expect(ended.state).toBe('done');
      expect((ended.result as MeetingDetail).status).toBe('in_progress');
      // Progress counts reads: the report, each week, the drill-downs, each preview; then the write.
      const reading = seen.filter((p) => p.phase === 'meetings.figures');
      expect(reading.length).toBeGreaterThan(0);
      expect(reading.at(-1)!.total).toBe(1 + asked + drillsAsked + previewsAsked);
      expect(ended.progress).toMatchObject({ phase: 'meetings.writing', done: ended.progress.total, unit: 'reads' });
      await expect(
        Promise.resolve().then(() => meetingsHandlers.start({ id: m.id }, rt)),
        'refused at once, not as a failed job',
      ).rejects.toMatchObject({ code: 'meetings.alreadyStarted' });
      expect(asked, 'the trend, breakdown and scorecard weeks').toBeGreaterThanOrEqual(13);
      expect(drillsAsked, 'the drill-down leads').toBe(1);
      const started2 = readSnapshot(ws, m.id)!;
      expect(previewsAsked, 'the proposals’ impact previews').toBe(
        started2.proposals.filter((p) => p.impact !== null).length,
      );
      expect(previewsAsked).toBeGreaterThan(0);
    } finally {
      pool.week = week1;
      pool.drills = drills1;
      pool.preview = preview1;
      release();
    }
  });

  it('refuses with a translatable error, and starts nothing, when the workspace closes while the figures are read', async () => {
    const ws = copy('closed');
    const m = planMeeting(ws, { week: freeWeek(ws), attendees: ATTENDEES }, NOW - 60_000);
    const week1 = pool.week.bind(pool);
    pool.week = (file, o) => {
      if (ws.db.open) ws.close();
      return week1(file, o);
    };
    try {
      await expect(startMeetingOn(pool, ws, m.id, NOW)).rejects.toMatchObject({ code: 'workspace.closedMeanwhile' });
    } finally {
      pool.week = week1;
    }
    const reopened = Workspace.open(ws.db.name);
    copies.set('reopened', reopened);
    expect(listMeetings(reopened).find((x) => x.id === m.id)?.status).toBe('planned');
  });

  it('reports each read as it arrives, and a cancel while the weeks are read starts nothing', async () => {
    const ws = copy('cancelled');
    const m = planMeeting(ws, { week: freeWeek(ws), attendees: ATTENDEES }, NOW - 60_000);
    const { rt, release } = runtimeOn(ws);
    const week1 = pool.week.bind(pool);
    let weeksAsked = 0;
    let weeksAnswered = 0;
    let hold = (): void => undefined;
    const held = new Promise<void>((resolve) => (hold = resolve));
    // The first two weeks answer; the rest wait until the test lets them go, after the cancel.
    pool.week = async (file, o) => {
      if (weeksAsked++ >= 2) await held;
      const figures = await week1(file, o);
      weeksAnswered++;
      return figures;
    };
    try {
      const job = await meetingsHandlers.start({ id: m.id }, rt);
      await expect.poll(() => rt.jobs.get(job.id).progress.done, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
      const reading = rt.jobs.get(job.id);
      expect(reading.state).toBe('running');
      expect(reading.progress.phase).toBe('meetings.figures');
      expect(reading.progress.total!).toBeGreaterThan(reading.progress.done);
      // Asked again meanwhile (a second click, the page left and come back to): the same job.
      expect((await meetingsHandlers.start({ id: m.id }, rt)).id).toBe(job.id);
      rt.jobs.cancel(job.id);
      const ended = await rt.jobs.wait(job.id, undefined, 5);
      // Cancelled without waiting for the held reads.
      expect(ended.state).toBe('cancelled');
      expect(weeksAnswered).toBe(2);
      hold();
      expect(listMeetings(ws).find((x) => x.id === m.id)?.status).toBe('planned');
      expect(readSnapshot(ws, m.id)).toBeNull();
      // The dropped reads change nothing when they arrive; the meeting can start afterwards.
      pool.week = week1;
      const again = await rt.jobs.wait((await meetingsHandlers.start({ id: m.id }, rt)).id, undefined, 5);
      expect(again.state).toBe('done');
      expect(readSnapshot(ws, m.id)).not.toBeNull();
    } finally {
      hold();
      pool.week = week1;
      release();
    }
  });

  it('starts the threads when they are off and the week’s report proves slow, and reads on them; a quick report leaves them off', async () => {
    const recorded = (phases: string[]): JobControl => ({
      ...unobserved,
      progress: (update) => {
        if (update.phase) phases.push(update.phase);
      },
    });
    for (const { name, worthAfterMs, onThreads, written, reportsOnThreads } of [
      // Every report counts as slow: the threads start, and the start's other reads go to them; the
      // week's report read to decide it stands.
      { name: 'cold', worthAfterMs: 0, onThreads: true, written: false, reportsOnThreads: 0 },
      // The same, with a write while the threads start: that report no longer stands, and is read again.
      { name: 'cold-written', worthAfterMs: 0, onThreads: true, written: true, reportsOnThreads: 1 },
      // No report is slow enough: the start computes in its transaction, the threads stay off.
      { name: 'quick', worthAfterMs: 1e9, onThreads: false, written: false, reportsOnThreads: 0 },
      // Starting as the start is asked (a large workspace's open starts them): it waits for them and
      // reads everything there, its report too.
      { name: 'warming', worthAfterMs: 1e9, onThreads: true, written: false, reportsOnThreads: 1 },
    ]) {
      const ws = copy(name);
      const m = planMeeting(ws, { week: freeWeek(ws), attendees: ATTENDEES }, NOW - 60_000);
      const threads = new PeriodPool(undefined, 2, worthAfterMs);
      const { run, warm } = threads;
      let reports = 0;
      threads.run = (...args) => {
        reports++;
        return run.apply(threads, args);
      };
      threads.warm = async () => {
        const ready = await warm.apply(threads);
        if (written) ws.db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('probe', '1')").run();
        return ready;
      };
      const phases: string[] = [];
      try {
        expect(threads.started).toBe(false);
        if (name === 'warming') void threads.warm();
        await startMeetingOn(threads, ws, m.id, NOW, recorded(phases));
        expect(threads.ready, name).toBe(onThreads);
        // Only reads on the threads are counted one by one (the figures phase).
        expect(phases.includes('meetings.figures'), name).toBe(onThreads);
        expect(reports, name).toBe(reportsOnThreads);
        expect(readSnapshot(ws, m.id), name).not.toBeNull();
      } finally {
        await threads.close();
      }
    }
  });
});
