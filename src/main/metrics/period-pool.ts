import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Statement } from 'better-sqlite3';
import { currentNativeBinding } from '../db/driver';
import type { Workspace } from '../workspace/workspace';
import {
  assembleReport,
  computeReport,
  computeWeekFigures,
  planReport,
  reportOf,
  type PeriodTask,
  type ReportOptions,
  type ReportPlan,
  type WeekOptions,
} from './service';
import type { PeriodAnswer, PeriodJob, PeriodReply, PeriodRequest } from './period-worker';
import { AppError } from '../../shared/errors';
import { fromThreadError } from '../runtime/thread-error';
import type { PeriodFigures, Report, WeekFigures } from '../../shared/metrics/types';
import type { FrozenFigure } from '../meetings/drill-freeze';
import { preview, type PreviewOptions, type PreviewReads } from '../definitions/preview';
import type { JobControl } from '../jobs/registry';
import type { ImpactPreview } from '../../shared/definitions/types';

/** A report has at most three periods: the current one, the previous one and a year earlier. */
const MAX_WORKERS = 3;
/** How long `release` waits for a thread busy with a period (one takes well under a second on a million leads). */
const RELEASE_WAIT_MS = 10_000;
/** A request that took this long on the workspace connection starts the threads for the next ones. */
const WORTH_THREADS_MS = 150;
/** How long a request waits for threads that are starting before it computes on its own connection. */
const STARTING_WAIT_MS = 5_000;
/** From about this many leads a week's full report takes `WORTH_THREADS_MS` on one connection. */
const WORTH_THREADS_LEADS = 200_000;

/**
 * The worker's entry: the bundle's sibling in the desktop app, else the TypeScript source through
 * tsx (the CLI, the local server and tests run the sources).
 */
export function spawnPeriodWorker(released: Int32Array): Worker {
  const here = fileURLToPath(import.meta.url);
  const workerData = { nativeBinding: currentNativeBinding(), released };
  if (here.endsWith('.cjs')) return new Worker(path.join(path.dirname(here), 'period-worker.cjs'), { workerData });
  return new Worker(new URL('./period-worker-source.mjs', import.meta.url), { workerData });
}

interface Pending {
  resolve(value: PeriodAnswer | null): void;
  reject(error: Error): void;
  told?: PreviewReads | undefined;
}

/** How a caller follows a job that reports its reads, and stops it (1 in `stop`) before the next. */
export interface ReadsWatch {
  readonly told: PreviewReads;
  readonly stop: Int32Array;
}

interface Slot {
  readonly worker: Worker;
  readonly started: Promise<boolean>;
  /** Set to 1 by the thread once it has closed its connection after a `release`. */
  readonly released: Int32Array;
  ready: boolean;
  /** Jobs sent and not answered yet. */
  queued: number;
  /** Let go on purpose (release, close): its exit is no failure. */
  retired: boolean;
}

/**
 * Threads that compute a report's periods side by side, each on its own read-only connection.
 * A report is CPU-bound in SQLite, one period after another on one connection; its periods are
 * independent, so on a machine with cores to spare they take about the time of the slowest one.
 * Threads cost memory (tens of MB each), so they start only once a request computed on the
 * workspace connection took `worthAfterMs` or more, or as a workspace of `worthFromLeads` or more
 * opens, and stop when the workspace closes. A request that finds them starting waits for them (a
 * fraction of a second); until they are started and ready (and for good if one fails) `run` and
 * `week` answer null and the caller computes on its own connection.
 */
export class PeriodPool {
  private slots: Slot[] = [];
  private up = false;
  private broken = false;
  private closed = false;
  private lastId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly spawn: (released: Int32Array) => Worker = spawnPeriodWorker,
    // One thread per period even on two cores: the caller's thread only waits, and three equal
    // periods on two threads leave one core idle for the third.
    readonly size = os.availableParallelism() >= 2 ? MAX_WORKERS : 1,
    readonly worthAfterMs = WORTH_THREADS_MS,
    readonly worthFromLeads = WORTH_THREADS_LEADS,
  ) {}

  /**
   * Starts the threads in the background for a workspace just opened when its size alone says its
   * reports will be slow, so that no first request (a screen's figures, a meeting's start) computes
   * on the workspace connection, holding the process, to find it out.
   */
  warmFor(leads: number): void {
    if (leads >= this.worthFromLeads) void this.warm();
  }

  /** Whether a request would run on the threads now. */
  get ready(): boolean {
    return this.up && !this.broken;
  }

  /** Whether threads are running or starting. */
  get started(): boolean {
    return this.slots.length > 0;
  }

  /**
   * Whether threads already starting are ready within `ms` (they take a fraction of a second); false
   * at once when none are starting, so a request never waits for threads nobody started.
   */
  async startedWithin(ms: number): Promise<boolean> {
    if (this.ready) return true;
    if (!this.started) return false;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)));
    try {
      return await Promise.race([this.warm(), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Starts the threads if they are not running; resolves once they are ready (false if they cannot be). */
  async warm(): Promise<boolean> {
    if (this.broken || this.closed || this.size < 2) return false;
    try {
      while (this.slots.length < this.size) {
        const released = new Int32Array(new SharedArrayBuffer(4));
        this.slots.push(this.start(this.spawn(released), released));
      }
    } catch {
      this.stop();
      return false;
    }
    const slots = this.slots;
    const ok = (await Promise.all(slots.map((s) => s.started))).every(Boolean);
    // Released or failed meanwhile: these threads are not the pool's any more.
    if (slots !== this.slots || this.broken) return false;
    this.up = ok;
    return ok;
  }

  private start(worker: Worker, released: Int32Array): Slot {
    // The threads never keep a process alive: the CLI's server, say, ends when its work ends.
    worker.unref();
    const slot: Slot = {
      worker,
      started: new Promise<boolean>((resolve) => {
        worker.on('message', (reply: PeriodReply) => {
          if (reply.kind === 'ready') {
            slot.ready = true;
            return resolve(true);
          }
          const p = this.pending.get(reply.id);
          if (!p) return;
          if (reply.kind === 'progress') return p.told?.(reply.done, reply.total);
          this.pending.delete(reply.id);
          slot.queued--;
          if (reply.kind === 'done') return p.resolve(reply.value);
          p.reject(fromThreadError(reply.error));
        });
        worker.on('error', () => {
          resolve(false);
          if (!slot.retired) this.stop();
        });
        worker.on('exit', () => {
          resolve(false);
          if (!slot.retired) this.stop();
        });
      }),
      released,
      ready: false,
      queued: 0,
      retired: false,
    };
    return slot;
  }

  /** Ends the threads; whatever they had in flight is computed again by its caller. */
  private retire(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    this.up = false;
    for (const p of this.pending.values()) p.resolve(null);
    this.pending.clear();
    for (const s of slots) s.retired = true;
    return Promise.all(slots.map((s) => s.worker.terminate())).then(() => undefined);
  }

  /** A thread failed: no more requests go to the pool. */
  private stop(): void {
    this.broken = true;
    void this.retire();
  }

  /** The job's figures from the least busy thread; null if that thread failed meanwhile. */
  private ask<T extends PeriodAnswer>(file: string, job: PeriodJob, watch?: ReadsWatch): Promise<T | null> {
    const slot = this.slots.reduce((a, b) => (b.queued < a.queued ? b : a));
    const id = ++this.lastId;
    return new Promise<T | null>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject, told: watch?.told });
      slot.queued++;
      slot.worker.postMessage({ kind: 'compute', id, file, job, stop: watch?.stop } satisfies PeriodRequest);
    });
  }

  /**
   * The periods' figures computed on the threads, in the order of `tasks`; null when the threads
   * are not ready or one failed meanwhile.
   */
  async run(file: string, options: ReportOptions, tasks: readonly PeriodTask[]): Promise<PeriodFigures[] | null> {
    if (!this.ready) return null;
    const figures = await Promise.all(
      tasks.map((task) => this.ask<PeriodFigures>(file, { figures: 'period', options, task })),
    );
    return figures.every((f) => f !== null) ? figures : null;
  }

  /** `computeWeekFigures` on a thread; null as for `run`. */
  async week(file: string, options: WeekOptions): Promise<WeekFigures | null> {
    if (!this.ready) return null;
    return this.ask<WeekFigures>(file, { figures: 'week', options });
  }

  /** `freezeDrills` of a meeting's report on a thread; null as for `run`. */
  async drills(file: string, report: Report): Promise<FrozenFigure[] | null> {
    if (!this.ready) return null;
    return this.ask<FrozenFigure[]>(file, { figures: 'drills', report });
  }

  /** A definition revision's impact preview on a thread; null as for `run`. */
  async preview(file: string, options: PreviewOptions, watch?: ReadsWatch): Promise<ImpactPreview | null> {
    if (!this.ready) return null;
    return this.ask<ImpactPreview>(file, { figures: 'preview', options }, watch);
  }

  /**
   * The workspace is closing, and its file may be replaced or removed next: waits until every
   * thread has closed its connection, then ends the threads (the next slow request starts them
   * again). A thread still starting has opened none.
   */
  release(): void {
    const open = this.slots.filter((s) => s.ready);
    for (const s of open) {
      Atomics.store(s.released, 0, 0);
      s.worker.postMessage({ kind: 'release' } satisfies PeriodRequest);
    }
    for (const s of open) Atomics.wait(s.released, 0, 0, RELEASE_WAIT_MS);
    void this.retire();
  }

  /**
   * `here`, computed on the caller's connection: one that took `worthAfterMs` or more starts the
   * threads for the requests after it.
   */
  computeHere<T>(here: () => T): T {
    const started = performance.now();
    const value = here();
    if (!this.started && performance.now() - started >= this.worthAfterMs) void this.warm();
    return value;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.retire();
  }
}

const markStatements = new WeakMap<Workspace['db'], Statement<[], string>>();

/** What a write to the workspace changes on this connection: its own changes and others' commits. */
export function writeMark(ws: Workspace): string {
  let stmt = markStatements.get(ws.db);
  if (!stmt) {
    stmt = ws.db
      .prepare<[], string>("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()")
      .pluck();
    markStatements.set(ws.db, stmt);
  }
  return stmt.get()!;
}

/**
 * What `threads` computed on the pool, if the threads are ready and nothing was written to the
 * workspace while they read; else null, and the caller computes on the workspace's connection,
 * which no one can write to while it reads. Each thread reads the last committed state on its own
 * connection, statement by statement, so a write meanwhile could leave an answer, or the answers
 * of one batch, from two states.
 */
export async function fromThreads<T>(
  pool: PeriodPool | null,
  ws: Workspace,
  threads: (pool: PeriodPool) => Promise<T | null>,
): Promise<T | null> {
  // Inside a transaction of its own, this connection reads what it has not committed yet.
  if (!pool || ws.db.inTransaction) return null;
  // Starting (a large workspace's open starts them): the moment they take beats computing here.
  if (!pool.ready && !(await pool.startedWithin(STARTING_WAIT_MS))) return null;
  const before = writeMark(ws);
  const value = await threads(pool);
  // Closed meanwhile (a restore, another workspace): what was read belongs to no open workspace.
  if (!ws.db.open) throw new AppError('workspace.closedMeanwhile');
  return value !== null && writeMark(ws) === before ? value : null;
}

/** The value from the threads (see `fromThreads`), else from `here`, on the workspace's connection. */
async function onThreads<T>(
  pool: PeriodPool | null,
  ws: Workspace,
  threads: (pool: PeriodPool) => Promise<T | null>,
  here: () => T,
): Promise<T> {
  const value = await fromThreads(pool, ws, threads);
  if (value !== null) return value;
  return pool ? pool.computeHere(here) : here();
}

/** The options with the plan's instant and pairs, so that every thread reads exactly the same ones. */
function fixedBy(plan: ReportPlan, options: ReportOptions): ReportOptions {
  return { ...options, asOf: plan.ctx.asOf, pairs: plan.pairs };
}

/** A report with its periods side by side on the pool's threads; null if a thread failed meanwhile. */
async function reportFromPlan(
  pool: PeriodPool,
  ws: Workspace,
  plan: ReportPlan,
  options: ReportOptions,
): Promise<Report | null> {
  const figures = await pool.run(ws.db.name, fixedBy(plan, options), plan.tasks);
  return figures && assembleReport(plan, options, figures);
}

/** A report computed on the pool's threads, for a batch inside `fromThreads`; null if a thread failed. */
export function reportOnThreads(pool: PeriodPool, ws: Workspace, options: ReportOptions): Promise<Report | null> {
  return reportFromPlan(pool, ws, planReport(ws, options), options);
}

/** `computeReport` with its periods side by side on the pool's threads (without a pool, or until it is ready: here). */
export function computeReportOn(pool: PeriodPool | null, ws: Workspace, options: ReportOptions): Promise<Report> {
  const plan = planReport(ws, options);
  let triedThreads = false;
  return onThreads(
    pool,
    ws,
    (ready) => {
      triedThreads = true;
      return reportFromPlan(ready, ws, plan, options);
    },
    // After the threads were tried (a write meanwhile, or a thread failed), the plan is read again too.
    () => (triedThreads ? computeReport(ws, fixedBy(plan, options)) : reportOf(plan, options)),
  );
}

/** `computeWeekFigures` on one of the pool's threads, leaving the caller's thread free meanwhile. */
export function computeWeekOn(pool: PeriodPool | null, ws: Workspace, options: WeekOptions): Promise<WeekFigures> {
  const fixed = { ...options, asOf: options.asOf ?? Date.now() };
  return onThreads(
    pool,
    ws,
    (ready) => ready.week(ws.db.name, fixed),
    () => computeWeekFigures(ws, fixed),
  );
}

/**
 * `definitions.preview` on one of the pool's threads (seconds on a million leads), else here, its
 * reads counted in the job's progress. A cancel ends the job at once and stops the thread before
 * its next read, so the next preview asked does not queue behind it.
 */
export function computePreviewOn(
  pool: PeriodPool | null,
  ws: Workspace,
  options: PreviewOptions,
  ctl: JobControl,
): Promise<ImpactPreview> {
  const fixed = { ...options, asOf: options.asOf ?? Date.now() };
  const told: PreviewReads = (done, total) => ctl.progress({ done, total, phase: 'definitions.preview' });
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const stopThread = (): void => void Atomics.store(stop, 0, 1);
  if (ctl.signal.aborted) stopThread();
  else ctl.signal.addEventListener('abort', stopThread, { once: true });
  return ctl.until(
    onThreads(
      pool,
      ws,
      (ready) => ready.preview(ws.db.name, fixed, { told, stop }),
      () => preview(ws, fixed, told),
    ),
  );
}
