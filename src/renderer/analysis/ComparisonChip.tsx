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
  /** In a narrow tile: the change, what it is against and the verdict on three short lines. */
  readonly stacked?: boolean;
  /** Leave out what the change is against (a table column already says it). */
  readonly bare?: boolean;
}

/**
 * A rate's change against the chosen earlier period, in points, with the verdict of the
 * two-proportion test in words: significant changes are coloured, the others say plainly that
 * they are not significant, so nobody argues over noise.
 */
export function ComparisonChip({
  change,
  mode,
  higherIsBetter = true,
  stacked = false,
  bare = false,
}: ComparisonChipProps) {
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
  const verdictText = v === 'flat' ? t('analysis.change.notSignificant') : t('analysis.change.significant');
  if (stacked) {
    return (
      <span className={`chip chip-stacked chip-${tone}`} title={title}>
        <strong className="nowrap">
          <span aria-hidden="true">{arrow}</span> {t('analysis.change.value', { value: points(locale, change.diff) })}
        </strong>
        <span>{t(`analysis.compare.vs.${mode}`)}</span>
        <span>{verdictText}</span>
      </span>
    );
  }
  return (
    <span className={`chip chip-${tone}`} title={title}>
      <span aria-hidden="true">{arrow}</span>{' '}
      <span className="nowrap">{t('analysis.change.value', { value: points(locale, change.diff) })}</span>
      {bare ? null : <span>{t(`analysis.compare.vs.${mode}`)}</span>}
      <span className="chip-verdict">{verdictText}</span>
    </span>
  );
}
