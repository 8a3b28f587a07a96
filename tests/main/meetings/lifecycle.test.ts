import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/main/metrics/service';
import { drilldown } from '../../../src/main/metrics/drilldown';
import {
  endMeeting,
  goToStep,
  planMeeting,
  removeMeeting,
  startMeeting,
  updateMeeting,
  writeStepNotes,
} from '../../../src/main/meetings/lifecycle';
import {
  addActionItem,
  addDecision,
  rateMeeting,
  removeActionItem,
  removeDecision,
  reviewRevision,
  setDecisionStatus,
  updateActionItem,
  updateDecision,
} from '../../../src/main/meetings/records';
import { meetingDetail, listMeetings } from '../../../src/main/meetings/detail';
import { readSnapshot } from '../../../src/main/meetings/snapshot';
import { meetingDrilldown } from '../../../src/main/meetings/drilldown';
import { SnapshotRepository } from '../../../src/main/meetings/snapshot-repository';
import { freezeDrills } from '../../../src/main/meetings/drill-freeze';
import { AppError } from '../../../src/shared/errors';
import type { MeetingDetail, Snapshot } from '../../../src/shared/meetings/types';
import { A_START, ATTENDEES, at, B_START, meetingTables, meetingWorkspace, ZONE, type Fixture } from './fixture';
import { insertLeads } from '../../fixtures/metrics/workspace';

const MIN = 60_000;
let dir: string;
let fx: Fixture;
let a: MeetingDetail;
let b: MeetingDetail;

/** Runs `change`, expects the AppError `code`, and proves the workspace's meeting tables did not change. */
function refused(code: string, change: () => unknown): AppError {
  const before = meetingTables(fx.ws);
  let error: unknown;
  try {
    change();
  } catch (e) {
    error = e;
  }
  expect(error, code).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect(meetingTables(fx.ws)).toEqual(before);
  return error as AppError;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-meetings-'));
  fx = meetingWorkspace(dir);
});
afterAll(() => {
  fx.ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a meeting from plan to end, and the next one', () => {
  it('plans the review of an ISO week with the workspace agenda and a default title', () => {
    a = planMeeting(fx.ws, { week: '2026-W09', attendees: ATTENDEES }, at('2026-02-27T16:00'));
    expect(a).toMatchObject({
      status: 'planned',
      title: 'Weekly review — 2026-W09',
      week: { week: '2026-W09', from: '2026-02-23', to: '2026-03-01' },
      snapshotTakenAt: null,
      readOnly: false,
    });
    expect(a.agenda.steps.map((s) => [s.kind, s.budgetMs / MIN])).toEqual([
      ['since_last', 5],
      ['sla', 10],
      ['funnel', 10],
      ['winloss', 10],
      ['definitions', 10],
      ['actions', 10],
      ['wrap_up', 5],
    ]);
    expect(readSnapshot(fx.ws, a.id)).toBeNull();
    refused('meetings.weekTaken', () =>
      planMeeting(fx.ws, { week: '2026-W09', attendees: [] }, at('2026-02-27T17:00')),
    );
    refused('meetings.notStarted', () =>
      addDecision(fx.ws, { id: a.id, text: 'Too early', link: null }, at('2026-02-27T17:00')),
    );
  });

  it('starts by freezing every figure of the week as of the start, with the definitions and batches used', () => {
    a = startMeeting(fx.ws, a.id, A_START);
    expect(a).toMatchObject({ status: 'in_progress', startedAt: A_START, snapshotTakenAt: A_START });
    expect(a.agenda.current).toBe(0);
    expect(a.agenda.steps[0]!.reachedAt).toBe(A_START);
    const s = readSnapshot(fx.ws, a.id)!;
    expect(s).toMatchObject({
      meetingId: a.id,
      asOf: A_START,
      takenAt: A_START,
      timeZone: ZONE,
      week: { week: '2026-W09' },
    });
    // The frozen report is exactly metrics.report for the week, read at the start.
    expect(s.report).toEqual(
      computeReport(fx.ws, {
        from: '2026-02-23',
        to: '2026-03-01',
        filters: {},
        withinDays: null,
        asOf: A_START,
        compare: true,
      }),
    );
    expect(s.report.flow.mql).toBe(3);
    expect(s.report.sla.followup).toMatchObject({ handed_over: 3, met: 2, breached: 1 });
    expect(s.definitions.map((d) => [d.definitionKey, d.version])).toEqual([
      ['mql_criteria', 1],
      ['sla', 1],
    ]);
    expect(s.revisionIds).toEqual(s.definitions.map((d) => d.revisionId).sort((x, y) => x - y));
    expect(s.proposals.map((p) => [p.revisionId, p.version, p.replaces?.version, p.impact?.type])).toEqual([
      [fx.proposalId, 2, 1, 'rule'],
    ]);
    expect(s.sinceLast).toMatchObject({
      previousMeeting: null,
      previousItems: [],
      carriedIn: [],
      decisionsInForce: [],
      unreachedPoints: [],
    });
    const row = fx.ws.db
      .prepare('SELECT period_from, period_to, definition_revisions, batches FROM snapshots WHERE meeting_id = ?')
      .get(a.id) as Record<string, string>;
    expect(row).toEqual({
      period_from: '2026-02-23',
      period_to: '2026-03-01',
      definition_revisions: JSON.stringify(s.revisionIds),
      batches: '[]',
    });
    // Every figure the agenda drills into is frozen with its leads; totals equal the figures.
    const info = new Map(s.drill.figures.map((f) => [f.key, f]));
    expect(info.get('{"stage":"mql","type":"flow"}')).toEqual({
      key: '{"stage":"mql","type":"flow"}',
      total: 3,
      complete: true,
    });
    expect(info.get('{"side":"breached","type":"followup"}')?.total).toBe(1);
    expect(info.get('{"owner":"Bob","side":"breached","type":"followup"}')?.total).toBe(1);
    refused('meetings.alreadyStarted', () => startMeeting(fx.ws, a.id, A_START + MIN));
  });

  it('keeps only the total of a figure with more leads than the limit, and cuts per-owner lists from their parent', () => {
    const s = readSnapshot(fx.ws, a.id)!;
    const drills = new Map(freezeDrills(fx.ws, s.report, 2).map((d) => [d.key, d]));
    expect(drills.get('{"stage":"mql","type":"flow"}')).toMatchObject({ total: 3, complete: false, leads: [] });
    const breached = drills.get('{"side":"breached","type":"followup"}')!;
    expect(breached).toMatchObject({ total: 1, complete: true });
    expect(breached.leads.map((l) => l.external_id)).toEqual(['A2']);
    // Parent over the limit: the per-owner list is read on its own (Ana handed over 2: within the limit).
    expect(drills.get('{"owner":"Ana","side":"denominator","type":"followup"}')).toMatchObject({
      total: 2,
      complete: true,
    });
    expect(
      drills.get('{"owner":"Ana","side":"denominator","type":"followup"}')!.leads.map((l) => l.external_id),
    ).toEqual(['A1', 'A3']);
  });

  it('records when each step was reached, the time spent on it, and refuses a step that does not exist', () => {
    goToStep(fx.ws, a.id, 1, A_START + 5 * MIN);
    goToStep(fx.ws, a.id, 2, A_START + 20 * MIN);
    goToStep(fx.ws, a.id, 1, A_START + 30 * MIN);
    a = goToStep(fx.ws, a.id, 4, A_START + 40 * MIN);
    const steps = a.agenda.steps;
    expect(steps.map((s) => s.spentMs / MIN)).toEqual([5, 25, 10, 0, 0, 0, 0]);
    expect(steps.map((s) => (s.reachedAt === null ? null : (s.reachedAt - A_START) / MIN))).toEqual([
      0,
      5,
      20,
      null,
      40,
      null,
      null,
    ]);
    expect(a.agenda).toMatchObject({ current: 4, currentSince: A_START + 40 * MIN });
    const e = refused('meetings.noSuchStep', () => goToStep(fx.ws, a.id, 7, A_START + 41 * MIN));
    expect(e.params).toEqual({ step: 7, steps: 7 });
    a = writeStepNotes(fx.ws, a.id, 1, 'Bob is behind on first contacts.');
    expect(a.agenda.steps[1]!.notes).toBe('Bob is behind on first contacts.');
  });

  it('captures decisions and action items with links, and ratings from 1 to 10 by attendees only', () => {
    a = addDecision(
      fx.ws,
      {
        id: a.id,
        text: 'Bob reviews his untouched MQLs daily.',
        link: { type: 'figure', figure: { type: 'followup', side: 'breached', owner: 'Bob' } },
      },
      A_START + 42 * MIN,
    );
    a = addDecision(
      fx.ws,
      { id: a.id, text: 'A decision taken by mistake', link: { type: 'lead', leadId: fx.leads.get('A2')! } },
      A_START + 43 * MIN,
    );
    expect(a.decisions[1]!.link).toEqual({ type: 'lead', leadId: fx.leads.get('A2'), externalId: 'A2' });
    a = removeDecision(fx.ws, a.decisions[1]!.id);
    a = addActionItem(
      fx.ws,
      { id: a.id, text: 'Call every untouched MQL', owner: 'Sergio Ruiz', dueDate: '2026-03-05', link: null },
      A_START + 44 * MIN,
    );
    a = addActionItem(
      fx.ws,
      {
        id: a.id,
        text: 'Fix the routing rule',
        owner: 'Priya Nair',
        dueDate: null,
        link: { type: 'lead', leadId: fx.leads.get('A2')! },
      },
      A_START + 45 * MIN,
    );
    a = updateActionItem(fx.ws, { itemId: a.actionItems[1]!.id, status: 'done' }, A_START + 46 * MIN);
    expect(a.actionItems.map((i) => [i.text, i.status, i.closedAt])).toEqual([
      ['Call every untouched MQL', 'open', null],
      ['Fix the routing rule', 'done', A_START + 46 * MIN],
    ]);
    refused('meetings.leadNotFound', () =>
      addActionItem(
        fx.ws,
        { id: a.id, text: 'x', owner: 'y', dueDate: null, link: { type: 'lead', leadId: 999_999 } },
        A_START,
      ),
    );
    for (const rating of [0, 11, 7.5, -3])
      refused('meetings.badRating', () => rateMeeting(fx.ws, { id: a.id, attendee: 'Priya Nair', rating }, A_START));
    refused('meetings.unknownAttendee', () =>
      rateMeeting(fx.ws, { id: a.id, attendee: 'Somebody Else', rating: 5 }, A_START),
    );
    rateMeeting(fx.ws, { id: a.id, attendee: 'marta gómez', rating: 6 }, A_START + 50 * MIN);
    rateMeeting(fx.ws, { id: a.id, attendee: 'Sergio Ruiz', rating: 9 }, A_START + 51 * MIN);
    a = rateMeeting(fx.ws, { id: a.id, attendee: 'Marta Gómez', rating: 8 }, A_START + 52 * MIN);
    expect(a.ratings.map((r) => [r.attendee, r.rating])).toEqual([
      ['Sergio Ruiz', 9],
      ['Marta Gómez', 8],
    ]);
  });

  it('ends: open items become carried, unreached steps stay recorded, and the meeting becomes read-only', () => {
    a = endMeeting(fx.ws, a.id, A_START + 60 * MIN);
    expect(a).toMatchObject({ status: 'ended', endedAt: A_START + 60 * MIN, readOnly: true });
    expect(a.agenda).toMatchObject({ current: null, currentSince: null });
    expect(a.agenda.steps[4]!.spentMs).toBe(20 * MIN);
    expect(a.agenda.steps.filter((s) => s.reachedAt === null).map((s) => s.kind)).toEqual([
      'winloss',
      'actions',
      'wrap_up',
    ]);
    expect(a.actionItems.map((i) => [i.status, i.closedAt])).toEqual([
      ['carried', A_START + 60 * MIN],
      ['done', A_START + 46 * MIN],
    ]);
    const item = a.actionItems[0]!;
    const decision = a.decisions[0]!;
    refused('meetings.ended', () => addDecision(fx.ws, { id: a.id, text: 'Late', link: null }, A_START + 2 * 60 * MIN));
    refused('meetings.ended', () => updateDecision(fx.ws, { decisionId: decision.id, text: 'Rewritten' }));
    refused('meetings.ended', () => removeDecision(fx.ws, decision.id));
    refused('meetings.ended', () =>
      addActionItem(fx.ws, { id: a.id, text: 'Late', owner: 'x', dueDate: null, link: null }, A_START),
    );
    refused('meetings.ended', () => updateActionItem(fx.ws, { itemId: item.id, status: 'done' }, A_START));
    refused('meetings.ended', () => removeActionItem(fx.ws, item.id));
    refused('meetings.ended', () => rateMeeting(fx.ws, { id: a.id, attendee: 'Priya Nair', rating: 7 }, A_START));
    refused('meetings.ended', () => goToStep(fx.ws, a.id, 3, A_START));
    refused('meetings.ended', () => writeStepNotes(fx.ws, a.id, 3, 'late'));
    refused('meetings.ended', () => updateMeeting(fx.ws, { id: a.id, title: 'Renamed' }));
    refused('meetings.ended', () => removeMeeting(fx.ws, a.id));
    refused('meetings.ended', () => endMeeting(fx.ws, a.id, A_START));
    refused('meetings.ended', () =>
      reviewRevision(fx.ws, { id: a.id, revisionId: fx.proposalId, outcome: 'approve', note: '' }, A_START),
    );
    const e = refused('meetings.ended', () => startMeeting(fx.ws, a.id, A_START));
    expect(e.params).toMatchObject({ title: 'Weekly review — 2026-W09' });
    // The database refuses too, whatever code writes (migration 5's triggers).
    for (const sql of [
      `UPDATE meetings SET title = 'x' WHERE id = ${a.id}`,
      `DELETE FROM meetings WHERE id = ${a.id}`,
      `UPDATE decisions SET text = 'x' WHERE meeting_id = ${a.id}`,
      `INSERT INTO decisions (meeting_id, text, created_at) VALUES (${a.id}, 'x', 1)`,
      `UPDATE action_items SET status = 'done' WHERE meeting_id = ${a.id}`,
      `DELETE FROM meeting_ratings WHERE meeting_id = ${a.id}`,
      `UPDATE snapshots SET figures = '{}' WHERE meeting_id = ${a.id}`,
      `DELETE FROM snapshots WHERE meeting_id = ${a.id}`,
      `UPDATE snapshot_drills SET total = 0`,
      `DELETE FROM snapshot_drills`,
    ]) {
      const before = meetingTables(fx.ws);
      expect(() => fx.ws.db.exec(sql), sql).toThrow(/read-only|immutable|only planned/);
      expect(meetingTables(fx.ws)).toEqual(before);
    }
  });

  it('plans the next meeting with the carried items and the unreached points', () => {
    b = planMeeting(fx.ws, { week: '2026-W10', title: 'Review W10', attendees: ATTENDEES }, at('2026-03-06T16:00'));
    expect(
      b.actionItems.map((i) => [
        i.text,
        i.owner,
        i.dueDate,
        i.status,
        i.carriedFromId,
        i.carriedFromMeetingId,
        i.originMeetingId,
      ]),
    ).toEqual([['Call every untouched MQL', 'Sergio Ruiz', '2026-03-05', 'open', a.actionItems[0]!.id, a.id, a.id]]);
    expect(b.agenda.steps.filter((s) => s.carriedFrom.length).map((s) => [s.kind, s.carriedFrom])).toEqual([
      ['winloss', [a.id]],
      ['actions', [a.id]],
      ['wrap_up', [a.id]],
    ]);
    expect(b.previousMeetingId).toBe(a.id);
    expect(meetingDetail(fx.ws, a.id).nextMeetingId).toBe(b.id);
    expect(
      listMeetings(fx.ws).map((m) => [m.week.week, m.status, m.decisionCount, m.actionItemCount, m.openItemCount]),
    ).toEqual([
      ['2026-W10', 'planned', 0, 1, 1],
      ['2026-W09', 'ended', 1, 2, 0],
    ]);
  });

  it('starts the next meeting with what the previous one left: items, decisions in force, unreached points', () => {
    b = startMeeting(fx.ws, b.id, B_START);
    const s = readSnapshot(fx.ws, b.id)!;
    expect(s.sinceLast.previousMeeting).toMatchObject({ id: a.id, week: '2026-W09', endedAt: A_START + 60 * MIN });
    expect(s.sinceLast.previousItems.map((i) => [i.text, i.status])).toEqual([
      ['Call every untouched MQL', 'carried'],
      ['Fix the routing rule', 'done'],
    ]);
    expect(s.sinceLast.carriedIn.map((i) => [i.text, i.status])).toEqual([['Call every untouched MQL', 'open']]);
    expect(s.sinceLast.decisionsInForce.map((d) => [d.text, d.meeting.id])).toEqual([
      ['Bob reviews his untouched MQLs daily.', a.id],
    ]);
    expect(s.sinceLast.unreachedPoints.map((p) => p.kind)).toEqual(['winloss', 'actions', 'wrap_up']);
    expect(s.report.flow.mql).toBe(4);
    expect(s.report.sla.followup).toMatchObject({ handed_over: 4, met: 2, breached: 2, pending: 0 });
    // Only one meeting runs at a time.
    const c = planMeeting(fx.ws, { week: '2026-W11', attendees: [] }, B_START);
    refused('meetings.anotherInProgress', () => startMeeting(fx.ws, c.id, B_START + MIN));
    removeMeeting(fx.ws, c.id);
  });

  it('keeps the snapshot when data is imported after the start; drill-downs still list the leads as they were', () => {
    const before = fx.ws.repo(SnapshotRepository).figures(b.id);
    const frozenMql = meetingDrilldown(fx.ws, {
      id: b.id,
      figure: { type: 'flow', stage: 'mql' },
      offset: 0,
      limit: 50,
    });
    expect(frozenMql).toMatchObject({ source: 'snapshot', total: 4, frozenTotal: 4, asOf: B_START });
    // After the start: a CRM export brings a lead handed over last week (back-dated history),
    // the untouched lead gets its first touch, and a lead changes owner.
    insertLeads(fx.ws, ZONE, [
      {
        id: 'B6',
        owner: 'Dan',
        segment: 'SMB',
        events: [
          ['lead', '2026-03-04T09:00'],
          ['mql', '2026-03-04T10:00'],
        ],
      },
    ]);
    fx.ws.db
      .prepare('INSERT INTO touches (lead_id, touched_at) VALUES (?, ?)')
      .run(fx.leads.get('B2'), at('2026-03-10T12:00'));
    fx.ws.db.prepare("UPDATE leads SET owner = 'Zoe' WHERE external_id = 'B1'").run();
    const scope = { from: '2026-03-02', to: '2026-03-08', filters: {}, withinDays: null };
    const live = computeReport(fx.ws, { ...scope, asOf: at('2026-03-12T10:00'), compare: true });
    expect(live.flow.mql).toBe(5);
    expect(live.sla.followup.by_owner.map((o) => o.owner)).toContain('Zoe');
    // The snapshot is byte for byte what it was.
    expect(fx.ws.repo(SnapshotRepository).figures(b.id)).toBe(before);
    const s = readSnapshot(fx.ws, b.id) as Snapshot;
    expect(s.report.flow.mql).toBe(4);
    // metrics.drilldown with asOf hides the later touch but not back-dated history or edited fields...
    const asOf = drilldown(fx.ws, {
      ...scope,
      asOf: B_START,
      figure: { type: 'flow', stage: 'mql' },
      offset: 0,
      limit: 50,
    });
    expect(asOf.leads.map((l) => l.external_id)).toEqual(['B1', 'B2', 'B6', 'B3', 'B4']);
    expect(asOf.leads[0]!.owner).toBe('Zoe');
    const breachedAsOf = drilldown(fx.ws, {
      ...scope,
      asOf: B_START,
      figure: { type: 'followup', side: 'breached' },
      offset: 0,
      limit: 50,
    });
    expect(breachedAsOf.leads.map((l) => [l.external_id, l.touched_at])).toEqual([
      ['B2', null],
      ['B6', null],
      ['B3', at('2026-03-04T17:00')],
    ]);
    // ...which is why the snapshot stores the leads: the meeting's drill-down is unchanged.
    const again = meetingDrilldown(fx.ws, { id: b.id, figure: { type: 'flow', stage: 'mql' }, offset: 0, limit: 50 });
    expect(again).toEqual(frozenMql);
    expect(again.leads.map((l) => [l.external_id, l.owner])).toEqual([
      ['B1', 'Ana'],
      ['B2', 'Bob'],
      ['B3', 'Bob'],
      ['B4', 'Cara'],
    ]);
    const page = meetingDrilldown(fx.ws, {
      id: b.id,
      figure: { type: 'followup', side: 'breached' },
      offset: 1,
      limit: 1,
    });
    expect(page).toMatchObject({ total: 2, offset: 1, limit: 1, source: 'snapshot' });
    expect(page.leads.map((l) => l.external_id)).toEqual(['B3']);
    // A figure the snapshot does not list is read as of the snapshot's instant, and says so.
    const waterfall = meetingDrilldown(fx.ws, {
      id: b.id,
      figure: { type: 'waterfall', stage: 'mql', movement: 'end' },
      offset: 0,
      limit: 50,
    });
    expect(waterfall).toMatchObject({ source: 'live', frozenTotal: null, asOf: B_START });
  });

  it('approves a proposed revision with both leaders named, through the definitions lifecycle', () => {
    refused('meetings.unknownAttendee', () =>
      reviewRevision(
        fx.ws,
        { id: b.id, revisionId: fx.proposalId, outcome: 'approve', salesLead: 'Nobody', note: '' },
        B_START + 30 * MIN,
      ),
    );
    refused('meetings.revisionNotInSnapshot', () =>
      reviewRevision(fx.ws, { id: b.id, revisionId: 1, outcome: 'approve', note: '' }, B_START + 30 * MIN),
    );
    b = reviewRevision(
      fx.ws,
      { id: b.id, revisionId: fx.proposalId, outcome: 'defer', note: 'Wait for two more weeks' },
      B_START + 30 * MIN,
    );
    b = reviewRevision(
      fx.ws,
      { id: b.id, revisionId: fx.proposalId, outcome: 'approve', note: '' },
      B_START + 31 * MIN,
    );
    expect(b.reviews.map((r) => [r.revisionId, r.outcome, r.marketingLead, r.salesLead, r.note])).toEqual([
      [fx.proposalId, 'defer', 'Marta Gómez', 'Sergio Ruiz', 'Wait for two more weeks'],
      [fx.proposalId, 'approve', 'Marta Gómez', 'Sergio Ruiz', ''],
    ]);
    const revision = fx.ws.db
      .prepare(
        'SELECT status, marketing_approved_by, sales_approved_by, effective_from FROM definition_revisions WHERE id = ?',
      )
      .get(fx.proposalId);
    expect(revision).toMatchObject({
      marketing_approved_by: 'Marta Gómez',
      sales_approved_by: 'Sergio Ruiz',
      effective_from: B_START + 31 * MIN,
    });
    expect(['approved', 'effective']).toContain((revision as { status: string }).status);
    refused('meetings.revisionNotProposed', () =>
      reviewRevision(fx.ws, { id: b.id, revisionId: fx.proposalId, outcome: 'reject', note: '' }, B_START + 32 * MIN),
    );
    // The frozen snapshot still shows the proposal as it was when the meeting started.
    expect(readSnapshot(fx.ws, b.id)!.proposals[0]!.approvedBy).toEqual({ marketing: null, sales: null });
  });

  it('reviews carried items and earlier decisions from the running meeting; dropped items do not carry again', () => {
    const carried = b.actionItems[0]!;
    refused('meetings.carriedItemKept', () => removeActionItem(fx.ws, carried.id));
    b = updateActionItem(fx.ws, { itemId: carried.id, status: 'not_done' }, B_START + 40 * MIN);
    b = addActionItem(
      fx.ws,
      { id: b.id, text: 'Send the SMB figures', owner: 'Marta Gómez', dueDate: '2026-03-13', link: null },
      B_START + 41 * MIN,
    );
    b = setDecisionStatus(
      fx.ws,
      { id: b.id, decisionId: a.decisions[0]!.id, status: 'superseded' },
      B_START + 42 * MIN,
    );
    const old = meetingDetail(fx.ws, a.id).decisions[0]!;
    expect(old).toMatchObject({
      status: 'superseded',
      statusMeetingId: b.id,
      statusChangedAt: B_START + 42 * MIN,
      text: 'Bob reviews his untouched MQLs daily.',
    });
    b = endMeeting(fx.ws, b.id, B_START + 55 * MIN);
    expect(b.actionItems.map((i) => [i.text, i.status])).toEqual([
      ['Call every untouched MQL', 'not_done'],
      ['Send the SMB figures', 'carried'],
    ]);
    const c = planMeeting(fx.ws, { week: '2026-W11', attendees: ATTENDEES }, B_START + 60 * MIN);
    expect(c.actionItems.map((i) => [i.text, i.originMeetingId, i.carriedFromMeetingId])).toEqual([
      ['Send the SMB figures', b.id, b.id],
    ]);
    // Deleting a planned meeting sends its carried copies back to wait for the next one.
    removeMeeting(fx.ws, c.id);
    const d = planMeeting(fx.ws, { week: '2026-W12', attendees: ATTENDEES }, B_START + 61 * MIN);
    expect(d.actionItems.map((i) => i.text)).toEqual(['Send the SMB figures']);
  });
});
