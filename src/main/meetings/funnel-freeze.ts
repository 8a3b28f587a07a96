import type { Workspace } from '../workspace/workspace';
import { computeWeekFigures } from '../metrics/service';
import { LeadsRepository } from '../leads/repository';
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
  type TrendPoint,
} from '../../shared/metrics/trend';
import type { Report, WeekFigures } from '../../shared/metrics/types';

export interface FrozenFunnel {
  readonly trend: TrendPoint[];
  readonly breakdowns: Record<BreakdownField, Breakdown>;
  /** Each trend week's figures by ISO week: the scorecard reuses their SLA figures instead of reading them again. */
  readonly weekly: ReadonlyMap<string, WeekFigures>;
}

/**
 * The funnel step's trend and breakdowns, built exactly as the analysis screens build them from
 * `metrics.report` (same weeks, pairs, filters and values) but read here, as of the snapshot's
 * instant, so that later imports of back-dated history cannot change what the meeting showed.
 * Null when the key pairs cannot be asked for (hand-off and accepted are the same stage): the
 * report would refuse them, and the step then reads them as of the start as it always did.
 */
export function freezeFunnel(ws: Workspace, report: Report, asOf: number): FrozenFunnel | null {
  const pairs = keyPairs(report);
  const list = keyPairList(pairs);
  if (list.some((p) => p.from === p.to)) return null;
  // Only the key pairs and no comparisons, as `useTrend` and `useBreakdown` ask; and only the
  // figures a trend point or a breakdown row reads.
  const read = (from: string, to: string, filters: Report['filters']) =>
    computeWeekFigures(ws, { from, to, filters, withinDays: null, asOf, pairs: list });

  const weekly = new Map<string, WeekFigures>();
  const trend = trendWeeks(report.period.to, TREND_WEEKS).map((week) => {
    const r = read(week.from, week.to, report.filters);
    weekly.set(weekOfDate(week.from).week, r);
    return trendPoint(r, pairs);
  });

  // The largest values as `leads.facets` lists them (count, then value). Read from the repository,
  // not through the facet cache: that cache must not keep answers computed inside this transaction.
  const leads = ws.repo(LeadsRepository);
  const breakdown = (field: BreakdownField): Breakdown => ({
    field,
    rows: leads
      .facet(field, BREAKDOWN_VALUES)
      .values.map((v) =>
        breakdownRow(
          v.value,
          read(report.period.from, report.period.to, { ...report.filters, [field]: [v.value] }),
          pairs,
        ),
      ),
  });
  const breakdowns = Object.fromEntries(BREAKDOWN_FIELDS.map((f) => [f, breakdown(f)])) as Record<
    BreakdownField,
    Breakdown
  >;
  return { trend, breakdowns, weekly };
}
