import type { Workspace } from '../workspace/workspace';
import type { WeekOptions } from '../metrics/service';
import { SlaTermsRepository } from '../metrics/terms';
import { buildScorecard } from '../../shared/meetings/scorecard';
import { SCORECARD_WEEKS, type ScorecardGoals } from '../../shared/meetings/model';
import type { Scorecard } from '../../shared/meetings/types';
import type { WeekFigures } from '../../shared/metrics/types';
import { weeksEndingWith, type IsoWeek } from '../../shared/meetings/week';
import { SnapshotReads } from './snapshot-reads';

/**
 * The 13 weeks ending with `week`, each with the options it is read with as of `asOf` (so a cell
 * equals a direct report call for that week). The SLA figures do not depend on the conversion
 * pairs, so the weeks ask for one pair only (hand-off to accepted).
 */
export function scorecardWeeks(
  ws: Workspace,
  week: string,
  asOf: number,
): Array<{ readonly week: IsoWeek; readonly options: WeekOptions }> {
  const terms = ws.repo(SlaTermsRepository).inForce(asOf).terms;
  const pairs =
    terms.handoffStage === terms.acceptedStage ? undefined : [{ from: terms.handoffStage, to: terms.acceptedStage }];
  return weeksEndingWith(week, SCORECARD_WEEKS).map((w) => ({
    week: w,
    options: { from: w.from, to: w.to, filters: {}, withinDays: null, asOf, pairs },
  }));
}

/**
 * The scorecard of the 13 weeks ending with `week`. `known` supplies figures already computed for
 * a week (the meeting's own report, the funnel trend's weeks) instead of computing them twice.
 */
export function computeScorecard(
  ws: Workspace,
  week: string,
  asOf: number,
  goals: ScorecardGoals,
  known: ReadonlyMap<string, WeekFigures> = new Map(),
  reads: SnapshotReads = new SnapshotReads(ws),
): Scorecard {
  const weeks = scorecardWeeks(ws, week, asOf).map((w) => ({
    week: w.week,
    figures: known.get(w.week.week) ?? reads.week(w.options),
  }));
  return buildScorecard(weeks, goals, asOf);
}
