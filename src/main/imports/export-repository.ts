import type { Db } from '../db/driver';

export interface LeadExportRow {
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
  readonly first_touch_at: number | null;
  readonly assigned_at: number | null;
  readonly outcome_reason_text: string | null;
  readonly outcome_reason_code: string | null;
  readonly custom: string;
}

export interface EventExportRow {
  readonly external_id: string;
  readonly key: string;
  readonly entered_at: number;
  readonly reason_code: string | null;
  readonly reason_text: string | null;
}

/** Reads for the interchange-format export, in insertion order so a re-import re-exports identically. */
export class ExportRepository {
  private readonly keysStmt;
  private readonly totalStmt;
  private readonly leadsStmt;
  private readonly eventsStmt;

  constructor(db: Db) {
    this.keysStmt = db
      .prepare<[], string>('SELECT DISTINCT j.key FROM leads, json_each(leads.custom) j ORDER BY j.key')
      .pluck();
    this.totalStmt = db
      .prepare<[], number>('SELECT (SELECT count(*) FROM leads) + (SELECT count(*) FROM stage_events)')
      .pluck();
    this.leadsStmt = db.prepare<[], LeadExportRow>(
      `SELECT l.external_id, l.created_at, l.source, l.campaign, l.segment, l.country, l.owner, l.score, l.amount, l.currency,
         (SELECT min(t.touched_at) FROM touches t WHERE t.lead_id = l.id) AS first_touch_at,
         l.assigned_at, l.outcome_reason_text, l.outcome_reason_code, l.custom
       FROM leads l ORDER BY l.id`,
    );
    this.eventsStmt = db.prepare<[], EventExportRow>(
      `SELECT l.external_id, s.key, e.entered_at, e.reason_code, e.reason_text
       FROM stage_events e JOIN leads l ON l.id = e.lead_id JOIN stages s ON s.id = e.stage_id ORDER BY e.id`,
    );
  }

  /** Every custom field name in use, sorted. */
  customKeys(): string[] {
    return this.keysStmt.all();
  }

  /** Leads plus stage events: the rows an export writes. */
  total(): number {
    return this.totalStmt.get() ?? 0;
  }

  leads(): IterableIterator<LeadExportRow> {
    return this.leadsStmt.iterate();
  }

  events(): IterableIterator<EventExportRow> {
    return this.eventsStmt.iterate();
  }
}
