import type { TFunction } from 'i18next';
import { DEFAULT_SLA_TERMS, type RevisionBody } from '../definitions/model';
import type { Locale } from '../domain/types';
import { integer, longDate, money, percent } from './format';
import type { ScenarioId } from './scenarios';
import type { PlanSnapshot, Period } from './terms';

/**
 * What "Use these targets" proposes: the SLA terms in force with only the weekly volume target
 * changed, and a rationale that shows the arithmetic behind it. The revision still needs both
 * leaders' approval like any other.
 */
export function withWeeklyTarget(
  current: RevisionBody<'sla_terms'> | null,
  weekly: number,
  defaultText: string,
): RevisionBody<'sla_terms'> {
  if (current) return { text: current.text, terms: { ...current.terms, weeklyVolumeTarget: weekly } };
  return { text: defaultText, terms: { ...DEFAULT_SLA_TERMS, weeklyVolumeTarget: weekly } };
}

export interface TargetsRationaleInput {
  readonly plan: PlanSnapshot;
  readonly scenario: ScenarioId;
  readonly period: Period;
  readonly handoffStage: string;
  readonly weekly: number;
  readonly previous: number | null;
  readonly stageLabel: (key: string) => string;
}

/** The rationale recorded with the proposal, in the workspace's language. */
export function targetsRationale(input: TargetsRationaleInput, t: TFunction, locale: Locale): string {
  const { plan } = input;
  const deals = plan.stages.at(-1)?.total ?? 0;
  const main = t('documents.targets.rationale', {
    scenario: t(`documents.targets.scenario.${input.scenario}`),
    goal: money(plan.revenueGoal, plan.currency, locale),
    dealSize: money(plan.averageDealSize, plan.currency, locale),
    deals: integer(deals, locale),
    from: longDate(input.period.from, locale),
    to: longDate(input.period.to, locale),
    weekly: integer(input.weekly, locale),
    stage: input.stageLabel(input.handoffStage),
  });
  const rates = plan.rates
    .map((r) => `${input.stageLabel(r.from)} → ${input.stageLabel(r.to)} ${percent(r.rate, locale)}`)
    .join('; ');
  const previous =
    input.previous === null ? '' : ` ${t('documents.targets.previous', { previous: integer(input.previous, locale) })}`;
  return `${main}${previous} ${t('documents.targets.rates', { rates })} ${t('documents.targets.rounding')}`;
}
