import { describe, expect, it } from 'vitest';
import { enterStep, planAgenda } from '../../../src/shared/meetings/agenda';
import { DEFAULT_AGENDA } from '../../../src/shared/meetings/model';
import {
  clockParts,
  meetingClock,
  stepClock,
  stepStates,
  toneOf,
  WARN_SHARE,
} from '../../../src/renderer/screens/review/state/agenda-clock';

const MIN = 60_000;
const T0 = Date.parse('2026-11-23T10:00:00Z');

describe('agenda timer', () => {
  it('turns amber at 80% of the budget and red once over, never before', () => {
    expect(toneOf(0, 10 * MIN)).toBe('ok');
    expect(toneOf(10 * MIN * WARN_SHARE - 1, 10 * MIN)).toBe('ok');
    expect(toneOf(10 * MIN * WARN_SHARE, 10 * MIN)).toBe('warn');
    expect(toneOf(10 * MIN, 10 * MIN)).toBe('warn');
    expect(toneOf(10 * MIN + 1, 10 * MIN)).toBe('over');
    // A step without a budget is over as soon as any time is spent on it.
    expect(toneOf(0, 0)).toBe('ok');
    expect(toneOf(1, 0)).toBe('over');
  });

  it('counts the running visit of the current step, and only that step', () => {
    const started = enterStep(planAgenda(DEFAULT_AGENDA, []), 0, T0);
    const atThree = stepClock(started, 0, T0 + 3 * MIN);
    expect(atThree).toMatchObject({
      spentMs: 3 * MIN,
      budgetMs: 5 * MIN,
      remainingMs: 2 * MIN,
      tone: 'ok',
      running: true,
    });
    expect(stepClock(started, 0, T0 + 4 * MIN).tone).toBe('warn');
    const over = stepClock(started, 0, T0 + 6 * MIN + 30_000);
    expect(over).toMatchObject({ tone: 'over', remainingMs: -(MIN + 30_000) });
    expect(stepClock(started, 1, T0 + 6 * MIN)).toMatchObject({ spentMs: 0, running: false, tone: 'ok' });
  });

  it('adds every visit of a step and sums the meeting against the sum of budgets', () => {
    let agenda = enterStep(planAgenda(DEFAULT_AGENDA, []), 0, T0);
    agenda = enterStep(agenda, 1, T0 + 4 * MIN); // 4 min on step 0
    agenda = enterStep(agenda, 0, T0 + 12 * MIN); // 8 min on step 1
    const now = T0 + 14 * MIN; // 2 more min on step 0
    expect(stepClock(agenda, 0, now)).toMatchObject({ spentMs: 6 * MIN, tone: 'over', running: true });
    expect(stepClock(agenda, 1, now)).toMatchObject({ spentMs: 8 * MIN, tone: 'warn', running: false });
    const total = meetingClock(agenda, now);
    expect(total).toMatchObject({ spentMs: 14 * MIN, budgetMs: 60 * MIN, tone: 'ok', running: true });
    expect(total.share).toBeCloseTo(14 / 60);
  });

  it('tells steps discussed, current, to come, and (once ended) not reached', () => {
    let agenda = enterStep(planAgenda(DEFAULT_AGENDA, []), 0, T0);
    agenda = enterStep(agenda, 2, T0 + MIN);
    expect(stepStates(agenda, false)).toEqual([
      'visited',
      'upcoming',
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
    const ended = { ...agenda, current: null, currentSince: null };
    expect(stepStates(ended, true)).toEqual([
      'visited',
      'unreached',
      'visited',
      'unreached',
      'unreached',
      'unreached',
      'unreached',
    ]);
  });

  it('splits a duration into whole minutes and seconds for the clock face', () => {
    expect(clockParts(0)).toEqual({ minutes: 0, seconds: 0 });
    expect(clockParts(75_999)).toEqual({ minutes: 1, seconds: 15 });
    expect(clockParts(-65_000)).toEqual({ minutes: 1, seconds: 5 });
    expect(clockParts(125 * MIN)).toEqual({ minutes: 125, seconds: 0 });
  });
});
