import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../shared/jobs/types';
import { useApi, useLocale } from '../app-context';
import { formatBytes, formatPercent } from '../format';
import { Button } from './Button';

const POLL_MS = 300;

/** The session's work on a whole workspace file, each a job the session's request waits on. */
export type FileJobKind = 'workspace.open' | 'workspace.restore';

/**
 * The progress of an open (its file read through first, so the check after it reads memory) or a
 * restore (the backup copied and checked, the current state kept), in bytes, and a cancel that
 * leaves the workspace as it was. Shown where the work was asked (the open or restore dialog) and
 * in the session's busy status. A step with no progress to tell (a check) shows a moving bar.
 */
export function FileJobProgress({ kind }: { kind: FileJobKind }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const [job, setJob] = useState<JobStatus | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      while (live) {
        const jobs = await api.jobs.list({}).catch((): JobStatus[] => []);
        if (!live) return;
        setJob(jobs.find((j) => j.kind === kind && j.state === 'running') ?? null);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    })();
    return () => {
      live = false;
    };
  }, [api, kind]);
  if (!job) return null;
  const { done, total, phase } = job.progress;
  const what = t(`jobs.${phase}`);
  return (
    <div className="job-line file-job-progress">
      <progress max={total ?? undefined} value={total ? done : undefined} aria-label={what} />
      <span>
        {what}
        {total
          ? ` ${t('app.busy.ofSize', { percent: formatPercent(locale, done / total, 0), size: formatBytes(locale, total) })}`
          : null}
      </span>
      <Button size="sm" onClick={() => void api.jobs.cancel({ id: job.id }).catch(() => undefined)}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
