import { compare, type ProportionChange } from '../../../shared/metrics/stats';
import { NO_REASON, type PeriodFigures, type WinLossBreakdown, type WinLossRow } from '../../../shared/metrics/types';
import { CATEGORY_COLORS, OTHER_COLOR } from '../../charts/palette';

/** Reasons of one outcome, most frequent first (the Pareto order), "no reason" last whatever its count. */
export function paretoRows(rows: readonly WinLossRow[], outcome: 'won' | 'lost'): WinLossRow[] {
  return rows
    .filter((r) => r.outcome === outcome)
    .sort(
      (a, b) =>
        Number(a.reason === NO_REASON) - Number(b.reason === NO_REASON) ||
        b.count - a.count ||
        a.reason.localeCompare(b.reason),
    );
}

/**
 * Colours of reasons, by their Pareto place, so a reason has one colour in every chart of the
 * screen; "no reason given" is always grey (missing data, not a reason).
 */
export function reasonColors(ordered: readonly string[]): ReadonlyMap<string, string> {
  const colors = new Map<string, string>();
  let i = 0;
  for (const reason of ordered)
    colors.set(reason, reason === NO_REASON ? OTHER_COLOR : (CATEGORY_COLORS[i++] ?? OTHER_COLOR));
  return colors;
}

/** A reason's share now and in the other period, with the two-proportion test of the difference. */
export interface ReasonChange {
  readonly reason: string;
  readonly count: number;
  readonly share: number;
  readonly otherCount: number;
  readonly otherShare: number | null;
  readonly change: ProportionChange | null;
}

export function reasonChanges(
  current: PeriodFigures,
  other: PeriodFigures | null,
  outcome: 'won' | 'lost',
): ReasonChange[] {
  const mine = paretoRows(current.winloss, outcome);
  const theirs = other ? other.winloss.filter((r) => r.outcome === outcome) : [];
  const total = mine.reduce((n, r) => n + r.count, 0);
  const otherTotal = theirs.reduce((n, r) => n + r.count, 0);
  const reasons = [
    ...mine.map((r) => r.reason),
    ...theirs.map((r) => r.reason).filter((r) => !mine.some((m) => m.reason === r)),
  ];
  return reasons.map((reason) => {
    const count = mine.find((r) => r.reason === reason)?.count ?? 0;
    const otherCount = theirs.find((r) => r.reason === reason)?.count ?? 0;
    return {
      reason,
      count,
      share: total > 0 ? count / total : 0,
      otherCount,
      otherShare: other && otherTotal > 0 ? otherCount / otherTotal : null,
      change: other
        ? compare({ numerator: count, denominator: total }, { numerator: otherCount, denominator: otherTotal })
        : null,
    };
  });
}

/** Counts of reasons per value of a breakdown: rows of values, one series per reason. */
export function reasonMatrix(
  rows: readonly WinLossBreakdown[],
  outcome: 'won' | 'lost',
  reasons: readonly string[],
): { values: Array<string | null>; counts: number[][] } {
  const mine = rows.filter((r) => r.outcome === outcome);
  const totals = new Map<string | null, number>();
  for (const r of mine) totals.set(r.value, (totals.get(r.value) ?? 0) + r.count);
  const values = [...totals.keys()].sort(
    (a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || String(a).localeCompare(String(b)),
  );
  const counts = reasons.map((reason) =>
    values.map((v) => mine.filter((r) => r.value === v && r.reason === reason).reduce((n, r) => n + r.count, 0)),
  );
  return { values, counts };
}
