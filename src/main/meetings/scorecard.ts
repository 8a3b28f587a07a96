import type { Workspace } from '../workspace/workspace';
import { computeWeekFigures } from '../metrics/service';
import { SlaTermsRepository } from '../metrics/terms';
import { buildScorecard } from '../../shared/meetings/scorecard';
import { SCORECARD_WEEKS, type ScorecardGoals } from '../../shared/meetings/model';
import type { Scorecard } from '../../shared/meetings/types';
import type { WeekFigures } from '../../shared/metrics/types';
import { weeksEndingWith } from '../../shared/meetings/week';

/**
 * The 13 weeks ending with `week`, each read with `metrics.report` as of the same instant (so a
 * cell equals a direct report call for that week). `known` supplies figures already computed for
 * a week (the meeting's own report) instead of computing them twice. The SLA figures do not depend
 * on the conversion pairs, so the other weeks ask for one pair only (hand-off to accepted).
 */
export function computeScorecard(
  ws: Workspace,
  week: string,
  asOf: number,
  goals: ScorecardGoals,
  known: ReadonlyMap<string, WeekFigures> = new Map(),
): Scorecard {
  const terms = ws.repo(SlaTermsRepository).inForce(asOf).terms;
  const pairs =
    terms.handoffStage === terms.acceptedStage ? undefined : [{ from: terms.handoffStage, to: terms.acceptedStage }];
  const weeks = weeksEndingWith(week, SCORECARD_WEEKS).map((w) => ({
    week: w,
    figures:
      known.get(w.week) ??
      computeWeekFigures(ws, { from: w.from, to: w.to, filters: {}, withinDays: null, asOf, pairs }),
  }));
  return buildScorecard(weeks, goals, asOf);
}
