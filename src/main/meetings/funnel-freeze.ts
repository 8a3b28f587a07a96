import type { WeekOptions } from '../metrics/service';
import { weekOfDate } from '../../shared/meetings/week';
import {
  BREAKDOWN_FIELDS,
  BREAKDOWN_VALUES,
  TREND_WEEKS,
  breakdownRow,
  keyPairList,
  keyPairs,
  trendPoint,
  trendWeeks,
  type Breakdown,
  type BreakdownField,
  type KeyPairs,
  type TrendPoint,
} from '../../shared/metrics/trend';
import type { Report, WeekFigures } from '../../shared/metrics/types';
import type { SnapshotReads } from './snapshot-reads';

export interface FrozenFunnel {
  readonly trend: TrendPoint[];
  readonly breakdowns: Record<BreakdownField, Breakdown>;
  /** Each trend week's figures by ISO week: the scorecard reuses their SLA figures instead of reading them again. */
  readonly weekly: ReadonlyMap<string, WeekFigures>;
}

/** The weeks the funnel step's trend and breakdowns read, each with the options it is read with. */
export interface FunnelPlan {
  readonly pairs: KeyPairs;
  readonly trend: ReadonlyArray<{ readonly week: string; readonly options: WeekOptions }>;
  readonly breakdowns: ReadonlyArray<{
    readonly field: BreakdownField;
    readonly rows: ReadonlyArray<{ readonly value: string; readonly options: WeekOptions }>;
  }>;
}

/**
 * The trend and breakdowns as the analysis screens build them from `metrics.report` (same weeks,
 * pairs, filters and values), read as of the snapshot's instant so that later imports of
 * back-dated history cannot change what the meeting showed. Null when the key pairs cannot be
 * asked for (hand-off and accepted are the same stage): the report would refuse them, and the step
 * then reads them as of the start as it always did.
 */
export function planFunnel(reads: SnapshotReads, report: Report, asOf: number): FunnelPlan | null {
  const pairs = keyPairs(report);
  const list = keyPairList(pairs);
  if (list.some((p) => p.from === p.to)) return null;
  // Only the key pairs and no comparisons, as `useTrend` and `useBreakdown` ask; and only the
  // figures a trend point or a breakdown row reads.
  const options = (from: string, to: string, filters: Report['filters']): WeekOptions => ({
    from,
    to,
    filters,
    withinDays: null,
    asOf,
    pairs: list,
  });
  return {
    pairs,
    trend: trendWeeks(report.period.to, TREND_WEEKS).map((w) => ({
      week: weekOfDate(w.from).week,
      options: options(w.from, w.to, report.filters),
    })),
    breakdowns: BREAKDOWN_FIELDS.map((field) => ({
      field,
      rows: reads.facet(field, BREAKDOWN_VALUES).map((v) => ({
        value: v.value,
        options: options(report.period.from, report.period.to, { ...report.filters, [field]: [v.value] }),
      })),
    })),
  };
}

/** Every week a plan reads. */
export function funnelWeeks(plan: FunnelPlan): WeekOptions[] {
  return [...plan.trend.map((t) => t.options), ...plan.breakdowns.flatMap((b) => b.rows.map((r) => r.options))];
}

export function freezeFunnel(plan: FunnelPlan, reads: SnapshotReads): FrozenFunnel {
  const weekly = new Map<string, WeekFigures>();
  const trend = plan.trend.map(({ week, options }) => {
    const figures = reads.week(options);
    weekly.set(week, figures);
    return trendPoint(figures, plan.pairs);
  });
  // The plan has a row list for every breakdown field.
  const breakdowns = {} as Record<BreakdownField, Breakdown>;
  for (const { field, rows } of plan.breakdowns)
    breakdowns[field] = { field, rows: rows.map((r) => breakdownRow(r.value, reads.week(r.options), plan.pairs)) };
  return { trend, breakdowns, weekly };
}
