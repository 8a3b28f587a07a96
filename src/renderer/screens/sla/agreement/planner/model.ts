import {
  ceilCount,
  planReverseFunnel,
  PlanInputError,
  type FunnelStep,
  type PlanResult,
  type StageNeed,
} from '../../../../../shared/documents/planner';
import {
  benchmarkScenario,
  currentScenario,
  customScenario,
  SCENARIO_IDS,
  stepKey,
  type BenchmarkLevel,
  type ScenarioId,
  type ScenarioSteps,
} from '../../../../../shared/documents/scenarios';
import type { Period, PlanSnapshot } from '../../../../../shared/documents/terms';
import type { PlannerRates } from '../../../../../shared/documents/types';

/**
 * The planner's view-model: what people typed (as text, in their own number format) turned into
 * plans for the three scenarios side by side, with every rounding step visible. Pure, so the
 * arithmetic the screen shows is tested without a browser.
 */
export interface PlannerForm {
  /** The language the numbers below were typed in (their separators). */
  readonly locale: string;
  readonly goal: string;
  readonly dealSize: string;
  readonly period: Period;
  readonly lookback: Period;
  readonly benchmark: BenchmarkLevel;
  /** Percentages typed for the custom scenario, by `stepKey`. */
  readonly custom: Readonly<Record<string, string>>;
  readonly chosen: ScenarioId;
}

export type PlannerInputError = 'goal' | 'dealSize' | 'period';

export interface ScenarioColumn {
  readonly id: ScenarioId;
  readonly steps: readonly FunnelStep[] | null;
  /** Steps without a usable rate (by `stepKey`). */
  readonly missing: readonly string[];
  readonly plan: PlanResult | null;
}

export interface PlannerView {
  readonly goal: number | null;
  readonly dealSize: number | null;
  readonly days: number | null;
  readonly errors: readonly PlannerInputError[];
  /** Goal / deal size before and after rounding up. */
  readonly dealsExact: number | null;
  readonly deals: number | null;
  /** Every stage of the chain, top first, the won stage last. */
  readonly stages: readonly string[];
  readonly columns: readonly ScenarioColumn[];
  readonly chosen: ScenarioColumn | null;
  /** The chosen plan's weekly figure for the SLA's hand-off stage: the proposed volume target. */
  readonly weeklyTarget: number | null;
}

const DAY_MS = 86_400_000;
const SPACES = /[\s\u00a0\u202f']/g;

/** The decimal separator of a locale ("," in pt-BR, es, ru; "." in en, zh-CN). */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/**
 * A number as people type it in their language: "2.400.000" or "2 400 000,50" (pt-BR, ru),
 * "2,400,000.50" (en). Group separators are dropped; the locale's decimal separator is the decimal
 * point. Anything else (letters, two decimal points) is not a number.
 */
export function parseNumber(text: string, locale: string): number | null {
  const decimal = decimalSeparator(locale);
  const group = decimal === ',' ? '.' : ',';
  let s = text.trim().replace(SPACES, '');
  if (s === '') return null;
  s = s.split(group).join('');
  if (decimal === ',') s = s.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** "23,4" or "23.4 %" -> 0.234; null outside (0, 100]. */
export function parsePercent(text: string, locale: string): number | null {
  const n = parseNumber(text.replace('%', ''), locale);
  return n !== null && n > 0 && n <= 100 ? n / 100 : null;
}

/** A share as the number typed in a percent field: 0.2345 -> "23.5" (en), "23,5" (pt-BR). */
export function percentText(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, useGrouping: false }).format(share * 100);
}

/** Calendar days from `from` to `to`, both included; null when the period is not one. */
export function periodDays(p: Period): number | null {
  const from = Date.parse(`${p.from}T00:00:00Z`);
  const to = Date.parse(`${p.to}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return null;
  return Math.round((to - from) / DAY_MS) + 1;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today in a time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The `months` whole months ending with the month before `today` (e.g. the last 12 complete months). */
export function lookbackMonths(today: string, months: number): Period {
  const [y, m] = today.split('-').map(Number);
  const end = Date.UTC(y!, m! - 1, 1) - DAY_MS;
  const start = Date.UTC(y!, m! - 1 - months, 1);
  return { from: isoDay(start), to: isoDay(end) };
}

/** A number rounded to two significant digits, so a suggested goal reads like one a person would set. */
export function roundNicely(n: number): number {
  if (!(n > 0)) return 0;
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}

/**
 * The form people start from: custom rates equal to the history, the average deal size of the
 * lookback, and as goal the revenue the lookback's deals would bring over the plan period (a
 * "same as before" baseline to edit, never a recommendation).
 */
export function initialForm(rates: PlannerRates, period: Period, lookback: Period, locale: string): PlannerForm {
  const custom: Record<string, string> = {};
  for (const s of rates.steps) custom[stepKey(s)] = s.rate !== null && s.rate > 0 ? percentText(s.rate, locale) : '';
  const plain = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
  const avg = rates.averageDealSize;
  const lookbackDays = periodDays(lookback);
  const planDays = periodDays(period);
  const goal = avg && lookbackDays && planDays ? roundNicely((avg.amount * avg.deals * planDays) / lookbackDays) : null;
  return {
    locale,
    goal: goal ? plain(goal) : '',
    dealSize: avg ? plain(Math.round(avg.amount)) : '',
    period,
    lookback,
    benchmark: 'average',
    custom,
    chosen: 'current',
  };
}

/**
 * The same form in another UI language: numbers are rewritten with that language's separators, so
 * "2,400,000.5" typed in English reads "2.400.000,5" in Portuguese instead of becoming 2,400. Text
 * that is not a number stays as typed.
 */
export function relocalize(form: PlannerForm, locale: string): PlannerForm {
  if (form.locale === locale) return form;
  const grouped = (text: string) => {
    const n = parseNumber(text, form.locale);
    return n === null ? text : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  };
  const share = (text: string) => {
    const p = parsePercent(text, form.locale);
    return p === null ? text : percentText(p, locale);
  };
  const custom = Object.fromEntries(Object.entries(form.custom).map(([k, v]) => [k, share(v)]));
  return { ...form, locale, goal: grouped(form.goal), dealSize: grouped(form.dealSize), custom };
}

function scenarioSteps(rates: PlannerRates, form: PlannerForm, id: ScenarioId, locale: string): ScenarioSteps {
  if (id === 'current') return currentScenario(rates);
  if (id === 'benchmark') return benchmarkScenario(rates, form.benchmark);
  const typed = Object.fromEntries(Object.entries(form.custom).map(([k, v]) => [k, parsePercent(v, locale)]));
  return customScenario(rates, typed);
}

export function plannerView(rates: PlannerRates, form: PlannerForm, locale: string): PlannerView {
  const goal = parseNumber(form.goal, locale);
  const dealSize = parseNumber(form.dealSize, locale);
  const days = periodDays(form.period);
  const errors: PlannerInputError[] = [];
  if (goal === null || goal <= 0) errors.push('goal');
  if (dealSize === null || dealSize <= 0) errors.push('dealSize');
  if (days === null) errors.push('period');
  const ready = errors.length === 0;
  const columns = SCENARIO_IDS.map((id): ScenarioColumn => {
    const s = scenarioSteps(rates, form, id, locale);
    let plan: PlanResult | null = null;
    if (ready && s.steps) {
      try {
        plan = planReverseFunnel({ revenueGoal: goal!, averageDealSize: dealSize!, periodDays: days!, steps: s.steps });
      } catch (e) {
        // The inputs were checked above; a rate the planner still refuses leaves this column empty.
        if (!(e instanceof PlanInputError)) throw e;
      }
    }
    return { id, steps: s.steps, missing: s.missing, plan };
  });
  const chosen = columns.find((c) => c.id === form.chosen) ?? null;
  const dealsExact = ready ? goal! / dealSize! : null;
  return {
    goal,
    dealSize,
    days,
    errors,
    dealsExact,
    deals: dealsExact === null ? null : ceilCount(dealsExact),
    stages: rates.stages.map((s) => s.key),
    columns,
    chosen,
    weeklyTarget: chosen?.plan ? (needOf(chosen.plan, rates.sla.handoffStage)?.perWeek ?? null) : null,
  };
}

export function needOf(plan: PlanResult, stage: string): StageNeed | null {
  return plan.stages.find((s) => s.stage === stage) ?? null;
}

/**
 * Weekly figures if the rates turn out at the ends of their 95% intervals: the high rates need the
 * fewest entries, the low rates the most. Null without intervals (benchmark and custom rates).
 */
export function weeklyRange(need: StageNeed, weeks: number): { fewest: number; most: number } | null {
  if (need.totalAtLow === null || need.totalAtHigh === null) return null;
  return { fewest: ceilCount(need.totalAtHigh / weeks), most: ceilCount(need.totalAtLow / weeks) };
}

/** The plan as the SLA document prints it (and the proposal records it). */
export function planSnapshot(view: PlannerView, column: ScenarioColumn, currency: string): PlanSnapshot | null {
  if (!column.plan || !column.steps || view.goal === null || view.dealSize === null) return null;
  return {
    revenueGoal: view.goal,
    averageDealSize: view.dealSize,
    currency,
    stages: column.plan.stages.map((s) => ({
      stage: s.stage,
      total: s.total,
      perWeek: s.perWeek,
      perMonth: s.perMonth,
    })),
    rates: column.steps.map((s) => ({ from: s.from, to: s.to, rate: s.rate.value })),
  };
}
