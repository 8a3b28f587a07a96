import type { TFunction } from 'i18next';
import type { Locale, LocalizedText } from '../../shared/domain/types';
import { localized } from '../../shared/i18n';
import type { ProportionChange } from '../../shared/metrics/stats';
import { NO_REASON, UNCODED_REASON } from '../../shared/metrics/types';
import type { ReasonLabel } from '../../shared/leads/types';
import { formatDecimal, formatInteger, formatPercent } from '../format';

/** A stage as reports and the workspace describe it. */
export interface StageInfo {
  readonly key: string;
  readonly kind: string;
  readonly position: number;
  readonly labels: LocalizedText;
}

export function stageLabel(stages: readonly StageInfo[], key: string, locale: Locale): string {
  const stage = stages.find((s) => s.key === key);
  return stage ? localized(stage.labels, locale) : key;
}

export function funnelStages<S extends StageInfo>(stages: readonly S[]): S[] {
  return stages.filter((s) => s.kind === 'funnel').sort((a, b) => a.position - b.position);
}

export function pct(locale: Locale, share: number | null): string {
  return share === null ? '—' : formatPercent(locale, share, 1);
}

/** "12.7–57.6%": a 95% interval. */
export function interval(locale: Locale, low: number | null, high: number | null): string {
  if (low === null || high === null) return '—';
  return `${formatPercent(locale, low, 1)}–${formatPercent(locale, high, 1)}`;
}

export function ratio(locale: Locale, numerator: number, denominator: number): string {
  return `${formatInteger(locale, numerator)}/${formatInteger(locale, denominator)}`;
}

export function days(locale: Locale, value: number | null): string {
  return value === null ? '—' : formatDecimal(locale, value, 1);
}

/** A change of a rate in percentage points with its sign: "+4.2", "−3.0". */
export function points(locale: Locale, diff: number): string {
  const text = formatDecimal(locale, Math.abs(diff) * 100, 1);
  return diff > 0 ? `+${text}` : diff < 0 ? `−${text}` : text;
}

/** How a change reads: significant up, significant down, not significant, or nothing to compare. */
export type ChangeVerdict = 'up' | 'down' | 'flat' | 'none';

export function verdict(change: ProportionChange | null | undefined): ChangeVerdict {
  if (!change || change.diff === null || change.p_value === null) return 'none';
  if (!change.significant) return 'flat';
  return change.diff > 0 ? 'up' : 'down';
}

/** What naming a reason needs (a meeting's snapshot keeps these, without the `active` flag). */
export type ReasonName = Pick<ReasonLabel, 'kind' | 'code' | 'labels'>;

/** The name of a win/loss reason code in the user's language, with the two special values. */
export function reasonLabel(
  t: TFunction,
  reasons: readonly ReasonName[],
  outcome: 'won' | 'lost',
  code: string,
  locale: Locale,
): string {
  if (code === NO_REASON) return t('winloss.noReason');
  if (code === UNCODED_REASON) return t('winloss.uncoded');
  const kind = outcome === 'won' ? 'win' : 'loss';
  const found = reasons.find((r) => r.kind === kind && r.code === code) ?? reasons.find((r) => r.code === code);
  return found ? localized(found.labels, locale) : code;
}

/** An owner, segment or source value; null is "none" in the user's language. */
export function valueLabel(t: TFunction, value: string | null): string {
  return value === null || value === '' ? t('analysis.noValue') : value;
}

/** The change of a figure against the chosen comparison period. */
export function changeOf(
  figure: { readonly vs_previous?: ProportionChange | null; readonly vs_year_ago?: ProportionChange | null },
  mode: 'previous' | 'yearAgo',
): ProportionChange | null {
  return (mode === 'previous' ? figure.vs_previous : figure.vs_year_ago) ?? null;
}
