import type { JobControl, JobRegistry } from '../../src/main/jobs/registry';

type Run = (ctl: JobControl) => Promise<unknown>;

/**
 * Holds the jobs of `kind` started through `jobs` until `release`, as on a large workspace where
 * they run for seconds: before their work (`at: 'start'`) or after it (`'end'`, its progress then
 * complete). A held job can be cancelled; `restore` puts the registry back and lets any go.
 */
export function holdJobs(
  jobs: JobRegistry,
  kind: string,
  at: 'start' | 'end' = 'start',
): { release: () => void; restore: () => void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held =
    (run: Run): Run =>
    async (ctl) => {
      if (at === 'start') await ctl.until(released);
      const value = await run(ctl);
      if (at === 'end') await ctl.until(released);
      return value;
    };
  const { start, startOnce } = jobs;
  jobs.start = ((k: string, run: Run, unit?: string) =>
    start.call(jobs, k, k === kind ? held(run) : run, unit)) as JobRegistry['start'];
  jobs.startOnce = ((subject: string, k: string, run: Run, unit?: string) =>
    startOnce.call(jobs, subject, k, k === kind ? held(run) : run, unit)) as JobRegistry['startOnce'];
  return {
    release,
    restore: () => {
      jobs.start = start;
      jobs.startOnce = startOnce;
      release();
    },
  };
}
