import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobStatus } from '../../shared/jobs/types';
import { useApi, useLocale } from '../app-context';
import { formatBytes, formatPercent } from '../format';
import { Button } from './Button';

const POLL_MS = 300;

/**
 * An open first reads its file through (the `workspace.open` job) so that the check after it reads
 * memory: that read's progress, and a cancel that leaves the workspace open before as it was.
 * Shown where the open was asked (the open dialog) and in the session's busy status.
 */
export function OpenProgress() {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const [reading, setReading] = useState<JobStatus | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      while (live) {
        const jobs = await api.jobs.list({}).catch((): JobStatus[] => []);
        if (!live) return;
        setReading(jobs.find((j) => j.kind === 'workspace.open' && j.state === 'running') ?? null);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    })();
    return () => {
      live = false;
    };
  }, [api]);
  const total = reading?.progress.total;
  if (!reading || !total) return null;
  return (
    <div className="job-line open-progress">
      <progress max={total} value={reading.progress.done} aria-label={t('app.busy.open')} />
      <span>
        {t('app.busy.read', {
          percent: formatPercent(locale, reading.progress.done / total, 0),
          size: formatBytes(locale, total),
        })}
      </span>
      <Button size="sm" onClick={() => void api.jobs.cancel({ id: reading.id }).catch(() => undefined)}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
