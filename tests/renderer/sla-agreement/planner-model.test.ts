import { describe, expect, it } from 'vitest';
import {
  initialForm,
  lookbackMonths,
  needOf,
  parseNumber,
  parsePercent,
  percentText,
  periodDays,
  planSnapshot,
  plannerView,
  relocalize,
  roundNicely,
  todayIn,
  weeklyRange,
  type PlannerForm,
} from '../../../src/renderer/screens/sla/agreement/planner/model';
import { rates, step } from './fixtures';

const YEAR = { from: '2027-01-01', to: '2027-12-31' };

function form(patch: Partial<PlannerForm> = {}): PlannerForm {
  return {
    locale: 'en',
    goal: '1,000,000',
    dealSize: '10,000',
    period: YEAR,
    lookback: { from: '2026-01-01', to: '2026-06-30' },
    benchmark: 'average',
    custom: { 'lead>mql': '25', 'mql>sal': '50', 'sal>sql': '60', 'sql>won': '20' },
    chosen: 'current',
    ...patch,
  };
}

describe('numbers as people type them', () => {
  it('reads each language’s group and decimal separators', () => {
    expect(parseNumber('2,400,000.5', 'en')).toBe(2_400_000.5);
    expect(parseNumber('2.400.000,5', 'pt-BR')).toBe(2_400_000.5);
    expect(parseNumber('2\u00a0400\u00a0000,5', 'ru')).toBe(2_400_000.5);
    expect(parseNumber('2 400 000', 'ru')).toBe(2_400_000);
    expect(parseNumber('1.500', 'es')).toBe(1500);
    expect(parseNumber('2400000', 'zh-CN')).toBe(2_400_000);
    expect(parseNumber('', 'en')).toBeNull();
    expect(parseNumber('12k', 'en')).toBeNull();
    expect(parseNumber('-5', 'en')).toBeNull();
    expect(parseNumber('1.5.5', 'en')).toBeNull();
  });

  it('reads percentages within (0, 100] and writes them back with one decimal', () => {
    expect(parsePercent('23,4', 'pt-BR')).toBeCloseTo(0.234, 10);
    expect(parsePercent('50 %', 'en')).toBe(0.5);
    expect(parsePercent('100', 'en')).toBe(1);
    expect(parsePercent('0', 'en')).toBeNull();
    expect(parsePercent('100.1', 'en')).toBeNull();
    expect(percentText(0.2345, 'en')).toBe('23.5');
    expect(percentText(0.2345, 'ru')).toBe('23,5');
    expect(percentText(0.5, 'pt-BR')).toBe('50');
  });

  it('counts calendar days with both ends included, and whole months for the lookback', () => {
    expect(periodDays(YEAR)).toBe(365);
    expect(periodDays({ from: '2028-01-01', to: '2028-12-31' })).toBe(366);
    expect(periodDays({ from: '2027-03-01', to: '2027-03-01' })).toBe(1);
    expect(periodDays({ from: '2027-03-02', to: '2027-03-01' })).toBeNull();
    expect(lookbackMonths('2026-06-15', 12)).toEqual({ from: '2025-06-01', to: '2026-05-31' });
    expect(lookbackMonths('2026-01-10', 3)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(todayIn('Asia/Shanghai', Date.UTC(2026, 11, 31, 17))).toBe('2027-01-01');
    expect(todayIn('America/Sao_Paulo', Date.UTC(2026, 11, 31, 17))).toBe('2026-12-31');
    expect(roundNicely(1_234_567)).toBe(1_200_000);
    expect(roundNicely(987)).toBe(990);
  });
});

describe('the planner view', () => {
  it('plans every scenario by hand: rounding up at each step, then per week and per month', () => {
    const view = plannerView(rates(), form(), 'en');
    expect(view.errors).toEqual([]);
    expect(view.dealsExact).toBe(100);
    expect(view.deals).toBe(100);
    const [current, benchmark, custom] = view.columns;
    // won 100 <- SQL 100/0.2 = 500 <- SAL 500/0.6 = 833.3 -> 834 <- MQL 834/0.5 = 1668 <- leads 1668/0.25 = 6672
    expect(current!.plan!.stages.map((s) => s.total)).toEqual([6672, 1668, 834, 500, 100]);
    // 365 days = 52.14 weeks = 11.99 months: 1668 / 52.14 = 31.99 -> 32 a week, 139.1 -> 140 a month.
    expect(needOf(current!.plan!, 'mql')).toMatchObject({ perWeek: 32, perMonth: 140 });
    expect(needOf(current!.plan!, 'lead')).toMatchObject({ perWeek: 128, perMonth: 557 });
    // Benchmarks: MQL -> SQL 1/3 and SQL -> won 1/5, lead -> MQL from history; no SAL row.
    expect(benchmark!.plan!.stages.map((s) => [s.stage, s.total])).toEqual([
      ['lead', 6000],
      ['mql', 1500],
      ['sql', 500],
      ['won', 100],
    ]);
    expect(custom!.plan!.stages.map((s) => s.total)).toEqual([6672, 1668, 834, 500, 100]);
    expect(view.weeklyTarget).toBe(32);
    expect(plannerView(rates(), form({ chosen: 'benchmark' }), 'en').weeklyTarget).toBe(Math.ceil(1500 / (365 / 7)));
  });

  it('shows the rounding of deals: 2,400,000 / 9,000 = 266.7 -> 267', () => {
    const view = plannerView(rates(), form({ locale: 'pt-BR', goal: '2.400.000', dealSize: '9.000' }), 'pt-BR');
    expect(view.dealsExact).toBeCloseTo(266.667, 3);
    expect(view.deals).toBe(267);
  });

  it('gives the weekly range at the interval ends for current rates only', () => {
    const view = plannerView(rates(), form(), 'en');
    const [current, , custom] = view.columns;
    const weeks = current!.plan!.weeks;
    const mql = needOf(current!.plan!, 'mql')!;
    // Low rates need the most: SQL 100/0.16 = 625, SAL 625/0.55 = 1136.4 -> 1137, MQL 1137/0.45 = 2526.7 -> 2527.
    expect(mql.totalAtLow).toBe(2527);
    expect(weeklyRange(mql, weeks)).toEqual({
      fewest: Math.ceil(mql.totalAtHigh! / weeks),
      most: Math.ceil(2527 / weeks),
    });
    expect(weeklyRange(needOf(custom!.plan!, 'mql')!, weeks)).toBeNull();
  });

  it('names what is missing instead of planning with it', () => {
    const view = plannerView(
      rates(),
      form({ goal: '', dealSize: '0', period: { from: '2027-02-01', to: '2027-01-01' } }),
      'en',
    );
    expect(view.errors).toEqual(['goal', 'dealSize', 'period']);
    expect(view.columns.every((c) => c.plan === null)).toBe(true);
    expect(view.deals).toBeNull();
    expect(view.weeklyTarget).toBeNull();

    const noSql = rates({
      steps: [
        step('lead', 'mql', 0.25, 0.2, 0.3),
        step('mql', 'sal', 0.5, 0.45, 0.55),
        { ...step('sal', 'sql', 0, 0, 0.01), numerator: 0 },
        step('sql', 'won', 0.2, 0.16, 0.25),
      ],
    });
    const partial = plannerView(
      noSql,
      form({ custom: { 'lead>mql': '25', 'mql>sal': '', 'sal>sql': '60', 'sql>won': '120' } }),
      'en',
    );
    const [current, benchmark, custom] = partial.columns;
    expect(current).toMatchObject({ plan: null, missing: ['sal>sql'] });
    expect(benchmark!.plan).not.toBeNull();
    expect(custom).toMatchObject({ plan: null, missing: ['mql>sal', 'sql>won'] });
  });

  it('starts from the history: its rates as custom rates, its deal size, and its revenue scaled to the period', () => {
    const initial = initialForm(rates(), YEAR, { from: '2026-01-01', to: '2026-06-30' }, 'en');
    expect(initial.custom).toEqual({ 'lead>mql': '25', 'mql>sal': '50', 'sal>sql': '60', 'sql>won': '20' });
    expect(initial.dealSize).toBe('12,000');
    // 40 deals x 12,000 = 480,000 over 181 days is 967,956 over 365 days: about 970,000.
    expect(initial.goal).toBe('970,000');
    expect(initialForm(rates({ averageDealSize: null }), YEAR, YEAR, 'en')).toMatchObject({ goal: '', dealSize: '' });
  });

  it('rewrites typed numbers when the UI language changes, so they keep their value', () => {
    const typed = form({
      goal: '2,400,000.5',
      dealSize: '9,000',
      custom: { 'lead>mql': '31.8', 'mql>sal': 'half', 'sal>sql': '60', 'sql>won': '' },
    });
    const pt = relocalize(typed, 'pt-BR');
    expect(pt).toMatchObject({
      locale: 'pt-BR',
      goal: '2.400.000,5',
      dealSize: '9.000',
      custom: { 'lead>mql': '31,8', 'mql>sal': 'half', 'sal>sql': '60', 'sql>won': '' },
    });
    expect(plannerView(rates(), pt, 'pt-BR').goal).toBe(2_400_000.5);
    const ru = relocalize(pt, 'ru');
    expect(ru.goal).toBe('2\u00a0400\u00a0000,5');
    expect(relocalize(ru, 'en').goal).toBe('2,400,000.5');
    expect(relocalize(typed, 'en')).toBe(typed);
  });

  it('snapshots the chosen plan as the document prints it', () => {
    const view = plannerView(rates(), form({ chosen: 'benchmark' }), 'en');
    const snapshot = planSnapshot(view, view.chosen!, 'EUR');
    expect(snapshot).toEqual({
      revenueGoal: 1_000_000,
      averageDealSize: 10_000,
      currency: 'EUR',
      stages: view.chosen!.plan!.stages.map((s) => ({
        stage: s.stage,
        total: s.total,
        perWeek: s.perWeek,
        perMonth: s.perMonth,
      })),
      rates: [
        { from: 'lead', to: 'mql', rate: 0.25 },
        { from: 'mql', to: 'sql', rate: 1 / 3 },
        { from: 'sql', to: 'won', rate: 1 / 5 },
      ],
    });
    expect(planSnapshot(plannerView(rates(), form({ goal: 'x' }), 'en'), view.chosen!, 'EUR')).toBeNull();
  });
});
