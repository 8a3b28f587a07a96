import { useApi } from '../app-context';
import type { Period } from '../../shared/metrics/period';
import type { Filters, Report } from '../../shared/metrics/types';
import { useResource, type Resource } from './use-resource';
import {
  BREAKDOWN_VALUES,
  TREND_WEEKS,
  WEEKS_AT_ONCE,
  breakdownRow,
  inTurns,
  keyPairList,
  trendPoint,
  trendWeeks,
  type Breakdown,
  type BreakdownField,
  type KeyPairs,
  type TrendPoint,
} from '../../shared/metrics/trend';

/** Every figure of the period with both comparisons (metrics.report). */
export function useReport(period: Period, filters: Filters): Resource<Report> {
  const api = useApi();
  const key = JSON.stringify([period.from, period.to, filters]);
  return useResource(key, () => api.metrics.report({ from: period.from, to: period.to, filters, compare: true }));
}

/** The key conversions week by week, ending with the period's week (13 week figures: two pairs, no comparisons). */
export function useTrend(periodTo: string, filters: Filters, pairs: KeyPairs | null): Resource<TrendPoint[]> {
  const api = useApi();
  const key = pairs ? JSON.stringify([periodTo, filters, pairs]) : null;
  return useResource(key, async () => {
    if (!pairs) return [];
    return inTurns(trendWeeks(periodTo, TREND_WEEKS), WEEKS_AT_ONCE, async (week) =>
      trendPoint(await api.metrics.week({ from: week.from, to: week.to, filters, pairs: keyPairList(pairs) }), pairs),
    );
  });
}

/** The key conversions for the largest values of a field, each from the week figures filtered to that value. */
export function useBreakdown(
  period: Period,
  filters: Filters,
  field: BreakdownField,
  values: readonly string[] | null,
  pairs: KeyPairs | null,
): Resource<Breakdown> {
  const api = useApi();
  const key = pairs && values ? JSON.stringify([period.from, period.to, filters, field, values, pairs]) : null;
  return useResource(key, async () => {
    if (!pairs) return { field, rows: [] };
    const rows = await inTurns((values ?? []).slice(0, BREAKDOWN_VALUES), WEEKS_AT_ONCE, async (value) =>
      breakdownRow(
        value,
        await api.metrics.week({
          from: period.from,
          to: period.to,
          filters: { ...filters, [field]: [value] },
          pairs: keyPairList(pairs),
        }),
        pairs,
      ),
    );
    return { field, rows };
  });
}
