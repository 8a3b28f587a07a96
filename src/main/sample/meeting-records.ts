import { closeAgenda, enterStep, planAgenda, unreachedPoints, type CarriedPoint } from '../../shared/meetings/agenda';
import { DEFAULT_AGENDA, type StepKind } from '../../shared/meetings/model';
import type { AgendaState } from '../../shared/meetings/types';
import { PEOPLE } from './catalog';
import { MINUTE } from './calendar';

/**
 * What the meetings feature records beside a sample meeting's decisions and items: the agenda
 * clock and the attendees' ratings. The last review ran long on the MQL v3 proposal and never
 * reached win/loss, so the next meeting the user plans starts with that point carried over.
 */

/** Steps each of the three reviews did not reach, oldest first. */
const SKIPPED: ReadonlyArray<readonly StepKind[]> = [[], [], ['winloss']];

/** Ratings by marketing lead, sales lead and ops, per review. */
const RATINGS: ReadonlyArray<readonly [number, number, number]> = [
  [7, 6, 8],
  [8, 7, 8],
  [6, 7, 7],
];

/**
 * The default agenda walked step by step: the reached steps share the meeting's length in
 * proportion to their budgets (whole minutes), skipped ones are never entered.
 */
export function sampleAgenda(
  index: number,
  startedAt: number,
  endedAt: number,
  carried: readonly CarriedPoint[],
): AgendaState {
  const skipped = SKIPPED[index] ?? [];
  let agenda = planAgenda(DEFAULT_AGENDA, carried);
  const reached = agenda.steps
    .map((s, i) => ({ i, budget: s.budgetMs }))
    .filter((s) => !skipped.includes(agenda.steps[s.i]!.kind));
  const budget = reached.reduce((a, s) => a + s.budget, 0);
  const minutes = Math.floor((endedAt - startedAt) / MINUTE);
  let used = 0;
  for (const s of reached) {
    agenda = enterStep(agenda, s.i, startedAt + Math.floor((used * minutes) / budget) * MINUTE);
    used += s.budget;
  }
  return closeAgenda(agenda, endedAt);
}

/** Points a sample meeting leaves to the next one. */
export function leftOver(agenda: AgendaState, meetingId: number): CarriedPoint[] {
  return unreachedPoints(agenda, meetingId).flatMap((p) => {
    const step = agenda.steps.find((s) => s.kind === p.kind);
    return [...(step?.carriedFrom ?? []).map((id) => ({ ...p, meetingId: id })), p];
  });
}

export function sampleRatings(
  index: number,
  ratedAt: number,
): Array<{ attendee: string; rating: number; ratedAt: number }> {
  const [marketing, sales, ops] = RATINGS[index] ?? RATINGS[0]!;
  return [
    { attendee: PEOPLE.marketingLead, rating: marketing, ratedAt },
    { attendee: PEOPLE.salesLead, rating: sales, ratedAt: ratedAt + MINUTE },
    { attendee: PEOPLE.ops, rating: ops, ratedAt: ratedAt + 2 * MINUTE },
  ];
}
