import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/main/metrics/service';
import { planMeeting, startMeeting } from '../../../src/main/meetings/lifecycle';
import { computeScorecard } from '../../../src/main/meetings/scorecard';
import { loadGoals } from '../../../src/main/meetings/settings';
import { readSnapshot } from '../../../src/main/meetings/snapshot';
import { SnapshotRepository } from '../../../src/main/meetings/snapshot-repository';
import { LeadsRepository } from '../../../src/main/leads/repository';
import {
  BREAKDOWN_FIELDS,
  BREAKDOWN_VALUES,
  TREND_WEEKS,
  breakdownRow,
  keyPairList,
  keyPairs,
  trendPoint,
  trendWeeks,
  type Breakdown,
  type BreakdownField,
  type TrendPoint,
} from '../../../src/shared/metrics/trend';
import type { Snapshot } from '../../../src/shared/meetings/types';
import { ATTENDEES, B_START, meetingWorkspace, ZONE, type Fixture } from './fixture';
import { insertLeads } from '../../fixtures/metrics/workspace';

/**
 * The funnel step's weekly trend and breakdowns are frozen with the snapshot: a back-dated import
 * after the start changes the live figures as of the start, never the meeting's.
 */

let dir: string;
let fx: Fixture;
let snapshot: Snapshot;

/** What the analysis screens build from `metrics.report` as of `asOf` (see use-report.ts). */
function liveTrend(s: Snapshot, asOf: number): TrendPoint[] {
  const pairs = keyPairs(s.report);
  return trendWeeks(s.report.period.to, TREND_WEEKS).map((w) =>
    trendPoint(
      computeReport(fx.ws, {
        from: w.from,
        to: w.to,
        filters: {},
        withinDays: null,
        asOf,
        compare: false,
        pairs: keyPairList(pairs),
      }),
      pairs,
    ),
  );
}

function liveBreakdown(s: Snapshot, field: BreakdownField, asOf: number): Breakdown {
  const pairs = keyPairs(s.report);
  const values = fx.ws.repo(LeadsRepository).facet(field, 200).values.slice(0, BREAKDOWN_VALUES);
  return {
    field,
    rows: values.map((v) =>
      breakdownRow(
        v.value,
        computeReport(fx.ws, {
          from: s.week.from,
          to: s.week.to,
          filters: { [field]: [v.value] },
          withinDays: null,
          asOf,
          compare: false,
          pairs: keyPairList(pairs),
        }),
        pairs,
      ),
    ),
  };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-frozen-funnel-'));
  fx = meetingWorkspace(dir);
  // Sources too, so that every breakdown has rows.
  fx.ws.db
    .prepare("UPDATE leads SET source = CASE WHEN external_id IN ('B1', 'B3', 'A1') THEN 'Webinar' ELSE 'Ads' END")
    .run();
  const b = planMeeting(fx.ws, { week: '2026-W10', attendees: ATTENDEES }, B_START - 60_000);
  startMeeting(fx.ws, b.id, B_START);
  snapshot = readSnapshot(fx.ws, b.id)!;
});
afterAll(() => {
  fx.ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the funnel step's trend and breakdowns in a meeting's snapshot", () => {
  it('freezes exactly what the step would read as of the start', () => {
    expect(snapshot.trend).toHaveLength(TREND_WEEKS);
    expect(snapshot.trend!.at(-1)!.period).toEqual({ kind: 'week', from: '2026-03-02', to: '2026-03-08' });
    expect(snapshot.trend!.at(-1)!.handedOver).toBe(4);
    expect(snapshot.trend).toEqual(liveTrend(snapshot, B_START));
    for (const field of BREAKDOWN_FIELDS)
      expect(snapshot.breakdowns![field]).toEqual(liveBreakdown(snapshot, field, B_START));
    expect(snapshot.breakdowns!.segment.rows.map((r) => [r.value, r.handedOver])).toEqual([
      ['SMB', 2],
      ['Enterprise', 2],
    ]);
    expect(snapshot.breakdowns!.source.rows.map((r) => r.value)).toEqual(['Ads', 'Webinar']);
    expect(snapshot.breakdowns!.owner.rows.map((r) => r.value)).toEqual(['Ana', 'Bob', 'Cara']);
  });

  it('keeps the scorecard equal to one report per week (the trend weeks are reused for it)', () => {
    const direct = computeScorecard(
      fx.ws,
      snapshot.week.week,
      B_START,
      loadGoals(fx.ws),
      new Map([[snapshot.week.week, snapshot.report]]),
    );
    expect(snapshot.scorecard).toEqual(direct);
  });

  it('does not change when back-dated stage events are imported into weeks of the trend', () => {
    const before = fx.ws.repo(SnapshotRepository).figures(snapshot.meetingId);
    const liveBefore = liveTrend(snapshot, B_START);
    // After the start, a CRM export brings history dated before it: hand-offs in W08 (a trend week)
    // and in the reviewed week, accepted by sales the next day.
    insertLeads(fx.ws, ZONE, [
      {
        id: 'L1',
        owner: 'Ana',
        segment: 'SMB',
        source: 'Webinar',
        events: [
          ['lead', '2026-02-17T09:00'],
          ['mql', '2026-02-17T10:00'],
          ['sal', '2026-02-18T10:00'],
        ],
      },
      {
        id: 'L2',
        owner: 'Bob',
        segment: 'SMB',
        source: 'Webinar',
        events: [
          ['lead', '2026-03-03T09:00'],
          ['mql', '2026-03-03T11:00'],
          ['sal', '2026-03-04T10:00'],
        ],
      },
    ]);
    // Read as of the start, the live figures now differ...
    const live = liveTrend(snapshot, B_START);
    expect(live).not.toEqual(liveBefore);
    const w08 = live.findIndex((p) => p.period.from === '2026-02-16');
    expect(live[w08]!.handedOver).toBe(liveBefore[w08]!.handedOver + 1);
    expect(live.at(-1)!.qualification!.denominator).toBe(liveBefore.at(-1)!.qualification!.denominator + 1);
    const source = liveBreakdown(snapshot, 'source', B_START);
    expect(source).not.toEqual(snapshot.breakdowns!.source);
    expect(source.rows.find((r) => r.value === 'Webinar')!.handedOver).toBe(3);
    // ...the meeting's do not: its snapshot is byte for byte what it was.
    expect(fx.ws.repo(SnapshotRepository).figures(snapshot.meetingId)).toBe(before);
    const again = readSnapshot(fx.ws, snapshot.meetingId)!;
    expect(again.trend).toEqual(liveBefore);
    expect(again.breakdowns!.source.rows.find((r) => r.value === 'Webinar')!.handedOver).toBe(2);
  });

  it('reads a snapshot frozen before the trend was part of it (the step then reads them as of the start)', () => {
    const c = planMeeting(fx.ws, { week: '2026-W11', attendees: ATTENDEES }, B_START);
    const { trend: _trend, breakdowns: _breakdowns, ...older } = { ...snapshot, meetingId: c.id };
    fx.ws.repo(SnapshotRepository).insert({
      meetingId: c.id,
      takenAt: B_START,
      periodFrom: snapshot.week.from,
      periodTo: snapshot.week.to,
      figures: JSON.stringify(older),
      revisions: [...snapshot.revisionIds],
      batches: [],
    });
    const read = readSnapshot(fx.ws, c.id)!;
    expect(read.trend).toBeUndefined();
    expect(read.breakdowns).toBeUndefined();
    expect(read.report).toEqual(snapshot.report);
  });
});
