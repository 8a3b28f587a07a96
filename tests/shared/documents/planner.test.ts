import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_SCENARIOS,
  ceilCount,
  planReverseFunnel,
  planScenarios,
  PlanInputError,
  weeklyTargetFor,
} from '../../../src/shared/documents/planner';

const fullChain = [
  { from: 'lead', to: 'mql', rate: { value: 0.25 } },
  { from: 'mql', to: 'sal', rate: { value: 0.6 } },
  { from: 'sal', to: 'sql', rate: { value: 0.5 } },
  { from: 'sql', to: 'won', rate: { value: 0.2 } },
];

describe('planReverseFunnel', () => {
  it('matches the hand computation on a full funnel over a 365-day year', () => {
    const plan = planReverseFunnel({
      revenueGoal: 1_000_000,
      averageDealSize: 24_000,
      periodDays: 365,
      steps: fullChain,
    });
    // 1,000,000 / 24,000 = 41.67 deals -> 42; 42 / 0.2 = 210 SQL; / 0.5 = 420 SAL; / 0.6 = 700 MQL; / 0.25 = 2800 leads.
    expect(plan.dealsExact).toBeCloseTo(41.6667, 4);
    expect(plan.stages.map((s) => [s.stage, s.total])).toEqual([
      ['lead', 2800],
      ['mql', 700],
      ['sal', 420],
      ['sql', 210],
      ['won', 42],
    ]);
    // 365 / 7 = 52.14 weeks: 2800 / 52.14 = 53.7 -> 54; 700 -> 13.4 -> 14; 420 -> 8.05 -> 9; 210 -> 4.03 -> 5; 42 -> 0.81 -> 1.
    expect(plan.stages.map((s) => s.perWeek)).toEqual([54, 14, 9, 5, 1]);
    // 365 / 30.436875 = 11.992 months: 233.5 -> 234; 58.4 -> 59; 35.02 -> 36; 17.5 -> 18; 3.50 -> 4.
    expect(plan.stages.map((s) => s.perMonth)).toEqual([234, 59, 36, 18, 4]);
    expect(plan.weeks).toBeCloseTo(52.142857, 5);
    expect(plan.months).toBeCloseTo(11.99203, 4);
    expect(plan.stages.every((s) => s.totalAtLow === null && s.totalAtHigh === null)).toBe(true);
  });

  it('rounds up at every step, not only at the end', () => {
    const plan = planReverseFunnel({
      revenueGoal: 100_000,
      averageDealSize: 30_000,
      periodDays: 364,
      steps: [
        { from: 'mql', to: 'sql', rate: { value: 0.4 } },
        { from: 'sql', to: 'won', rate: { value: 0.3 } },
      ],
    });
    // 3.33 deals -> 4 (not 3.33 / 0.3 = 11.1 -> 12 SQL): 4 / 0.3 = 13.3 -> 14 SQL; 14 / 0.4 = 35 MQL.
    expect(plan.stages.map((s) => s.total)).toEqual([35, 14, 4]);
    // 364 days = exactly 52 weeks: 35 / 52 = 0.67 -> 1 MQL a week.
    expect(plan.stages.map((s) => s.perWeek)).toEqual([1, 1, 1]);
  });

  it('keeps exact divisions exact despite floating point', () => {
    expect(Math.ceil(21 / 0.7)).toBe(31);
    expect(ceilCount(21 / 0.7)).toBe(30);
    expect(ceilCount(210.01)).toBe(211);
    expect(ceilCount(0.4)).toBe(1);
  });

  it('gives the range implied by the rate intervals', () => {
    const plan = planReverseFunnel({
      revenueGoal: 1_000_000,
      averageDealSize: 24_000,
      periodDays: 365,
      steps: [
        { from: 'mql', to: 'sql', rate: { value: 0.5, low: 0.4, high: 0.6 } },
        { from: 'sql', to: 'won', rate: { value: 0.2, low: 0.15, high: 0.25 } },
      ],
    });
    // Central: 42 / 0.2 = 210 SQL, / 0.5 = 420 MQL. Low: 42 / 0.15 = 280 SQL, / 0.4 = 700 MQL.
    // High: 42 / 0.25 = 168 SQL, / 0.6 = 280 MQL.
    expect(plan.stages.map((s) => [s.total, s.totalAtLow, s.totalAtHigh])).toEqual([
      [420, 700, 280],
      [210, 280, 168],
      [42, 42, 42],
    ]);
  });

  it('refuses impossible inputs', () => {
    const base = { revenueGoal: 1000, averageDealSize: 100, periodDays: 30, steps: fullChain };
    expect(() => planReverseFunnel({ ...base, averageDealSize: 0 })).toThrow(PlanInputError);
    expect(() => planReverseFunnel({ ...base, revenueGoal: -1 })).toThrow(PlanInputError);
    expect(() => planReverseFunnel({ ...base, periodDays: 0 })).toThrow(PlanInputError);
    expect(() => planReverseFunnel({ ...base, steps: [] })).toThrow(PlanInputError);
    expect(() => planReverseFunnel({ ...base, steps: [{ from: 'sql', to: 'won', rate: { value: 1.5 } }] })).toThrow(
      PlanInputError,
    );
    expect(() => planReverseFunnel({ ...base, steps: [{ from: 'sql', to: 'won', rate: { value: 0 } }] })).toThrow(
      PlanInputError,
    );
    expect(() => planReverseFunnel({ ...base, steps: [fullChain[0]!, fullChain[2]!] })).toThrow(/steps\.1\.from/);
  });
});

describe('scenarios', () => {
  it('plans the benchmark lines side by side and sets the weekly hand-off target', () => {
    const [typical, best] = planScenarios(
      { revenueGoal: 1_200_000, averageDealSize: 20_000, periodDays: 364 },
      BENCHMARK_SCENARIOS,
    );
    // 60 deals. Typical: 60 * 5 = 300 SQL, * 3 = 900 MQL -> 900 / 52 = 17.3 -> 18 a week.
    expect(typical!.plan.stages.map((s) => s.total)).toEqual([900, 300, 60]);
    expect(weeklyTargetFor(typical!.plan, 'mql')).toBe(18);
    // Best: 60 * 3 = 180 SQL, * 2 = 360 MQL -> 360 / 52 = 6.9 -> 7 a week.
    expect(best!.plan.stages.map((s) => s.total)).toEqual([360, 180, 60]);
    expect(weeklyTargetFor(best!.plan, 'mql')).toBe(7);
    expect(weeklyTargetFor(best!.plan, 'sal')).toBeNull();
  });
});
