import { BENCHMARKS } from '../metrics/benchmarks';
import type { FunnelStep, RateInput } from './planner';
import type { PlannerRates, PlannerStepRate } from './types';

/**
 * The planner's three sets of rates, side by side: what this workspace actually converted
 * (`current`), the benchmark lines of DESIGN.md (`benchmark`), and the rates people type
 * (`custom`). Each is a chain of steps for `planReverseFunnel`, or the steps it lacks.
 */
export const SCENARIO_IDS = ['current', 'benchmark', 'custom'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export const BENCHMARK_LEVELS = ['average', 'best'] as const;
export type BenchmarkLevel = (typeof BENCHMARK_LEVELS)[number];

/** `from>to`: how a step is named in forms and maps. */
export const stepKey = (s: { readonly from: string; readonly to: string }): string => `${s.from}>${s.to}`;

export interface ScenarioSteps {
  readonly id: ScenarioId;
  /** The chain to plan with; null when a step has no usable rate. */
  readonly steps: readonly FunnelStep[] | null;
  /** Steps (by `stepKey`) without a usable rate: never converted in the lookback, or left empty. */
  readonly missing: readonly string[];
}

/** A measured rate as planner input: usable only when some lead converted (the plan divides by it). */
export function measuredRate(s: PlannerStepRate): RateInput | null {
  if (s.rate === null || !(s.rate > 0)) return null;
  // With at least one conversion the Wilson bounds are strictly positive; kept only when they are.
  const low = s.ci_low !== null && s.ci_low > 0 ? s.ci_low : undefined;
  const high = s.ci_high !== null && s.ci_high > 0 ? s.ci_high : undefined;
  return low !== undefined && high !== undefined ? { value: s.rate, low, high } : { value: s.rate };
}

function chain(
  id: ScenarioId,
  entries: ReadonlyArray<{ from: string; to: string; rate: RateInput | null }>,
): ScenarioSteps {
  const missing = entries.filter((e) => e.rate === null).map(stepKey);
  const steps = missing.length === 0 ? entries.map((e) => ({ from: e.from, to: e.to, rate: e.rate! })) : null;
  return { id, steps, missing };
}

/** The workspace's own rates over the lookback, each with its 95% interval. */
export function currentScenario(rates: PlannerRates): ScenarioSteps {
  return chain(
    'current',
    rates.steps.map((s) => ({ from: s.from, to: s.to, rate: measuredRate(s) })),
  );
}

/**
 * The benchmark lines: sales qualifies a share of the leads marketing hands over (MQL -> SQL) and
 * closes a share of the qualified (SQL -> won). They say nothing about the steps above the hand-off
 * or about SAL on its own, so the steps before MQL keep the workspace's rates and MQL -> SAL -> SQL
 * becomes one step. Unavailable when the chain has no MQL or SQL stage.
 */
export function benchmarkScenario(rates: PlannerRates, level: BenchmarkLevel): ScenarioSteps {
  const keys = rates.stages.map((s) => s.key);
  const mql = keys.indexOf('mql');
  const sql = keys.indexOf('sql');
  const won = keys.at(-1);
  if (mql < 0 || sql !== keys.length - 2 || mql >= sql || won === undefined)
    return { id: 'benchmark', steps: null, missing: ['mql>sql'] };
  const before = rates.steps.slice(0, mql).map((s) => ({ from: s.from, to: s.to, rate: measuredRate(s) }));
  return chain('benchmark', [
    ...before,
    { from: 'mql', to: 'sql', rate: { value: BENCHMARKS.qualification[level] } },
    { from: 'sql', to: won, rate: { value: BENCHMARKS.close[level] } },
  ]);
}

/** Rates people typed, by step (0 < rate <= 1); a step left empty or out of range is missing. */
export function customScenario(
  rates: PlannerRates,
  typed: Readonly<Record<string, number | null | undefined>>,
): ScenarioSteps {
  return chain(
    'custom',
    rates.steps.map((s) => {
      const v = typed[stepKey(s)];
      return { from: s.from, to: s.to, rate: v !== null && v !== undefined && v > 0 && v <= 1 ? { value: v } : null };
    }),
  );
}
