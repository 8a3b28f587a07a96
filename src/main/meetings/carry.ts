import type { Workspace } from '../workspace/workspace';
import type { CarriedPoint } from '../../shared/meetings/agenda';
import { MeetingRepository, type MeetingRow } from './meeting-repository';
import { RecordRepository } from './record-repository';

/**
 * What one meeting hands to the next. Ending a meeting marks its open items `carried`; the next
 * meeting (the earliest later week that is still planned, when it is planned or started) gets an
 * open copy of each, linked by `carried_from_id`. Agenda points the latest earlier ended meeting
 * did not reach (with the meetings they had already been carried from) go on its agenda.
 */

/** Unreached points of the latest ended meeting before this one's week, each with where it started. */
export function carriedPoints(ws: Workspace, meeting: Pick<MeetingRow, 'weekStart'>): CarriedPoint[] {
  const previous = ws.repo(MeetingRepository).previousEnded(meeting.weekStart);
  if (!previous) return [];
  return previous.agenda.steps
    .filter((s) => s.reachedAt === null)
    .flatMap((s) => [...s.carriedFrom, previous.id].map((meetingId) => ({ meetingId, kind: s.kind, title: s.title })));
}

/**
 * Gives the meeting an open copy of every carried item of earlier weeks not picked up yet, and
 * (`adopt`, when it starts) the copies waiting in later planned meetings. Call inside a transaction.
 */
export function carryInto(
  ws: Workspace,
  meeting: Pick<MeetingRow, 'id' | 'weekStart'>,
  now: number,
  adopt = false,
): number {
  const records = ws.repo(RecordRepository);
  if (adopt) records.adoptCarried(meeting.id, meeting.weekStart);
  const waiting = records.carriedWaiting(meeting.weekStart);
  for (const item of waiting) {
    records.insertItem({
      meetingId: meeting.id,
      text: item.text,
      owner: item.owner,
      dueDate: item.dueDate,
      link: item.link,
      carriedFromId: item.id,
      createdAt: now,
    });
  }
  return waiting.length;
}
