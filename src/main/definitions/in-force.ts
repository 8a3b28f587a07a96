import type { Workspace } from '../workspace/workspace';
import { DEFAULT_SLA_TERMS, revisionBody, type RuleGroup, type SlaTerms } from '../../shared/definitions/model';
import { AGREED, governing, inForceAt, spansBetween } from '../../shared/definitions/lifecycle';
import type { DefinitionInForce } from '../../shared/documents/terms';
import type { InForceSpanInfo } from '../../shared/definitions/types';
import type { TermsSource } from '../../shared/metrics/types';
import { AppError } from '../../shared/errors';
import { DefinitionsRepository, type DefinitionRow, type RevisionRow } from './repository';
import { dates, parseBody } from './views';

/**
 * Point in time: what was agreed at an instant. Per definition, the agreed revision (approved,
 * effective or since superseded) with the latest effective date not after it; the same rule
 * everywhere (metrics, compliance, documents), see src/shared/definitions/lifecycle.ts.
 */

const KIND_ORDER = { market: 1, icp: 2, stage_criteria: 3, sla_terms: 4, reason_taxonomy: 5 } as const;

function rowInForce(rows: readonly RevisionRow[], at: number): RevisionRow | null {
  const current = inForceAt(rows.map(dates), at);
  return rows.find((r) => r.id === current?.id) ?? null;
}

/** Every definition in force at `at`, as the SLA document embeds them. */
export function definitionsInForce(repo: DefinitionsRepository, at: number): DefinitionInForce[] {
  const out: DefinitionInForce[] = [];
  const defs = [...repo.definitions()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id - b.id);
  for (const d of defs) {
    const r = rowInForce(repo.revisionsOf(d.id), at);
    if (!r) continue;
    out.push({
      kind: d.kind,
      key: d.key,
      title: d.title,
      stageKey: d.stage_key,
      revisionId: r.id,
      version: r.version,
      effectiveFrom: r.effective_from,
      approvedBy: { marketing: r.marketing_approved_by, sales: r.sales_approved_by },
      body: parseBody(d.kind, r.body, r.id),
    });
  }
  return out;
}

export function requireDefinitionByKey(repo: DefinitionsRepository, key: string): DefinitionRow {
  const d = repo.definitionByKey(key);
  if (!d) throw new AppError('definitions.keyNotFound', { key });
  return d;
}

/** Which revisions governed [from, to): the UI's "which version each figure used". */
export function spansOf(repo: DefinitionsRepository, key: string, from: number, to: number): InForceSpanInfo[] {
  const d = requireDefinitionByKey(repo, key);
  const rows = repo.revisionsOf(d.id);
  return spansBetween(rows.map(dates), from, to).map((s) => ({
    revisionId: s.revision?.id ?? null,
    version: s.revision?.version ?? null,
    effectiveFrom: s.revision?.effectiveFrom ?? null,
    from: s.from,
    to: s.to,
  }));
}

/** The stage criteria of a stage (the first defined, should a workspace hold two). */
export function criteriaFor(repo: DefinitionsRepository, stageKey: string): DefinitionRow | undefined {
  return repo.definitions().find((d) => d.kind === 'stage_criteria' && d.stage_key === stageKey);
}

export interface RuleVersion {
  readonly revisionId: number;
  readonly version: number;
  readonly effectiveFrom: number;
  /** null: the version states no checkable rule (an ICP in words only). */
  readonly rule: RuleGroup | null;
}

/** The agreed rule versions of a definition, ascending by effective date: version at t = last with effectiveFrom <= t. */
export function ruleHistory(repo: DefinitionsRepository, d: DefinitionRow): RuleVersion[] {
  const rows = repo.revisionsOf(d.id);
  return governing(rows.map(dates)).map((g) => {
    const row = rows.find((r) => r.id === g.id)!;
    const body = parseBody(d.kind, row.body, row.id);
    return {
      revisionId: row.id,
      version: row.version,
      effectiveFrom: g.effectiveFrom!,
      rule: 'rule' in body ? (body.rule ?? null) : null,
    };
  });
}

/** The rule of one revision (stage criteria or ICP), or null when it has none. */
export function ruleOf(d: DefinitionRow, row: RevisionRow): RuleGroup | null {
  const body = parseBody(d.kind, row.body, row.id);
  return 'rule' in body ? (body.rule ?? null) : null;
}

interface TermsVersion {
  readonly row: RevisionRow;
  readonly key: string;
  readonly terms: SlaTerms;
}

/** Every agreed SLA-terms revision that ever governed, ascending by effective date. */
function termsHistory(repo: DefinitionsRepository): TermsVersion[] {
  const keys = new Map(repo.definitions().map((d) => [d.id, d.key]));
  const rows = repo.revisionsOfKind('sla_terms').filter((r) => AGREED.has(r.status) && r.effective_from !== null);
  return governing(rows.map(dates)).map((g) => {
    const row = rows.find((r) => r.id === g.id)!;
    const parsed = revisionBody.sla_terms.safeParse(JSON.parse(row.body));
    // A stored revision that does not parse is a data problem to surface, not to paper over.
    if (!parsed.success) throw new AppError('metrics.badTerms', { revision: row.id });
    return { row, key: keys.get(row.definition_id) ?? '', terms: parsed.data.terms };
  });
}

/** The SLA terms in force at an instant (the defaults when none were agreed), and which revision they come from. */
export function slaTermsInForce(repo: DefinitionsRepository, at: number): { terms: SlaTerms; source: TermsSource } {
  const current = termsHistory(repo)
    .filter((t) => t.row.effective_from! <= at)
    .at(-1);
  if (!current)
    return {
      terms: DEFAULT_SLA_TERMS,
      source: { kind: 'default', revision_id: null, definition_key: null, version: null, effective_from: null },
    };
  return {
    terms: current.terms,
    source: {
      kind: 'revision',
      revision_id: current.row.id,
      definition_key: current.key,
      version: current.row.version,
      effective_from: current.row.effective_from,
    },
  };
}

export interface FollowUpWindow {
  readonly from: number;
  readonly windowMs: number;
  readonly segmentWindowMs: ReadonlyArray<readonly [string, number]>;
}

const HOUR = 3_600_000;

/** The follow-up window of some terms, by default and per segment override, in business ms. */
export function windowOf(terms: SlaTerms): Omit<FollowUpWindow, 'from'> {
  return {
    windowMs: terms.followUpBusinessHours * HOUR,
    segmentWindowMs: Object.entries(terms.segmentOverrides)
      .filter(([, o]) => o.followUpBusinessHours !== undefined)
      .map(([segment, o]): readonly [string, number] => [segment, o.followUpBusinessHours! * HOUR]),
  };
}

/** Follow-up windows by hand-off instant: a lead follows the window in force when it was handed over. */
export function followUpWindows(repo: DefinitionsRepository): FollowUpWindow[] {
  return termsHistory(repo).map((t) => ({ from: t.row.effective_from!, ...windowOf(t.terms) }));
}

/** Convenience for services holding a workspace. */
export const definitionsRepo = (ws: Workspace) => ws.repo(DefinitionsRepository);
