import { describe, expect, it } from 'vitest';
import {
  closeAgenda,
  enterStep,
  planAgenda,
  setStepNotes,
  spentSoFar,
  unreachedPoints,
} from '../../../src/shared/meetings/agenda';
import { agendaTemplateSchema, DEFAULT_AGENDA } from '../../../src/shared/meetings/model';
import { isIsoWeek, parseIsoWeek, shiftWeek, weekOfDate, weeksEndingWith } from '../../../src/shared/meetings/week';

const MIN = 60_000;
const T = Date.UTC(2026, 2, 10, 9);

describe('agenda clock', () => {
  it('plans the template, marking points carried from earlier meetings on their step', () => {
    const a = planAgenda(DEFAULT_AGENDA, [
      { meetingId: 4, kind: 'winloss', title: null },
      { meetingId: 2, kind: 'winloss', title: null },
      { meetingId: 4, kind: 'wrap_up', title: null },
    ]);
    expect(a.steps.map((s) => [s.kind, s.carriedFrom])).toEqual([
      ['since_last', []],
      ['sla', []],
      ['funnel', []],
      ['winloss', [2, 4]],
      ['definitions', []],
      ['actions', []],
      ['wrap_up', [4]],
    ]);
    expect(a).toMatchObject({ current: null, currentSince: null });
  });

  it('adds a carried point the template lacks before the wrap-up, with a short budget', () => {
    const a = planAgenda(
      {
        steps: [
          { kind: 'sla', minutes: 20 },
          { kind: 'wrap_up', minutes: 5, title: 'Cierre' },
        ],
      },
      [{ meetingId: 9, kind: 'definitions', title: 'Criteria' }],
    );
    expect(a.steps.map((s) => [s.kind, s.title, s.budgetMs / MIN, s.carriedFrom])).toEqual([
      ['sla', null, 20, []],
      ['definitions', 'Criteria', 5, [9]],
      ['wrap_up', 'Cierre', 5, []],
    ]);
  });

  it('adds up every visit of a step and keeps the first time it was reached', () => {
    let a = enterStep(planAgenda(DEFAULT_AGENDA, []), 0, T);
    a = enterStep(a, 2, T + 3 * MIN);
    a = enterStep(a, 0, T + 10 * MIN);
    expect(spentSoFar(a, 0, T + 12 * MIN)).toBe(5 * MIN);
    a = enterStep(a, 2, T + 12 * MIN);
    a = closeAgenda(a, T + 20 * MIN);
    expect(a.steps.map((s) => s.spentMs / MIN)).toEqual([5, 0, 15, 0, 0, 0, 0]);
    expect(a.steps[2]!.reachedAt).toBe(T + 3 * MIN);
    expect(a).toMatchObject({ current: null, currentSince: null });
    expect(unreachedPoints(a, 7).map((p) => p.kind)).toEqual(['sla', 'winloss', 'definitions', 'actions', 'wrap_up']);
    expect(setStepNotes(a, 1, 'n').steps[1]!.notes).toBe('n');
    expect(() => enterStep(a, 7, T)).toThrow(RangeError);
  });

  it('validates the workspace template: known kinds once each, budgets from 1 to 180 minutes', () => {
    expect(agendaTemplateSchema.safeParse(DEFAULT_AGENDA).success).toBe(true);
    expect(
      agendaTemplateSchema.safeParse({
        steps: [
          { kind: 'sla', minutes: 5 },
          { kind: 'sla', minutes: 5 },
        ],
      }).success,
    ).toBe(false);
    expect(agendaTemplateSchema.safeParse({ steps: [{ kind: 'coffee', minutes: 5 }] }).success).toBe(false);
    expect(agendaTemplateSchema.safeParse({ steps: [{ kind: 'sla', minutes: 0 }] }).success).toBe(false);
    expect(agendaTemplateSchema.safeParse({ steps: [{ kind: 'sla', minutes: 2.5 }] }).success).toBe(false);
    expect(agendaTemplateSchema.safeParse({ steps: [] }).success).toBe(false);
  });
});

describe('ISO weeks', () => {
  it('parses weeks, including week 53 only where it exists', () => {
    expect(parseIsoWeek('2026-W01')).toEqual({ week: '2026-W01', from: '2025-12-29', to: '2026-01-04' });
    expect(parseIsoWeek('2020-W53')).toEqual({ week: '2020-W53', from: '2020-12-28', to: '2021-01-03' });
    expect(isIsoWeek('2021-W53')).toBe(false);
    expect(isIsoWeek('2026-W00')).toBe(false);
    expect(isIsoWeek('2026-w10')).toBe(false);
    expect(() => parseIsoWeek('2021-W53')).toThrow();
  });

  it('finds the week of a date and walks across years', () => {
    expect(weekOfDate('2027-01-01').week).toBe('2026-W53');
    expect(weekOfDate('2026-03-08')).toEqual({ week: '2026-W10', from: '2026-03-02', to: '2026-03-08' });
    expect(shiftWeek('2026-W01', -1).week).toBe('2025-W52');
    const weeks = weeksEndingWith('2026-W02', 13);
    expect(weeks).toHaveLength(13);
    expect(weeks[0]!.week).toBe('2025-W42');
    expect(weeks.at(-1)!.week).toBe('2026-W02');
  });
});
