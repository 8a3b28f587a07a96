import type { Db } from '../db/driver';
import {
  DEFINITION_KINDS,
  REVISION_STATUSES,
  type DefinitionKind,
  type RevisionStatus,
} from '../../shared/definitions/model';

export interface DefinitionRow {
  readonly id: number;
  readonly kind: DefinitionKind;
  readonly key: string;
  readonly title: string;
  readonly stage_key: string | null;
  readonly created_at: number;
}

export interface RevisionRow {
  readonly id: number;
  readonly definition_id: number;
  readonly version: number;
  readonly status: RevisionStatus;
  readonly effective_from: number | null;
  readonly rationale: string;
  readonly author: string;
  readonly body: string;
  readonly created_at: number;
  readonly proposed_at: number | null;
  readonly marketing_approved_by: string | null;
  readonly marketing_approved_at: number | null;
  readonly sales_approved_by: string | null;
  readonly sales_approved_at: number | null;
  readonly decided_at: number | null;
  readonly decided_by: string | null;
  readonly decision_note: string | null;
}

export interface NewRevision {
  readonly definitionId: number;
  readonly version: number;
  readonly status: 'draft' | 'proposed';
  readonly effectiveFrom: number | null;
  readonly rationale: string;
  readonly author: string;
  readonly body: string;
  readonly createdAt: number;
}

const isKind = (k: string): k is DefinitionKind => (DEFINITION_KINDS as readonly string[]).includes(k);
const isStatus = (s: string): s is RevisionStatus => (REVISION_STATUSES as readonly string[]).includes(s);

/** Stored rows with a kind or status the schema does not allow would mean a damaged file: say so. */
function checked<T extends { kind?: string; status?: string }>(row: T): T {
  if (row.kind !== undefined && !isKind(row.kind)) throw new Error(`definitions: unknown kind ${row.kind}`);
  if (row.status !== undefined && !isStatus(row.status)) throw new Error(`definitions: unknown status ${row.status}`);
  return row;
}

/** Every statement on `definitions` and `definition_revisions`. */
export class DefinitionsRepository {
  private readonly s;

  constructor(db: Db) {
    const cols = `id, definition_id, version, status, effective_from, rationale, author, body, created_at, proposed_at,
      marketing_approved_by, marketing_approved_at, sales_approved_by, sales_approved_at, decided_at, decided_by, decision_note`;
    this.s = {
      definitions: db.prepare<[], DefinitionRow>(
        'SELECT id, kind, key, title, stage_key, created_at FROM definitions ORDER BY id',
      ),
      definition: db.prepare<[number], DefinitionRow>(
        'SELECT id, kind, key, title, stage_key, created_at FROM definitions WHERE id = ?',
      ),
      definitionByKey: db.prepare<[string], DefinitionRow>(
        'SELECT id, kind, key, title, stage_key, created_at FROM definitions WHERE key = ?',
      ),
      insertDefinition: db.prepare<{
        kind: string;
        key: string;
        title: string;
        stageKey: string | null;
        createdAt: number;
      }>(
        'INSERT INTO definitions (kind, key, title, stage_key, created_at) VALUES (@kind, @key, @title, @stageKey, @createdAt)',
      ),
      revisions: db.prepare<[], RevisionRow>(
        `SELECT ${cols} FROM definition_revisions ORDER BY definition_id, version`,
      ),
      revisionsOf: db.prepare<[number], RevisionRow>(
        `SELECT ${cols} FROM definition_revisions WHERE definition_id = ? ORDER BY version`,
      ),
      revisionsOfKind: db.prepare<[string], RevisionRow>(
        `SELECT ${cols} FROM definition_revisions WHERE definition_id IN (SELECT id FROM definitions WHERE kind = ?) ORDER BY definition_id, version`,
      ),
      revision: db.prepare<[number], RevisionRow>(`SELECT ${cols} FROM definition_revisions WHERE id = ?`),
      nextVersion: db.prepare<[number], { v: number }>(
        'SELECT coalesce(max(version), 0) + 1 AS v FROM definition_revisions WHERE definition_id = ?',
      ),
      insertRevision: db.prepare<NewRevision & { proposedAt: number | null }>(
        `INSERT INTO definition_revisions (definition_id, version, status, effective_from, rationale, author, body, created_at, proposed_at)
         VALUES (@definitionId, @version, @status, @effectiveFrom, @rationale, @author, @body, @createdAt, @proposedAt)`,
      ),
      updateDraft: db.prepare<{
        id: number;
        body: string;
        rationale: string;
        author: string;
        effectiveFrom: number | null;
      }>(
        `UPDATE definition_revisions SET body = @body, rationale = @rationale, author = @author, effective_from = @effectiveFrom
         WHERE id = @id AND status = 'draft'`,
      ),
      deleteDraft: db.prepare<[number]>("DELETE FROM definition_revisions WHERE id = ? AND status = 'draft'"),
      propose: db.prepare<{ id: number; at: number }>(
        "UPDATE definition_revisions SET status = 'proposed', proposed_at = @at WHERE id = @id AND status = 'draft'",
      ),
      approveMarketing: db.prepare<{ id: number; name: string; at: number }>(
        "UPDATE definition_revisions SET marketing_approved_by = @name, marketing_approved_at = @at WHERE id = @id AND status = 'proposed' AND marketing_approved_by IS NULL",
      ),
      approveSales: db.prepare<{ id: number; name: string; at: number }>(
        "UPDATE definition_revisions SET sales_approved_by = @name, sales_approved_at = @at WHERE id = @id AND status = 'proposed' AND sales_approved_by IS NULL",
      ),
      agree: db.prepare<{ id: number; status: 'approved' | 'effective'; effectiveFrom: number; at: number }>(
        "UPDATE definition_revisions SET status = @status, effective_from = @effectiveFrom, decided_at = @at WHERE id = @id AND status = 'proposed'",
      ),
      close: db.prepare<{ id: number; status: 'rejected' | 'withdrawn'; at: number; by: string; note: string }>(
        "UPDATE definition_revisions SET status = @status, decided_at = @at, decided_by = @by, decision_note = @note WHERE id = @id AND status IN ('draft', 'proposed')",
      ),
      setStatus: db.prepare<{ id: number; status: RevisionStatus }>(
        'UPDATE definition_revisions SET status = @status WHERE id = @id',
      ),
    };
  }

  definitions(): DefinitionRow[] {
    return this.s.definitions.all().map(checked);
  }

  definition(id: number): DefinitionRow | undefined {
    const row = this.s.definition.get(id);
    return row && checked(row);
  }

  definitionByKey(key: string): DefinitionRow | undefined {
    const row = this.s.definitionByKey.get(key);
    return row && checked(row);
  }

  insertDefinition(d: {
    kind: DefinitionKind;
    key: string;
    title: string;
    stageKey: string | null;
    createdAt: number;
  }): number {
    return Number(this.s.insertDefinition.run(d).lastInsertRowid);
  }

  revisions(): RevisionRow[] {
    return this.s.revisions.all().map(checked);
  }

  revisionsOf(definitionId: number): RevisionRow[] {
    return this.s.revisionsOf.all(definitionId).map(checked);
  }

  revisionsOfKind(kind: DefinitionKind): RevisionRow[] {
    return this.s.revisionsOfKind.all(kind).map(checked);
  }

  revision(id: number): RevisionRow | undefined {
    const row = this.s.revision.get(id);
    return row && checked(row);
  }

  nextVersion(definitionId: number): number {
    return this.s.nextVersion.get(definitionId)!.v;
  }

  insertRevision(r: NewRevision): number {
    return Number(
      this.s.insertRevision.run({ ...r, proposedAt: r.status === 'proposed' ? r.createdAt : null }).lastInsertRowid,
    );
  }

  updateDraft(r: {
    id: number;
    body: string;
    rationale: string;
    author: string;
    effectiveFrom: number | null;
  }): boolean {
    return this.s.updateDraft.run(r).changes === 1;
  }

  deleteDraft(id: number): boolean {
    return this.s.deleteDraft.run(id).changes === 1;
  }

  propose(id: number, at: number): boolean {
    return this.s.propose.run({ id, at }).changes === 1;
  }

  approve(id: number, side: 'marketing' | 'sales', name: string, at: number): boolean {
    return (side === 'marketing' ? this.s.approveMarketing : this.s.approveSales).run({ id, name, at }).changes === 1;
  }

  agree(id: number, status: 'approved' | 'effective', effectiveFrom: number, at: number): boolean {
    return this.s.agree.run({ id, status, effectiveFrom, at }).changes === 1;
  }

  close(id: number, status: 'rejected' | 'withdrawn', at: number, by: string, note: string): boolean {
    return this.s.close.run({ id, status, at, by, note }).changes === 1;
  }

  setStatus(id: number, status: RevisionStatus): void {
    this.s.setStatus.run({ id, status });
  }
}
