import { DateTime } from 'luxon';
import type { Workspace } from '../workspace/workspace';
import { WorkspaceRepository } from '../workspace/repository';
import { toIssues } from '../runtime/dispatch';
import { AppError } from '../../shared/errors';
import { revisionBody, type DefinitionKind, type RevisionBody } from '../../shared/definitions/model';
import { assertRule } from '../../shared/definitions/check';
import { fold } from '../../shared/definitions/values';
import { AGREED, governing, inForceAt, settledStatus } from '../../shared/definitions/lifecycle';
import type { AnyRevisionBody, ApprovalSide, RevisionInfo } from '../../shared/definitions/types';
import { DefinitionsRepository, type DefinitionRow, type RevisionRow } from './repository';
import { ReasonsSyncRepository } from './taxonomy-sync';
import { dates, parseBody, revisionInfo } from './views';

/**
 * The lifecycle of agreed definitions. Every operation checks first and writes after, in one
 * transaction, so a refused request (with its clear error) changes nothing:
 * draft -> proposed -> approved (both leaders) -> effective (from its date) -> superseded,
 * or proposed -> rejected / withdrawn. Proposed content never changes; a change is a new revision.
 */

const repo = (ws: Workspace) => ws.repo(DefinitionsRepository);

export function requireDefinition(ws: Workspace, id: number): DefinitionRow {
  const d = repo(ws).definition(id);
  if (!d) throw new AppError('definitions.notFound', { id });
  return d;
}

export function requireRevision(ws: Workspace, id: number): { definition: DefinitionRow; revision: RevisionRow } {
  const revision = repo(ws).revision(id);
  if (!revision) throw new AppError('definitions.revisionNotFound', { id });
  return { definition: requireDefinition(ws, revision.definition_id), revision };
}

function info(ws: Workspace, id: number, now: number): RevisionInfo {
  const { definition, revision } = requireRevision(ws, id);
  return revisionInfo(definition.kind, revision, repo(ws).revisionsOf(definition.id), now);
}

/** Midnight today in the workspace zone: "effective from today" is not in the past. */
function startOfToday(ws: Workspace, now: number): number {
  return DateTime.fromMillis(now, { zone: ws.settings().timeZone }).startOf('day').toMillis();
}

function stageKeys(ws: Workspace): Set<string> {
  return new Set(
    ws
      .repo(WorkspaceRepository)
      .stages()
      .map((s) => s.key),
  );
}

/** Parses and checks a body for the definition's kind: schema, rule types, stages it names. */
export function checkBody(ws: Workspace, d: DefinitionRow, body: unknown): AnyRevisionBody {
  const parsed = revisionBody[d.kind].safeParse(body);
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    throw new AppError(
      'definitions.badBody',
      { kind: d.kind, path: issues[0]?.path ?? '' },
      `Invalid ${d.kind} body`,
      issues,
    );
  }
  const value = parsed.data;
  if ('rule' in value && value.rule) assertRule(value.rule);
  if ('terms' in value) {
    const stages = stageKeys(ws);
    for (const stage of [value.terms.handoffStage, value.terms.acceptedStage]) {
      if (!stages.has(stage)) throw new AppError('definitions.unknownStage', { stage });
    }
  }
  return value;
}

function checkProposable(
  ws: Workspace,
  d: DefinitionRow,
  r: { body: AnyRevisionBody; rationale: string; author: string; effectiveFrom: number | null; id?: number },
  now: number,
): void {
  if (r.author.trim() === '') throw new AppError('definitions.authorRequired');
  if (r.rationale.trim() === '') throw new AppError('definitions.rationaleRequired');
  if (r.body.text.trim() === '') throw new AppError('definitions.textRequired');
  if (r.effectiveFrom !== null) {
    if (r.effectiveFrom < startOfToday(ws, now))
      throw new AppError('definitions.effectiveInPast', { date: r.effectiveFrom });
    checkAfterAgreed(ws, d, r.effectiveFrom, r.id);
  }
}

/** A new agreement may not take effect before the latest one: it would be overridden by an older text. */
function checkAfterAgreed(ws: Workspace, d: DefinitionRow, effectiveFrom: number, except?: number): void {
  const latest = governing(
    repo(ws)
      .revisionsOf(d.id)
      .filter((x) => x.id !== except)
      .map(dates),
  ).at(-1);
  if (latest && latest.effectiveFrom! > effectiveFrom) {
    throw new AppError('definitions.effectiveBeforeCurrent', {
      date: effectiveFrom,
      version: latest.version,
      current: latest.effectiveFrom!,
    });
  }
}

function writable(ws: Workspace): void {
  ws.assertWritable();
}

export function createDefinition(
  ws: Workspace,
  input: { kind: DefinitionKind; key: string; title: string; stageKey: string | null },
  now: number,
): number {
  writable(ws);
  if (repo(ws).definitionByKey(input.key)) throw new AppError('definitions.keyTaken', { key: input.key });
  if (input.kind === 'stage_criteria') {
    if (input.stageKey === null) throw new AppError('definitions.stageRequired');
    if (!stageKeys(ws).has(input.stageKey)) throw new AppError('definitions.unknownStage', { stage: input.stageKey });
  } else if (input.stageKey !== null) throw new AppError('definitions.stageNotAllowed', { kind: input.kind });
  return ws.db.transaction(() => repo(ws).insertDefinition({ ...input, createdAt: now }))();
}

export interface DraftInput {
  readonly definitionId: number;
  readonly body: unknown;
  readonly rationale: string;
  readonly author: string;
  readonly effectiveFrom: number | null;
  readonly propose: boolean;
}

export function writeRevision(ws: Workspace, input: DraftInput, now: number): RevisionInfo {
  writable(ws);
  const d = requireDefinition(ws, input.definitionId);
  const body = checkBody(ws, d, input.body);
  const rationale = input.rationale.trim();
  const author = input.author.trim();
  if (input.propose) checkProposable(ws, d, { body, rationale, author, effectiveFrom: input.effectiveFrom }, now);
  else if (author === '') throw new AppError('definitions.authorRequired');
  const id = ws.db.transaction(() => {
    settle(ws, now);
    return repo(ws).insertRevision({
      definitionId: d.id,
      version: repo(ws).nextVersion(d.id),
      status: input.propose ? 'proposed' : 'draft',
      effectiveFrom: input.effectiveFrom,
      rationale,
      author,
      body: JSON.stringify(body),
      createdAt: now,
    });
  })();
  return info(ws, id, now);
}

function requireDraft(ws: Workspace, id: number): { definition: DefinitionRow; revision: RevisionRow } {
  const found = requireRevision(ws, id);
  if (found.revision.status !== 'draft') {
    throw new AppError('definitions.notDraft', { version: found.revision.version, status: found.revision.status });
  }
  return found;
}

export function updateDraft(
  ws: Workspace,
  input: {
    revisionId: number;
    body?: unknown;
    rationale?: string | undefined;
    author?: string | undefined;
    effectiveFrom?: number | null | undefined;
  },
  now: number,
): RevisionInfo {
  writable(ws);
  const { definition, revision } = requireDraft(ws, input.revisionId);
  const body =
    input.body === undefined
      ? parseBody(definition.kind, revision.body, revision.id)
      : checkBody(ws, definition, input.body);
  const author = (input.author ?? revision.author).trim();
  if (author === '') throw new AppError('definitions.authorRequired');
  ws.db.transaction(() => {
    repo(ws).updateDraft({
      id: revision.id,
      body: JSON.stringify(body),
      rationale: (input.rationale ?? revision.rationale).trim(),
      author,
      effectiveFrom: input.effectiveFrom === undefined ? revision.effective_from : input.effectiveFrom,
    });
  })();
  return info(ws, revision.id, now);
}

export function discardDraft(ws: Workspace, revisionId: number): void {
  writable(ws);
  const { revision } = requireDraft(ws, revisionId);
  ws.db.transaction(() => repo(ws).deleteDraft(revision.id))();
}

export function propose(ws: Workspace, revisionId: number, now: number): RevisionInfo {
  writable(ws);
  const { definition, revision } = requireDraft(ws, revisionId);
  const body = parseBody(definition.kind, revision.body, revision.id);
  checkBody(ws, definition, body);
  checkProposable(
    ws,
    definition,
    {
      body,
      rationale: revision.rationale,
      author: revision.author,
      effectiveFrom: revision.effective_from,
      id: revision.id,
    },
    now,
  );
  ws.db.transaction(() => {
    settle(ws, now);
    repo(ws).propose(revision.id, now);
  })();
  return info(ws, revision.id, now);
}

function requireProposed(ws: Workspace, id: number, now: number): { definition: DefinitionRow; revision: RevisionRow } {
  const found = requireRevision(ws, id);
  if (found.revision.status !== 'proposed') {
    const status = settledStatus(repo(ws).revisionsOf(found.definition.id).map(dates), dates(found.revision), now);
    throw new AppError('definitions.notProposed', { version: found.revision.version, status });
  }
  return found;
}

const same = (a: string, b: string) => fold(a).replace(/\s+/g, ' ') === fold(b).replace(/\s+/g, ' ');

/**
 * One leader's approval. The same person cannot approve for both sides; with the second
 * approval the revision is agreed, taking effect on its date (or now, when it said "on approval").
 */
export function approve(
  ws: Workspace,
  revisionId: number,
  side: ApprovalSide,
  name: string,
  now: number,
): RevisionInfo {
  writable(ws);
  const { definition, revision } = requireProposed(ws, revisionId, now);
  const person = name.trim();
  if (person === '') throw new AppError('definitions.nameRequired');
  const mine = side === 'marketing' ? revision.marketing_approved_by : revision.sales_approved_by;
  const other = side === 'marketing' ? revision.sales_approved_by : revision.marketing_approved_by;
  if (mine !== null)
    throw new AppError(`definitions.alreadyApproved.${side}`, { version: revision.version, name: mine });
  if (other !== null && same(other, person)) throw new AppError('definitions.sameApprover', { name: person });
  const agreed = other !== null;
  const effectiveFrom = revision.effective_from ?? now;
  if (agreed) {
    if (revision.effective_from !== null && revision.effective_from < startOfToday(ws, now)) {
      throw new AppError('definitions.effectiveDatePassed', {
        date: revision.effective_from,
        version: revision.version,
      });
    }
    checkAfterAgreed(ws, definition, effectiveFrom, revision.id);
  }
  ws.db.transaction(() => {
    settle(ws, now);
    repo(ws).approve(revision.id, side, person, now);
    if (agreed) {
      repo(ws).agree(revision.id, 'approved', effectiveFrom, now);
      settle(ws, now);
    }
  })();
  return info(ws, revision.id, now);
}

export function reject(ws: Workspace, revisionId: number, name: string, note: string, now: number): RevisionInfo {
  writable(ws);
  const { revision } = requireProposed(ws, revisionId, now);
  if (name.trim() === '') throw new AppError('definitions.nameRequired');
  if (note.trim() === '') throw new AppError('definitions.noteRequired');
  ws.db.transaction(() => {
    settle(ws, now);
    repo(ws).close(revision.id, 'rejected', now, name.trim(), note.trim());
  })();
  return info(ws, revision.id, now);
}

export function withdraw(ws: Workspace, revisionId: number, name: string, note: string, now: number): RevisionInfo {
  writable(ws);
  const { revision } = requireRevision(ws, revisionId);
  if (revision.status !== 'draft' && revision.status !== 'proposed') {
    throw new AppError('definitions.notProposed', {
      version: revision.version,
      status: settledStatus(repo(ws).revisionsOf(revision.definition_id).map(dates), dates(revision), now),
    });
  }
  if (name.trim() === '') throw new AppError('definitions.nameRequired');
  ws.db.transaction(() => {
    settle(ws, now);
    repo(ws).close(revision.id, 'withdrawn', now, name.trim(), note.trim());
  })();
  return info(ws, revision.id, now);
}

/**
 * Brings stored statuses in line with the calendar (approved -> effective when its date comes,
 * the previous one -> superseded) and the reasons table with the taxonomy in force. Runs inside
 * every write; a read-only workspace is read with `settledStatus` instead.
 */
export function settle(ws: Workspace, now: number): void {
  const r = repo(ws);
  const run = () => {
    let taxonomyChanged = false;
    for (const d of r.definitions()) {
      const rows = r.revisionsOf(d.id);
      const all = rows.map(dates);
      for (const row of rows) {
        if (!AGREED.has(row.status)) continue;
        const target = settledStatus(all, dates(row), now);
        const allowed =
          (row.status === 'approved' && target !== 'approved') ||
          (row.status === 'effective' && target === 'superseded');
        if (target === row.status || !allowed) continue;
        r.setStatus(row.id, target);
        if (d.kind === 'reason_taxonomy' && target === 'effective') taxonomyChanged = true;
      }
    }
    if (taxonomyChanged) {
      const bodies: Array<RevisionBody<'reason_taxonomy'>> = [];
      for (const d of r.definitions().filter((x) => x.kind === 'reason_taxonomy')) {
        const rows = r.revisionsOf(d.id);
        const current = inForceAt(rows.map(dates), now);
        const row = rows.find((x) => x.id === current?.id);
        if (row) bodies.push(revisionBody.reason_taxonomy.parse(JSON.parse(row.body)));
      }
      ws.repo(ReasonsSyncRepository).sync(bodies);
    }
  };
  if (ws.db.inTransaction) run();
  else ws.db.transaction(run)();
}
