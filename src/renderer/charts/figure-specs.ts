import {
  WATERFALL_STEPS,
  type ConversionFigure,
  type FollowUpOwner,
  type PeriodFigures,
  type VelocityFigure,
  type WaterfallRow,
} from '../../shared/metrics/types';
import type { Proportion } from '../../shared/metrics/stats';
import type { ChartSpec, Series } from './builders';
import { niceMax, percentMax } from './builders';
import type { Reference } from './plugins';
import { OKABE_ITO, STATUS_COLORS, categoryColor, stageColor, withAlpha, type StageLike } from './palette';

/**
 * Chart specs of the analysis screens, from report figures. Pure: the words come in through
 * `ChartText`, so the same figures give the same chart in any language, and tests need no DOM.
 */
export interface ChartText {
  readonly stage: (key: string) => string;
  readonly percent: (share: number) => string;
  readonly count: (n: number) => string;
  readonly days: (d: number) => string;
  /** A message of the catalogs. */
  readonly t: (key: string, params?: Record<string, string | number>) => string;
}

function rateBarSeries(
  label: string,
  figures: ReadonlyArray<Proportion>,
  colors: readonly string[],
  text: ChartText,
): Series {
  return {
    label,
    values: figures.map((f) => f.rate),
    color: [...colors],
    outline: figures.map((f) => f.small),
    intervals: figures.map((f) => (f.ci_low !== null && f.ci_high !== null ? ([f.ci_low, f.ci_high] as const) : null)),
    labels: figures.map((f) => (f.rate === null ? text.t('charts.noData') : text.percent(f.rate))),
  };
}

function percentAxis(text: ChartText, values: ReadonlyArray<number | null>, references: readonly Reference[] = []) {
  const { max, step } = percentMax([...values, ...references.filter((r) => r.to === undefined).map((r) => r.value)]);
  return { tick: (v: number) => text.percent(v), min: 0, max, step };
}

/** Cohort conversion per stage pair: rate bars with their 95% interval and "numerator/denominator" under each. */
export function conversionSpec(
  rows: readonly ConversionFigure[],
  stages: readonly StageLike[],
  text: ChartText,
): ChartSpec {
  return {
    type: 'bar',
    categories: rows.map((r) => [
      `${text.stage(r.from)} → ${text.stage(r.to)}`,
      `${text.count(r.numerator)}/${text.count(r.denominator)}`,
    ]),
    series: [
      rateBarSeries(
        text.t('charts.conversion'),
        rows,
        rows.map((r) => stageColor(r.to, stages)),
        text,
      ),
    ],
    value: percentAxis(
      text,
      rows.map((r) => r.ci_high),
    ),
  };
}

/** Entries per stage in the period, the comparison period pale beside them. */
export function flowSpec(
  current: PeriodFigures,
  other: PeriodFigures | null,
  otherLabel: string,
  keys: readonly string[],
  stages: readonly StageLike[],
  text: ChartText,
): ChartSpec {
  const colors = keys.map((k) => stageColor(k, stages));
  const series: Series[] = [];
  if (other)
    series.push({ label: otherLabel, values: keys.map((k) => other.flow[k] ?? 0), color: colors, faded: true });
  series.push({
    label: text.t('charts.thisPeriod'),
    values: keys.map((k) => current.flow[k] ?? 0),
    color: colors,
    labels: keys.map((k) => text.count(current.flow[k] ?? 0)),
  });
  return {
    type: 'bar',
    horizontal: true,
    categories: keys.map(text.stage),
    series,
    value: { tick: text.count, integer: true },
    legend: other !== null,
  };
}

/** Median days between stages; the 75th percentile is the whisker's far end (half the leads faster, a quarter slower). */
export function velocitySpec(
  rows: readonly VelocityFigure[],
  stages: readonly StageLike[],
  text: ChartText,
): ChartSpec {
  return {
    type: 'bar',
    horizontal: true,
    categories: rows.map((r) => `${text.stage(r.from)} → ${text.stage(r.to)}`),
    series: [
      {
        label: text.t('charts.medianDays'),
        values: rows.map((r) => r.median_days),
        color: rows.map((r) => stageColor(r.to, stages)),
        intervals: rows.map((r) =>
          r.median_days !== null && r.p75_days !== null ? ([r.median_days, r.p75_days] as const) : null,
        ),
        labels: rows.map((r) =>
          r.median_days === null
            ? text.t('charts.noData')
            : text.t('charts.velocityLabel', {
                median: text.days(r.median_days),
                p75: text.days(r.p75_days ?? r.median_days),
              }),
        ),
      },
    ],
    value: { tick: text.days, min: 0, title: text.t('charts.days') },
  };
}

/** Lines of the trend: the agreed target as a band (at or above it is on target) and DESIGN.md's benchmark lines. */
export interface TrendTargets {
  readonly target: number | null;
  readonly average: number;
  readonly best: number;
}

export function trendReferences(targets: TrendTargets, text: ChartText): Reference[] {
  const refs: Reference[] = [];
  if (targets.target !== null) {
    refs.push({ value: targets.target, to: 1, label: '', color: withAlpha(OKABE_ITO.bluishGreen, 0.1) });
    refs.push({
      value: targets.target,
      label: text.t('charts.target', { value: text.percent(targets.target) }),
      color: OKABE_ITO.bluishGreen,
    });
  }
  refs.push({
    value: targets.average,
    label: text.t('charts.benchmarkAverage', { value: text.percent(targets.average) }),
    color: OKABE_ITO.grey,
    dash: [6, 4],
  });
  refs.push({
    value: targets.best,
    label: text.t('charts.benchmarkBest', { value: text.percent(targets.best) }),
    color: OKABE_ITO.reddishPurple,
    dash: [2, 3],
  });
  return refs;
}

/** A key conversion week by week with whiskers, the target band and the benchmark lines. */
export function trendSpec(
  weeks: readonly string[],
  figures: ReadonlyArray<ConversionFigure | null>,
  label: string,
  targets: TrendTargets,
  text: ChartText,
): ChartSpec {
  const references = trendReferences(targets, text);
  const rates = figures.map((f) => f?.rate ?? null);
  return {
    type: 'line',
    periodAxis: true,
    categories: weeks,
    series: [
      {
        kind: 'line',
        label,
        values: rates,
        color: OKABE_ITO.blue,
        intervals: figures.map((f) =>
          f && f.ci_low !== null && f.ci_high !== null ? ([f.ci_low, f.ci_high] as const) : null,
        ),
      },
    ],
    value: {
      tick: text.percent,
      min: 0,
      ...percentMax([...figures.map((f) => f?.ci_high ?? null), targets.best, targets.target]),
    },
    references,
  };
}

/** One key conversion for each value of a field (sources in their own colours). */
export function breakdownSpec(
  values: readonly string[],
  figures: ReadonlyArray<ConversionFigure | null>,
  colors: ReadonlyMap<string, string> | null,
  text: ChartText,
  references: readonly Reference[],
): ChartSpec {
  const props: Proportion[] = figures.map(
    (f) => f ?? { numerator: 0, denominator: 0, rate: null, ci_low: null, ci_high: null, small: true },
  );
  const palette = values.map((v) => (colors ? categoryColor(colors, v) : OKABE_ITO.blue));
  const series = rateBarSeries(text.t('charts.conversion'), props, palette, text);
  return {
    type: 'bar',
    horizontal: true,
    categories: values.map((v, i) => [v, `${text.count(props[i]!.numerator)}/${text.count(props[i]!.denominator)}`]),
    series: [
      { ...series, labels: props.map((p) => (p.rate === null ? text.t('charts.noData') : text.percent(p.rate))) },
    ],
    value: percentAxis(
      text,
      props.map((p) => p.ci_high),
      references,
    ),
    references,
  };
}

/** Open leads past the stage's allowed age, per stage. */
export function stalledSpec(
  stalled: Readonly<Record<string, number>>,
  keys: readonly string[],
  stages: readonly StageLike[],
  text: ChartText,
): ChartSpec {
  return {
    type: 'bar',
    categories: keys.map(text.stage),
    series: [
      {
        label: text.t('charts.stalled'),
        values: keys.map((k) => stalled[k] ?? 0),
        color: keys.map((k) => stageColor(k, stages)),
        labels: keys.map((k) => text.count(stalled[k] ?? 0)),
      },
    ],
    value: { tick: text.count, integer: true },
  };
}

export type WaterfallStep = 'start' | (typeof WATERFALL_STEPS)[number] | 'end';

/** The bars of one stage's waterfall: start, every non-zero movement, end. Each step is a floating bar. */
export function waterfallSteps(
  row: WaterfallRow,
): Array<{ step: WaterfallStep; from: number; to: number; delta: number }> {
  const steps: Array<{ step: WaterfallStep; from: number; to: number; delta: number }> = [
    { step: 'start', from: 0, to: row.start, delta: row.start },
  ];
  let level = row.start;
  for (const step of WATERFALL_STEPS) {
    const n = row[step];
    if (n === 0) continue;
    const delta = step.startsWith('in_') ? n : -n;
    steps.push({ step, from: level, to: level + delta, delta });
    level += delta;
  }
  steps.push({ step: 'end', from: 0, to: row.end, delta: row.end });
  return steps;
}

/**
 * Where a waterfall's value axis starts: at zero, unless the movements are small next to the
 * stage's size, when the axis starts a little below the lowest level so the steps can be seen
 * (the axis says where it starts).
 */
export function waterfallFloor(steps: ReadonlyArray<{ from: number; to: number; step: WaterfallStep }>): number {
  const moves = steps.filter((s) => s.step !== 'start' && s.step !== 'end');
  const low = Math.min(
    ...steps.filter((s) => s.step === 'start' || s.step === 'end').map((s) => s.to),
    ...moves.map((s) => Math.min(s.from, s.to)),
  );
  const largest = Math.max(0, ...moves.map((s) => Math.abs(s.to - s.from)));
  if (low <= 0 || largest === 0 || largest * 4 > low) return 0;
  const floor = low - largest * 2;
  const unit = 10 ** Math.floor(Math.log10(Math.max(1, floor)));
  return Math.max(0, Math.floor(floor / unit) * unit);
}

export function waterfallSpec(row: WaterfallRow, stages: readonly StageLike[], text: ChartText): ChartSpec {
  const steps = waterfallSteps(row);
  const base = stageColor(row.stage, stages);
  const floor = waterfallFloor(steps);
  return {
    type: 'bar',
    categories: steps.map((s) => text.t(`charts.waterfall.${s.step}`)),
    series: [
      {
        label: text.stage(row.stage),
        values: steps.map((s) => s.to),
        ranges: steps.map((s) => [Math.max(floor, Math.min(s.from, s.to)), Math.max(s.from, s.to)] as const),
        color: steps.map((s) =>
          s.step === 'start' || s.step === 'end' ? base : s.delta > 0 ? STATUS_COLORS.good : STATUS_COLORS.bad,
        ),
        labels: steps.map((s) =>
          s.step === 'start' || s.step === 'end'
            ? text.count(s.delta)
            : `${s.delta > 0 ? '+' : '−'}${text.count(Math.abs(s.delta))}`,
        ),
      },
    ],
    value: { tick: text.count, integer: true, ...(floor > 0 ? { min: floor } : {}) },
  };
}

/** Follow-up per owner: met, breached and pending stacked, one bar per owner. */
export function followupSpec(owners: readonly FollowUpOwner[], names: readonly string[], text: ChartText): ChartSpec {
  const part = (label: string, color: string, pick: (o: FollowUpOwner) => number): Series => ({
    label,
    values: owners.map(pick),
    color,
    stack: 'followup',
    placement: 'inside',
    labels: owners.map((o) => (pick(o) > 0 ? text.count(pick(o)) : null)),
  });
  return {
    type: 'bar',
    horizontal: true,
    stacked: true,
    categories: names,
    series: [
      part(text.t('charts.met'), STATUS_COLORS.good, (o) => o.met),
      part(text.t('charts.breached'), STATUS_COLORS.bad, (o) => o.breached),
      part(text.t('charts.pending'), STATUS_COLORS.pending, (o) => o.pending),
    ],
    value: { tick: text.count, integer: true },
    legend: true,
  };
}

/** A rate against its target: one bar with its interval and the target line. */
export function targetRateSpec(
  label: string,
  figure: Proportion,
  target: number,
  color: string,
  text: ChartText,
): ChartSpec {
  const references: Reference[] = [
    { value: target, label: text.t('charts.target', { value: text.percent(target) }), color: OKABE_ITO.bluishGreen },
  ];
  return {
    type: 'bar',
    horizontal: true,
    categories: [label],
    series: [rateBarSeries(label, [figure], [color], text)],
    value: percentAxis(text, [figure.ci_high, target], references),
    references,
  };
}

/** Counts against a target (volume): actual and target as bars, target as a line. */
export function volumeSpec(
  weeks: readonly string[],
  actual: readonly number[],
  weeklyTarget: number,
  text: ChartText,
): ChartSpec {
  return {
    type: 'bar',
    periodAxis: true,
    categories: weeks,
    series: [
      {
        label: text.t('charts.handedOver'),
        values: actual,
        color: actual.map((a) => (a >= weeklyTarget ? OKABE_ITO.blue : OKABE_ITO.vermillion)),
        labels: actual.map((a) => text.count(a)),
      },
    ],
    value: { tick: text.count, integer: true, max: niceMax([...actual, weeklyTarget * 1.05]) },
    references: [
      {
        value: weeklyTarget,
        label: text.t('charts.weeklyTarget', { value: text.count(weeklyTarget) }),
        color: OKABE_ITO.bluishGreen,
      },
    ],
  };
}

/** A Pareto chart: reasons by count, most frequent first, with the cumulative share as a line. */
export function paretoSpec(
  reasons: ReadonlyArray<{ readonly label: string; readonly count: number; readonly color: string }>,
  total: number,
  text: ChartText,
): ChartSpec {
  let running = 0;
  const cumulative = reasons.map((r) => {
    running += r.count;
    return total > 0 ? running / total : null;
  });
  return {
    type: 'bar',
    categories: reasons.map((r) => r.label),
    series: [
      {
        label: text.t('charts.closings'),
        values: reasons.map((r) => r.count),
        color: reasons.map((r) => r.color),
        labels: reasons.map((r) =>
          total > 0 ? `${text.count(r.count)} · ${text.percent(r.count / total)}` : text.count(r.count),
        ),
      },
      {
        kind: 'line',
        secondary: true,
        label: text.t('charts.cumulative'),
        values: cumulative,
        color: withAlpha(OKABE_ITO.grey, 0.75),
      },
    ],
    // Headroom above the bars keeps their numbers clear of the cumulative line near the top.
    value: {
      tick: text.count,
      integer: true,
      max: niceMax(
        reasons.map((r) => r.count),
        Infinity,
        1.45,
      ),
    },
    secondary: { tick: text.percent, min: 0, max: 1 },
    legend: true,
  };
}

/** Reasons stacked per value of a field (segments, stages lost), each reason in its Pareto colour. */
export function stackedReasonsSpec(
  categories: readonly string[],
  reasons: ReadonlyArray<{ readonly label: string; readonly color: string; readonly counts: readonly number[] }>,
  text: ChartText,
): ChartSpec {
  return {
    type: 'bar',
    horizontal: true,
    stacked: true,
    categories,
    series: reasons.map((r) => ({
      label: r.label,
      values: r.counts,
      color: r.color,
      stack: 'reasons',
      placement: 'inside' as const,
      labels: r.counts.map((n) => (n > 0 ? text.count(n) : null)),
    })),
    value: { tick: text.count, integer: true },
    legend: true,
  };
}
