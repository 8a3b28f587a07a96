import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app-context';
import type { StepClock } from '../state/agenda-clock';
import { clockText } from '../labels';

/**
 * Time on the step against its budget: a clock face, a bar, and words that say when time runs out
 * or is over (amber, then red — never colour alone).
 */
export function StepTimer({ clock, label, reached }: { clock: StepClock; label: string; reached: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // A step not running now (a past meeting's) has no time left, only the time it took.
  const status =
    clock.tone === 'over'
      ? t('review.timer.over', { time: clockText(locale, -clock.remainingMs) })
      : !clock.running
        ? reached
          ? t('review.timer.within')
          : t('review.timer.notReached')
        : clock.tone === 'warn'
          ? t('review.timer.warn', { time: clockText(locale, clock.remainingMs) })
          : t('review.timer.left', { time: clockText(locale, clock.remainingMs) });
  return (
    <div className={`step-timer timer-${clock.tone}`} role="timer" aria-label={label}>
      <div className="step-timer-face">
        <span className="step-timer-spent">{clockText(locale, clock.spentMs)}</span>
        <span className="step-timer-budget">{t('review.timer.of', { budget: clockText(locale, clock.budgetMs) })}</span>
      </div>
      <div className="step-timer-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.round(clock.share * 100))}%` }} />
      </div>
      <span className="step-timer-status">{status}</span>
    </div>
  );
}
