import type { Db } from '../db/driver';
import type { DecisionStatus, ItemStatus, Link } from '../../shared/meetings/model';
import type { ActionItem, Decision } from '../../shared/meetings/types';
import { linkJson, parseLink } from './stored';

interface RawDecision {
  id: number;
  meeting_id: number;
  text: string;
  status: DecisionStatus;
  link: string | null;
  created_at: number;
  status_meeting_id: number | null;
  status_changed_at: number | null;
}

interface RawItem {
  id: number;
  meeting_id: number;
  text: string;
  owner: string;
  due_date: string | null;
  status: ItemStatus;
  link: string | null;
  carried_from_id: number | null;
  carried_from_meeting_id: number | null;
  origin_meeting_id: number;
  created_at: number;
  closed_at: number | null;
}

const toDecision = (r: RawDecision): Decision => ({
  id: r.id,
  meetingId: r.meeting_id,
  text: r.text,
  status: r.status,
  link: parseLink(r.link),
  createdAt: r.created_at,
  statusMeetingId: r.status_meeting_id,
  statusChangedAt: r.status_changed_at,
});

const toItem = (r: RawItem): ActionItem => ({
  id: r.id,
  meetingId: r.meeting_id,
  text: r.text,
  owner: r.owner,
  dueDate: r.due_date,
  status: r.status,
  link: parseLink(r.link),
  carriedFromId: r.carried_from_id,
  carriedFromMeetingId: r.carried_from_meeting_id,
  originMeetingId: r.origin_meeting_id,
  createdAt: r.created_at,
  closedAt: r.closed_at,
});

const DECISION_COLUMNS =
  'd.id, d.meeting_id, d.text, d.status, d.link, d.created_at, d.status_meeting_id, d.status_changed_at';

// The origin of a carried item: follow carried_from_id to the first item of the chain.
const itemSelect = (picked: string) => `WITH RECURSIVE picked(id) AS (${picked}),
  up(item_id, ancestor_id, ancestor_meeting) AS (
    SELECT a.id, a.id, a.meeting_id FROM action_items a WHERE a.id IN (SELECT id FROM picked)
    UNION ALL
    SELECT up.item_id, p.id, p.meeting_id FROM up
      JOIN action_items c ON c.id = up.ancestor_id
      JOIN action_items p ON p.id = c.carried_from_id)
  SELECT a.id, a.meeting_id, a.text, a.owner, a.due_date, a.status, a.link, a.carried_from_id,
    (SELECT f.meeting_id FROM action_items f WHERE f.id = a.carried_from_id) AS carried_from_meeting_id,
    (SELECT u.ancestor_meeting FROM up u JOIN action_items x ON x.id = u.ancestor_id
      WHERE u.item_id = a.id AND x.carried_from_id IS NULL) AS origin_meeting_id,
    a.created_at, a.closed_at
  FROM action_items a WHERE a.id IN (SELECT id FROM picked) ORDER BY a.created_at, a.id`;

/** Decisions and action items of meetings. */
export class RecordRepository {
  private readonly decisionsStmt;
  private readonly decisionStmt;
  private readonly inForceBeforeStmt;
  private readonly insertDecisionStmt;
  private readonly updateDecisionStmt;
  private readonly deleteDecisionStmt;
  private readonly decisionStatusStmt;
  private readonly itemsStmt;
  private readonly itemStmt;
  private readonly carriedWaitingStmt;
  private readonly insertItemStmt;
  private readonly updateItemStmt;
  private readonly deleteItemStmt;
  private readonly carryOutStmt;
  private readonly adoptStmt;
  private readonly deleteAllItemsStmt;

  constructor(db: Db) {
    this.decisionsStmt = db.prepare<[number], RawDecision>(
      `SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.meeting_id = ? ORDER BY d.created_at, d.id`,
    );
    this.decisionStmt = db.prepare<[number], RawDecision>(`SELECT ${DECISION_COLUMNS} FROM decisions d WHERE d.id = ?`);
    this.inForceBeforeStmt = db.prepare<
      [string],
      RawDecision
    >(`SELECT ${DECISION_COLUMNS} FROM decisions d JOIN meetings m ON m.id = d.meeting_id
      WHERE d.status = 'in_force' AND m.status = 'ended' AND m.week_start < ? ORDER BY m.week_start, d.created_at, d.id`);
    this.insertDecisionStmt = db.prepare(
      "INSERT INTO decisions (meeting_id, text, status, link, created_at) VALUES (@meetingId, @text, 'in_force', @link, @createdAt)",
    );
    this.updateDecisionStmt = db.prepare('UPDATE decisions SET text = @text, link = @link WHERE id = @id');
    this.deleteDecisionStmt = db.prepare('DELETE FROM decisions WHERE id = ?');
    this.decisionStatusStmt = db.prepare(
      'UPDATE decisions SET status = @status, status_meeting_id = @statusMeetingId, status_changed_at = @at WHERE id = @id',
    );
    this.itemsStmt = db.prepare<[number], RawItem>(itemSelect('SELECT id FROM action_items WHERE meeting_id = ?'));
    this.itemStmt = db.prepare<[number], RawItem>(itemSelect('SELECT ?'));
    // Items left `carried` by ended meetings of earlier weeks that no meeting has picked up yet.
    this.carriedWaitingStmt = db.prepare<[string], RawItem>(
      itemSelect(`SELECT a.id FROM action_items a JOIN meetings m ON m.id = a.meeting_id
        WHERE a.status = 'carried' AND m.status = 'ended' AND m.week_start < ?
          AND NOT EXISTS (SELECT 1 FROM action_items s WHERE s.carried_from_id = a.id)`),
    );
    this.insertItemStmt = db.prepare(
      `INSERT INTO action_items (meeting_id, text, owner, due_date, status, link, carried_from_id, created_at)
       VALUES (@meetingId, @text, @owner, @dueDate, 'open', @link, @carriedFromId, @createdAt)`,
    );
    this.updateItemStmt = db.prepare(
      'UPDATE action_items SET text = @text, owner = @owner, due_date = @dueDate, link = @link, status = @status, closed_at = @closedAt WHERE id = @id',
    );
    this.deleteItemStmt = db.prepare('DELETE FROM action_items WHERE id = ?');
    this.carryOutStmt = db.prepare(
      "UPDATE action_items SET status = 'carried', closed_at = @at WHERE meeting_id = @meetingId AND status = 'open'",
    );
    // Carried copies waiting in later planned meetings move to a meeting of an earlier week that
    // starts first, if their original comes from before that week.
    this.adoptStmt = db.prepare(`UPDATE action_items SET meeting_id = @meetingId
      WHERE carried_from_id IS NOT NULL
        AND meeting_id IN (SELECT id FROM meetings WHERE status = 'planned' AND week_start > @weekStart)
        AND (SELECT m.week_start FROM action_items p JOIN meetings m ON m.id = p.meeting_id WHERE p.id = action_items.carried_from_id) < @weekStart`);
    this.deleteAllItemsStmt = db.prepare('DELETE FROM action_items WHERE meeting_id = ?');
  }

  decisions(meetingId: number): Decision[] {
    return this.decisionsStmt.all(meetingId).map(toDecision);
  }

  decision(id: number): Decision | undefined {
    const r = this.decisionStmt.get(id);
    return r ? toDecision(r) : undefined;
  }

  /** Decisions of ended meetings of earlier weeks that are still in force. */
  inForceBefore(weekStart: string): Decision[] {
    return this.inForceBeforeStmt.all(weekStart).map(toDecision);
  }

  insertDecision(d: { meetingId: number; text: string; link: Link | null; createdAt: number }): number {
    return Number(this.insertDecisionStmt.run({ ...d, link: linkJson(d.link) }).lastInsertRowid);
  }

  updateDecision(d: { id: number; text: string; link: Link | null }): void {
    this.updateDecisionStmt.run({ ...d, link: linkJson(d.link) });
  }

  deleteDecision(id: number): void {
    this.deleteDecisionStmt.run(id);
  }

  setDecisionStatus(d: {
    id: number;
    status: DecisionStatus;
    statusMeetingId: number | null;
    at: number | null;
  }): void {
    this.decisionStatusStmt.run(d);
  }

  items(meetingId: number): ActionItem[] {
    return this.itemsStmt.all(meetingId).map(toItem);
  }

  item(id: number): ActionItem | undefined {
    const r = this.itemStmt.get(id);
    return r ? toItem(r) : undefined;
  }

  carriedWaiting(weekStart: string): ActionItem[] {
    return this.carriedWaitingStmt.all(weekStart).map(toItem);
  }

  insertItem(i: {
    meetingId: number;
    text: string;
    owner: string;
    dueDate: string | null;
    link: Link | null;
    carriedFromId: number | null;
    createdAt: number;
  }): number {
    return Number(this.insertItemStmt.run({ ...i, link: linkJson(i.link) }).lastInsertRowid);
  }

  updateItem(i: {
    id: number;
    text: string;
    owner: string;
    dueDate: string | null;
    link: Link | null;
    status: ItemStatus;
    closedAt: number | null;
  }): void {
    this.updateItemStmt.run({ ...i, link: linkJson(i.link) });
  }

  deleteItem(id: number): void {
    this.deleteItemStmt.run(id);
  }

  adoptCarried(meetingId: number, weekStart: string): number {
    return this.adoptStmt.run({ meetingId, weekStart }).changes;
  }

  /** A planned meeting's items (only carried copies can be there) go back to waiting. */
  deleteItemsOf(meetingId: number): void {
    this.deleteAllItemsStmt.run(meetingId);
  }

  /** At the end of a meeting: every item still open becomes `carried`. */
  carryOut(meetingId: number, at: number): number {
    return this.carryOutStmt.run({ meetingId, at }).changes;
  }
}
