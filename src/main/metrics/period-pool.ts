import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { currentNativeBinding } from '../db/driver';
import type { Workspace } from '../workspace/workspace';
import {
  assembleReport,
  computeReport,
  computeWeekFigures,
  planReport,
  type PeriodTask,
  type ReportOptions,
} from './service';
import type { PeriodJob, PeriodReply, PeriodRequest } from './period-worker';
import { errorFromPayload } from '../../shared/errors';
import type { PeriodFigures, Report, WeekFigures } from '../../shared/metrics/types';

/** A report has at most three periods: the current one, the previous one and a year earlier. */
const MAX_WORKERS = 3;
/** How long `release` waits for a thread busy with a period (one takes well under a second on a million leads). */
const RELEASE_WAIT_MS = 10_000;

/**
 * The worker's entry: the bundle's sibling in the desktop app, else the TypeScript source through
 * tsx (the CLI, the local server and tests run the sources).
 */
export function spawnPeriodWorker(released: Int32Array): Worker {
  const here = fileURLToPath(import.meta.url);
  const workerData = { nativeBinding: currentNativeBinding(), released };
  if (here.endsWith('.cjs')) return new Worker(path.join(path.dirname(here), 'period-worker.cjs'), { workerData });
  const source = new URL('./period-worker.ts', import.meta.url).href;
  return new Worker(
    `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`,
    { eval: true, workerData },
  );
}

interface Pending {
  resolve(value: PeriodFigures | WeekFigures | null): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  readonly started: Promise<boolean>;
  /** Set to 1 by the thread once it has closed its connection after a `release`. */
  readonly released: Int32Array;
  ready: boolean;
  /** Jobs sent and not answered yet. */
  queued: number;
}

/**
 * Threads that compute a report's periods side by side, each on its own read-only connection.
 * A report is CPU-bound in SQLite, one period after another on one connection; its periods are
 * independent, so on a machine with cores to spare they take about the time of the slowest one.
 * The threads start in the background on first use; until they are ready (and if one ever fails)
 * `run` answers null and the caller computes on its own connection, so no report waits for them.
 */
export class PeriodPool {
  private slots: Slot[] = [];
  private up = false;
  private broken = false;
  private closing = false;
  private lastId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly spawn: (released: Int32Array) => Worker = spawnPeriodWorker,
    // One thread per period even on two cores: the caller's thread only waits, and three equal
    // periods on two threads leave one core idle for the third.
    readonly size = os.availableParallelism() >= 2 ? MAX_WORKERS : 1,
  ) {}

  /** Whether a report would run on the threads now. */
  get ready(): boolean {
    return this.up && !this.broken;
  }

  /** Starts the threads if they are not running; resolves once they are ready (false if they cannot be). */
  async warm(): Promise<boolean> {
    if (this.broken || this.closing || this.size < 2) return false;
    try {
      while (this.slots.length < this.size) {
        const released = new Int32Array(new SharedArrayBuffer(4));
        this.slots.push(this.start(this.spawn(released), released));
      }
    } catch {
      this.stop();
      return false;
    }
    this.up = (await Promise.all(this.slots.map((s) => s.started))).every(Boolean) && !this.broken;
    return this.up;
  }

  private start(worker: Worker, released: Int32Array): Slot {
    // The threads never keep a process alive: the CLI's server, say, ends when its work ends.
    worker.unref();
    let slot: Slot | null = null;
    const started = new Promise<boolean>((resolve) => {
      worker.on('message', (reply: PeriodReply) => {
        if (reply.kind === 'ready') {
          slot!.ready = true;
          return resolve(true);
        }
        const p = this.pending.get(reply.id);
        if (!p) return;
        this.pending.delete(reply.id);
        slot!.queued--;
        if (reply.kind === 'done') return p.resolve(reply.value);
        const { name, message, app } = reply.error;
        p.reject(app ? errorFromPayload(app) : Object.assign(new Error(message), { name }));
      });
      worker.on('error', () => {
        resolve(false);
        this.stop();
      });
      worker.on('exit', () => {
        resolve(false);
        if (!this.closing) this.stop();
      });
    });
    slot = { worker, started, released, ready: false, queued: 0 };
    return slot;
  }

  /** A thread failed: no more reports go to the pool, and those in flight are computed again by their caller. */
  private stop(): void {
    this.broken = true;
    for (const p of this.pending.values()) p.resolve(null);
    this.pending.clear();
    void this.close();
  }

  /** The job's figures from the least busy thread; null if that thread failed meanwhile. */
  private ask<T extends PeriodFigures | WeekFigures>(file: string, job: PeriodJob): Promise<T | null> {
    const slot = this.slots.reduce((a, b) => (b.queued < a.queued ? b : a));
    const id = ++this.lastId;
    return new Promise<T | null>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject });
      slot.queued++;
      slot.worker.postMessage({ kind: 'compute', id, file, job } satisfies PeriodRequest);
    });
  }

  /**
   * The periods' figures computed on the threads, in the order of `tasks`; null when the threads
   * are not ready (they start now, for the next report) or one failed meanwhile.
   */
  async run(file: string, options: ReportOptions, tasks: readonly PeriodTask[]): Promise<PeriodFigures[] | null> {
    if (!this.ready) {
      void this.warm();
      return null;
    }
    const figures = await Promise.all(
      tasks.map((task) => this.ask<PeriodFigures>(file, { figures: 'period', options, task })),
    );
    return figures.every((f) => f !== null) ? figures : null;
  }

  /** `computeWeekFigures` on a thread; null as for `run`. */
  async week(file: string, options: Omit<ReportOptions, 'compare'>): Promise<WeekFigures | null> {
    if (!this.ready) {
      void this.warm();
      return null;
    }
    return this.ask<WeekFigures>(file, { figures: 'week', options });
  }

  /**
   * Closes the threads' connections and waits until they are closed: the workspace is closing, and
   * its file may be replaced or removed next. A thread still starting has opened none.
   */
  release(): void {
    const open = this.slots.filter((s) => s.ready);
    for (const s of open) {
      Atomics.store(s.released, 0, 0);
      s.worker.postMessage({ kind: 'release' } satisfies PeriodRequest);
    }
    for (const s of open) {
      if (Atomics.wait(s.released, 0, 0, RELEASE_WAIT_MS) === 'timed-out') this.stop();
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.up = false;
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** What a write to the workspace changes on this connection: its own changes and others' commits. */
function writeMark(ws: Workspace): string {
  return `${String(ws.db.pragma('data_version', { simple: true }))}:${String(ws.db.prepare('SELECT total_changes()').pluck().get())}`;
}

/**
 * A value the threads computed, if nothing was written while they read: each thread reads the last
 * committed state on its own connection, statement by statement, so a write meanwhile could leave
 * the figures of one answer from two states. Then (or without threads) it is computed here, on the
 * workspace's connection, which no one can write to while it reads.
 */
async function onThreads<T>(ws: Workspace, threads: () => Promise<T | null>, here: () => T): Promise<T> {
  const before = writeMark(ws);
  // Inside a transaction of its own, this connection reads what it has not committed yet.
  const value = ws.db.inTransaction ? null : await threads();
  return value !== null && writeMark(ws) === before ? value : here();
}

/** `computeReport` with its periods side by side on the pool's threads. */
export function computeReportOn(pool: PeriodPool, ws: Workspace, options: ReportOptions): Promise<Report> {
  const plan = planReport(ws, options);
  // The instant and pairs are fixed here, so every thread reads exactly the same ones.
  const fixed: ReportOptions = { ...options, asOf: plan.ctx.asOf, pairs: plan.pairs };
  return onThreads(
    ws,
    async () => {
      const figures = await pool.run(ws.db.name, fixed, plan.tasks);
      return figures && assembleReport(plan, options, figures);
    },
    () => computeReport(ws, fixed),
  );
}

/** `computeWeekFigures` on one of the pool's threads, leaving the caller's thread free meanwhile. */
export function computeWeekOn(
  pool: PeriodPool,
  ws: Workspace,
  options: Omit<ReportOptions, 'compare'>,
): Promise<WeekFigures> {
  const fixed = { ...options, asOf: options.asOf ?? Date.now() };
  return onThreads(
    ws,
    () => pool.week(ws.db.name, fixed),
    () => computeWeekFigures(ws, fixed),
  );
}
