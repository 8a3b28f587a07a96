import type { Workspace } from '../workspace/workspace';
import { DefinitionsRepository, type DefinitionRow, type RevisionRow } from '../definitions/repository';
import { definitionsInForce } from '../definitions/in-force';
import { preview, type PreviewOptions } from '../definitions/preview';
import { approve, reject } from '../definitions/service';
import { parseBody } from '../definitions/views';
import type { ReviewOutcome } from '../../shared/meetings/model';
import type { DefinitionVersion, Proposal } from '../../shared/meetings/types';
import type { ImpactPreview } from '../../shared/definitions/types';

/**
 * The one place meetings reach the definitions service (src/main/definitions): what was in force
 * at an instant, what was proposed by then (with its impact preview), and the meeting's decision
 * on a proposal, applied through the service's own lifecycle (both approvals, or a rejection).
 */

/** Weeks the impact preview of a proposal covers, as the definitions screen shows by default. */
export const PREVIEW_WEEKS = 8;

/** The agreed wording every revision body carries (the in-force list types bodies loosely). */
const wording = (body: unknown): string =>
  typeof body === 'object' && body !== null && 'text' in body && typeof body.text === 'string' ? body.text : '';

export function inForceAt(ws: Workspace, at: number): DefinitionVersion[] {
  return definitionsInForce(ws.repo(DefinitionsRepository), at).map((d) => ({
    revisionId: d.revisionId,
    definitionKey: d.key,
    kind: d.kind,
    title: d.title,
    stageKey: d.stageKey,
    version: d.version,
    effectiveFrom: d.effectiveFrom,
    approvedBy: d.approvedBy,
    text: wording(d.body),
    body: d.body,
  }));
}

/** Revisions proposed by `at` and still awaiting a decision, with their definitions. */
function proposedBy(ws: Workspace, at: number): Array<{ d: DefinitionRow; r: RevisionRow }> {
  const repo = ws.repo(DefinitionsRepository);
  return repo
    .definitions()
    .flatMap((d) => repo.revisionsOf(d.id).map((r) => ({ d, r })))
    .filter(({ r }) => r.status === 'proposed' && (r.proposed_at ?? r.created_at) <= at);
}

const previewable = (d: DefinitionRow) => d.kind === 'stage_criteria' || d.kind === 'icp' || d.kind === 'sla_terms';
const previewOptions = (r: RevisionRow, at: number): PreviewOptions => ({
  revisionId: r.id,
  weeks: PREVIEW_WEEKS,
  asOf: at,
});

/** The impact previews `proposalsAt` shows, as it asks for them. */
export function proposalPreviews(ws: Workspace, at: number): PreviewOptions[] {
  return proposedBy(ws, at)
    .filter(({ d }) => previewable(d))
    .map(({ r }) => previewOptions(r, at));
}

/**
 * Revisions proposed by `at` and still awaiting a decision, each with its preview as of `at`
 * (from `previewOf`, which may hold previews read ahead).
 */
export function proposalsAt(
  ws: Workspace,
  at: number,
  inForce: readonly DefinitionVersion[],
  previewOf: (options: PreviewOptions) => ImpactPreview = (options) => preview(ws, options),
): Proposal[] {
  return proposedBy(ws, at)
    .map(({ d, r }) => {
      const body = parseBody(d.kind, r.body, r.id);
      return {
        revisionId: r.id,
        definitionKey: d.key,
        kind: d.kind,
        title: d.title,
        stageKey: d.stage_key,
        version: r.version,
        effectiveFrom: r.effective_from,
        approvedBy: { marketing: r.marketing_approved_by, sales: r.sales_approved_by },
        text: body.text,
        body,
        author: r.author,
        rationale: r.rationale,
        createdAt: r.proposed_at ?? r.created_at,
        replaces: inForce.find((v) => v.definitionKey === d.key) ?? null,
        impact: previewable(d) ? previewOf(previewOptions(r, at)) : null,
      };
    })
    .sort((a, b) => a.createdAt - b.createdAt || a.revisionId - b.revisionId);
}

export function revisionNow(ws: Workspace, id: number): RevisionRow | undefined {
  return ws.repo(DefinitionsRepository).revision(id);
}

/**
 * Applies a meeting's outcome through the definitions lifecycle: approval by both leaders (a side
 * that approved before the meeting keeps its approval), or a rejection recorded with both names.
 * A deferral changes nothing on the revision. Call inside the meeting's transaction.
 */
export function decide(
  ws: Workspace,
  revision: RevisionRow,
  outcome: ReviewOutcome,
  leaders: { marketing: string; sales: string },
  note: string,
  now: number,
): void {
  if (outcome === 'approve') {
    if (revision.marketing_approved_by === null) approve(ws, revision.id, 'marketing', leaders.marketing, now);
    if (revision.sales_approved_by === null) approve(ws, revision.id, 'sales', leaders.sales, now);
  } else if (outcome === 'reject') {
    reject(ws, revision.id, `${leaders.marketing}, ${leaders.sales}`, note, now);
  }
}
