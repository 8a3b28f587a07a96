import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app-context';
import { Button } from '../../../components/Button';
import { ProgressBar } from '../../../components/ProgressBar';
import { Spinner } from '../../../components/Spinner';
import { formatBytes, formatInteger } from '../../../format';
import { formatTimeLeft, secondsLeft } from '../durations';
import type { JobView } from './state';

/**
 * A running check or import: rows, bytes, share, rate and time left, and Cancel. Cancelling rolls
 * the whole batch back, which the text says before anyone has to wonder.
 */
export function JobProgressView({ job, onCancel }: { job: JobView; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = job.progress;
  const share = p ? p.percent / 100 : 0;
  const left = p ? secondsLeft(p.bytes, p.totalBytes, p.bytesPerSecond) : null;
  const cancelling = job.state === 'cancelling';
  // After the rows: indexes, figures and the commit each say what is happening.
  const finishing = p?.phase === 'indexing' || p?.phase === 'figures' || p?.phase === 'committing' ? p.phase : null;
  return (
    <div className="job-progress" aria-live="polite" data-rows={p?.rows ?? 0}>
      <div className="job-progress-head">
        <Spinner />
        <strong>
          {cancelling
            ? t('importScreen.job.cancelling')
            : finishing
              ? t(`importScreen.job.${finishing}`)
              : t(`importScreen.job.running_${job.kind}`, { file: p?.file ?? '' })}
        </strong>
      </div>
      <ProgressBar share={share} label={t(`importScreen.job.label_${job.kind}`)} />
      <p className="job-figures">
        {p
          ? [
              t('importScreen.job.rows', { n: formatInteger(locale, p.rows) }),
              t('importScreen.job.bytes', {
                done: formatBytes(locale, p.bytes),
                total: formatBytes(locale, p.totalBytes),
              }),
              t('importScreen.job.percent', { n: formatInteger(locale, Math.floor(p.percent)) }),
              t('importScreen.job.rate', { n: formatInteger(locale, Math.round(p.rowsPerSecond)) }),
              left === null
                ? t('importScreen.job.leftUnknown')
                : t('importScreen.job.left', { time: formatTimeLeft(locale, left) }),
            ].join(' · ')
          : t('importScreen.job.starting')}
      </p>
      <div className="job-cancel">
        <Button variant="secondary" icon="x" busy={cancelling} onClick={onCancel}>
          {t('importScreen.job.cancel')}
        </Button>
        <span className="muted">{t(`importScreen.job.cancelNote_${job.kind}`)}</span>
      </div>
    </div>
  );
}
