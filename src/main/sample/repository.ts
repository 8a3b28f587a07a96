import type { Db } from '../db/driver';

export interface LeadRow {
  readonly id: number;
  readonly externalId: string;
  readonly createdAt: number;
  readonly source: string;
  readonly campaign: string;
  readonly segment: string;
  readonly country: string;
  readonly owner: string | null;
  readonly score: number;
  readonly amount: number | null;
  readonly currency: string | null;
  readonly assignedAt: number | null;
  readonly outcomeReasonCode: string | null;
  readonly outcomeReasonText: string | null;
  readonly custom: string;
  readonly batchId: number;
}

export interface RevisionRow {
  readonly definitionId: number;
  readonly version: number;
  readonly status: string;
  readonly effectiveFrom: number | null;
  readonly rationale: string;
  readonly author: string;
  readonly body: string;
  readonly createdAt: number;
  readonly proposedAt: number;
  readonly marketingApprovedBy: string | null;
  readonly marketingApprovedAt: number | null;
  readonly salesApprovedBy: string | null;
  readonly salesApprovedAt: number | null;
  readonly decidedAt: number | null;
}

export interface MeetingRow {
  readonly title: string;
  readonly weekStart: string;
  readonly startedAt: number;
  readonly attendees: string;
  readonly notes: string;
  readonly createdAt: number;
}

export interface ActionItemRow {
  readonly meetingId: number;
  readonly text: string;
  readonly owner: string;
  readonly dueDate: string;
  readonly status: 'done' | 'not_done' | 'carried';
  readonly carriedFromId: number | null;
  readonly createdAt: number;
  readonly closedAt: number | null;
}

/**
 * Inserts for the sample generator. The lead, stage-event and touch statements run millions of
 * times for a large sample, so they take positional parameters (cheaper to bind than named ones).
 */
export class SampleRepository {
  private readonly countLeadsStmt;
  private readonly leadsBySourceStmt;
  private readonly insertBatchStmt;
  private readonly updateBatchCountsStmt;
  private readonly insertLeadStmt;
  private readonly insertEventStmt;
  private readonly insertTouchStmt;
  private readonly insertReasonStmt;
  private readonly insertDefinitionStmt;
  private readonly insertRevisionStmt;
  private readonly insertMeetingStmt;
  private readonly endMeetingStmt;
  private readonly insertRatingStmt;
  private readonly insertDecisionStmt;
  private readonly insertActionItemStmt;

  constructor(db: Db) {
    this.countLeadsStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM leads');
    this.leadsBySourceStmt = db.prepare<[], { source: string; n: number }>(
      'SELECT source, count(*) AS n FROM leads WHERE source IS NOT NULL GROUP BY source',
    );
    this.insertBatchStmt = db.prepare(
      `INSERT INTO import_batches (file_name, file_hash, preset, mapping, counts, errors, status, created_by, created_at)
       VALUES (@fileName, @fileHash, @preset, '{}', '{}', '[]', 'applied', @createdBy, @createdAt)`,
    );
    this.updateBatchCountsStmt = db.prepare('UPDATE import_batches SET counts = @counts WHERE id = @id');
    this.insertLeadStmt = db.prepare<
      [
        number,
        string,
        number,
        string,
        string,
        string,
        string,
        string | null,
        number,
        number | null,
        string | null,
        number | null,
        string | null,
        string | null,
        string,
        number,
      ]
    >(
      `INSERT INTO leads (id, external_id, created_at, source, campaign, segment, country, owner, score, amount, currency,
                          assigned_at, outcome_reason_code, outcome_reason_text, custom, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertEventStmt = db.prepare<[number, number, number, string | null, string | null, number]>(
      'INSERT INTO stage_events (lead_id, stage_id, entered_at, reason_code, reason_text, batch_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insertTouchStmt = db.prepare<[number, number, string, number]>(
      'INSERT INTO touches (lead_id, touched_at, channel, batch_id) VALUES (?, ?, ?, ?)',
    );
    this.insertReasonStmt = db.prepare(
      'INSERT INTO reasons (kind, code, labels, active) VALUES (@kind, @code, @labels, 1)',
    );
    this.insertDefinitionStmt = db.prepare(
      'INSERT INTO definitions (kind, key, title, stage_key, created_at) VALUES (@kind, @key, @title, @stageKey, @createdAt)',
    );
    this.insertRevisionStmt = db.prepare(
      `INSERT INTO definition_revisions (definition_id, version, status, effective_from, rationale, author, body, created_at, proposed_at,
         marketing_approved_by, marketing_approved_at, sales_approved_by, sales_approved_at, decided_at)
       VALUES (@definitionId, @version, @status, @effectiveFrom, @rationale, @author, @body, @createdAt, @proposedAt,
         @marketingApprovedBy, @marketingApprovedAt, @salesApprovedBy, @salesApprovedAt, @decidedAt)`,
    );
    // Ended meetings are frozen by triggers, so a meeting is written as running and ended last.
    this.insertMeetingStmt = db.prepare(
      `INSERT INTO meetings (title, week_start, status, started_at, attendees, agenda, notes, created_at)
       VALUES (@title, @weekStart, 'in_progress', @startedAt, @attendees, '[]', @notes, @createdAt)`,
    );
    this.endMeetingStmt = db.prepare(
      "UPDATE meetings SET status = 'ended', ended_at = @endedAt, agenda = @agenda WHERE id = @id AND status = 'in_progress'",
    );
    this.insertRatingStmt = db.prepare(
      'INSERT INTO meeting_ratings (meeting_id, attendee, rating, rated_at) VALUES (@meetingId, @attendee, @rating, @ratedAt)',
    );
    this.insertDecisionStmt = db.prepare(
      "INSERT INTO decisions (meeting_id, text, status, created_at) VALUES (@meetingId, @text, 'in_force', @createdAt)",
    );
    this.insertActionItemStmt = db.prepare(
      `INSERT INTO action_items (meeting_id, text, owner, due_date, status, carried_from_id, created_at, closed_at)
       VALUES (@meetingId, @text, @owner, @dueDate, @status, @carriedFromId, @createdAt, @closedAt)`,
    );
  }

  leadCount(): number {
    return this.countLeadsStmt.get()?.n ?? 0;
  }
  /** Leads per source (the sample's spend is priced per lead of each paid channel). */
  leadsBySource(): Array<{ source: string; n: number }> {
    return this.leadsBySourceStmt.all();
  }

  insertBatch(batch: {
    fileName: string;
    fileHash: string;
    preset: string;
    createdBy: string;
    createdAt: number;
  }): number {
    return Number(this.insertBatchStmt.run(batch).lastInsertRowid);
  }

  setBatchCounts(id: number, counts: Readonly<Record<string, number>>): void {
    this.updateBatchCountsStmt.run({ id, counts: JSON.stringify(counts) });
  }

  insertLead(r: LeadRow): void {
    this.insertLeadStmt.run(
      r.id,
      r.externalId,
      r.createdAt,
      r.source,
      r.campaign,
      r.segment,
      r.country,
      r.owner,
      r.score,
      r.amount,
      r.currency,
      r.assignedAt,
      r.outcomeReasonCode,
      r.outcomeReasonText,
      r.custom,
      r.batchId,
    );
  }

  insertStageEvent(
    leadId: number,
    stageId: number,
    enteredAt: number,
    reasonCode: string | null,
    reasonText: string | null,
    batchId: number,
  ): void {
    this.insertEventStmt.run(leadId, stageId, enteredAt, reasonCode, reasonText, batchId);
  }

  insertTouch(leadId: number, touchedAt: number, channel: string, batchId: number): void {
    this.insertTouchStmt.run(leadId, touchedAt, channel, batchId);
  }

  insertReason(r: { kind: string; code: string; labels: string }): void {
    this.insertReasonStmt.run(r);
  }

  insertDefinition(d: {
    kind: string;
    key: string;
    title: string;
    stageKey: string | null;
    createdAt: number;
  }): number {
    return Number(this.insertDefinitionStmt.run(d).lastInsertRowid);
  }

  insertRevision(r: RevisionRow): number {
    return Number(this.insertRevisionStmt.run(r).lastInsertRowid);
  }

  insertStartedMeeting(m: MeetingRow): number {
    return Number(this.insertMeetingStmt.run(m).lastInsertRowid);
  }

  /** `agenda`: the meeting's agenda clock as JSON (see src/shared/meetings/agenda.ts). */
  endMeeting(id: number, endedAt: number, agenda: string): void {
    this.endMeetingStmt.run({ id, endedAt, agenda });
  }

  insertRating(r: { meetingId: number; attendee: string; rating: number; ratedAt: number }): void {
    this.insertRatingStmt.run(r);
  }

  insertDecision(d: { meetingId: number; text: string; createdAt: number }): number {
    return Number(this.insertDecisionStmt.run(d).lastInsertRowid);
  }

  insertActionItem(a: ActionItemRow): number {
    return Number(this.insertActionItemStmt.run(a).lastInsertRowid);
  }
}
