import { useTranslation } from 'react-i18next';
import type { ProportionChange } from '../../shared/metrics/stats';
import { useLocale } from '../app-context';
import { pct, points, verdict } from './figures';
import type { CompareMode } from './scope';

export interface ComparisonChipProps {
  readonly change: ProportionChange | null | undefined;
  readonly mode: CompareMode;
  /** Whether a rise is good news (conversion) or bad (the share of closings without a reason). */
  readonly higherIsBetter?: boolean;
}

/**
 * A rate's change against the chosen earlier period, in points, with the verdict of the
 * two-proportion test in words: significant changes are coloured, the others say plainly that
 * they are not significant, so nobody argues over noise.
 */
export function ComparisonChip({ change, mode, higherIsBetter = true }: ComparisonChipProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const v = verdict(change);
  const against = t(`analysis.compare.short.${mode}`);
  if (v === 'none' || !change || change.diff === null) {
    return <span className="chip chip-none">{t('analysis.change.none', { against })}</span>;
  }
  const good = v === 'up' ? higherIsBetter : v === 'down' ? !higherIsBetter : null;
  const tone = good === null ? 'flat' : good ? 'good' : 'bad';
  const arrow = change.diff > 0 ? '▲' : change.diff < 0 ? '▼' : '■';
  const title = t('analysis.change.title', {
    before: pct(locale, change.rate),
    against,
    p: change.p_value === null ? '—' : change.p_value.toFixed(3),
  });
  return (
    <span className={`chip chip-${tone}`} title={title}>
      <span aria-hidden="true">{arrow}</span>{' '}
      {t('analysis.change.points', { value: points(locale, change.diff), against })}
      <span className="chip-verdict">
        {v === 'flat' ? t('analysis.change.notSignificant') : t('analysis.change.significant')}
      </span>
    </span>
  );
}
