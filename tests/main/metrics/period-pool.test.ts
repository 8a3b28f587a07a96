import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../../src/main/sample/generate';
import { computeReport, computeWeekFigures, type ReportOptions } from '../../../src/main/metrics/service';
import { computePreviewOn, computeReportOn, computeWeekOn, PeriodPool } from '../../../src/main/metrics/period-pool';
import { preview } from '../../../src/main/definitions/preview';
import { definitionsHandlers } from '../../../src/main/definitions/handlers';
import { metricsHandlers } from '../../../src/main/metrics/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { unobserved } from '../../../src/main/jobs/registry';
import { projectRoot } from '../../../src/main/runtime/paths';
import { AppError } from '../../../src/shared/errors';
import { Workspace } from '../../../src/main/workspace/workspace';
import { openDb } from '../../../src/main/db/driver';
import { tempWorkspace } from '../../fixtures/metrics/workspace';
import { withDesktopBundle } from '../../fixtures/desktop-bundle';

const END = Date.UTC(2026, 2, 16, 3); // Monday 16 March 2026, 00:00 in São Paulo
const WEEK = { from: '2026-03-09', to: '2026-03-15' };
const options: ReportOptions = { ...WEEK, filters: {}, withinDays: null, asOf: END + 9 * 3_600_000, compare: true };

let t: ReturnType<typeof tempWorkspace>;
let ws: Workspace;
let pool: PeriodPool;

/** Descriptors this process holds on the workspace file itself (Linux): one per open connection. */
function openHandles(file: string): number {
  const dir = '/proc/self/fd';
  return fs.readdirSync(dir).filter((fd) => {
    try {
      return fs.readlinkSync(path.join(dir, fd)) === file;
    } catch {
      return false;
    }
  }).length;
}

beforeAll(async () => {
  t = tempWorkspace('America/Sao_Paulo', 'pool');
  ws = t.ws;
  generateSample(ws, { seed: 11, leads: 3000, end: WEEK.to });
  pool = new PeriodPool(undefined, 3);
  expect(await pool.warm()).toBe(true);
}, 60_000);

afterAll(async () => {
  await pool.close();
  t.cleanup();
});

describe('report periods on threads', () => {
  it('gives exactly the report computed on the workspace connection, compared, filtered and windowed', async () => {
    for (const o of [
      options,
      { ...options, filters: { segment: ['Enterprise'] } },
      { ...options, withinDays: 30, pairs: [{ from: 'mql', to: 'won' }] },
      { ...options, compare: false },
    ]) {
      const expected = computeReport(ws, o);
      expect(expected.flow.mql, 'the week has leads to compare').toBeGreaterThan(0);
      expect(await computeReportOn(pool, ws, o)).toEqual(expected);
    }
  });

  it('gives exactly the week figures computed on the workspace connection, several asked at once', async () => {
    const weeks = ['2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09'].map((from) => ({
      from,
      to: new Date(Date.parse(from) + 6 * 86_400_000).toISOString().slice(0, 10),
      filters: {},
      withinDays: null,
      asOf: options.asOf,
    }));
    const onThreads = await Promise.all(weeks.map((w) => computeWeekOn(pool, ws, w)));
    expect(onThreads).toEqual(weeks.map((w) => computeWeekFigures(ws, w)));
    expect(new Set(onThreads.map((w) => w.flow.lead)).size, 'four different weeks').toBeGreaterThan(1);
  });

  it('runs the periods on the threads, each on a connection of its own', async () => {
    const ran = await pool.run(ws.db.name, options, [
      { period: { kind: 'week', ...WEEK }, asOf: options.asOf! },
    ] as never);
    expect(ran).toHaveLength(1);
    expect(openHandles(ws.db.name)).toBe(4);
  });

  it('closes every thread’s connection before release returns, and ends the threads', async () => {
    // Another workspace file: once every connection to it is closed, the process holds it no more.
    // (SQLite keeps a closed connection's descriptor while another one in the process holds a lock.)
    const copy = path.join(t.dir, 'copy.db');
    ws.db.exec(`VACUUM INTO '${copy.replaceAll("'", "''")}'`);
    let other = Workspace.open(copy);
    expect(await computeReportOn(pool, other, options)).toEqual(computeReport(other, options));
    expect(openHandles(copy)).toBe(4);
    pool.release();
    expect(pool.ready).toBe(false);
    other.close();
    expect(openHandles(copy)).toBe(0);

    other = Workspace.open(copy);
    expect(await pool.warm()).toBe(true);
    await computeReportOn(pool, other, options);
    other.close();
    expect(openHandles(copy), 'without a release, the threads keep it open').toBeGreaterThan(0);
    pool.release();
    expect(openHandles(copy)).toBe(0);
    expect(await pool.warm()).toBe(true);
  });

  it('starts its threads only after a request that took long enough on the workspace connection', async () => {
    const patient = new PeriodPool(undefined, 2, 60_000);
    expect(await computeReportOn(patient, ws, options)).toEqual(computeReport(ws, options));
    expect(patient.started, 'a report well under a minute').toBe(false);
    const eager = new PeriodPool(undefined, 2, 0);
    expect(await computeWeekOn(eager, ws, { ...WEEK, filters: {}, withinDays: null, asOf: options.asOf })).toEqual(
      computeWeekFigures(ws, { ...WEEK, filters: {}, withinDays: null, asOf: options.asOf }),
    );
    expect(eager.started).toBe(true);
    expect(await eager.warm()).toBe(true);
    await Promise.all([patient.close(), eager.close()]);
  });

  it('computes again on the workspace connection when a write lands while the threads read', async () => {
    const before = computeReport(ws, options);
    // The write lands after the threads have read, before their answer is used; from a connection
    // of its own, as an import's.
    const writer = openDb(ws.db.name, { fileMustExist: true });
    const run = pool.run.bind(pool);
    pool.run = async (...args) => {
      const figures = await run(...args);
      writer
        .prepare(
          `DELETE FROM stage_events WHERE id IN (SELECT e.id FROM stage_events e JOIN stages s ON s.id = e.stage_id
             WHERE s.key = 'mql' AND e.entered_at >= ? AND e.entered_at < ? LIMIT 5)`,
        )
        .run(END - 7 * 86_400_000, END);
      return figures;
    };
    try {
      const report = await computeReportOn(pool, ws, options);
      const after = computeReport(ws, options);
      expect(after.flow.mql).toBe(before.flow.mql! - 5);
      expect(report).toEqual(after);
    } finally {
      pool.run = run;
      writer.close();
    }
  });

  it('passes an expected failure back translatable, with its code and parameters', async () => {
    const failure = pool.run(ws.db.name, { ...options, pairs: [{ from: 'nowhere', to: 'won' }] }, [
      { period: { kind: 'week', ...WEEK }, asOf: options.asOf! },
    ] as never);
    await expect(failure).rejects.toBeInstanceOf(AppError);
    await expect(failure).rejects.toMatchObject({ code: 'metrics.unknownStage', params: { stage: 'nowhere' } });
  });

  it('answers null until its threads are up, and then for good if one cannot start', async () => {
    const broken = new PeriodPool(() => new Worker('throw new Error("no thread here")', { eval: true }), 2);
    expect(await broken.run(ws.db.name, options, [])).toBeNull();
    expect(await broken.warm()).toBe(false);
    expect(broken.ready).toBe(false);
    expect(await computeReportOn(broken, ws, options)).toEqual(computeReport(ws, options));
    await broken.close();
  });

  it('starts as a workspace opens when its size alone makes reports slow, and not for a small one', async () => {
    // The 3,000-lead workspace of these tests (a second connection to it), as a large one and as what it is.
    for (const [worthFromLeads, starts] of [
      [1_000, true],
      [1_000_000, false],
    ] as const) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-pool-open-'));
      const rt = new Runtime({ dataDir, host: 'cli', appVersion: 'test' });
      const threads = new PeriodPool(undefined, 2, undefined, worthFromLeads);
      rt.useReportThreads(threads);
      await rt.openWorkspace(t.file, false);
      expect(threads.started, `from ${worthFromLeads} leads`).toBe(starts);
      if (starts) expect(await threads.warm()).toBe(true);
      rt.dispose();
      await threads.close();
    }
  });

  it('has a request wait for threads that are starting, and never for threads nobody started or that hang', async () => {
    const starting = new PeriodPool(undefined, 2, 1e9);
    let runs = 0;
    const run = starting.run.bind(starting);
    starting.run = (...args) => {
      runs++;
      return run(...args);
    };
    try {
      // Off: computed on the workspace connection at once, the threads left off.
      expect(await computeReportOn(starting, ws, options)).toEqual(computeReport(ws, options));
      expect([runs, starting.started]).toEqual([0, false]);
      // Starting: the request waits for them and reads there.
      void starting.warm();
      expect(starting.ready).toBe(false);
      expect(await computeReportOn(starting, ws, options)).toEqual(computeReport(ws, options));
      expect(runs).toBe(1);
    } finally {
      await starting.close();
    }
    // A thread that never says it is ready is waited for no longer than asked.
    const hanging = new PeriodPool(() => new Worker('setInterval(() => {}, 1000)', { eval: true }), 2);
    void hanging.warm();
    const asked = performance.now();
    expect(await hanging.startedWithin(100)).toBe(false);
    expect(performance.now() - asked).toBeLessThan(2_000);
    await hanging.close();
  });

  it('is what the metrics.report handler uses once the host turns it on', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-pool-rt-'));
    const rt = new Runtime({ dataDir, host: 'cli', appVersion: 'test' });
    const used = new PeriodPool(undefined, 2);
    const runs: number[] = [];
    const run = used.run.bind(used);
    used.run = async (...args) => {
      const figures = await run(...args);
      runs.push(figures ? figures.length : 0);
      return figures;
    };
    const week = used.week.bind(used);
    used.week = async (...args) => {
      const figures = await week(...args);
      runs.push(figures ? 1 : 0);
      return figures;
    };
    rt.useReportThreads(used);
    try {
      rt.adopt(ws);
      expect(await used.warm()).toBe(true);
      expect(await metricsHandlers.report({ ...options, pairs: undefined }, rt)).toEqual(computeReport(ws, options));
      expect(runs).toEqual([3]);
      const one = { ...WEEK, filters: {}, withinDays: null, asOf: options.asOf };
      expect(await metricsHandlers.week(one, rt)).toEqual(computeWeekFigures(ws, one));
      expect(runs).toEqual([3, 1]);
    } finally {
      // The runtime would close the shared workspace: hand it nothing to close.
      (rt as unknown as { current: null }).current = null;
      await used.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('computes a revision’s impact preview on a thread, equal to the one on the workspace connection, for definitions.preview', async () => {
    const revisions = ws.db
      .prepare<[], number>(
        `SELECT r.id FROM definition_revisions r JOIN definitions d ON d.id = r.definition_id
         WHERE d.kind IN ('stage_criteria', 'icp', 'sla_terms') ORDER BY r.id`,
      )
      .pluck()
      .all();
    expect(revisions.length, 'the sample has rules and SLA terms to preview').toBeGreaterThan(1);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-pool-preview-'));
    const rt = new Runtime({ dataDir, host: 'cli', appVersion: 'test' });
    rt.useReportThreads(pool);
    const previewOnThread = pool.preview.bind(pool);
    let asked = 0;
    pool.preview = (...args) => {
      asked++;
      return previewOnThread(...args);
    };
    try {
      rt.adopt(ws);
      for (const revisionId of revisions) {
        const input = { revisionId, weeks: 8, asOf: options.asOf };
        const expected = preview(ws, input);
        expect(await computePreviewOn(pool, ws, input, unobserved)).toEqual(expected);
        const job = await definitionsHandlers.preview(input, rt);
        expect(await rt.jobs.wait(job.id, undefined, 5)).toMatchObject({ state: 'done', result: expected });
      }
      expect(asked).toBe(2 * revisions.length);
      // A cancel asked as soon as the job starts ends it; the next preview is not held up by it.
      const input = { revisionId: revisions[0]!, weeks: 26, asOf: options.asOf };
      const cancelled = await definitionsHandlers.preview(input, rt);
      rt.jobs.cancel(cancelled.id);
      expect((await rt.jobs.wait(cancelled.id, undefined, 5)).state).toBe('cancelled');
      const done = await rt.jobs.wait((await definitionsHandlers.preview(input, rt)).id, undefined, 5);
      expect(done).toMatchObject({ state: 'done', result: preview(ws, input) });
      // Its progress counted the reads, all of them by the end.
      expect(done.progress).toMatchObject({ unit: 'reads', phase: 'definitions.preview' });
      let reads = 0;
      preview(ws, input, (_done, total) => (reads = total));
      expect([done.progress.done, done.progress.total]).toEqual([reads, reads]);
      // Refused at once when there is nothing to preview: no job.
      const before = rt.jobs.list().length;
      expect(() => definitionsHandlers.preview({ revisionId: 99_999, weeks: 8 }, rt)).toThrow(
        expect.objectContaining({ code: 'definitions.revisionNotFound' }),
      );
      expect(rt.jobs.list()).toHaveLength(before);
    } finally {
      pool.preview = previewOnThread;
      // The runtime would close the shared workspace and release the pool: hand it nothing to close.
      (rt as unknown as { current: null }).current = null;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('tells a preview’s reads as they happen, and stops it before its next read once told to', async () => {
    const revisionId = ws.db
      .prepare<[], number>(
        "SELECT r.id FROM definition_revisions r JOIN definitions d ON d.id = r.definition_id WHERE d.kind = 'sla_terms'",
      )
      .pluck()
      .get()!;
    const input = { revisionId, weeks: 4, asOf: options.asOf };
    const told: Array<[number, number]> = [];
    const go = new Int32Array(new SharedArrayBuffer(4));
    expect(await pool.preview(ws.db.name, input, { told: (d, n) => told.push([d, n]), stop: go })).toEqual(
      preview(ws, input),
    );
    // SLA terms over 4 weeks: per window the follow-up under each version and the flow, and the accepted share twice.
    expect(told).toEqual(Array.from({ length: 18 }, (_, i) => [i, 17]));
    const stop = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(stop, 0, 1);
    const heard: number[] = [];
    await expect(pool.preview(ws.db.name, input, { told: (d) => heard.push(d), stop })).rejects.toMatchObject({
      code: 'jobs.cancelled',
    });
    expect(heard).toEqual([]);
    // The thread is free again.
    expect(await pool.preview(ws.db.name, input)).toEqual(preview(ws, input));
  });

  it('starts its threads from the sources whatever the working directory (npx funnel-review serve anywhere)', () => {
    const script = path.join(t.dir, 'warm.mts');
    const pool = pathToFileURL(path.join(projectRoot, 'src/main/metrics/period-pool.ts')).href;
    fs.writeFileSync(
      script,
      `import { PeriodPool } from ${JSON.stringify(pool)};\n` +
        'const p = new PeriodPool(undefined, 2);\nconsole.log(await p.warm());\nawait p.close();\n',
    );
    const tsx = path.join(projectRoot, 'node_modules/tsx/dist/esm/index.mjs');
    const out = execFileSync(process.execPath, ['--import', pathToFileURL(tsx).href, script], {
      cwd: os.tmpdir(),
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('true');
  });

  it('runs from the desktop bundle’s own worker file', async () => {
    await withDesktopBundle(async (out) => {
      const bundled = new PeriodPool(
        (released) => new Worker(path.join(out, 'period-worker.cjs'), { workerData: { released } }),
        2,
      );
      expect(await bundled.warm()).toBe(true);
      expect(await computeReportOn(bundled, ws, options)).toEqual(computeReport(ws, options));
      await bundled.close();
    });
  }, 120_000);
});
