import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../shared/jobs/types';
import { useLocale } from '../app-context';
import { formatInteger } from '../format';

/**
 * A job's progress counted in reads (a meeting's start, an impact preview): its bar, what it does
 * (`label`, else its phase), and "7 of 13 read" once the total is known.
 */
export function ReadsProgress({ progress, label }: { progress: JobProgress; label?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const what = label ?? t(`jobs.${progress.phase}`);
  return (
    <>
      <progress
        max={progress.total ?? undefined}
        value={progress.total === null ? undefined : progress.done}
        aria-label={what}
      />
      <span className="muted small">
        {what}
        {progress.total === null
          ? null
          : ` ${t('jobs.readsProgress', {
              done: formatInteger(locale, progress.done),
              total: formatInteger(locale, progress.total),
            })}`}
      </span>
    </>
  );
}
