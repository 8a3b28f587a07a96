import type { JobStatus } from '../../shared/jobs/types';
import type { CliContext } from './io';

const POLL_MS = 100;

/**
 * Waits for a job to end, polling `jobs.get`; Ctrl+C asks it to stop (it rolls back and ends as
 * `cancelled`). `onTick` sees each running status, for commands that print progress.
 */
export async function followJob<R>(
  ctx: CliContext,
  started: JobStatus<R>,
  onTick?: (status: JobStatus<R>) => Promise<void> | void,
): Promise<JobStatus<R>> {
  const onSigint = (): void => {
    ctx.runtime.jobs.cancel(started.id);
  };
  process.once('SIGINT', onSigint);
  try {
    let status = started;
    while (status.state === 'running') {
      await onTick?.(status);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      status = await ctx.call<JobStatus<R>>('jobs.get', { id: started.id });
    }
    return status;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
