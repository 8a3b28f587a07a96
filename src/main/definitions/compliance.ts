import type { Workspace } from '../workspace/workspace';
import { checkPeriod, openContext } from '../metrics/service';
import type { Params } from '../metrics/sql';
import { periodRange } from '../../shared/metrics/period';
import { proportion } from '../../shared/metrics/stats';
import type { Filters } from '../../shared/metrics/types';
import { compileRule } from '../../shared/definitions/sql';
import { failedConditions } from '../../shared/definitions/evaluate';
import type { RuleLead } from '../../shared/definitions/fields';
import type { ComplianceFigure, CompliancePage, ComplianceSide } from '../../shared/definitions/types';
import { AppError } from '../../shared/errors';
import { SlaTermsRepository } from '../metrics/terms';
import { DefinitionsRepository, type DefinitionRow } from './repository';
import { criteriaFor, requireDefinitionByKey, ruleHistory, type RuleVersion } from './in-force';
import { RulesRepository, type JudgedLeadRow, type VersionedRule } from './rules-repository';

export interface ComplianceOptions {
  readonly from: string;
  readonly to: string;
  /** Stage criteria to judge by; default: the criteria of the SLA's hand-off stage. */
  readonly key?: string | undefined;
  readonly filters: Filters;
  readonly asOf?: number | undefined;
}

/** The stage criteria a compliance figure judges by, and the stage whose entries it judges. */
function criteria(ws: Workspace, options: ComplianceOptions, asOf: number): DefinitionRow {
  const repo = ws.repo(DefinitionsRepository);
  if (options.key) {
    const d = requireDefinitionByKey(repo, options.key);
    if (d.kind !== 'stage_criteria' || d.stage_key === null)
      throw new AppError('definitions.notStageCriteria', { key: d.key });
    return d;
  }
  const handoff = ws.repo(SlaTermsRepository).inForce(asOf).terms.handoffStage;
  const d = criteriaFor(repo, handoff);
  if (!d) throw new AppError('definitions.noCriteria', { stage: handoff });
  return d;
}

function setup(ws: Workspace, options: ComplianceOptions) {
  const period = checkPeriod(options.from, options.to);
  const ctx = openContext(ws, { filters: options.filters, withinDays: null, asOf: options.asOf });
  const d = criteria(ws, options, ctx.asOf);
  const stage = ctx.q.stage(d.stage_key!);
  const range = periodRange(period, ctx.zone);
  const bounds: Params = { from: range.fromMs, end: Math.min(range.toMs, ctx.asOf + 1), asOf: ctx.asOf, window: null };
  const history = ruleHistory(ws.repo(DefinitionsRepository), d);
  const versions: VersionedRule[] = history.map((v, i) => ({
    from: v.effectiveFrom,
    sql: v.rule ? compileRule(v.rule, { alias: 'l', prefix: `rv${i}_` }) : null,
  }));
  return { ctx, d, stage, bounds, history, versions, rules: ws.repo(RulesRepository) };
}

/**
 * Definition compliance ("garbage in"): of the leads that entered the criteria's stage in the
 * period (first entry, the metrics cohort), the share that met the criteria in force at that
 * entry. Leads are judged on their current field values; leads handed over before any criteria
 * were agreed are not judged.
 */
export function compliance(ws: Workspace, options: ComplianceOptions): ComplianceFigure {
  const { ctx, d, stage, bounds, history, versions, rules } = setup(ws, options);
  const rows = rules.compliance(ctx.q, bounds, stage, versions);
  const byVersion = rows.map((r) => {
    const v: RuleVersion | undefined = history[r.ver];
    return {
      revisionId: v?.revisionId ?? null,
      version: v?.version ?? null,
      effectiveFrom: v?.effectiveFrom ?? null,
      handedOver: r.n,
      met: r.met,
      notMet: r.not_met,
    };
  });
  const met = byVersion.reduce((a, v) => a + v.met, 0);
  const notMet = byVersion.reduce((a, v) => a + v.notMet, 0);
  const handedOver = byVersion.reduce((a, v) => a + v.handedOver, 0);
  return {
    key: d.key,
    stage: stage.key,
    from: options.from,
    to: options.to,
    asOf: ctx.asOf,
    ...proportion(met, met + notMet),
    handedOver,
    met,
    notMet,
    unjudged: handedOver - met - notMet,
    byVersion,
  };
}

function ruleLead(r: JudgedLeadRow): RuleLead {
  let custom: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(r.custom);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      custom = parsed as Record<string, unknown>;
  } catch {
    // A custom column that is not JSON holds no fields the rule could read.
  }
  return {
    score: r.score,
    amount: r.amount,
    segment: r.segment,
    source: r.source,
    country: r.country,
    owner: r.owner,
    campaign: r.campaign,
    custom,
  };
}

/** The leads behind the compliance figure, with the conditions each one failed. */
export function complianceLeads(
  ws: Workspace,
  options: ComplianceOptions & { side: ComplianceSide; offset: number; limit: number },
): CompliancePage {
  const { ctx, stage, bounds, history, versions, rules } = setup(ws, options);
  const page = rules.complianceLeads(ctx.q, bounds, stage, versions, options.side, options.offset, options.limit);
  return {
    total: page.total,
    offset: options.offset,
    limit: options.limit,
    leads: page.rows.map((r) => {
      const v = history[r.ver];
      return {
        id: r.lead_id,
        externalId: r.external_id,
        owner: r.owner,
        segment: r.segment,
        source: r.source,
        country: r.country,
        score: r.score,
        enteredAt: r.entered_at,
        version: v?.version ?? null,
        met: r.ok === null ? null : r.ok === 1,
        failed: r.ok === 0 && v?.rule ? failedConditions(v.rule, ruleLead(r)) : [],
      };
    }),
  };
}
