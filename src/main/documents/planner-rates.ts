import type { Workspace } from '../workspace/workspace';
import { WorkspaceRepository } from '../workspace/repository';
import { checkPeriod, computeReport } from '../metrics/service';
import { MetricsSql } from '../metrics/sql';
import { DefinitionsRepository } from '../definitions/repository';
import { slaTermsInForce } from '../definitions/in-force';
import { NoWorkingTimeError } from '../../shared/calendar/business-hours';
import { periodRange } from '../../shared/metrics/period';
import { AppError } from '../../shared/errors';
import type { Filters } from '../../shared/metrics/types';
import type { PlannerRates } from '../../shared/documents/types';
import { PlannerRepository } from './planner-repository';

/** The stages the planner walks, top first; a workspace without some of them plans over the rest. */
export const PLANNER_STAGE_KEYS = ['lead', 'mql', 'sal', 'sql'] as const;

export interface PlannerRatesInput {
  readonly from: string;
  readonly to: string;
  readonly filters: Filters;
  readonly asOf?: number | undefined;
}

/**
 * The historical rates of the planner's chain (lead -> MQL -> SAL -> SQL -> won), read by the
 * metrics engine itself (`computeReport` with exactly these pairs), so the planner, the funnel
 * screen and `funnel-review report` show the same figures for the same lookback.
 */
export function plannerRates(ws: Workspace, input: PlannerRatesInput): PlannerRates {
  const stages = [...ws.repo(WorkspaceRepository).stages()].sort((a, b) => a.position - b.position);
  const chain = stages.filter((s) => s.kind === 'funnel' && (PLANNER_STAGE_KEYS as readonly string[]).includes(s.key));
  const won = stages.filter((s) => s.kind === 'won');
  if (chain.length === 0 || won.length === 0) throw new AppError('documents.plannerStages');
  const keys = [...chain, won[0]!];
  const pairs = keys.slice(0, -1).map((s, i) => ({ from: s.key, to: keys[i + 1]!.key }));
  const asOf = input.asOf ?? Date.now();
  let report;
  try {
    report = computeReport(ws, {
      from: input.from,
      to: input.to,
      filters: input.filters,
      withinDays: null,
      asOf,
      pairs,
      compare: false,
    });
  } catch (e) {
    // The report's SLA figures need working time; the rates do not, but they come in the same pass.
    if (e instanceof NoWorkingTimeError || (e instanceof Error && e.name === 'NoWorkingTimeError'))
      throw new AppError('calendar.noWorkingTime');
    throw e;
  }
  const settings = ws.settings();
  const range = periodRange(checkPeriod(input.from, input.to), settings.timeZone);
  const averageDealSize = ws
    .repo(PlannerRepository)
    .averageWonAmount(
      new MetricsSql(stages, input.filters),
      won,
      { from: range.fromMs, end: Math.min(range.toMs, asOf + 1) },
      settings.currency,
    );
  const sla = slaTermsInForce(ws.repo(DefinitionsRepository), asOf);
  return {
    from: input.from,
    to: input.to,
    filters: input.filters,
    asOf,
    stages: keys.map((s) => ({ key: s.key, labels: s.labels })),
    steps: report.conversion.map((c) => ({
      from: c.from,
      to: c.to,
      numerator: c.numerator,
      denominator: c.denominator,
      rate: c.rate,
      ci_low: c.ci_low,
      ci_high: c.ci_high,
      small: c.small,
      open: c.open,
      open_share: c.open_share,
    })),
    currency: settings.currency,
    averageDealSize,
    sla: {
      handoffStage: sla.terms.handoffStage,
      weeklyVolumeTarget: sla.terms.weeklyVolumeTarget,
      version: sla.source.version,
    },
  };
}
