import { useApi } from '../../../app-context';
import { useResource, type Resource } from '../../../analysis/use-resource';
import {
  BREAKDOWN_VALUES,
  TREND_WEEKS,
  WEEKS_AT_ONCE,
  inTurns,
  breakdownRow,
  keyPairList,
  keyPairs,
  trendPoint,
  trendWeeks,
  type Breakdown,
  type BreakdownField,
  type TrendPoint,
} from '../../../../shared/metrics/trend';
import type { Snapshot } from '../../../../shared/meetings/types';
import type { Report } from '../../../../shared/metrics/types';

/**
 * Snapshots frozen before the funnel step's weekly trend and breakdowns were part of them have
 * neither. For those meetings they are read with `asOf` = the meeting's start, so they ignore
 * everything imported or changed later except back-dated history, and the step says so. Answers
 * are kept per meeting: going back to the step, or reopening the meeting, reads them once.
 * A null snapshot reads nothing (the caller has the frozen figures).
 */
const answers = new Map<string, Promise<unknown>>();
const MAX_KEPT = 40;

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = answers.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  if (answers.size >= MAX_KEPT) answers.delete(answers.keys().next().value ?? '');
  const made = load();
  answers.set(key, made);
  // A failure is not kept: the next visit tries again.
  made.catch(() => answers.delete(key));
  return made;
}

function scopeKey(snapshot: Snapshot, workspacePath: string): string {
  return `${workspacePath}|${snapshot.meetingId}|${snapshot.asOf}`;
}

export function useAsOfTrend(snapshot: Snapshot | null, workspacePath: string): Resource<TrendPoint[]> {
  const api = useApi();
  const key = snapshot ? `${scopeKey(snapshot, workspacePath)}|trend` : null;
  return useResource(key, () =>
    once(key ?? '', async () => {
      if (!snapshot) return [];
      const report: Report = snapshot.report;
      const pairs = keyPairs(report);
      return inTurns(trendWeeks(report.period.to, TREND_WEEKS), WEEKS_AT_ONCE, async (week) =>
        trendPoint(
          await api.metrics.week({
            from: week.from,
            to: week.to,
            filters: report.filters,
            asOf: snapshot.asOf,
            pairs: keyPairList(pairs),
          }),
          pairs,
        ),
      );
    }),
  );
}

export function useAsOfBreakdown(
  snapshot: Snapshot | null,
  workspacePath: string,
  field: BreakdownField,
  values: readonly string[] | null,
): Resource<Breakdown> {
  const api = useApi();
  const key = snapshot && values ? `${scopeKey(snapshot, workspacePath)}|${field}|${JSON.stringify(values)}` : null;
  return useResource(key, () =>
    once(key ?? '', async () => {
      if (!snapshot) return { field, rows: [] };
      const report: Report = snapshot.report;
      const pairs = keyPairs(report);
      const rows = await inTurns((values ?? []).slice(0, BREAKDOWN_VALUES), WEEKS_AT_ONCE, async (value) =>
        breakdownRow(
          value,
          await api.metrics.week({
            from: report.period.from,
            to: report.period.to,
            filters: { ...report.filters, [field]: [value] },
            asOf: snapshot.asOf,
            pairs: keyPairList(pairs),
          }),
          pairs,
        ),
      );
      return { field, rows };
    }),
  );
}
