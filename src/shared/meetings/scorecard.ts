import { proportion } from '../metrics/stats';
import type { WeekFigures } from '../metrics/types';
import type { ScorecardGoals } from './model';
import type { Scorecard, ScorecardCell, ScorecardMeasure } from './types';
import type { IsoWeek } from './week';

/**
 * The scorecard strip: the SLA's weekly measures against their goals, week by week, from one
 * `metrics.report` per week (so every cell equals what the report says for that week).
 *
 * - volume: hand-offs in the week >= the weekly volume target of the terms in force;
 * - quality: SAL rate >= the SAL-rate target of the terms in force;
 * - follow-up: met / (met + breached) >= the workspace goal (pending leads are not judged);
 * - recycling: rejected leads returned with a reason in time >= the workspace goal.
 * A rate with nothing to judge is `no_data`, neither red nor green.
 */
export function buildScorecard(
  weeks: ReadonlyArray<{ week: IsoWeek; figures: WeekFigures }>,
  goals: ScorecardGoals,
  asOf: number,
): Scorecard {
  const cell = (
    w: { week: IsoWeek; figures: WeekFigures },
    value: { numerator: number; denominator: number } | { count: number },
    goal: number,
    pending: number | null = null,
  ): ScorecardCell => {
    const base = {
      week: w.week.week,
      from: w.week.from,
      to: w.week.to,
      goal,
      pending,
      termsRevisionId: w.figures.sla.terms.revision_id,
    };
    if ('count' in value) {
      return {
        ...base,
        value: value.count,
        numerator: null,
        denominator: null,
        ciLow: null,
        ciHigh: null,
        small: false,
        status: value.count >= goal ? 'met' : 'missed',
      };
    }
    const p = proportion(value.numerator, value.denominator);
    return {
      ...base,
      value: p.rate,
      numerator: p.numerator,
      denominator: p.denominator,
      ciLow: p.ci_low,
      ciHigh: p.ci_high,
      small: p.small,
      status: p.rate === null ? 'no_data' : p.rate >= goal ? 'met' : 'missed',
    };
  };
  const measures: ScorecardMeasure[] = [
    {
      key: 'volume',
      unit: 'count',
      goalSource: 'terms',
      cells: weeks.map((w) => cell(w, { count: w.figures.sla.volume.actual }, w.figures.sla.volume.target)),
    },
    {
      key: 'quality',
      unit: 'rate',
      goalSource: 'terms',
      cells: weeks.map((w) => cell(w, w.figures.sla.quality, w.figures.sla.quality.target)),
    },
    {
      key: 'followup',
      unit: 'rate',
      goalSource: 'settings',
      cells: weeks.map((w) => {
        const f = w.figures.sla.followup;
        return cell(w, { numerator: f.met, denominator: f.met + f.breached }, goals.followUpRate, f.pending);
      }),
    },
    {
      key: 'recycling',
      unit: 'rate',
      goalSource: 'settings',
      cells: weeks.map((w) => cell(w, w.figures.sla.recycling, goals.recyclingRate)),
    },
  ];
  return { asOf, weeks: weeks.map((w) => w.week), goals, measures };
}
