import type { Db } from '../db/driver';
import type { Attendee, MeetingStatus, ReviewOutcome } from '../../shared/meetings/model';
import type { AgendaState, Rating, RevisionReview } from '../../shared/meetings/types';
import { parseAgenda, parseAttendees } from './stored';

export interface MeetingRow {
  readonly id: number;
  readonly title: string;
  readonly weekStart: string;
  readonly status: MeetingStatus;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly attendees: Attendee[];
  readonly agenda: AgendaState;
  readonly notes: string;
  readonly createdAt: number;
}

interface RawMeeting {
  id: number;
  title: string;
  week_start: string;
  status: MeetingStatus;
  started_at: number | null;
  ended_at: number | null;
  attendees: string;
  agenda: string;
  notes: string;
  created_at: number;
}

export interface MeetingCounts {
  readonly decisions: number;
  readonly actionItems: number;
  readonly openItems: number;
}

const COLUMNS = 'id, title, week_start, status, started_at, ended_at, attendees, agenda, notes, created_at';

const toMeeting = (r: RawMeeting): MeetingRow => ({
  id: r.id,
  title: r.title,
  weekStart: r.week_start,
  status: r.status,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  attendees: parseAttendees(r.attendees),
  agenda: parseAgenda(r.agenda),
  notes: r.notes,
  createdAt: r.created_at,
});

/** Meetings, their ratings and their definition reviews. */
export class MeetingRepository {
  private readonly listStmt;
  private readonly countsStmt;
  private readonly byIdStmt;
  private readonly byWeekStmt;
  private readonly inProgressStmt;
  private readonly previousEndedStmt;
  private readonly nextStmt;
  private readonly plannedAfterStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly startStmt;
  private readonly agendaStmt;
  private readonly endStmt;
  private readonly deleteStmt;
  private readonly ratingsStmt;
  private readonly rateStmt;
  private readonly reviewsStmt;
  private readonly insertReviewStmt;

  constructor(db: Db) {
    this.listStmt = db.prepare<[], RawMeeting>(`SELECT ${COLUMNS} FROM meetings ORDER BY week_start DESC, id DESC`);
    this.countsStmt = db.prepare<[], MeetingCounts & { meeting_id: number }>(`SELECT m.id AS meeting_id,
        (SELECT count(*) FROM decisions d WHERE d.meeting_id = m.id) AS decisions,
        (SELECT count(*) FROM action_items a WHERE a.meeting_id = m.id) AS actionItems,
        (SELECT count(*) FROM action_items a WHERE a.meeting_id = m.id AND a.status = 'open') AS openItems
      FROM meetings m`);
    this.byIdStmt = db.prepare<[number], RawMeeting>(`SELECT ${COLUMNS} FROM meetings WHERE id = ?`);
    this.byWeekStmt = db.prepare<[string], RawMeeting>(`SELECT ${COLUMNS} FROM meetings WHERE week_start = ?`);
    this.inProgressStmt = db.prepare<[], RawMeeting>(
      `SELECT ${COLUMNS} FROM meetings WHERE status = 'in_progress' ORDER BY week_start LIMIT 1`,
    );
    this.previousEndedStmt = db.prepare<[string], RawMeeting>(
      `SELECT ${COLUMNS} FROM meetings WHERE status = 'ended' AND week_start < ? ORDER BY week_start DESC LIMIT 1`,
    );
    this.nextStmt = db.prepare<[string], RawMeeting>(
      `SELECT ${COLUMNS} FROM meetings WHERE week_start > ? ORDER BY week_start LIMIT 1`,
    );
    this.plannedAfterStmt = db.prepare<[string], RawMeeting>(
      `SELECT ${COLUMNS} FROM meetings WHERE status = 'planned' AND week_start > ? ORDER BY week_start`,
    );
    this.insertStmt = db.prepare(
      `INSERT INTO meetings (title, week_start, status, attendees, agenda, notes, created_at)
       VALUES (@title, @weekStart, 'planned', @attendees, '[]', '', @createdAt)`,
    );
    this.updateStmt = db.prepare(
      'UPDATE meetings SET title = @title, attendees = @attendees, notes = @notes WHERE id = @id',
    );
    this.startStmt = db.prepare(
      "UPDATE meetings SET status = 'in_progress', started_at = @startedAt, agenda = @agenda WHERE id = @id AND status = 'planned'",
    );
    this.agendaStmt = db.prepare("UPDATE meetings SET agenda = @agenda WHERE id = @id AND status = 'in_progress'");
    this.endStmt = db.prepare(
      "UPDATE meetings SET status = 'ended', ended_at = @endedAt, agenda = @agenda WHERE id = @id AND status = 'in_progress'",
    );
    this.deleteStmt = db.prepare("DELETE FROM meetings WHERE id = ? AND status = 'planned'");
    this.ratingsStmt = db.prepare<[number], Rating>(
      'SELECT attendee, rating, rated_at AS ratedAt FROM meeting_ratings WHERE meeting_id = ? ORDER BY rated_at, attendee',
    );
    this.rateStmt = db.prepare(
      `INSERT INTO meeting_ratings (meeting_id, attendee, rating, rated_at) VALUES (@meetingId, @attendee, @rating, @ratedAt)
       ON CONFLICT (meeting_id, attendee) DO UPDATE SET rating = excluded.rating, rated_at = excluded.rated_at`,
    );
    this.reviewsStmt = db.prepare<
      [number],
      RevisionReview
    >(`SELECT id, meeting_id AS meetingId, revision_id AS revisionId, outcome,
        marketing_lead AS marketingLead, sales_lead AS salesLead, note, decided_at AS decidedAt
      FROM meeting_revision_reviews WHERE meeting_id = ? ORDER BY decided_at, id`);
    this.insertReviewStmt = db.prepare(
      `INSERT INTO meeting_revision_reviews (meeting_id, revision_id, outcome, marketing_lead, sales_lead, note, decided_at)
       VALUES (@meetingId, @revisionId, @outcome, @marketingLead, @salesLead, @note, @decidedAt)`,
    );
  }

  list(): MeetingRow[] {
    return this.listStmt.all().map(toMeeting);
  }

  counts(): Map<number, MeetingCounts> {
    return new Map(
      this.countsStmt
        .all()
        .map((r) => [r.meeting_id, { decisions: r.decisions, actionItems: r.actionItems, openItems: r.openItems }]),
    );
  }

  byId(id: number): MeetingRow | undefined {
    const r = this.byIdStmt.get(id);
    return r ? toMeeting(r) : undefined;
  }

  byWeek(weekStart: string): MeetingRow | undefined {
    const r = this.byWeekStmt.get(weekStart);
    return r ? toMeeting(r) : undefined;
  }

  inProgress(): MeetingRow | undefined {
    const r = this.inProgressStmt.get();
    return r ? toMeeting(r) : undefined;
  }

  /** The latest ended meeting reviewing an earlier week. */
  previousEnded(weekStart: string): MeetingRow | undefined {
    const r = this.previousEndedStmt.get(weekStart);
    return r ? toMeeting(r) : undefined;
  }

  next(weekStart: string): MeetingRow | undefined {
    const r = this.nextStmt.get(weekStart);
    return r ? toMeeting(r) : undefined;
  }

  plannedAfter(weekStart: string): MeetingRow[] {
    return this.plannedAfterStmt.all(weekStart).map(toMeeting);
  }

  insert(m: { title: string; weekStart: string; attendees: readonly Attendee[]; createdAt: number }): number {
    return Number(this.insertStmt.run({ ...m, attendees: JSON.stringify(m.attendees) }).lastInsertRowid);
  }

  update(m: { id: number; title: string; attendees: readonly Attendee[]; notes: string }): void {
    this.updateStmt.run({ ...m, attendees: JSON.stringify(m.attendees) });
  }

  markStarted(id: number, startedAt: number, agenda: AgendaState): boolean {
    return this.startStmt.run({ id, startedAt, agenda: JSON.stringify(agenda) }).changes === 1;
  }

  setAgenda(id: number, agenda: AgendaState): void {
    this.agendaStmt.run({ id, agenda: JSON.stringify(agenda) });
  }

  markEnded(id: number, endedAt: number, agenda: AgendaState): boolean {
    return this.endStmt.run({ id, endedAt, agenda: JSON.stringify(agenda) }).changes === 1;
  }

  deletePlanned(id: number): boolean {
    return this.deleteStmt.run(id).changes === 1;
  }

  ratings(meetingId: number): Rating[] {
    return this.ratingsStmt.all(meetingId);
  }

  rate(r: { meetingId: number; attendee: string; rating: number; ratedAt: number }): void {
    this.rateStmt.run(r);
  }

  reviews(meetingId: number): RevisionReview[] {
    return this.reviewsStmt.all(meetingId);
  }

  insertReview(r: {
    meetingId: number;
    revisionId: number;
    outcome: ReviewOutcome;
    marketingLead: string;
    salesLead: string;
    note: string;
    decidedAt: number;
  }): void {
    this.insertReviewStmt.run(r);
  }
}
