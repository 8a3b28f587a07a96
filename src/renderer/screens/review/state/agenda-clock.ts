import { spentSoFar } from '../../../../shared/meetings/agenda';
import type { AgendaState } from '../../../../shared/meetings/types';

/**
 * What the agenda timer shows, as pure functions of the recorded agenda and the current time:
 * time spent on a step (its running visit included) against its budget, and a tone that turns
 * amber near the end of the budget and red past it. Tones always come with words on screen.
 */

/** From this share of the budget on, the timer warns (amber). */
export const WARN_SHARE = 0.8;

export type ClockTone = 'ok' | 'warn' | 'over';

export interface StepClock {
  readonly spentMs: number;
  readonly budgetMs: number;
  /** Budget left; negative once over. */
  readonly remainingMs: number;
  /** spent / budget (0 when there is no budget). */
  readonly share: number;
  readonly tone: ClockTone;
  /** The step's visit is running now. */
  readonly running: boolean;
}

export function toneOf(spentMs: number, budgetMs: number): ClockTone {
  if (budgetMs <= 0) return spentMs > 0 ? 'over' : 'ok';
  if (spentMs > budgetMs) return 'over';
  return spentMs >= budgetMs * WARN_SHARE ? 'warn' : 'ok';
}

export function stepClock(agenda: AgendaState, index: number, now: number): StepClock {
  const step = agenda.steps[index];
  const budgetMs = step?.budgetMs ?? 0;
  const spentMs = spentSoFar(agenda, index, now);
  return {
    spentMs,
    budgetMs,
    remainingMs: budgetMs - spentMs,
    share: budgetMs > 0 ? spentMs / budgetMs : 0,
    tone: toneOf(spentMs, budgetMs),
    running: agenda.current === index && agenda.currentSince !== null,
  };
}

/** The whole meeting: every step's time (the running one included) against the sum of budgets. */
export function meetingClock(agenda: AgendaState, now: number): StepClock {
  let spentMs = 0;
  let budgetMs = 0;
  agenda.steps.forEach((s, i) => {
    spentMs += spentSoFar(agenda, i, now);
    budgetMs += s.budgetMs;
  });
  return {
    spentMs,
    budgetMs,
    remainingMs: budgetMs - spentMs,
    share: budgetMs > 0 ? spentMs / budgetMs : 0,
    tone: toneOf(spentMs, budgetMs),
    running: agenda.current !== null && agenda.currentSince !== null,
  };
}

/** Minutes and seconds of a duration, for a clock face: 75_000 -> {minutes: 1, seconds: 15}. Rounds down. */
export function clockParts(ms: number): { readonly minutes: number; readonly seconds: number } {
  const total = Math.floor(Math.abs(ms) / 1000);
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** Which steps the agenda shows as done, current, or still to come; `unreached` for an ended meeting. */
export type StepState = 'current' | 'visited' | 'upcoming' | 'unreached';

export function stepStates(agenda: AgendaState, ended: boolean): StepState[] {
  return agenda.steps.map((s, i) =>
    agenda.current === i ? 'current' : s.reachedAt !== null ? 'visited' : ended ? 'unreached' : 'upcoming',
  );
}
