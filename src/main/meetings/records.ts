import type { Workspace } from '../workspace/workspace';
import { AppError } from '../../shared/errors';
import {
  RATING_MAX,
  RATING_MIN,
  type DecisionStatus,
  type Link,
  type ReviewOutcome,
} from '../../shared/meetings/model';
import type { MeetingDetail } from '../../shared/meetings/types';
import { requireAttendee, requireMeeting, requireRunning } from './access';
import { createI18n } from '../../shared/i18n';
import { decide, revisionNow } from './definitions-source';
import { meetingDetail } from './detail';
import { MeetingRepository, type MeetingRow } from './meeting-repository';
import { RecordRepository } from './record-repository';
import { readSnapshot } from './snapshot';
import { SnapshotRepository } from './snapshot-repository';

/**
 * What a running meeting records: decisions, action items, ratings and definition reviews. Each
 * change is checked against the meeting first; an ended meeting refuses with `meetings.ended`.
 */

/** A lead link names an existing lead; its external id is kept so the minutes can cite it. */
function checkLink(ws: Workspace, link: Link | null): Link | null {
  if (link?.type !== 'lead') return link;
  const externalId = ws.repo(SnapshotRepository).leadExternalId(link.leadId);
  if (externalId === undefined) throw new AppError('meetings.leadNotFound', { id: link.leadId });
  return { type: 'lead', leadId: link.leadId, externalId };
}

/** The running meeting a decision or item belongs to. */
function runningOwner(ws: Workspace, meetingId: number): MeetingRow {
  return requireRunning(ws, meetingId);
}

export function addDecision(
  ws: Workspace,
  input: { id: number; text: string; link: Link | null },
  now: number,
): MeetingDetail {
  const m = requireRunning(ws, input.id);
  ws.repo(RecordRepository).insertDecision({
    meetingId: m.id,
    text: input.text,
    link: checkLink(ws, input.link),
    createdAt: now,
  });
  return meetingDetail(ws, m.id);
}

function requireDecision(ws: Workspace, decisionId: number) {
  const d = ws.repo(RecordRepository).decision(decisionId);
  if (!d) throw new AppError('meetings.decisionNotFound', { id: decisionId });
  return d;
}

export function updateDecision(
  ws: Workspace,
  input: { decisionId: number; text?: string | undefined; link?: Link | null | undefined },
): MeetingDetail {
  ws.assertWritable();
  const d = requireDecision(ws, input.decisionId);
  runningOwner(ws, d.meetingId);
  ws.repo(RecordRepository).updateDecision({
    id: d.id,
    text: input.text ?? d.text,
    link: input.link === undefined ? d.link : checkLink(ws, input.link),
  });
  return meetingDetail(ws, d.meetingId);
}

export function removeDecision(ws: Workspace, decisionId: number): MeetingDetail {
  ws.assertWritable();
  const d = requireDecision(ws, decisionId);
  runningOwner(ws, d.meetingId);
  ws.repo(RecordRepository).deleteDecision(d.id);
  return meetingDetail(ws, d.meetingId);
}

/** From the running meeting: an earlier (or its own) decision leaves force, or comes back into it. */
export function setDecisionStatus(
  ws: Workspace,
  input: { id: number; decisionId: number; status: DecisionStatus },
  now: number,
): MeetingDetail {
  const m = requireRunning(ws, input.id);
  const d = requireDecision(ws, input.decisionId);
  const owner = requireMeeting(ws, d.meetingId);
  if (owner.weekStart > m.weekStart) throw new AppError('meetings.laterDecision', { id: d.id, title: owner.title });
  ws.repo(RecordRepository).setDecisionStatus({ id: d.id, status: input.status, statusMeetingId: m.id, at: now });
  return meetingDetail(ws, m.id);
}

export function addActionItem(
  ws: Workspace,
  input: { id: number; text: string; owner: string; dueDate: string | null; link: Link | null },
  now: number,
): MeetingDetail {
  const m = requireRunning(ws, input.id);
  ws.repo(RecordRepository).insertItem({
    meetingId: m.id,
    text: input.text,
    owner: input.owner,
    dueDate: input.dueDate,
    link: checkLink(ws, input.link),
    carriedFromId: null,
    createdAt: now,
  });
  return meetingDetail(ws, m.id);
}

function requireItem(ws: Workspace, itemId: number) {
  const i = ws.repo(RecordRepository).item(itemId);
  if (!i) throw new AppError('meetings.itemNotFound', { id: itemId });
  return i;
}

export function updateActionItem(
  ws: Workspace,
  input: {
    itemId: number;
    text?: string | undefined;
    owner?: string | undefined;
    dueDate?: string | null | undefined;
    link?: Link | null | undefined;
    status?: 'open' | 'done' | 'not_done' | undefined;
  },
  now: number,
): MeetingDetail {
  ws.assertWritable();
  const i = requireItem(ws, input.itemId);
  runningOwner(ws, i.meetingId);
  const status = input.status ?? i.status;
  const closedAt = status === i.status ? i.closedAt : status === 'open' ? null : now;
  ws.repo(RecordRepository).updateItem({
    id: i.id,
    text: input.text ?? i.text,
    owner: input.owner ?? i.owner,
    dueDate: input.dueDate === undefined ? i.dueDate : input.dueDate,
    link: input.link === undefined ? i.link : checkLink(ws, input.link),
    status,
    closedAt,
  });
  return meetingDetail(ws, i.meetingId);
}

/** Deletes an item recorded by mistake; a carried item is closed as not done instead, so its history stays. */
export function removeActionItem(ws: Workspace, itemId: number): MeetingDetail {
  ws.assertWritable();
  const i = requireItem(ws, itemId);
  runningOwner(ws, i.meetingId);
  if (i.carriedFromId !== null) throw new AppError('meetings.carriedItemKept', { text: i.text });
  ws.repo(RecordRepository).deleteItem(i.id);
  return meetingDetail(ws, i.meetingId);
}

export function rateMeeting(
  ws: Workspace,
  input: { id: number; attendee: string; rating: number },
  now: number,
): MeetingDetail {
  const m = requireRunning(ws, input.id);
  if (!Number.isInteger(input.rating) || input.rating < RATING_MIN || input.rating > RATING_MAX) {
    throw new AppError('meetings.badRating', { rating: String(input.rating), min: RATING_MIN, max: RATING_MAX });
  }
  const a = requireAttendee(m, input.attendee);
  ws.repo(MeetingRepository).rate({ meetingId: m.id, attendee: a.name, rating: input.rating, ratedAt: now });
  return meetingDetail(ws, m.id);
}

/** The leader of a role: the name given (who must attend), else the attendee holding that role. */
function leader(m: MeetingRow, role: 'marketing_lead' | 'sales_lead', given: string | undefined): string {
  if (given !== undefined) return requireAttendee(m, given).name;
  const a = m.attendees.find((x) => x.role === role);
  if (!a)
    throw new AppError(role === 'marketing_lead' ? 'meetings.marketingLeadMissing' : 'meetings.salesLeadMissing', {
      title: m.title,
    });
  return a.name;
}

/**
 * Approves, rejects or defers a proposal the meeting's snapshot shows, recording both leaders.
 * The revision must still be proposed (someone may have decided it since the meeting started).
 */
export function reviewRevision(
  ws: Workspace,
  input: {
    id: number;
    revisionId: number;
    outcome: ReviewOutcome;
    marketingLead?: string | undefined;
    salesLead?: string | undefined;
    note: string;
  },
  now: number,
): MeetingDetail {
  const m = requireRunning(ws, input.id);
  const snapshot = readSnapshot(ws, m.id);
  if (!snapshot?.proposals.some((p) => p.revisionId === input.revisionId))
    throw new AppError('meetings.revisionNotInSnapshot', { revision: input.revisionId, title: m.title });
  const current = revisionNow(ws, input.revisionId);
  if (!current || current.status !== 'proposed')
    throw new AppError('meetings.revisionNotProposed', { revision: input.revisionId });
  const leaders = {
    marketing: leader(m, 'marketing_lead', input.marketingLead),
    sales: leader(m, 'sales_lead', input.salesLead),
  };
  // The definitions service wants a reason for a rejection; the meeting is one when none is given.
  const note = input.note.trim() || createI18n(ws.settings().locale).t('meetings.decidedIn', { title: m.title });
  ws.db.transaction(() => {
    decide(ws, current, input.outcome, leaders, note, now);
    ws.repo(MeetingRepository).insertReview({
      meetingId: m.id,
      revisionId: input.revisionId,
      outcome: input.outcome,
      marketingLead: leaders.marketing,
      salesLead: leaders.sales,
      note: input.note,
      decidedAt: now,
    });
  })();
  return meetingDetail(ws, m.id);
}
