import type { Workspace } from '../workspace/workspace';
import { computeReport, type ReportOptions } from '../metrics/service';
import { fromThreads, reportOnThreads, writeMark, type PeriodPool } from '../metrics/period-pool';
import { AppError } from '../../shared/errors';
import { unobserved, type JobControl } from '../jobs/registry';
import { SNAPSHOT_FORMAT, type MeetingRef, type SinceLast, type Snapshot } from '../../shared/meetings/types';
import type { Report } from '../../shared/metrics/types';
import { weekOfDate, type IsoWeek } from '../../shared/meetings/week';
import type { CarriedPoint } from '../../shared/meetings/agenda';
import { inForceAt, proposalPreviews, proposalsAt } from './definitions-source';
import { FROZEN_DRILL_LIMIT } from './drill-freeze';
import { freezeFunnel, funnelWeeks, planFunnel } from './funnel-freeze';
import { MeetingRepository, type MeetingRow } from './meeting-repository';
import { RecordRepository } from './record-repository';
import { computeScorecard, scorecardWeeks } from './scorecard';
import { loadGoals } from './settings';
import { SnapshotRepository } from './snapshot-repository';
import { SnapshotReads } from './snapshot-reads';

const ref = (m: MeetingRow): MeetingRef => ({
  id: m.id,
  title: m.title,
  week: weekOfDate(m.weekStart).week,
  endedAt: m.endedAt,
});

function sinceLast(ws: Workspace, meeting: MeetingRow, points: readonly CarriedPoint[]): SinceLast {
  const meetings = ws.repo(MeetingRepository);
  const records = ws.repo(RecordRepository);
  const previous = meetings.previousEnded(meeting.weekStart) ?? null;
  const refs = new Map<number, MeetingRef>();
  const meetingRef = (id: number): MeetingRef => {
    let r = refs.get(id);
    if (!r) {
      const m = meetings.byId(id);
      if (!m) throw new AppError('meetings.notFound', { id });
      r = ref(m);
      refs.set(id, r);
    }
    return r;
  };
  return {
    previousMeeting: previous ? ref(previous) : null,
    previousItems: previous ? records.items(previous.id) : [],
    // Carried copies are open when a meeting starts (a planned meeting cannot change them); stated
    // so that replaying a past meeting (the sample) records them as they were then.
    carriedIn: records
      .items(meeting.id)
      .filter((i) => i.carriedFromId !== null)
      .map((i) => ({ ...i, status: 'open' as const, closedAt: null })),
    decisionsInForce: records.inForceBefore(meeting.weekStart).map((d) => ({ ...d, meeting: meetingRef(d.meetingId) })),
    unreachedPoints: points.map((p) => ({ meetingId: p.meetingId, kind: p.kind, title: p.title })),
  };
}

/** The one report a snapshot freezes: the reviewed week with both comparisons, as of `asOf`. */
function reportOptions(week: IsoWeek, asOf: number): ReportOptions {
  return { from: week.from, to: week.to, filters: {}, withinDays: null, asOf, compare: true };
}

/**
 * Freezes every figure the agenda shows, as of `asOf` (the funnel step's trend and breakdowns
 * included), and stores it with the drill-down leads. `reads` holds figures read ahead (see
 * `readSnapshotAhead`); any other is computed here.
 * Call inside the transaction that starts the meeting, after carried items were copied in.
 */
export function freezeSnapshot(
  ws: Workspace,
  meeting: MeetingRow,
  asOf: number,
  takenAt: number,
  points: readonly CarriedPoint[],
  reads: SnapshotReads = new SnapshotReads(ws),
): Snapshot {
  const week = weekOfDate(meeting.weekStart);
  const report = reads.report(reportOptions(week, asOf));
  const plan = planFunnel(reads, report, asOf);
  const funnel = plan && freezeFunnel(plan, reads);
  // The trend's weeks are the scorecard's: their SLA figures do not depend on the pairs asked for,
  // so the scorecard reuses them (and the week's own full report) rather than reading them again.
  const known = new Map(funnel?.weekly);
  known.set(week.week, report);
  const scorecard = computeScorecard(ws, week.week, asOf, loadGoals(ws), known, reads);
  const inForce = inForceAt(ws, asOf);
  const repo = ws.repo(SnapshotRepository);
  const drills = reads.drills(report);
  const termsIds = [
    report.sla.terms.revision_id,
    report.previous?.sla.terms.revision_id,
    report.year_ago?.sla.terms.revision_id,
    ...scorecard.measures.flatMap((m) => m.cells.map((c) => c.termsRevisionId)),
  ];
  const revisionIds = [
    ...new Set([...inForce.map((r) => r.revisionId), ...termsIds.filter((id): id is number => typeof id === 'number')]),
  ].sort((a, b) => a - b);
  const batches = repo.batchesUsed(asOf);
  const snapshot: Snapshot = {
    format: SNAPSHOT_FORMAT,
    meetingId: meeting.id,
    takenAt,
    asOf,
    timeZone: report.time_zone,
    week,
    report,
    scorecard,
    definitions: inForce,
    revisionIds,
    proposals: proposalsAt(ws, asOf, inForce, (options) => reads.preview(options)),
    sinceLast: sinceLast(ws, meeting, points),
    reasons: repo.reasons(),
    batches,
    drill: {
      limit: FROZEN_DRILL_LIMIT,
      figures: drills.map((d) => ({ key: d.key, total: d.total, complete: d.complete })),
    },
    ...(funnel ? { trend: funnel.trend, breakdowns: funnel.breakdowns } : {}),
  };
  const snapshotId = repo.insert({
    meetingId: meeting.id,
    takenAt,
    periodFrom: week.from,
    periodTo: week.to,
    figures: JSON.stringify(snapshot),
    revisions: revisionIds,
    batches: batches.map((b) => b.id),
  });
  for (const d of drills)
    repo.insertDrill({ snapshotId, figure: d.key, total: d.total, complete: d.complete, leads: d.leads });
  return snapshot;
}

/**
 * What a snapshot reads (its report, weeks, drill-down leads and proposals' impact previews on the
 * report threads; the breakdowns' values here), ahead of the transaction that starts the meeting,
 * so the app keeps answering meanwhile (on a million leads they take seconds). Null when the
 * threads are not ready, one failed, or anything was written to the workspace meanwhile: the
 * transaction then computes them itself, from the state it writes in. `ctl` hears each read as it
 * arrives and may stop the wait (`jobs.cancelled`).
 */
export async function readSnapshotAhead(
  pool: PeriodPool | null,
  ws: Workspace,
  meeting: MeetingRow,
  asOf: number,
  ctl: JobControl = unobserved,
): Promise<SnapshotReads | null> {
  const week = weekOfDate(meeting.weekStart);
  const options = reportOptions(week, asOf);
  // Threads already starting (a large workspace's open starts them) are waited for by fromThreads.
  const here = pool && !pool.started ? await threadsIfSlow(pool, ws, options, ctl) : null;
  return fromThreads(pool, ws, async (threads) => {
    ctl.progress({ phase: 'meetings.report', done: 0, total: null });
    // The report computed here stands while nothing was written since: fromThreads checks the
    // same mark once the batch is read.
    const report =
      here && writeMark(ws) === here.mark ? here.report : await ctl.until(reportOnThreads(threads, ws, options));
    if (!report) return null;
    const reads = new SnapshotReads(ws);
    reads.rememberReport(options, report);
    const plan = planFunnel(reads, report, asOf);
    // The weeks `freezeSnapshot` reads: the funnel's, and the scorecard's the trend does not cover.
    const covered = new Set([week.week, ...(plan?.trend.map((t) => t.week) ?? [])]);
    const weeks = [
      ...(plan ? funnelWeeks(plan) : []),
      ...scorecardWeeks(ws, week.week, asOf)
        .filter((w) => !covered.has(w.week.week))
        .map((w) => w.options),
    ];
    const previews = proposalPreviews(ws, asOf);
    // Progress counts reads: the report, each week, the drill-downs, each preview.
    let done = 1;
    ctl.progress({ phase: 'meetings.figures', done, total: 1 + weeks.length + 1 + previews.length });
    const counted = <T>(read: Promise<T>): Promise<T> =>
      read.then((value) => {
        ctl.progress({ done: ++done });
        return value;
      });
    const [figures, drills, impacts] = await ctl.until(
      Promise.all([
        Promise.all(weeks.map((o) => counted(threads.week(ws.db.name, o)))),
        counted(threads.drills(ws.db.name, report)),
        Promise.all(previews.map((o) => counted(threads.preview(ws.db.name, o)))),
      ]),
    );
    if (figures.some((f) => f === null) || drills === null || impacts.some((i) => i === null)) return null;
    weeks.forEach((o, i) => reads.rememberWeek(o, figures[i]!));
    reads.rememberDrills(report, drills);
    previews.forEach((o, i) => reads.rememberPreview(o, impacts[i]!));
    return reads;
  });
}

/**
 * The report threads are off (nothing slow was asked this session): the week's report read here
 * tells whether they are worth it, as any first slow request would. If so the start waits for
 * them, so that its other reads show progress and can be cancelled, instead of running in its
 * transaction as one stall. A quick report (a small workspace) leaves them off; that start is
 * quick too. The report and the write mark it was read at are handed back for the snapshot.
 */
async function threadsIfSlow(
  pool: PeriodPool,
  ws: Workspace,
  options: ReportOptions,
  ctl: JobControl,
): Promise<{ report: Report; mark: string }> {
  ctl.progress({ phase: 'meetings.report', done: 0, total: null });
  const mark = writeMark(ws);
  const report = pool.computeHere(() => computeReport(ws, options));
  if (pool.started) await ctl.until(pool.warm());
  return { report, mark };
}

/** A meeting's snapshot as stored; null before the meeting started. */
export function readSnapshot(ws: Workspace, meetingId: number): Snapshot | null {
  const json = ws.repo(SnapshotRepository).figures(meetingId);
  if (json === undefined) return null;
  const value = JSON.parse(json) as { format?: unknown };
  if (value.format !== SNAPSHOT_FORMAT) throw new AppError('meetings.badSnapshot', { id: meetingId });
  // Written by freezeSnapshot above with this format tag, and never updated since (migration 5).
  return value as Snapshot;
}
