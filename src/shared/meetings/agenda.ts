import type { AgendaTemplate, StepKind } from './model';
import type { AgendaState, AgendaStep } from './types';

/**
 * The agenda's clock, as pure transitions: a meeting records when each step was first reached,
 * how long it stayed on each step in total, and which steps it never reached. Times are epoch ms.
 */

const MINUTE = 60_000;

/** A point an earlier meeting did not reach. */
export interface CarriedPoint {
  readonly meetingId: number;
  readonly kind: StepKind;
  readonly title: string | null;
}

/**
 * A new meeting's agenda from the workspace template. Points earlier meetings did not reach are
 * marked on the step of the same kind, or added before the wrap-up when the template lacks it.
 */
export function planAgenda(template: AgendaTemplate, carried: readonly CarriedPoint[]): AgendaState {
  const steps: AgendaStep[] = template.steps.map((s) => ({
    kind: s.kind,
    title: s.title ?? null,
    budgetMs: s.minutes * MINUTE,
    reachedAt: null,
    spentMs: 0,
    notes: '',
    carriedFrom: [],
  }));
  for (const point of carried) {
    let index = steps.findIndex((s) => s.kind === point.kind);
    if (index < 0) {
      const wrapUp = steps.findIndex((s) => s.kind === 'wrap_up');
      index = wrapUp < 0 ? steps.length : wrapUp;
      steps.splice(index, 0, {
        kind: point.kind,
        title: point.title,
        budgetMs: 5 * MINUTE,
        reachedAt: null,
        spentMs: 0,
        notes: '',
        carriedFrom: [],
      });
    }
    const step = steps[index]!;
    if (!step.carriedFrom.includes(point.meetingId))
      steps[index] = { ...step, carriedFrom: [...step.carriedFrom, point.meetingId].sort((a, b) => a - b) };
  }
  return { steps, current: null, currentSince: null };
}

/** Leaves the running step, adding the visit to its time. */
function leave(state: AgendaState, now: number): AgendaStep[] {
  const steps = [...state.steps];
  if (state.current !== null && state.currentSince !== null) {
    const s = steps[state.current]!;
    steps[state.current] = { ...s, spentMs: s.spentMs + Math.max(0, now - state.currentSince) };
  }
  return steps;
}

/** Moves to step `index` (also the first step when the meeting starts). */
export function enterStep(state: AgendaState, index: number, now: number): AgendaState {
  if (!Number.isInteger(index) || index < 0 || index >= state.steps.length)
    throw new RangeError(`no agenda step ${index}`);
  const steps = leave(state, now);
  const s = steps[index]!;
  steps[index] = { ...s, reachedAt: s.reachedAt ?? now };
  return { steps, current: index, currentSince: now };
}

/** Stops the clock at the end of the meeting. */
export function closeAgenda(state: AgendaState, now: number): AgendaState {
  return { steps: leave(state, now), current: null, currentSince: null };
}

export function setStepNotes(state: AgendaState, index: number, notes: string): AgendaState {
  if (!Number.isInteger(index) || index < 0 || index >= state.steps.length)
    throw new RangeError(`no agenda step ${index}`);
  const steps = [...state.steps];
  steps[index] = { ...steps[index]!, notes };
  return { ...state, steps };
}

/** Steps never reached: they carry forward to the next meeting. */
export function unreachedPoints(state: AgendaState, meetingId: number): CarriedPoint[] {
  return state.steps.filter((s) => s.reachedAt === null).map((s) => ({ meetingId, kind: s.kind, title: s.title }));
}

/** Time spent on a step so far, the running visit included. */
export function spentSoFar(state: AgendaState, index: number, now: number): number {
  const s = state.steps[index];
  if (!s) return 0;
  return (
    s.spentMs + (state.current === index && state.currentSince !== null ? Math.max(0, now - state.currentSince) : 0)
  );
}
