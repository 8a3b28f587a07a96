import type { Workspace } from '../workspace/workspace';
import { planAgenda } from '../../shared/meetings/agenda';
import type { MeetingDetail, MeetingSummary } from '../../shared/meetings/types';
import { weekOfDate } from '../../shared/meetings/week';
import { carriedPoints } from './carry';
import { MeetingRepository, type MeetingCounts, type MeetingRow } from './meeting-repository';
import { RecordRepository } from './record-repository';
import { loadAgenda } from './settings';
import { SnapshotRepository } from './snapshot-repository';

function summary(m: MeetingRow, counts: MeetingCounts | undefined): MeetingSummary {
  return {
    id: m.id,
    title: m.title,
    week: weekOfDate(m.weekStart),
    status: m.status,
    startedAt: m.startedAt,
    endedAt: m.endedAt,
    createdAt: m.createdAt,
    attendees: m.attendees,
    decisionCount: counts?.decisions ?? 0,
    actionItemCount: counts?.actionItems ?? 0,
    openItemCount: counts?.openItems ?? 0,
  };
}

export function listMeetings(ws: Workspace): MeetingSummary[] {
  const repo = ws.repo(MeetingRepository);
  const counts = repo.counts();
  return repo.list().map((m) => summary(m, counts.get(m.id)));
}

/**
 * A meeting as the screens show it. A planned meeting's agenda is a preview from the current
 * template and the points the previous meeting left; it is fixed when the meeting starts.
 */
export function meetingDetail(ws: Workspace, id: number): MeetingDetail {
  const meetings = ws.repo(MeetingRepository);
  const records = ws.repo(RecordRepository);
  const m = meetings.byId(id);
  if (!m) throw new Error(`meeting ${id} vanished`);
  const actionItems = records.items(m.id);
  const decisions = records.decisions(m.id);
  const agenda = m.status === 'planned' ? planAgenda(loadAgenda(ws), carriedPoints(ws, m)) : m.agenda;
  return {
    ...summary(m, {
      decisions: decisions.length,
      actionItems: actionItems.length,
      openItems: actionItems.filter((i) => i.status === 'open').length,
    }),
    notes: m.notes,
    agenda,
    decisions,
    actionItems,
    ratings: meetings.ratings(m.id),
    reviews: meetings.reviews(m.id),
    previousMeetingId: meetings.previousEnded(m.weekStart)?.id ?? null,
    nextMeetingId: meetings.next(m.weekStart)?.id ?? null,
    readOnly: m.status === 'ended' || ws.readOnly,
    snapshotTakenAt: ws.repo(SnapshotRepository).takenAt(m.id),
  };
}
