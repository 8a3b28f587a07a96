import type { Workspace } from '../workspace/workspace';
import { carriedPoints } from '../meetings/carry';
import { MeetingRepository } from '../meetings/meeting-repository';
import { freezeSnapshot } from '../meetings/snapshot';

/**
 * Gives each past sample meeting the snapshot the meetings feature would have frozen when it
 * started: every figure read as of its start (events, touches and definitions after it are not
 * seen), so opening an old review shows what was on the screen that day. Runs inside the sample's
 * transaction, after the definitions exist. Returns how many were frozen.
 */
export function freezeSampleSnapshots(ws: Workspace): number {
  const meetings = ws
    .repo(MeetingRepository)
    .list()
    .filter((m) => m.status === 'ended' && m.startedAt !== null);
  meetings.sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1));
  for (const m of meetings) freezeSnapshot(ws, m, m.startedAt!, m.startedAt!, carriedPoints(ws, m));
  return meetings.length;
}
