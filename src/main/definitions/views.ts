import { AppError } from '../../shared/errors';
import { revisionBody, type DefinitionKind } from '../../shared/definitions/model';
import { AGREED, inForceAt, OPEN, settledStatus, type RevisionDates } from '../../shared/definitions/lifecycle';
import type {
  AnyRevisionBody,
  DefinitionInfo,
  DefinitionSummary,
  RevisionInfo,
  RevisionRef,
  TimelineEvent,
} from '../../shared/definitions/types';
import type { DefinitionRow, RevisionRow } from './repository';

/** A stored body read with its kind's schema; a body that does not parse is a damaged file, said plainly. */
export function parseBody(kind: DefinitionKind, json: string, revisionId: number): AnyRevisionBody {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new AppError('definitions.badStoredBody', { revision: revisionId });
  }
  const parsed = revisionBody[kind].safeParse(data);
  if (!parsed.success) throw new AppError('definitions.badStoredBody', { revision: revisionId });
  return parsed.data;
}

export const dates = (r: RevisionRow): RevisionDates => ({
  id: r.id,
  version: r.version,
  status: r.status,
  effectiveFrom: r.effective_from,
});

export function definitionInfo(d: DefinitionRow): DefinitionInfo {
  return { id: d.id, kind: d.kind, key: d.key, title: d.title, stageKey: d.stage_key, createdAt: d.created_at };
}

export function revisionInfo(
  kind: DefinitionKind,
  r: RevisionRow,
  siblings: readonly RevisionRow[],
  now: number,
): RevisionInfo {
  return {
    id: r.id,
    definitionId: r.definition_id,
    version: r.version,
    status: settledStatus(siblings.map(dates), dates(r), now),
    effectiveFrom: r.effective_from,
    rationale: r.rationale,
    author: r.author,
    createdAt: r.created_at,
    proposedAt: r.proposed_at,
    approvals: {
      marketing:
        r.marketing_approved_by !== null
          ? { name: r.marketing_approved_by, at: r.marketing_approved_at ?? r.created_at }
          : null,
      sales:
        r.sales_approved_by !== null ? { name: r.sales_approved_by, at: r.sales_approved_at ?? r.created_at } : null,
    },
    decidedAt: r.decided_at,
    decidedBy: r.decided_by,
    decisionNote: r.decision_note,
    body: parseBody(kind, r.body, r.id),
  };
}

const ref = (r: RevisionInfo): RevisionRef => ({
  id: r.id,
  version: r.version,
  status: r.status,
  effectiveFrom: r.effectiveFrom,
});

export function summary(d: DefinitionRow, revisions: readonly RevisionInfo[], now: number): DefinitionSummary {
  const current = inForceAt(revisions, now);
  return {
    ...definitionInfo(d),
    inForce: current ? ref(current) : null,
    latestVersion: revisions.reduce((m, r) => Math.max(m, r.version), 0),
    open: revisions.filter((r) => OPEN.has(r.status)).map(ref),
    scheduled: revisions.filter((r) => r.status === 'approved').map(ref),
  };
}

/**
 * The history of a definition, newest first: drafted, proposed, each approval, taking effect, being
 * superseded (when the next revision took effect), rejected or withdrawn.
 */
export function timeline(revisions: readonly RevisionInfo[], now: number): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const add = (
    r: RevisionInfo,
    at: number,
    type: TimelineEvent['type'],
    who: string | null,
    extra: Partial<Pick<TimelineEvent, 'side' | 'note' | 'supersededBy'>> = {},
  ) =>
    out.push({
      at,
      type,
      revisionId: r.id,
      version: r.version,
      who,
      side: extra.side ?? null,
      note: extra.note ?? null,
      supersededBy: extra.supersededBy ?? null,
    });
  const agreed = revisions.filter((r) => AGREED.has(r.status) && r.effectiveFrom !== null);
  for (const r of revisions) {
    if (r.proposedAt === null || r.proposedAt > r.createdAt) add(r, r.createdAt, 'drafted', r.author);
    if (r.proposedAt !== null) add(r, r.proposedAt, 'proposed', r.author);
    if (r.approvals.marketing)
      add(r, r.approvals.marketing.at, 'approved', r.approvals.marketing.name, { side: 'marketing' });
    if (r.approvals.sales) add(r, r.approvals.sales.at, 'approved', r.approvals.sales.name, { side: 'sales' });
    if (r.status === 'rejected' || r.status === 'withdrawn')
      add(r, r.decidedAt ?? r.createdAt, r.status, r.decidedBy, { note: r.decisionNote });
    if (AGREED.has(r.status) && r.effectiveFrom !== null && r.effectiveFrom <= now) {
      // Took effect only if it was ever the one in force (a same-day later agreement can pre-empt it).
      if (inForceAt(agreed, r.effectiveFrom)?.id === r.id) add(r, r.effectiveFrom, 'effective', null);
      const next = agreed
        .filter(
          (o) =>
            o.id !== r.id &&
            o.effectiveFrom! <= now &&
            (o.effectiveFrom! > r.effectiveFrom! || (o.effectiveFrom === r.effectiveFrom && o.version > r.version)),
        )
        .sort((a, b) => a.effectiveFrom! - b.effectiveFrom! || a.version - b.version)[0];
      if (next && r.status === 'superseded')
        add(r, next.effectiveFrom!, 'superseded', null, { supersededBy: next.version });
    }
  }
  // At one instant (the second approval puts a revision in force and supersedes the last one) the
  // newest-first list reads: took effect, superseded, approved.
  const order: Record<TimelineEvent['type'], number> = {
    drafted: 0,
    proposed: 1,
    approved: 2,
    rejected: 3,
    withdrawn: 3,
    superseded: 4,
    effective: 5,
  };
  return out.sort((a, b) => b.at - a.at || order[b.type] - order[a.type] || b.version - a.version);
}
