import type { ApiErrorPayload } from '../errors';

/** Long work (imports, exports, big recomputes) runs as a job the front end polls and may cancel. */
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  /** Units done so far and, when known, in total (rows, bytes, leads...). */
  readonly done: number;
  readonly total: number | null;
  readonly unit: string;
  /** Units per second over the run so far. */
  readonly rate: number;
  /** i18n key (without `jobs.` prefix) describing the current phase. */
  readonly phase: string;
}

export interface JobStatus<R = unknown> {
  readonly id: string;
  readonly kind: string;
  /**
   * The one thing the job works on (`meeting 12`), when it has one: a screen showing that thing
   * finds the job in `jobs.list` and follows it, after a reload or a page left and come back to.
   */
  readonly subject: string | null;
  readonly state: JobState;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly progress: JobProgress;
  readonly result: R | null;
  readonly error: ApiErrorPayload | null;
}
