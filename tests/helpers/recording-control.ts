import type { JobControl } from '../../src/main/jobs/registry';
import { AppError } from '../../src/shared/errors';
import type { JobProgress } from '../../src/shared/jobs/types';

/**
 * A job's control that records every progress update, and asks to stop as a user would once
 * `stopAt` says so of an update: the next checkpoint then throws `jobs.cancelled`.
 */
export function recordingControl(stopAt: (update: Partial<JobProgress>) => boolean = () => false): {
  ctl: JobControl;
  seen: Array<Partial<JobProgress>>;
} {
  const seen: Array<Partial<JobProgress>> = [];
  const controller = new AbortController();
  const ctl: JobControl = {
    signal: controller.signal,
    progress: (update) => {
      seen.push(update);
      if (stopAt(update)) controller.abort();
    },
    checkpoint: () => {
      if (controller.signal.aborted) throw new AppError('jobs.cancelled');
    },
    until: (work) => work,
  };
  return { ctl, seen };
}
