/**
 * The reverse funnel (DESIGN.md "Planning"): revenue goal / average deal size = deals needed, then
 * each earlier stage = the next stage's need / the conversion rate between them. Every count is
 * rounded up at every step, because nobody wins 0.4 of a deal or hands over 0.4 of a lead, and a
 * rounded-down need would plan to miss the goal.
 */

/** A conversion rate (0 < value <= 1) with, when known, its 95% interval. */
export interface RateInput {
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
}

/** One step of the chain, `from` converting into `to`. Steps run top (lead) to bottom (won). */
export interface FunnelStep {
  readonly from: string;
  readonly to: string;
  readonly rate: RateInput;
}

export interface PlanInput {
  readonly revenueGoal: number;
  readonly averageDealSize: number;
  /** Length of the planning period in days (a calendar year is 365 or 366). */
  readonly periodDays: number;
  readonly steps: readonly FunnelStep[];
}

export interface StageNeed {
  readonly stage: string;
  /** Entries needed over the whole period, rounded up. */
  readonly total: number;
  /** `total` spread evenly, rounded up: the weekly and monthly targets. */
  readonly perWeek: number;
  readonly perMonth: number;
  /** Totals needed if the rates turn out at the low or high end of their intervals. */
  readonly totalAtLow: number | null;
  readonly totalAtHigh: number | null;
}

export interface PlanResult {
  /** Goal / deal size before rounding, shown so the rounding is visible. */
  readonly dealsExact: number;
  readonly weeks: number;
  readonly months: number;
  /** Top of the funnel first, the won stage last. */
  readonly stages: readonly StageNeed[];
}

/** Days in an average Gregorian month (365.2425 / 12), so a 365-day year is just under 12 months. */
export const DAYS_PER_MONTH = 30.436875;

/**
 * Rounds up, ignoring the binary noise of a division that is exact on paper (21 / 0.7 is
 * 30.000000000000004 in floating point and must stay 30).
 */
export function ceilCount(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= 1e-9 * Math.max(1, Math.abs(x))) return nearest;
  return Math.ceil(x);
}

export class PlanInputError extends Error {
  constructor(readonly field: string) {
    super(`invalid planner input: ${field}`);
  }
}

function checkRate(rate: number | undefined, field: string): void {
  if (rate !== undefined && !(Number.isFinite(rate) && rate > 0 && rate <= 1)) throw new PlanInputError(field);
}

function validate(input: PlanInput): void {
  if (!(Number.isFinite(input.revenueGoal) && input.revenueGoal > 0)) throw new PlanInputError('revenueGoal');
  if (!(Number.isFinite(input.averageDealSize) && input.averageDealSize > 0))
    throw new PlanInputError('averageDealSize');
  if (!(Number.isFinite(input.periodDays) && input.periodDays >= 1)) throw new PlanInputError('periodDays');
  if (input.steps.length === 0) throw new PlanInputError('steps');
  input.steps.forEach((s, i) => {
    checkRate(s.rate.value, `steps.${i}.rate.value`);
    checkRate(s.rate.low, `steps.${i}.rate.low`);
    checkRate(s.rate.high, `steps.${i}.rate.high`);
    const next = input.steps[i + 1];
    if (next && next.from !== s.to) throw new PlanInputError(`steps.${i + 1}.from`);
  });
}

/** Walks the chain bottom-up with one rate chosen per step; returns totals top-first. */
function totals(deals: number, steps: readonly FunnelStep[], pick: (r: RateInput) => number): number[] {
  const out = [deals];
  for (let i = steps.length - 1; i >= 0; i--) out.unshift(ceilCount(out[0]! / pick(steps[i]!.rate)));
  return out;
}

export function planReverseFunnel(input: PlanInput): PlanResult {
  validate(input);
  const dealsExact = input.revenueGoal / input.averageDealSize;
  const deals = ceilCount(dealsExact);
  const weeks = input.periodDays / 7;
  const months = input.periodDays / DAYS_PER_MONTH;
  const steps = input.steps;
  const central = totals(deals, steps, (r) => r.value);
  const hasIntervals = steps.every((s) => s.rate.low !== undefined && s.rate.high !== undefined);
  // A low conversion rate needs more entries upstream: the pessimistic total uses every low bound.
  const atLow = hasIntervals ? totals(deals, steps, (r) => r.low ?? r.value) : null;
  const atHigh = hasIntervals ? totals(deals, steps, (r) => r.high ?? r.value) : null;
  const stageKeys = [...steps.map((s) => s.from), steps.at(-1)!.to];
  return {
    dealsExact,
    weeks,
    months,
    stages: stageKeys.map((stage, i) => ({
      stage,
      total: central[i]!,
      perWeek: ceilCount(central[i]! / weeks),
      perMonth: ceilCount(central[i]! / months),
      totalAtLow: atLow ? atLow[i]! : null,
      totalAtHigh: atHigh ? atHigh[i]! : null,
    })),
  };
}

export interface Scenario {
  readonly id: string;
  readonly steps: readonly FunnelStep[];
}

export interface ScenarioPlan {
  readonly id: string;
  readonly plan: PlanResult;
}

/** The same goal under several sets of rates (current, benchmark, custom), side by side. */
export function planScenarios(base: Omit<PlanInput, 'steps'>, scenarios: readonly Scenario[]): ScenarioPlan[] {
  return scenarios.map((s) => ({ id: s.id, plan: planReverseFunnel({ ...base, steps: s.steps }) }));
}

/**
 * The benchmark lines of DESIGN.md: a typical mid-size company qualifies about 1/3 of the leads it
 * is handed and closes about 1 in 5 qualified; the best qualify 1/2 and close 1/3.
 */
export const BENCHMARK_SCENARIOS: readonly Scenario[] = [
  {
    id: 'benchmarkTypical',
    steps: [
      { from: 'mql', to: 'sql', rate: { value: 1 / 3 } },
      { from: 'sql', to: 'won', rate: { value: 1 / 5 } },
    ],
  },
  {
    id: 'benchmarkBest',
    steps: [
      { from: 'mql', to: 'sql', rate: { value: 1 / 2 } },
      { from: 'sql', to: 'won', rate: { value: 1 / 3 } },
    ],
  },
];

/** The weekly volume target a plan sets for the hand-off stage (null when the chain skips it). */
export function weeklyTargetFor(plan: PlanResult, handoffStage: string): number | null {
  return plan.stages.find((s) => s.stage === handoffStage)?.perWeek ?? null;
}
