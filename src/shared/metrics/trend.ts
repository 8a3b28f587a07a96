import { DateTime } from 'luxon';
import { isoWeekPeriod, type Period } from './period';
import type { ConversionFigure, Report, WeekFigures } from './types';
import type { Proportion } from './stats';

/**
 * The funnel's weekly trend and breakdowns, built from `metrics.report` answers. Pure, so the
 * analysis screens (live reads) and a meeting's snapshot (frozen at its start) build them alike.
 */

/** Weeks in the trend: a quarter, the span leaders compare a week against. */
export const TREND_WEEKS = 13;
/** Values per breakdown: the largest ones; the rest would be unreadable small samples. */
export const BREAKDOWN_VALUES = 8;
/** Week figures asked at once: the desktop app and the local server compute up to three side by side. */
export const WEEKS_AT_ONCE = 3;

/**
 * `fn` over `items` with at most `limit` calls in flight, answers in the order of `items`. A
 * failure rejects the whole, as `Promise.all` would, and starts no further calls.
 */
export async function inTurns<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return out;
}

/** The conversions the trend, the breakdowns and the benchmark lines are about (DESIGN.md "Why it exists"). */
export interface KeyPairs {
  /** Delivered (handed over) to accepted by sales: the qualification rate, the SLA's quality target. */
  readonly qualification: { readonly from: string; readonly to: string };
  /** Accepted to won: the close rate. */
  readonly close: { readonly from: string; readonly to: string } | null;
}

/** Qualification follows the SLA terms' hand-off and accepted stages; close runs from accepted to the first won stage. */
export function keyPairs(report: Pick<Report, 'sla' | 'stages'>): KeyPairs {
  const won = report.stages.find((s) => s.kind === 'won');
  const accepted = report.sla.accepted_stage;
  return {
    qualification: { from: report.sla.handoff_stage, to: accepted },
    close: won ? { from: accepted, to: won.key } : null,
  };
}

/** The pairs to ask `metrics.report` for: only the key conversions keep each weekly report light. */
export function keyPairList(pairs: KeyPairs): Array<{ from: string; to: string }> {
  return pairs.close ? [pairs.qualification, pairs.close] : [pairs.qualification];
}

/** The ISO weeks of a trend: `count` weeks ending with the week that holds the period's last day. */
export function trendWeeks(periodTo: string, count: number): Period[] {
  const end = DateTime.fromISO(periodTo, { zone: 'UTC' });
  const weeks: Period[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = end.minus({ weeks: i });
    weeks.push(isoWeekPeriod(d.weekYear, d.weekNumber));
  }
  return weeks;
}

/** One week of a trend: the key conversions of the cohort that entered that week, and its SLA figures. */
export interface TrendPoint {
  readonly period: Period;
  readonly qualification: ConversionFigure | null;
  readonly close: ConversionFigure | null;
  /** Hand-offs that week and the weekly target of the terms in force then. */
  readonly handedOver: number;
  readonly weeklyTarget: number;
  readonly followup: Proportion;
}

/** Follow-up as the rate it is judged by: met out of the leads whose window has ended (pending left out). */
export function judgedFollowup(f: WeekFigures['sla']['followup']): Proportion {
  return {
    numerator: f.met,
    denominator: f.met + f.breached,
    rate: f.rate,
    ci_low: f.ci_low,
    ci_high: f.ci_high,
    small: f.small,
  };
}

export function trendPoint(report: WeekFigures, pairs: KeyPairs): TrendPoint {
  const find = (p: { from: string; to: string } | null) =>
    p ? (report.conversion.find((c) => c.from === p.from && c.to === p.to) ?? null) : null;
  return {
    period: { kind: report.period.kind, from: report.period.from, to: report.period.to },
    qualification: find(pairs.qualification),
    close: find(pairs.close),
    handedOver: report.sla.volume.actual,
    weeklyTarget: report.sla.volume.weekly_target,
    followup: judgedFollowup(report.sla.followup),
  };
}

/** One value of a breakdown field (a source, a segment, an owner) with its key conversions and hand-offs. */
export interface BreakdownRow {
  readonly value: string;
  readonly handedOver: number;
  readonly qualification: ConversionFigure | null;
  readonly close: ConversionFigure | null;
}

export const BREAKDOWN_FIELDS = ['source', 'segment', 'owner'] as const;
export type BreakdownField = (typeof BREAKDOWN_FIELDS)[number];

export interface Breakdown {
  readonly field: BreakdownField;
  readonly rows: readonly BreakdownRow[];
}

export function breakdownRow(value: string, report: WeekFigures, pairs: KeyPairs): BreakdownRow {
  const point = trendPoint(report, pairs);
  return {
    value,
    handedOver: report.flow[pairs.qualification.from] ?? 0,
    qualification: point.qualification,
    close: point.close,
  };
}
