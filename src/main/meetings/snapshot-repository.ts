import type { Db } from '../db/driver';
import type { LocalizedText } from '../../shared/domain/types';
import type { DrillLead } from '../../shared/metrics/types';
import type { BatchRef } from '../../shared/meetings/types';

/** The columns of a stored drill-down, in order: rows are stored as arrays (about 2.5x smaller than objects). */
const DRILL_COLUMNS = [
  'id',
  'external_id',
  'owner',
  'segment',
  'source',
  'country',
  'created_at',
  'stage',
  'entered_at',
  'reached_at',
  'assigned_at',
  'touched_at',
  'deadline_at',
  'reason',
] as const satisfies ReadonlyArray<keyof DrillLead>;

function encodeLeads(leads: readonly DrillLead[]): string {
  return JSON.stringify({ columns: DRILL_COLUMNS, rows: leads.map((l) => DRILL_COLUMNS.map((c) => l[c])) });
}

function decodeLeads(json: string): DrillLead[] {
  const stored = JSON.parse(json) as { columns: string[]; rows: unknown[][] };
  // Written by encodeLeads with these very columns; the snapshot is immutable since.
  return stored.rows.map((r) => Object.fromEntries(stored.columns.map((c, i) => [c, r[i]])) as unknown as DrillLead);
}

export interface FrozenDrill {
  readonly total: number;
  readonly complete: boolean;
  readonly leads: DrillLead[];
}

/** Snapshots (written once, never updated: migration 5 refuses it), their drill-downs, and what they cite. */
export class SnapshotRepository {
  private readonly insertStmt;
  private readonly byMeetingStmt;
  private readonly takenAtStmt;
  private readonly insertDrillStmt;
  private readonly drillStmt;
  private readonly batchesStmt;
  private readonly reasonsStmt;
  private readonly leadStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO snapshots (meeting_id, taken_at, period_from, period_to, figures, definition_revisions, batches)
       VALUES (@meetingId, @takenAt, @periodFrom, @periodTo, @figures, @revisions, @batches)`,
    );
    this.byMeetingStmt = db.prepare<[number], { id: number; figures: string }>(
      'SELECT id, figures FROM snapshots WHERE meeting_id = ?',
    );
    this.takenAtStmt = db.prepare<[number], { taken_at: number }>(
      'SELECT taken_at FROM snapshots WHERE meeting_id = ?',
    );
    this.insertDrillStmt = db.prepare(
      'INSERT INTO snapshot_drills (snapshot_id, figure, total, complete, leads) VALUES (@snapshotId, @figure, @total, @complete, @leads)',
    );
    this.drillStmt = db.prepare<[number, string], { total: number; complete: number; leads: string }>(
      `SELECT d.total, d.complete, d.leads FROM snapshot_drills d JOIN snapshots s ON s.id = d.snapshot_id
       WHERE s.meeting_id = ? AND d.figure = ?`,
    );
    // Batches whose data the figures could see: applied, and either imported by then or holding
    // history from before it (a workspace built after the fact, like the sample).
    this.batchesStmt = db.prepare<
      { asOf: number },
      BatchRef
    >(`SELECT b.id, b.file_name AS fileName, b.created_at AS createdAt FROM import_batches b
      WHERE b.status = 'applied' AND (b.created_at <= @asOf OR EXISTS (SELECT 1 FROM stage_events e WHERE e.batch_id = b.id AND e.entered_at <= @asOf))
      ORDER BY b.id`);
    this.reasonsStmt = db.prepare<[], { kind: string; code: string; labels: string }>(
      'SELECT kind, code, labels FROM reasons ORDER BY kind, code',
    );
    this.leadStmt = db.prepare<[number], { external_id: string }>('SELECT external_id FROM leads WHERE id = ?');
  }

  insert(s: {
    meetingId: number;
    takenAt: number;
    periodFrom: string;
    periodTo: string;
    figures: string;
    revisions: readonly number[];
    batches: readonly number[];
  }): number {
    return Number(
      this.insertStmt.run({ ...s, revisions: JSON.stringify(s.revisions), batches: JSON.stringify(s.batches) })
        .lastInsertRowid,
    );
  }

  /** The stored JSON of a meeting's snapshot. */
  figures(meetingId: number): string | undefined {
    return this.byMeetingStmt.get(meetingId)?.figures;
  }

  takenAt(meetingId: number): number | null {
    return this.takenAtStmt.get(meetingId)?.taken_at ?? null;
  }

  insertDrill(d: {
    snapshotId: number;
    figure: string;
    total: number;
    complete: boolean;
    leads: readonly DrillLead[];
  }): void {
    this.insertDrillStmt.run({ ...d, complete: d.complete ? 1 : 0, leads: encodeLeads(d.complete ? d.leads : []) });
  }

  drill(meetingId: number, figure: string): FrozenDrill | undefined {
    const r = this.drillStmt.get(meetingId, figure);
    return r ? { total: r.total, complete: r.complete === 1, leads: decodeLeads(r.leads) } : undefined;
  }

  batchesUsed(asOf: number): BatchRef[] {
    return this.batchesStmt.all({ asOf });
  }

  reasons(): Array<{ kind: string; code: string; labels: LocalizedText }> {
    return this.reasonsStmt
      .all()
      .map((r) => ({ kind: r.kind, code: r.code, labels: JSON.parse(r.labels) as LocalizedText }));
  }

  leadExternalId(id: number): string | undefined {
    return this.leadStmt.get(id)?.external_id;
  }
}
