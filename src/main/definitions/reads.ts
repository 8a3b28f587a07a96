import type { Workspace } from '../workspace/workspace';
import { openContext } from '../metrics/service';
import { periodRange } from '../../shared/metrics/period';
import { AppError } from '../../shared/errors';
import { compileRule } from '../../shared/definitions/sql';
import { diffFields, diffRule, diffText } from '../../shared/definitions/diff';
import { inForceAt } from '../../shared/definitions/lifecycle';
import type { RuleGroup } from '../../shared/definitions/model';
import type {
  AnyRevisionBody,
  DefinitionDetail,
  DefinitionSummary,
  RevisionDiff,
  RuleCount,
} from '../../shared/definitions/types';
import { checkPeriod } from '../metrics/service';
import { DefinitionsRepository } from './repository';
import { RulesRepository } from './rules-repository';
import { requireDefinition, requireRevision } from './service';
import { definitionInfo, revisionInfo, summary, timeline } from './views';

export function listDefinitions(ws: Workspace, now: number): DefinitionSummary[] {
  const repo = ws.repo(DefinitionsRepository);
  const all = repo.revisions();
  return repo.definitions().map((d) => {
    const rows = all.filter((r) => r.definition_id === d.id);
    return summary(
      d,
      rows.map((r) => revisionInfo(d.kind, r, rows, now)),
      now,
    );
  });
}

export function definitionDetail(ws: Workspace, id: number, now: number): DefinitionDetail {
  const d = requireDefinition(ws, id);
  const rows = ws.repo(DefinitionsRepository).revisionsOf(d.id);
  const revisions = rows.map((r) => revisionInfo(d.kind, r, rows, now));
  return {
    definition: definitionInfo(d),
    revisions,
    inForceId: inForceAt(revisions, now)?.id ?? null,
    timeline: timeline(revisions, now),
    now,
  };
}

/** What the structural diff compares besides the text and the rule, per kind. */
function settings(body: AnyRevisionBody): unknown {
  if ('terms' in body) return body.terms;
  if ('answers' in body) return body.answers;
  if ('reasons' in body)
    return Object.fromEntries(
      body.reasons.map((r) => [`${r.kind}.${r.code}`, { labels: r.labels, aliases: [...r.aliases].sort() }]),
    );
  return {};
}

const ruleIn = (body: AnyRevisionBody): RuleGroup | null => ('rule' in body ? (body.rule ?? null) : null);

export function revisionDiff(ws: Workspace, fromId: number, toId: number, now: number): RevisionDiff {
  const a = requireRevision(ws, fromId);
  const b = requireRevision(ws, toId);
  if (a.definition.id !== b.definition.id)
    throw new AppError('definitions.diffAcross', { from: a.definition.key, to: b.definition.key });
  const rows = ws.repo(DefinitionsRepository).revisionsOf(a.definition.id);
  const from = revisionInfo(a.definition.kind, a.revision, rows, now);
  const to = revisionInfo(b.definition.kind, b.revision, rows, now);
  const hasRule = a.definition.kind === 'stage_criteria' || a.definition.kind === 'icp';
  return {
    definition: definitionInfo(a.definition),
    from,
    to,
    text: diffText(from.body.text, to.body.text),
    rule: hasRule ? diffRule(ruleIn(from.body), ruleIn(to.body)) : null,
    fields: diffFields(settings(from.body), settings(to.body)),
  };
}

/** The rule builder's live count: all leads, and (when asked) a stage's cohort in a period. */
export function countMatching(
  ws: Workspace,
  rule: RuleGroup,
  cohort: { stage: string; from: string; to: string } | undefined,
): RuleCount {
  const sql = compileRule(rule, { alias: 'l', prefix: 'rule' });
  const rules = ws.repo(RulesRepository);
  const all = rules.countAll(sql);
  if (!cohort) return { ...all, cohort: null };
  const period = checkPeriod(cohort.from, cohort.to);
  const ctx = openContext(ws, { filters: {}, withinDays: null });
  const range = periodRange(period, ctx.zone);
  const c = rules.countCohort(
    ctx.q,
    { from: range.fromMs, end: Math.min(range.toMs, ctx.asOf + 1), asOf: ctx.asOf, window: null },
    ctx.q.stage(cohort.stage),
    sql,
  );
  return { ...all, cohort: { ...cohort, ...c } };
}
