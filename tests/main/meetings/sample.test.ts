import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../src/main/workspace/workspace';
import { generateSample } from '../../../src/main/sample/generate';
import { PEOPLE } from '../../../src/main/sample/catalog';
import { computeReport } from '../../../src/main/metrics/service';
import { drilldown } from '../../../src/main/metrics/drilldown';
import { preview } from '../../../src/main/definitions/preview';
import { planMeeting, startMeeting } from '../../../src/main/meetings/lifecycle';
import { listMeetings, meetingDetail } from '../../../src/main/meetings/detail';
import { readSnapshot } from '../../../src/main/meetings/snapshot';
import { computeScorecard } from '../../../src/main/meetings/scorecard';
import { minutesMarkdown } from '../../../src/main/meetings/exports';
import { loadGoals } from '../../../src/main/meetings/settings';
import { compareSnapshots, readFigure } from '../../../src/shared/meetings/compare';
import type { FigureRef } from '../../../src/shared/metrics/types';
import type { Snapshot } from '../../../src/shared/meetings/types';

const END = '2026-06-28';
// Tuesday 30 June 2026, 10:00 in São Paulo (UTC-3): the review of week 26.
const AS_OF = Date.parse('2026-06-30T13:00:00Z');
let dir: string;
let ws: Workspace;
let snapshot: Snapshot;
let meetingId: number;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-meetings-sample-'));
  ws = Workspace.create(path.join(dir, 'sample.db'));
  generateSample(ws, { seed: 11, leads: 3000, end: END });
});
afterAll(() => {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('meetings on the sample workspace', () => {
  it('opens the three past reviews read-only, each with the snapshot frozen at its start', () => {
    const past = listMeetings(ws);
    expect(past.map((m) => m.status)).toEqual(['ended', 'ended', 'ended']);
    for (const m of past) {
      const s = readSnapshot(ws, m.id)!;
      expect(s.asOf).toBe(m.startedAt);
      expect(s.report).toEqual(
        computeReport(ws, {
          from: m.week.from,
          to: m.week.to,
          filters: {},
          withinDays: null,
          asOf: m.startedAt!,
          compare: true,
        }),
      );
      expect(meetingDetail(ws, m.id).readOnly).toBe(true);
    }
    const last = past[0]!;
    const md = minutesMarkdown(ws, last.id).text;
    expect(md).toContain('## Points not reached (carried to the next meeting)\n\n- Win/loss reasons');
    expect(md).toContain('Coach Lucas Martins on first-contact cadence');
  });

  it('plans the next review with the items and the point the last one left', () => {
    const last = listMeetings(ws)[0]!;
    const m = planMeeting(
      ws,
      {
        week: '2026-W26',
        attendees: [
          { name: PEOPLE.marketingLead, role: 'marketing_lead' },
          { name: PEOPLE.salesLead, role: 'sales_lead' },
        ],
      },
      AS_OF - 86_400_000,
    );
    meetingId = m.id;
    expect(m.actionItems.map((i) => [i.status, i.carriedFromMeetingId])).toEqual([
      ['open', last.id],
      ['open', last.id],
      ['open', last.id],
    ]);
    expect(m.agenda.steps.find((s) => s.kind === 'winloss')!.carriedFrom).toEqual([last.id]);
    const started = startMeeting(ws, m.id, AS_OF);
    expect(started.status).toBe('in_progress');
    snapshot = readSnapshot(ws, m.id)!;
    expect(snapshot.sinceLast.unreachedPoints.map((p) => [p.kind, p.meetingId])).toEqual([['winloss', last.id]]);
  });

  it('freezes the report and a 13-week scorecard equal to direct metrics.report calls', () => {
    expect(snapshot.report).toEqual(
      computeReport(ws, {
        from: '2026-06-22',
        to: '2026-06-28',
        filters: {},
        withinDays: null,
        asOf: AS_OF,
        compare: true,
      }),
    );
    expect(snapshot.scorecard.weeks.map((w) => w.week)).toEqual(
      Array.from({ length: 13 }, (_, i) => `2026-W${String(14 + i).padStart(2, '0')}`),
    );
    const cell = (key: string, i: number) => snapshot.scorecard.measures.find((m) => m.key === key)!.cells[i]!;
    snapshot.scorecard.weeks.forEach((w, i) => {
      const r = computeReport(ws, {
        from: w.from,
        to: w.to,
        filters: {},
        withinDays: null,
        asOf: AS_OF,
        compare: false,
      });
      const f = r.sla.followup;
      expect(cell('volume', i), w.week).toMatchObject({
        value: r.sla.volume.actual,
        goal: r.sla.volume.target,
        status: r.sla.volume.met ? 'met' : 'missed',
      });
      expect(cell('quality', i), w.week).toMatchObject({
        numerator: r.sla.quality.numerator,
        denominator: r.sla.quality.denominator,
        value: r.sla.quality.rate,
        goal: r.sla.quality.target,
      });
      expect(cell('followup', i), w.week).toMatchObject({
        numerator: f.met,
        denominator: f.met + f.breached,
        value: f.rate,
        pending: f.pending,
        goal: 0.9,
      });
      expect(cell('recycling', i), w.week).toMatchObject({
        numerator: r.sla.recycling.numerator,
        denominator: r.sla.recycling.denominator,
        value: r.sla.recycling.rate,
      });
      for (const m of snapshot.scorecard.measures) expect(m.cells[i]!.termsRevisionId).toBe(r.sla.terms.revision_id);
    });
    expect(snapshot.revisionIds).toEqual(expect.arrayContaining([snapshot.report.sla.terms.revision_id!]));
    // The same scorecard, computed live for the analysis screens, as of the same instant.
    expect(computeScorecard(ws, '2026-W26', AS_OF, loadGoals(ws))).toEqual(snapshot.scorecard);
  });

  it('freezes the open proposal with the definitions service preview as of the start', () => {
    expect(snapshot.proposals).toHaveLength(1);
    const p = snapshot.proposals[0]!;
    expect(p).toMatchObject({ definitionKey: 'mql_criteria', version: 3, replaces: { version: 2 } });
    expect(p.impact).toEqual(preview(ws, { revisionId: p.revisionId, weeks: 8, asOf: AS_OF }));
  });

  it('stores the leads behind each figure, with totals equal to the figures and to metrics.drilldown', () => {
    expect(snapshot.drill.figures.length).toBeGreaterThan(50);
    const scope = {
      from: '2026-06-22',
      to: '2026-06-28',
      filters: {},
      withinDays: null,
      asOf: AS_OF,
      offset: 0,
      limit: 1,
    };
    for (const f of snapshot.drill.figures) {
      const figure = JSON.parse(f.key) as FigureRef;
      expect(drilldown(ws, { ...scope, figure }).total, f.key).toBe(f.total);
    }
    const r = snapshot.report;
    const total = (figure: FigureRef) =>
      snapshot.drill.figures.find((f) => f.key === JSON.stringify(Object.fromEntries(Object.entries(figure).sort())))!
        .total;
    expect(total({ type: 'flow', stage: 'mql' })).toBe(r.flow.mql);
    expect(total({ type: 'followup', side: 'breached' })).toBe(r.sla.followup.breached);
    for (const o of r.sla.followup.by_owner)
      expect(total({ type: 'followup', side: 'denominator', owner: o.owner })).toBe(o.handed_over);
    for (const w of r.winloss) expect(total({ type: 'winloss', outcome: w.outcome, reason: w.reason })).toBe(w.count);
  });

  it("compares any figure with the previous meeting's snapshot", () => {
    const previous = readSnapshot(ws, meetingDetail(ws, meetingId).previousMeetingId!)!;
    const c = compareSnapshots(snapshot, previous, { type: 'followup' });
    const prev = previous.report.sla.followup;
    expect(c.previous).toEqual({
      kind: 'proportion',
      numerator: prev.met,
      denominator: prev.met + prev.breached,
      rate: prev.met + prev.breached > 0 ? prev.met / (prev.met + prev.breached) : null,
    });
    expect(c.current).toEqual(readFigure(snapshot, { type: 'followup' }));
    expect(compareSnapshots(snapshot, previous, { type: 'flow', stage: 'mql' }).diff).toBe(
      snapshot.report.flow.mql! - previous.report.flow.mql!,
    );
    expect(compareSnapshots(snapshot, previous, { type: 'scorecard', measure: 'volume' }).current).toEqual({
      kind: 'count',
      value: snapshot.report.sla.volume.actual,
    });
  });
});
