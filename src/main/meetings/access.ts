import type { Workspace } from '../workspace/workspace';
import { AppError } from '../../shared/errors';
import type { Attendee } from '../../shared/meetings/model';
import { MeetingRepository, type MeetingRow } from './meeting-repository';

/**
 * The checks every change goes through before it writes anything, so a refused change leaves the
 * workspace exactly as it was and says why in the user's language.
 */
export function requireMeeting(ws: Workspace, id: number): MeetingRow {
  const m = ws.repo(MeetingRepository).byId(id);
  if (!m) throw new AppError('meetings.notFound', { id });
  return m;
}

/** A meeting whose records may still change: planned or running. */
export function requireOpen(ws: Workspace, id: number): MeetingRow {
  ws.assertWritable();
  const m = requireMeeting(ws, id);
  if (m.status === 'ended') throw new AppError('meetings.ended', { title: m.title, week: m.weekStart });
  return m;
}

/** A meeting that is running now (decisions, items, ratings, reviews, navigation). */
export function requireRunning(ws: Workspace, id: number): MeetingRow {
  const m = requireOpen(ws, id);
  if (m.status !== 'in_progress') throw new AppError('meetings.notStarted', { title: m.title });
  return m;
}

/** The attendee of that name (case-insensitive), spelled as the meeting records it. */
export function requireAttendee(m: MeetingRow, name: string): Attendee {
  const a = m.attendees.find((x) => x.name.toLowerCase() === name.trim().toLowerCase());
  if (!a) throw new AppError('meetings.unknownAttendee', { name: name.trim(), title: m.title });
  return a;
}
