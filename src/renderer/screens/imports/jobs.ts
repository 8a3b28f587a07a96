import type { Api } from '../../../shared/contract';
import type { ApiErrorPayload } from '../../../shared/errors';
import type { ImportProgress, ImportResult, UndoResult } from '../../../shared/imports/types';
import type { JobState, JobStatus } from '../../../shared/jobs/types';
import { asAppError } from '../../transport/envelope';

/** One look at a job: its state, its result once done, and the import's own figures while it runs. */
export interface JobSnapshot<R> {
  readonly jobId: string;
  readonly state: JobState;
  readonly result: R | null;
  readonly error: ApiErrorPayload | null;
  readonly progress: ImportProgress | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `jobs.get` answers for any kind of job; these guards tell an import's or an undo's result apart. */
export function isImportResult(value: unknown): value is ImportResult {
  return (
    isRecord(value) &&
    (value.status === 'applied' || value.status === 'rejected' || value.status === 'validated') &&
    isRecord(value.counts)
  );
}

export function isUndoResult(value: unknown): value is UndoResult {
  return isRecord(value) && typeof value.batchId === 'number' && typeof value.leadsDeleted === 'number';
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Polls a job until it ends (or `signal` aborts), reporting each look. Imports also report rows,
 * bytes and rates through `imports.progress`; a failed progress read is not a failed job.
 */
export async function followJob<R>(
  api: Api,
  first: JobStatus<R>,
  isResult: (value: unknown) => value is R,
  onUpdate: (snapshot: JobSnapshot<R>) => void,
  signal: AbortSignal,
  options: { readonly importProgress?: boolean; readonly intervalMs?: number } = {},
): Promise<JobSnapshot<R>> {
  const interval = options.intervalMs ?? 250;
  let status: JobStatus<unknown> = first;
  for (;;) {
    let progress: ImportProgress | null = null;
    if (options.importProgress) {
      try {
        progress = await api.imports.progress({ jobId: status.id });
      } catch {
        progress = null;
      }
    }
    const snapshot: JobSnapshot<R> = {
      jobId: status.id,
      state: status.state,
      result: isResult(status.result) ? status.result : null,
      error: status.error,
      progress,
    };
    if (signal.aborted) return snapshot;
    onUpdate(snapshot);
    if (status.state !== 'running') return snapshot;
    await sleep(interval, signal);
    if (signal.aborted) return snapshot;
    try {
      status = await api.jobs.get({ id: status.id });
    } catch (e) {
      const failed: JobSnapshot<R> = { ...snapshot, state: 'failed', error: asAppError(e).toPayload() };
      onUpdate(failed);
      return failed;
    }
  }
}
