import { useApi } from '../app-context';
import type { Period } from '../../shared/metrics/period';
import type { Filters, Report } from '../../shared/metrics/types';
import { useResource, type Resource } from './use-resource';
import {
  BREAKDOWN_VALUES,
  TREND_WEEKS,
  breakdownRow,
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
    const points: TrendPoint[] = [];
    // One at a time: the services answer in turn anyway, and the screen stays responsive.
    for (const week of trendWeeks(periodTo, TREND_WEEKS)) {
      const report = await api.metrics.week({
        from: week.from,
        to: week.to,
        filters,
        pairs: keyPairList(pairs),
      });
      points.push(trendPoint(report, pairs));
    }
    return points;
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
    const rows = [];
    for (const value of (values ?? []).slice(0, BREAKDOWN_VALUES)) {
      if (!pairs) break;
      const report = await api.metrics.week({
        from: period.from,
        to: period.to,
        filters: { ...filters, [field]: [value] },
        pairs: keyPairList(pairs),
      });
      rows.push(breakdownRow(value, report, pairs));
    }
    return { field, rows };
  });
}
