import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { storageError } from '../db/storage-errors';
import type { JobProgress, JobStatus } from '../../shared/jobs/types';

export interface JobControl {
  readonly signal: AbortSignal;
  /** Reports progress; cheap enough to call per chunk. */
  progress(update: Partial<Omit<JobProgress, 'rate'>>): void;
  /** Throws `jobs.cancelled` when the user asked to stop; call between chunks. */
  checkpoint(): void;
  /**
   * `work`'s value, or `jobs.cancelled` as soon as the user asks to stop, for work the job waits
   * on but cannot interrupt (reads on other threads): their answers are then dropped.
   */
  until<T>(work: Promise<T>): Promise<T>;
}

function cancelledBy(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    const cancel = (): void => reject(new AppError('jobs.cancelled'));
    if (signal.aborted) cancel();
    else signal.addEventListener('abort', cancel, { once: true });
  });
}

/** The control of work run outside any job (one-shot callers, tests): never cancelled, progress unseen. */
export const unobserved: JobControl = {
  signal: new AbortController().signal,
  progress: () => undefined,
  checkpoint: () => undefined,
  until: (work) => work,
};

interface Job {
  status: JobStatus;
  controller: AbortController;
  /** Settles with the final status, for callers that wait on the job rather than poll it. */
  readonly ended: Promise<JobStatus>;
  end(status: JobStatus): void;
}

const MAX_FINISHED = 50;

/**
 * Runs long work in the background of a session, with progress the front ends poll and a cancel
 * that the work observes at its checkpoints (and rolls back).
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  start<R>(kind: string, run: (ctl: JobControl) => Promise<R>, unit = 'rows'): JobStatus<R> {
    return this.launch(kind, run, unit, null);
  }

  /**
   * `start` for work on one `subject`, unless a job of that kind on it is still running and not
   * asked to stop: its status then, so a second request for the same work (a second click, a page
   * come back to) follows the first. Subjects name things of the open workspace: closing it
   * cancels every job.
   */
  startOnce<R>(subject: string, kind: string, run: (ctl: JobControl) => Promise<R>, unit = 'rows'): JobStatus<R> {
    const running = [...this.jobs.values()].find(
      (j) =>
        j.status.subject === subject &&
        j.status.kind === kind &&
        j.status.state === 'running' &&
        !j.controller.signal.aborted,
    );
    return running ? (running.status as JobStatus<R>) : this.launch(kind, run, unit, subject);
  }

  private launch<R>(
    kind: string,
    run: (ctl: JobControl) => Promise<R>,
    unit: string,
    subject: string | null,
  ): JobStatus<R> {
    const id = randomUUID();
    const controller = new AbortController();
    const startedAt = Date.now();
    let end: (status: JobStatus) => void = () => undefined;
    const ended = new Promise<JobStatus>((resolve) => (end = resolve));
    const job: Job = {
      ended,
      end,
      controller,
      status: {
        id,
        kind,
        subject,
        state: 'running',
        startedAt,
        endedAt: null,
        progress: { done: 0, total: null, unit, rate: 0, phase: 'phase.starting' },
        result: null,
        error: null,
      },
    };
    this.jobs.set(id, job);
    const ctl: JobControl = {
      signal: controller.signal,
      progress: (update) => {
        const p = { ...job.status.progress, ...update };
        const seconds = (Date.now() - startedAt) / 1000;
        job.status = { ...job.status, progress: { ...p, rate: seconds > 0 ? p.done / seconds : 0 } };
      },
      checkpoint: () => {
        if (controller.signal.aborted) throw new AppError('jobs.cancelled');
      },
      until: (work) => Promise.race([work, cancelledBy(controller.signal)]),
    };
    // Start on the next turn so the caller gets the id before any work (and any failure) happens.
    setImmediate(() => {
      run(ctl).then(
        (result) => this.finish(job, 'done', result, null),
        (e: unknown) => {
          if (e instanceof AppError && e.code === 'jobs.cancelled') this.finish(job, 'cancelled', null, null);
          else if (e instanceof AppError) this.finish(job, 'failed', null, e);
          else
            this.finish(
              job,
              'failed',
              null,
              storageError(e) ?? new AppError('internal', { detail: String((e as Error)?.message ?? e) }),
            );
        },
      );
    });
    this.prune();
    return job.status as JobStatus<R>;
  }

  get(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('jobs.notFound', { id });
    return job.status;
  }

  cancel(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('jobs.notFound', { id });
    if (job.status.state === 'running') job.controller.abort();
    return job.status;
  }

  list(): JobStatus[] {
    return [...this.jobs.values()].map((j) => j.status).sort((a, b) => b.startedAt - a.startedAt);
  }

  /** Resolves with the final status when the job has ended; `onProgress` hears it every `intervalMs` meanwhile. */
  async wait(id: string, onProgress?: (s: JobStatus) => void, intervalMs = 100): Promise<JobStatus> {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('jobs.notFound', { id });
    if (!onProgress) return job.ended;
    for (;;) {
      const s = this.get(id);
      onProgress?.(s);
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.status.state === 'running') job.controller.abort();
  }

  private finish(job: Job, state: JobStatus['state'], result: unknown, error: AppError | null): void {
    job.status = { ...job.status, state, endedAt: Date.now(), result, error: error ? error.toPayload() : null };
    job.end(job.status);
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED))) this.jobs.delete(j.status.id);
  }
}
