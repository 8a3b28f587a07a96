import { describe, expect, it } from 'vitest';
import { compareValues } from '../../../src/shared/meetings/compare';
import { figureKey } from '../../../src/shared/meetings/figure-key';
import { buildScorecard } from '../../../src/shared/meetings/scorecard';
import { compare } from '../../../src/shared/metrics/stats';
import type { PeriodFigures } from '../../../src/shared/metrics/types';

describe('comparing a figure with the previous meeting', () => {
  it('tests rates exactly like the report does', () => {
    const cur = { kind: 'proportion' as const, numerator: 45, denominator: 100, rate: 0.45 };
    const prev = { kind: 'proportion' as const, numerator: 30, denominator: 100, rate: 0.3 };
    const c = compareValues(cur, prev);
    const ref = compare(cur, prev)!;
    expect(c).toMatchObject({ diff: ref.diff, pValue: ref.p_value, significant: ref.significant });
    expect(c.significant).toBe(true);
    expect(compareValues(cur, { ...prev, numerator: 43, rate: 0.43 }).significant).toBe(false);
  });

  it('tests counts as two Poisson counts, and only subtracts durations', () => {
    // 60 vs 30: z = 30 / sqrt(90) = 3.16, p = 0.0016.
    const counts = compareValues({ kind: 'count', value: 60 }, { kind: 'count', value: 30 });
    expect(counts.diff).toBe(30);
    expect(counts.pValue!).toBeCloseTo(0.00157, 4);
    expect(counts.significant).toBe(true);
    expect(compareValues({ kind: 'count', value: 12 }, { kind: 'count', value: 10 }).significant).toBe(false);
    expect(compareValues({ kind: 'count', value: 0 }, { kind: 'count', value: 0 })).toMatchObject({
      diff: 0,
      pValue: null,
      significant: false,
    });
    expect(
      compareValues({ kind: 'duration', n: 9, medianDays: 2.3 }, { kind: 'duration', n: 7, medianDays: 1.1 }),
    ).toMatchObject({ diff: 1.2, pValue: null, significant: false });
  });

  it('does not compare what is missing or of another kind', () => {
    expect(compareValues({ kind: 'count', value: 3 }, null)).toMatchObject({ diff: null, significant: false });
    expect(compareValues({ kind: 'count', value: 3 }, { kind: 'duration', n: 1, medianDays: 1 })).toMatchObject({
      diff: null,
    });
  });
});

describe('figure keys', () => {
  it('do not depend on field order, and keep "every owner" apart from "no owner"', () => {
    expect(figureKey({ type: 'conversion', from: 'mql', to: 'sal', side: 'numerator' })).toBe(
      figureKey({ side: 'numerator', to: 'sal', from: 'mql', type: 'conversion' }),
    );
    const all = figureKey({ type: 'followup', side: 'breached' });
    const none = figureKey({ type: 'followup', side: 'breached', owner: null });
    expect(all).not.toBe(none);
    expect(figureKey({ type: 'followup', side: 'breached', owner: undefined })).toBe(all);
  });
});

describe('scorecard cells', () => {
  const figures = (over: {
    actual: number;
    target: number;
    met: number;
    breached: number;
    pending: number;
    sal: [number, number];
    salTarget: number;
    rec: [number, number];
  }) =>
    ({
      sla: {
        terms: { kind: 'revision', revision_id: 12, definition_key: 'sla', version: 2, effective_from: 0 },
        volume: {
          actual: over.actual,
          target: over.target,
          weekly_target: over.target,
          met: over.actual >= over.target,
        },
        quality: { numerator: over.sal[0], denominator: over.sal[1], target: over.salTarget },
        followup: { met: over.met, breached: over.breached, pending: over.pending },
        recycling: { numerator: over.rec[0], denominator: over.rec[1] },
      },
    }) as unknown as PeriodFigures;

  it('judges each week against its goal; a rate with nothing to judge is neither red nor green', () => {
    const card = buildScorecard(
      [
        {
          week: { week: '2026-W09', from: '2026-02-23', to: '2026-03-01' },
          figures: figures({
            actual: 3,
            target: 3,
            met: 9,
            breached: 1,
            pending: 2,
            sal: [4, 10],
            salTarget: 0.5,
            rec: [0, 0],
          }),
        },
        {
          week: { week: '2026-W10', from: '2026-03-02', to: '2026-03-08' },
          figures: figures({
            actual: 2,
            target: 3,
            met: 8,
            breached: 2,
            pending: 0,
            sal: [5, 10],
            salTarget: 0.5,
            rec: [1, 1],
          }),
        },
      ],
      { followUpRate: 0.9, recyclingRate: 0.8 },
      1,
    );
    const row = (key: string) =>
      card.measures.find((m) => m.key === key)!.cells.map((c) => [c.value, c.goal, c.status]);
    expect(row('volume')).toEqual([
      [3, 3, 'met'],
      [2, 3, 'missed'],
    ]);
    expect(row('quality')).toEqual([
      [0.4, 0.5, 'missed'],
      [0.5, 0.5, 'met'],
    ]);
    expect(row('followup')).toEqual([
      [0.9, 0.9, 'met'],
      [0.8, 0.9, 'missed'],
    ]);
    expect(row('recycling')).toEqual([
      [null, 0.8, 'no_data'],
      [1, 0.8, 'met'],
    ]);
    expect(card.measures.find((m) => m.key === 'followup')!.cells[0]).toMatchObject({
      pending: 2,
      numerator: 9,
      denominator: 10,
      termsRevisionId: 12,
    });
    expect(card.measures.map((m) => m.goalSource)).toEqual(['terms', 'terms', 'settings', 'settings']);
  });
});
