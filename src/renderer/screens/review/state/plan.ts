import { DateTime } from 'luxon';
import type { Attendee } from '../../../../shared/meetings/model';
import type { MeetingSummary } from '../../../../shared/meetings/types';
import { shiftWeek, weekOfDate } from '../../../../shared/meetings/week';

/**
 * Defaults of the plan form: the week to review and who attends. A Monday meeting reviews the week
 * that just ended; when that one already has a meeting, the first free week after it.
 */
export function defaultPlanWeek(today: string, meetings: readonly Pick<MeetingSummary, 'week'>[]): string {
  const taken = new Set(meetings.map((m) => m.week.week));
  let week = shiftWeek(weekOfDate(today).week, -1).week;
  // Bounded: a workspace holds at most a few hundred meetings.
  for (let i = 0; i < 1000 && taken.has(week); i++) week = shiftWeek(week, 1).week;
  return week;
}

/** The attendees of the latest meeting that had any (the list is newest week first). */
export function defaultAttendees(meetings: readonly Pick<MeetingSummary, 'attendees'>[]): Attendee[] {
  return [...(meetings.find((m) => m.attendees.length > 0)?.attendees ?? [])];
}

/** Today in the workspace's time zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return DateTime.fromMillis(now, { zone: timeZone }).toISODate() ?? DateTime.fromMillis(now).toISODate() ?? '';
}

/** Meetings by what the home screen does with them. */
export function groupMeetings<M extends Pick<MeetingSummary, 'status' | 'week'>>(
  meetings: readonly M[],
): { readonly running: M[]; readonly upcoming: M[]; readonly past: M[] } {
  return {
    running: meetings.filter((m) => m.status === 'in_progress'),
    // Soonest first: the next one to hold leads the list.
    upcoming: meetings.filter((m) => m.status === 'planned').sort((a, b) => (a.week.week < b.week.week ? -1 : 1)),
    past: meetings.filter((m) => m.status === 'ended'),
  };
}
