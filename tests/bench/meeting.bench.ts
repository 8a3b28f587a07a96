import { execSync } from 'node:child_process';
/**
 * Switching agenda steps of a running meeting on a 1,000,000-lead workspace, measured through the
 * browser: from the click on the agenda to the frame that shows the step, and to the frame after
 * it is fully drawn (nothing loading, charts painted). Goal: shown under 300 ms a step. The baseline, measured in the same run, is what a step would cost if
 * it read its figures live instead of from the snapshot: `metrics.report` for the reviewed week.
 *
 * The workspace is cached under os.tmpdir(): a consistent copy (VACUUM INTO) of the leads
 * benchmark's synthetic workspace when that exists, else the sample generator at 1M leads (slow,
 * once). BENCH_LEADS overrides the size. Needs Chromium (/usr/bin/chromium) and a built renderer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { createDispatch } from '../../src/main/runtime/dispatch';
import { handlers } from '../../src/main/runtime/handlers';
import { Runtime } from '../../src/main/runtime/runtime';
import { rendererDist } from '../../src/main/runtime/paths';
import { startServer } from '../../src/main/server/server';
import { Workspace } from '../../src/main/workspace/workspace';
import { generateSample } from '../../src/main/sample/generate';
import { listBackups } from '../../src/main/db/backups';
import type { MeetingDetail, MeetingSummary } from '../../src/shared/meetings/types';
import type { JobStatus } from '../../src/shared/jobs/types';
import { shiftWeek, weekOfDate } from '../../src/shared/meetings/week';
import { SYNTHETIC_VERSION } from '../fixtures/metrics/synthetic';

const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const CHROMIUM = '/usr/bin/chromium';
const TARGET_MS = 300;
const ROUNDS = 3;

function cacheDir(): string {
  const dir = path.join(os.tmpdir(), 'funnel-review-bench');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function build(file: string): void {
  const source = path.join(cacheDir(), `leads-synthetic-v${SYNTHETIC_VERSION}-${LEADS}.db`);
  const tmp = `${file}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  if (fs.existsSync(source)) {
    console.log(`  copying ${source}`);
    const db = new Database(source, { readonly: true });
    try {
      db.exec(`VACUUM INTO '${tmp.replace(/'/g, "''")}'`);
    } finally {
      db.close();
    }
  } else {
    console.log(`  generating the sample at ${LEADS.toLocaleString('en')} leads`);
    const ws = Workspace.create(tmp, { name: 'meeting bench' });
    try {
      generateSample(ws, { seed: 42, leads: LEADS });
    } finally {
      ws.close();
    }
  }
  fs.renameSync(tmp, file);
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const max = (v: number[]) => Math.max(...v);

/** Empties the OS page cache (Linux, as root); false where that is not allowed. */
function dropPageCache(): boolean {
  try {
    execSync('sync');
    fs.writeFileSync('/proc/sys/vm/drop_caches', '1');
    return true;
  } catch {
    return false;
  }
}

/**
 * An open of a file not in the page cache: read through first (a job with progress and cancel),
 * against the baseline, the integrity check reading the disk itself. Read-only, so neither takes a
 * lock nor writes a backup.
 */
async function timeColdOpen(runtime: Runtime, file: string): Promise<void> {
  if (!dropPageCache()) {
    console.log('cold open: not measured (emptying the page cache needs root on Linux)');
    return;
  }
  let t = performance.now();
  Workspace.open(file, { readOnly: true }).close();
  const baseline = performance.now() - t;
  dropPageCache();
  t = performance.now();
  await runtime.openWorkspace(file, true);
  const ours = performance.now() - t;
  const read = runtime.jobs.list().find((j) => j.kind === 'workspace.open');
  runtime.closeWorkspace();
  console.log(
    `workspace.open, file not in the page cache: read through first ${ours.toFixed(0)} ms ` +
      `(reading ${read?.endedAt ? read.endedAt - read.startedAt : '?'} ms, with progress and cancel); ` +
      `baseline (the check reading the disk) ${baseline.toFixed(0)} ms; ratio ${(ours / baseline).toFixed(2)}`,
  );
}

export async function run(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing`);
  if (!fs.existsSync(path.join(rendererDist, 'index.html'))) throw new Error('run "npm run build:renderer" first');
  const file = path.join(cacheDir(), `meeting-${LEADS}.db`);
  if (!fs.existsSync(file)) {
    console.log(`Building ${file} (once; cached afterwards)…`);
    build(file);
  } else console.log(`Using cached workspace ${file}`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-bench-meeting-'));
  const runtime = new Runtime({ dataDir, host: 'browser', appVersion: 'bench' });
  const dispatch = createDispatch(runtime, handlers);
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const r = await dispatch(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const server = await startServer({ runtime, dispatch, rendererDir: rendererDist });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    await timeColdOpen(runtime, file);
    // The first open of the day, which writes the daily backup: a job after the open answered, and
    // the baseline, the VACUUM INTO the open wrote it with before answering. Both with the file in
    // the page cache: read cold from this machine's disk, an open took 104 s.
    await call('workspace.open', { path: file });
    await call('workspace.close');
    for (const b of listBackups(file).filter((b) => b.reason === 'daily')) fs.rmSync(b.path);
    const opening = performance.now();
    const info = await call<{ lastEventAt: number | null; timeZone: string }>('workspace.open', { path: file });
    const answered = performance.now() - opening;
    const copy = runtime.jobs.list().find((j) => j.kind === 'workspace.dailyBackup');
    if (!copy) throw new Error('the open started no daily backup');
    const copied = await runtime.jobs.wait(copy.id, undefined, 20);
    const copiedAt = performance.now() - opening;
    const vacuumed = path.join(dataDir, 'vacuum-into.db');
    const vacuumStart = performance.now();
    runtime.requireWorkspace().db.prepare('VACUUM INTO ?').run(vacuumed);
    const vacuum = performance.now() - vacuumStart;
    fs.rmSync(vacuumed, { force: true });
    console.log(
      `workspace.open, first of the day: answered in ${answered.toFixed(0)} ms, daily backup ${copied.state} ` +
        `at ${copiedAt.toFixed(0)} ms in the background; baseline (VACUUM INTO before answering) ` +
        `${(answered + vacuum).toFixed(0)} ms; ratio ${(answered / (answered + vacuum)).toFixed(2)}`,
    );
    const last = new Date(info.lastEventAt ?? Date.now()).toISOString().slice(0, 10);
    // The last full week: the week of the last event is usually only begun.
    const week = shiftWeek(weekOfDate(last).week, -1).week;
    const meetings = await call<MeetingSummary[]>('meetings.list');
    // Only one meeting runs at a time: a running one (an earlier run's) is measured again.
    const running = meetings.find((m) => m.status === 'in_progress');
    let meeting: MeetingDetail;
    if (running?.week.week === week) meeting = await call<MeetingDetail>('meetings.get', { id: running.id });
    else {
      if (running) await call('meetings.end', { id: running.id });
      const taken = new Set(meetings.map((m) => m.week.week));
      let reviewed = week;
      for (let n = 1; taken.has(reviewed) && n < 52; n++) reviewed = shiftWeek(week, -n).week;
      const planned = await call<MeetingDetail>('meetings.plan', {
        week: reviewed,
        attendees: [
          { name: 'Marketing lead', role: 'marketing_lead' },
          { name: 'Sales lead', role: 'sales_lead' },
        ],
      });
      const t = performance.now();
      const started = await runtime.jobs.wait(
        (await call<JobStatus<MeetingDetail>>('meetings.start', { id: planned.id })).id,
      );
      if (started.state !== 'done')
        throw new Error(`meetings.start ended ${started.state}: ${JSON.stringify(started.error)}`);
      meeting = started.result as MeetingDetail;
      console.log(`meetings.start (freezes the snapshot), once: ${(performance.now() - t).toFixed(0)} ms`);
    }

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${server.url}#/review?meeting=${meeting.id}`);
    await page.locator('.meeting .step-title').waitFor({ timeout: 120_000 });
    const steps = meeting.agenda.steps.length;
    // Timed inside the page, from the click event to the frame that shows the step's title (then
    // to the frame after everything in the step is drawn), so Playwright's own round trips and the
    // input queue behind a busy main thread do not count as the app's time. Strings, not
    // functions: the bundler's helpers do not exist in the page.
    await page.evaluate(`(() => {
      const probe = { name: '', clickAt: 0, shown: null };
      window.__probe = probe;
      document.addEventListener('click', (e) => { probe.clickAt = e.timeStamp; }, true);
      new MutationObserver(() => {
        if (probe.shown !== null || probe.clickAt === 0) return;
        if (document.querySelector('.meeting .step-title')?.textContent !== probe.name) return;
        probe.shown = -1;
        requestAnimationFrame(() => { probe.shown = performance.now() - probe.clickAt; });
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    const times = new Map<number, number[]>();
    const drawnTimes = new Map<number, number[]>();
    for (let round = 0; round < ROUNDS + 1; round++) {
      for (let k = 1; k <= steps; k++) {
        const i = k % steps;
        const name = (await page.locator('.agenda-nav li').nth(i).locator('.agenda-name').textContent()) ?? '';
        await page.evaluate(
          `Object.assign(window.__probe, { name: ${JSON.stringify(name)}, clickAt: 0, shown: null })`,
        );
        await page.locator('.agenda-nav li').nth(i).locator('button').click();
        await page.waitForFunction('window.__probe.shown !== null && window.__probe.shown >= 0', undefined, {
          timeout: 120_000,
        });
        const shown = Number(await page.evaluate('window.__probe.shown'));
        // Drawn: nothing left loading in the step, and two frames painted after it (charts included).
        await page.locator('.meeting .step-body .spinner').first().waitFor({ state: 'detached', timeout: 600_000 });
        const drawn = Number(
          await page.evaluate(
            'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - window.__probe.clickAt))))',
          ),
        );
        // The first round warms the page (charts, fonts) and reads the funnel's as-of trend: not counted.
        if (round > 0) {
          times.set(i, [...(times.get(i) ?? []), shown]);
          drawnTimes.set(i, [...(drawnTimes.get(i) ?? []), drawn]);
        }
      }
    }
    const snapshot = await call<{ week: { from: string; to: string }; asOf: number }>('meetings.snapshot', {
      id: meeting.id,
    });
    const live: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const t = performance.now();
      await call('metrics.report', { from: snapshot.week.from, to: snapshot.week.to, asOf: snapshot.asOf });
      live.push(performance.now() - t);
    }
    const baseline = median(live);
    console.log(
      `Workspace ${LEADS.toLocaleString('en')} leads, week ${meeting.week.week}; median and worst of ${ROUNDS} rounds.`,
    );
    console.log(`Baseline: the week's figures read live (metrics.report): ${baseline.toFixed(0)} ms`);
    for (const [i, v] of [...times.entries()].sort((a, b) => a[0] - b[0])) {
      const m = median(v);
      const d = median(drawnTimes.get(i) ?? [NaN]);
      console.log(
        `step ${i} ${meeting.agenda.steps[i]!.kind.padEnd(12)} shown ${m.toFixed(0).padStart(5)} ms (worst ${max(v).toFixed(0)})` +
          `  target ${TARGET_MS} ms: ${m <= TARGET_MS ? 'met' : 'MISSED'}  ${(baseline / m).toFixed(1)}x faster than live;` +
          ` fully drawn ${d.toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    runtime.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
