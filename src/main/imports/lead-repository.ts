import type { Db } from '../db/driver';
import type { ReasonRef } from '../../shared/imports/reasons';

/** A `leads` row as stored. */
export interface LeadRow {
  readonly id: number;
  readonly external_id: string;
  readonly created_at: number;
  readonly source: string | null;
  readonly campaign: string | null;
  readonly segment: string | null;
  readonly country: string | null;
  readonly owner: string | null;
  readonly score: number | null;
  readonly amount: number | null;
  readonly currency: string | null;
  readonly assigned_at: number | null;
  readonly outcome_reason_code: string | null;
  readonly outcome_reason_text: string | null;
  readonly custom: string;
  readonly batch_id: number | null;
  readonly updated_batch_id: number | null;
}

/** The columns an import may change, and that undo puts back (in this order in every statement). */
export const MUTABLE_COLUMNS = [
  'created_at',
  'source',
  'campaign',
  'segment',
  'country',
  'owner',
  'score',
  'amount',
  'currency',
  'assigned_at',
  'outcome_reason_code',
  'outcome_reason_text',
  'custom',
  'updated_batch_id',
] as const;
export type MutableColumn = (typeof MUTABLE_COLUMNS)[number];
export type LeadValues = { -readonly [K in MutableColumn]: LeadRow[K] };

function values(v: LeadValues): Array<string | number | null> {
  return MUTABLE_COLUMNS.map((c) => v[c]);
}

/**
 * The statements an import batch runs per row, prepared once on the batch's own connection.
 * Positional parameters: this runs millions of times and named binding costs a lookup per value.
 */
export class LeadRepository {
  private readonly findIdStmt;
  private readonly getStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly lowerCreatedStmt;
  private readonly insertEventStmt;
  private readonly insertTouchStmt;
  private readonly matchStmt;
  private readonly changeStmt;
  private readonly countStmt;
  private readonly reasonsStmt;

  constructor(db: Db) {
    this.findIdStmt = db.prepare<[string], number>('SELECT id FROM leads WHERE external_id = ?').pluck();
    this.getStmt = db.prepare<[number], LeadRow>('SELECT * FROM leads WHERE id = ?');
    this.insertStmt = db.prepare<Array<string | number | null>>(
      `INSERT INTO leads (external_id, batch_id, ${MUTABLE_COLUMNS.join(', ')}) VALUES (?, ?, ${MUTABLE_COLUMNS.map(() => '?').join(', ')})
       ON CONFLICT (external_id) DO NOTHING`,
    );
    this.updateStmt = db.prepare<Array<string | number | null>>(
      `UPDATE leads SET ${MUTABLE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    );
    this.lowerCreatedStmt = db.prepare<[number, number]>(
      'UPDATE leads SET created_at = min(created_at, ?) WHERE id = ?',
    );
    this.insertEventStmt = db.prepare<[number, number, number, string | null, string | null, number]>(
      'INSERT INTO stage_events (lead_id, stage_id, entered_at, reason_code, reason_text, batch_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (lead_id, stage_id, entered_at) DO NOTHING',
    );
    this.insertTouchStmt = db.prepare<[number, number, string | null, number]>(
      'INSERT INTO touches (lead_id, touched_at, channel, batch_id) VALUES (?, ?, ?, ?) ON CONFLICT (lead_id, touched_at) DO NOTHING',
    );
    this.matchStmt = db.prepare<[number, number]>(
      'INSERT OR IGNORE INTO import_changes (batch_id, lead_id, previous) VALUES (?, ?, NULL)',
    );
    this.changeStmt = db.prepare<[number, number, string]>(
      `INSERT INTO import_changes (batch_id, lead_id, previous) VALUES (?, ?, ?)
       ON CONFLICT (batch_id, lead_id) DO UPDATE SET previous = excluded.previous WHERE import_changes.previous IS NULL`,
    );
    this.countStmt = db.prepare<[], number>('SELECT count(*) FROM leads').pluck();
    this.reasonsStmt = db.prepare<[], { code: string; kind: string; labels: string }>(
      'SELECT code, kind, labels FROM reasons WHERE active = 1',
    );
  }

  count(): number {
    return this.countStmt.get() ?? 0;
  }

  reasons(): ReasonRef[] {
    return this.reasonsStmt.all().map((r) => {
      let labels: Record<string, string> = {};
      try {
        const parsed: unknown = JSON.parse(r.labels);
        if (typeof parsed === 'object' && parsed !== null)
          labels = Object.fromEntries(
            Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
          );
      } catch {
        labels = {};
      }
      return { code: r.code, kind: r.kind, labels };
    });
  }

  findId(externalId: string): number | undefined {
    return this.findIdStmt.get(externalId);
  }

  get(id: number): LeadRow | undefined {
    return this.getStmt.get(id);
  }

  /** Inserts a lead unless one with this external id exists; its new id, or null when it existed. */
  insertIfNew(externalId: string, batchId: number, v: LeadValues): number | null {
    const r = this.insertStmt.run(externalId, batchId, ...values(v));
    return r.changes > 0 ? Number(r.lastInsertRowid) : null;
  }

  update(id: number, v: LeadValues): void {
    this.updateStmt.run(...values(v), id);
  }

  /** A lead dated by its earliest stage entry gets an earlier date when a later row shows one. */
  lowerCreatedAt(id: number, at: number): void {
    this.lowerCreatedStmt.run(at, id);
  }

  /** True when the event was new (an identical lead, stage and time is kept once). */
  insertEvent(
    leadId: number,
    stageId: number,
    at: number,
    reasonCode: string | null,
    reasonText: string | null,
    batchId: number,
  ): boolean {
    return this.insertEventStmt.run(leadId, stageId, at, reasonCode, reasonText, batchId).changes > 0;
  }

  insertTouch(leadId: number, at: number, channel: string | null, batchId: number): boolean {
    return this.insertTouchStmt.run(leadId, at, channel, batchId).changes > 0;
  }

  /** Notes that the batch met an existing lead (a later undo of an earlier batch depends on it). */
  recordMatch(batchId: number, leadId: number): void {
    this.matchStmt.run(batchId, leadId);
  }

  /** Keeps the lead's values from before the batch's first change to it. */
  recordChange(batchId: number, leadId: number, previous: LeadValues): void {
    this.changeStmt.run(batchId, leadId, JSON.stringify(previous));
  }
}
