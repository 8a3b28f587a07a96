import type { Workspace } from '../workspace/workspace';
import type { PeriodPool } from '../metrics/period-pool';
import { unobserved, type JobControl } from '../jobs/registry';
import { AppError } from '../../shared/errors';
import { createI18n } from '../../shared/i18n';
import { closeAgenda, enterStep, planAgenda, setStepNotes } from '../../shared/meetings/agenda';
import type { Attendee } from '../../shared/meetings/model';
import type { MeetingDetail } from '../../shared/meetings/types';
import { parseIsoWeek } from '../../shared/meetings/week';
import { requireOpen, requireRunning } from './access';
import { carriedPoints, carryInto } from './carry';
import { meetingDetail } from './detail';
import { MeetingRepository, type MeetingRow } from './meeting-repository';
import { RecordRepository } from './record-repository';
import { loadAgenda } from './settings';
import { freezeSnapshot, readSnapshotAhead } from './snapshot';
import type { SnapshotReads } from './snapshot-reads';

/**
 * A meeting's life: planned for an ISO week, started (the snapshot is frozen and step 0 entered),
 * moved through its agenda, ended (unfinished items and unreached points carry over). `now` is
 * passed in so the sample and the tests can replay meetings at chosen instants.
 */

export function planMeeting(
  ws: Workspace,
  input: { week: string; title?: string | undefined; attendees: readonly Attendee[] },
  now: number,
): MeetingDetail {
  ws.assertWritable();
  const week = parseIsoWeek(input.week);
  const meetings = ws.repo(MeetingRepository);
  const taken = meetings.byWeek(week.from);
  if (taken) throw new AppError('meetings.weekTaken', { week: week.week, title: taken.title });
  const { t } = createI18n(ws.settings().locale);
  const title = input.title ?? t('meetings.defaultTitle', { week: week.week, from: week.from, to: week.to });
  const id = ws.db.transaction(() => {
    const newId = meetings.insert({ title, weekStart: week.from, attendees: input.attendees, createdAt: now });
    carryInto(ws, { id: newId, weekStart: week.from }, now);
    return newId;
  })();
  return meetingDetail(ws, id);
}

export function updateMeeting(
  ws: Workspace,
  input: {
    id: number;
    title?: string | undefined;
    attendees?: readonly Attendee[] | undefined;
    notes?: string | undefined;
  },
): MeetingDetail {
  const m = requireOpen(ws, input.id);
  ws.repo(MeetingRepository).update({
    id: m.id,
    title: input.title ?? m.title,
    attendees: input.attendees ?? m.attendees,
    notes: input.notes ?? m.notes,
  });
  return meetingDetail(ws, m.id);
}

/** Deletes a planned meeting; the items carried into it wait for the next one again. */
export function removeMeeting(ws: Workspace, id: number): null {
  const m = requireOpen(ws, id);
  if (m.status !== 'planned') throw new AppError('meetings.alreadyStarted', { title: m.title });
  ws.db.transaction(() => {
    ws.repo(RecordRepository).deleteItemsOf(m.id);
    ws.repo(MeetingRepository).deletePlanned(m.id);
  })();
  return null;
}

/** The meeting, if it can start now: planned, and no other meeting running. */
export function startable(ws: Workspace, id: number): MeetingRow {
  ws.assertWritable();
  const m = requireOpen(ws, id);
  if (m.status !== 'planned') throw new AppError('meetings.alreadyStarted', { title: m.title });
  const running = ws.repo(MeetingRepository).inProgress();
  if (running) throw new AppError('meetings.anotherInProgress', { title: running.title });
  return m;
}

/**
 * Starts a meeting in one transaction: carried items come in, the agenda is fixed (with the points
 * the previous meeting did not reach), every figure is frozen as of `asOf` (default: now), and the
 * first step is entered. A failure anywhere leaves the meeting planned and nothing written.
 * `reads`: figures already read for this instant from the workspace as it is now.
 */
export function startMeeting(
  ws: Workspace,
  id: number,
  now: number,
  asOf: number = now,
  reads?: SnapshotReads,
): MeetingDetail {
  const m = startable(ws, id);
  const meetings = ws.repo(MeetingRepository);
  ws.db.transaction(() => {
    carryInto(ws, m, now, true);
    const points = carriedPoints(ws, m);
    const agenda = enterStep(planAgenda(loadAgenda(ws), points), 0, now);
    freezeSnapshot(ws, m, asOf, now, points, reads);
    if (!meetings.markStarted(m.id, now, agenda)) throw new AppError('meetings.alreadyStarted', { title: m.title });
  })();
  return meetingDetail(ws, m.id);
}

/**
 * `startMeeting` as of now, its figures read first on the report threads while the app keeps
 * answering; the transaction then only writes. Without threads it computes them itself. `ctl`
 * follows the reads and may cancel them: the meeting then stays planned, nothing written.
 */
export async function startMeetingOn(
  pool: PeriodPool | null,
  ws: Workspace,
  id: number,
  now: number,
  ctl: JobControl = unobserved,
): Promise<MeetingDetail> {
  const m = startable(ws, id);
  const reads = await readSnapshotAhead(pool, ws, m, now, ctl);
  ctl.checkpoint();
  ctl.progress({ phase: 'meetings.writing' });
  if (reads) return startMeeting(ws, id, now, now, reads);
  return pool ? pool.computeHere(() => startMeeting(ws, id, now)) : startMeeting(ws, id, now);
}

export function goToStep(ws: Workspace, id: number, step: number, now: number): MeetingDetail {
  const m = requireRunning(ws, id);
  if (step >= m.agenda.steps.length) throw new AppError('meetings.noSuchStep', { step, steps: m.agenda.steps.length });
  ws.repo(MeetingRepository).setAgenda(m.id, enterStep(m.agenda, step, now));
  return meetingDetail(ws, m.id);
}

export function writeStepNotes(ws: Workspace, id: number, step: number, notes: string): MeetingDetail {
  const m = requireRunning(ws, id);
  if (step >= m.agenda.steps.length) throw new AppError('meetings.noSuchStep', { step, steps: m.agenda.steps.length });
  ws.repo(MeetingRepository).setAgenda(m.id, setStepNotes(m.agenda, step, notes));
  return meetingDetail(ws, m.id);
}

/**
 * Ends a meeting: the clock stops, open items become `carried` (the next planned meeting gets
 * open copies now; one planned later gets them when planned), unreached steps stay recorded as
 * such for the next meeting's agenda. Afterwards the meeting and its records are read-only.
 */
export function endMeeting(ws: Workspace, id: number, now: number): MeetingDetail {
  const m = requireRunning(ws, id);
  const meetings = ws.repo(MeetingRepository);
  ws.db.transaction(() => {
    ws.repo(RecordRepository).carryOut(m.id, now);
    if (!meetings.markEnded(m.id, now, closeAgenda(m.agenda, now)))
      throw new AppError('meetings.notStarted', { title: m.title });
    const next = meetings.plannedAfter(m.weekStart)[0];
    if (next) carryInto(ws, next, now);
  })();
  return meetingDetail(ws, m.id);
}
