import type { Db } from '../db/driver';
import { MUTABLE_COLUMNS } from './lead-repository';

export interface BatchRow {
  readonly id: number;
  readonly file_name: string;
  readonly file_hash: string;
  readonly preset: string | null;
  readonly mapping: string;
  readonly counts: string;
  readonly errors: string;
  readonly status: 'applied' | 'undone';
  readonly created_by: string;
  readonly created_at: number;
  readonly files: string;
  readonly on_invalid: 'reject' | 'skipInvalid';
  readonly issue_count: number;
  readonly duration_ms: number | null;
  readonly undone_at: number | null;
  readonly undone_by: string | null;
}

export interface NewBatch {
  readonly fileName: string;
  readonly preset: string | null;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly onInvalid: 'reject' | 'skipInvalid';
}

export interface FinishedBatch {
  readonly fileName: string;
  readonly fileHash: string;
  readonly files: string;
  readonly mapping: string;
  readonly counts: string;
  readonly errors: string;
  readonly issueCount: number;
  readonly durationMs: number;
}

/** Import batches: their record, the history, the dependency check and undo. */
export class BatchRepository {
  private readonly createStmt;
  private readonly finishStmt;
  private readonly listStmt;
  private readonly getStmt;
  private readonly sameHashStmt;
  private readonly laterStmt;
  private readonly dependsStmt;
  private readonly deleteEventsStmt;
  private readonly deleteTouchesStmt;
  private readonly restoreStmt;
  private readonly deleteChangesStmt;
  private readonly countLeadsStmt;
  private readonly deleteLeadsStmt;
  private readonly markUndoneStmt;

  constructor(db: Db) {
    this.createStmt = db.prepare<[string, string | null, string, number, string]>(
      `INSERT INTO import_batches (file_name, file_hash, preset, created_by, created_at, on_invalid) VALUES (?, '', ?, ?, ?, ?)`,
    );
    this.finishStmt = db.prepare(
      `UPDATE import_batches SET file_name = @fileName, file_hash = @fileHash, files = @files, mapping = @mapping, counts = @counts,
         errors = @errors, issue_count = @issueCount, duration_ms = @durationMs WHERE id = @id`,
    );
    this.listStmt = db.prepare<[number, number], BatchRow>(
      'SELECT * FROM import_batches ORDER BY id DESC LIMIT ? OFFSET ?',
    );
    this.getStmt = db.prepare<[number], BatchRow>('SELECT * FROM import_batches WHERE id = ?');
    this.sameHashStmt = db.prepare<[{ hash: string }], { id: number; created_at: number }>(
      `SELECT id, created_at FROM import_batches WHERE status = 'applied' AND (file_hash = @hash OR EXISTS (SELECT 1 FROM json_each(files) WHERE json_extract(value, '$.sha256') = @hash)) ORDER BY id`,
    );
    this.laterStmt = db
      .prepare<[number], number>(`SELECT id FROM import_batches WHERE id > ? AND status = 'applied' ORDER BY id`)
      .pluck();
    // Does the later batch have an entry for a lead this batch inserted, changed, or added events or touches to?
    this.dependsStmt = db
      .prepare<[{ batch: number; later: number }], number>(
        `SELECT 1 FROM import_changes c WHERE c.batch_id = @later AND (
           EXISTS (SELECT 1 FROM leads l WHERE l.id = c.lead_id AND l.batch_id = @batch)
           OR EXISTS (SELECT 1 FROM import_changes p WHERE p.batch_id = @batch AND p.lead_id = c.lead_id AND p.previous IS NOT NULL)
           OR EXISTS (SELECT 1 FROM stage_events e WHERE e.lead_id = c.lead_id AND e.batch_id = @batch)
           OR EXISTS (SELECT 1 FROM touches t WHERE t.lead_id = c.lead_id AND t.batch_id = @batch)
         ) LIMIT 1`,
      )
      .pluck();
    this.deleteEventsStmt = db.prepare<[number, number]>(
      'DELETE FROM stage_events WHERE id IN (SELECT id FROM stage_events WHERE batch_id = ? LIMIT ?)',
    );
    this.deleteTouchesStmt = db.prepare<[number, number]>(
      'DELETE FROM touches WHERE id IN (SELECT id FROM touches WHERE batch_id = ? LIMIT ?)',
    );
    this.restoreStmt = db.prepare<[number]>(
      `UPDATE leads SET ${MUTABLE_COLUMNS.map((c) => `${c} = json_extract(c.previous, '$.${c}')`).join(', ')}
       FROM import_changes c WHERE c.batch_id = ? AND c.previous IS NOT NULL AND leads.id = c.lead_id`,
    );
    this.deleteChangesStmt = db.prepare<[number]>('DELETE FROM import_changes WHERE batch_id = ?');
    this.countLeadsStmt = db.prepare<[number], number>('SELECT count(*) FROM leads WHERE batch_id = ?').pluck();
    this.deleteLeadsStmt = db.prepare<[number, number]>(
      'DELETE FROM leads WHERE id IN (SELECT id FROM leads WHERE batch_id = ? LIMIT ?)',
    );
    this.markUndoneStmt = db.prepare<[number, string, number]>(
      `UPDATE import_batches SET status = 'undone', undone_at = ?, undone_by = ? WHERE id = ?`,
    );
  }

  create(b: NewBatch): number {
    return Number(this.createStmt.run(b.fileName, b.preset, b.createdBy, b.createdAt, b.onInvalid).lastInsertRowid);
  }

  finish(id: number, f: FinishedBatch): void {
    this.finishStmt.run({ id, ...f });
  }

  list(limit: number, offset: number): BatchRow[] {
    return this.listStmt.all(limit, offset);
  }

  get(id: number): BatchRow | undefined {
    return this.getStmt.get(id);
  }

  /** Applied batches that imported a file with this hash. */
  withHash(sha256: string): Array<{ id: number; created_at: number }> {
    return this.sameHashStmt.all({ hash: sha256 });
  }

  /** The first later applied batch that depends on this one, or null when undo may proceed. */
  dependentBatch(id: number): number | null {
    for (const later of this.laterStmt.all(id))
      if (this.dependsStmt.get({ batch: id, later }) !== undefined) return later;
    return null;
  }

  // Undo, in this order, inside one transaction (undo.ts): the batch's events and touches, the values
  // it changed, its change notes, the leads it created (their events cascade), then the mark.

  deleteEventsChunk(id: number, limit: number): number {
    return this.deleteEventsStmt.run(id, limit).changes;
  }

  deleteTouchesChunk(id: number, limit: number): number {
    return this.deleteTouchesStmt.run(id, limit).changes;
  }

  restoreChanged(id: number): number {
    return this.restoreStmt.run(id).changes;
  }

  deleteChanges(id: number): void {
    this.deleteChangesStmt.run(id);
  }

  /** Leads the batch added and still holds. */
  countLeads(id: number): number {
    return this.countLeadsStmt.get(id) ?? 0;
  }

  deleteLeadsChunk(id: number, limit: number): number {
    return this.deleteLeadsStmt.run(id, limit).changes;
  }

  markUndone(id: number, by: string, at: number): void {
    this.markUndoneStmt.run(at, by, id);
  }
}
