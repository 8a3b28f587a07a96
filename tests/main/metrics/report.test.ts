import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../../src/main/metrics/service';
import { drilldown } from '../../../src/main/metrics/drilldown';
import { saveCalendar } from '../../../src/main/calendar/settings';
import { WINLOSS_BREAKDOWNS, type FigureRef, type Report } from '../../../src/shared/metrics/types';
import type { Workspace } from '../../../src/main/workspace/workspace';
import { AS_OF, CALENDAR, FROM, LEADS, TO, ZONE } from '../../fixtures/metrics/handmade';
import { insertLeads, local, tempWorkspace } from '../../fixtures/metrics/workspace';

let ws: Workspace;
let cleanup: () => void;
let report: Report;
const asOf = local(AS_OF, ZONE);
const scope = { from: FROM, to: TO, filters: {}, withinDays: null, asOf };
const conv = (r: Report, from: string, to: string) => r.conversion.find((c) => c.from === from && c.to === to)!;
const drillTotal = (figure: FigureRef, extra: Partial<typeof scope> = {}) =>
  drilldown(ws, { ...scope, ...extra, figure, offset: 0, limit: 100 }).total;

beforeAll(() => {
  const t = tempWorkspace(ZONE);
  ws = t.ws;
  cleanup = t.cleanup;
  saveCalendar(ws, CALENDAR);
  insertLeads(ws, ZONE, LEADS);
  report = computeReport(ws, { ...scope, compare: true });
});
afterAll(() => cleanup());

describe('hand-computed week (Madrid, 2024-W13, DST and Good Friday)', () => {
  it('counts every entry in the period, re-entries included', () => {
    expect(report.period).toMatchObject({ kind: 'week', from: FROM, to: TO, days: 7 });
    expect(report.flow).toEqual({
      lead: 7,
      mql: 8,
      sal: 4,
      sql: 2,
      opportunity: 1,
      won: 0,
      lost: 2,
      recycled: 2,
      disqualified: 0,
    });
  });

  it('converts cohorts by first entry in the period, reaching at or after it', () => {
    expect(conv(report, 'lead', 'mql')).toMatchObject({ numerator: 5, denominator: 7, open: 1, small: true });
    expect(conv(report, 'mql', 'sal')).toMatchObject({ numerator: 4, denominator: 7, open: 2 });
    expect(conv(report, 'sal', 'sql')).toMatchObject({ numerator: 1, denominator: 4, open: 2 });
    expect(conv(report, 'sql', 'opportunity')).toMatchObject({ numerator: 1, denominator: 2, open: 0 });
    expect(conv(report, 'opportunity', 'won')).toMatchObject({ numerator: 0, denominator: 1, open: 0 });
    expect(conv(report, 'lead', 'won')).toMatchObject({ numerator: 1, denominator: 7, open: 3 });
    expect(conv(report, 'mql', 'won')).toMatchObject({ numerator: 1, denominator: 7, open: 3 });
    expect(conv(report, 'sal', 'won')).toMatchObject({ numerator: 1, denominator: 4, open: 2 });
    expect(conv(report, 'lead', 'mql').rate).toBeCloseTo(5 / 7, 12);
    expect(conv(report, 'lead', 'mql').ci_low).toBeCloseTo(0.3589, 3);
  });

  it('applies a window of N x 24 hours', () => {
    const r = computeReport(ws, {
      ...scope,
      withinDays: 1,
      compare: false,
      pairs: [
        { from: 'lead', to: 'mql' },
        { from: 'mql', to: 'sal' },
      ],
    });
    // L2 took 54 h from lead to MQL; L6 26 h from MQL to SAL; L1 and L4 exactly 24 h (within).
    expect(conv(r, 'lead', 'mql')).toMatchObject({ numerator: 4, denominator: 7, within_days: 1 });
    expect(conv(r, 'mql', 'sal')).toMatchObject({ numerator: 3, denominator: 7 });
  });

  it('measures velocity over the cohort that reached the stage', () => {
    const v = report.velocity.find((x) => x.from === 'mql' && x.to === 'sal')!;
    // 1 h, 24 h, 24 h, 26 h: median 24 h, p75 24.5 h.
    expect(v).toMatchObject({ n: 4, median_days: 1, p75_days: 1 });
    const lw = report.velocity.find((x) => x.from === 'lead' && x.to === 'won')!;
    // 25 March 09:00 CET to 1 April 10:00 CEST is exactly 168 hours.
    expect(lw).toMatchObject({ n: 1, median_days: 7, p75_days: 7 });
    expect(report.kpis.lead_lifetime.n).toBe(0);
  });

  it('judges follow-up in business hours, across the holiday and the DST change', () => {
    const f = report.sla.followup;
    expect(f).toMatchObject({
      handed_over: 7,
      met: 4,
      breached: 3,
      pending: 0,
      business_hours: 4,
      clock_start: 'handoff',
    });
    expect(f.rate).toBeCloseTo(4 / 7, 12);
    expect(f.by_owner.map((o) => [o.owner, o.met, o.breached, o.pending])).toEqual([
      ['ana', 2, 1, 0],
      ['bob', 0, 2, 0],
      ['carl', 2, 0, 0],
    ]);
    expect(report.sla.arbitration.count).toBe(1);
    // Routing: 0.5 h and 1.5 h; rep: 0.25, 0.5, 1, 3, 5 h.
    expect(f.routing_delay).toEqual({ n: 2, median_hours: 1, p75_hours: 1.3 });
    expect(f.rep_delay).toEqual({ n: 5, median_hours: 1, p75_hours: 3 });
    expect(report.sla.terms.kind).toBe('default');
  });

  it('keeps not-yet-due leads pending when read earlier', () => {
    const early = computeReport(ws, { ...scope, asOf: local('2024-04-01T10:00', ZONE), compare: false });
    expect(early.sla.followup).toMatchObject({ handed_over: 7, met: 3, breached: 2, pending: 2 });
    const deadline = drilldown(ws, {
      ...scope,
      asOf: local('2024-04-01T10:00', ZONE),
      figure: { type: 'followup', side: 'pending' },
      offset: 0,
      limit: 10,
    });
    // L3: Thursday 17:00 + 4 business hours = Monday 1 April 11:00 (Friday is Good Friday).
    expect(deadline.leads.map((l) => [l.external_id, l.deadline_at])).toEqual([
      ['L3', local('2024-04-01T11:00', ZONE)],
      ['L5', local('2024-04-01T13:00', ZONE)],
    ]);
  });

  it('gives volume, quality and recycling', () => {
    expect(report.sla.volume).toEqual({ actual: 8, target: 120, weekly_target: 120, met: false });
    expect(report.sla.quality).toMatchObject({
      numerator: 4,
      denominator: 7,
      target: 0.5,
      met: true,
      below_target_significant: false,
    });
    expect(report.sla.recycling).toMatchObject({
      rejected: 2,
      with_reason: 1,
      within_window: 2,
      numerator: 1,
      denominator: 2,
    });
  });

  it('counts stalled leads and accounts for every change in the waterfall', () => {
    expect(report.stalled).toEqual({ lead: 0, mql: 1, sal: 0, sql: 0, opportunity: 0 });
    const w = Object.fromEntries(report.waterfall.map((r) => [r.stage, r]));
    expect(w.lead).toMatchObject({ start: 1, in_new: 7, out_advanced: 7, end: 1 });
    expect(w.mql).toMatchObject({
      start: 1,
      in_advanced: 6,
      in_returned: 2,
      out_advanced: 4,
      out_recycled: 2,
      end: 3,
      stalled_start: 1,
      stalled_end: 1,
    });
    expect(w.sal).toMatchObject({ start: 0, in_advanced: 4, out_advanced: 1, out_lost: 1, end: 2 });
    expect(w.sql).toMatchObject({ start: 0, in_advanced: 2, out_advanced: 1, end: 1 });
    expect(w.opportunity).toMatchObject({ start: 0, in_advanced: 1, out_lost: 1, end: 0 });
    for (const r of report.waterfall)
      expect(drillTotal({ type: 'waterfall', stage: r.stage, movement: 'end' })).toBe(r.end);
  });

  it('breaks win/loss down by reason and by the stage where the deal was lost', () => {
    expect(report.winloss).toEqual([
      { outcome: 'lost', reason: '(none)', count: 1, share: 0.5 },
      { outcome: 'lost', reason: 'price', count: 1, share: 0.5 },
    ]);
    expect(report.no_reason).toMatchObject({ numerator: 1, denominator: 2 });
    expect(report.winloss_by.lost_at_stage.map((r) => [r.value, r.reason]).sort()).toEqual([
      ['opportunity', 'price'],
      ['sal', '(none)'],
    ]);
    expect(report.kpis).toMatchObject({
      deals_won: 0,
      sal: 4,
      sql: 2,
      demos: null,
      lost_deals: 2,
      time_to_proposal: null,
    });
  });

  it('drills down to exactly the leads behind each figure', () => {
    const ids = (figure: FigureRef) =>
      drilldown(ws, { ...scope, figure, offset: 0, limit: 100 })
        .leads.map((l) => l.external_id)
        .sort();
    expect(ids({ type: 'flow', stage: 'mql' })).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L6', 'L8']);
    expect(ids({ type: 'conversion', from: 'mql', to: 'sal', side: 'numerator' })).toEqual(['L1', 'L4', 'L6', 'L8']);
    expect(ids({ type: 'conversion', from: 'mql', to: 'sal', side: 'open' })).toEqual(['L3', 'L5']);
    expect(ids({ type: 'followup', side: 'breached' })).toEqual(['L2', 'L3', 'L4']);
    expect(ids({ type: 'followup', side: 'met', owner: 'carl' })).toEqual(['L5', 'L8']);
    expect(ids({ type: 'arbitration' })).toEqual(['L3']);
    expect(ids({ type: 'stalled', stage: 'mql' })).toEqual(['L9']);
    expect(ids({ type: 'recycling', side: 'numerator' })).toEqual(['L2']);
    expect(ids({ type: 'winloss', outcome: 'lost', reason: '(none)' })).toEqual(['L8']);
    for (const c of report.conversion) {
      expect(drillTotal({ type: 'conversion', from: c.from, to: c.to, side: 'numerator' })).toBe(c.numerator);
      expect(drillTotal({ type: 'conversion', from: c.from, to: c.to, side: 'denominator' })).toBe(c.denominator);
      expect(drillTotal({ type: 'conversion', from: c.from, to: c.to, side: 'open' })).toBe(c.open);
    }
    const page = drilldown(ws, { ...scope, figure: { type: 'flow', stage: 'lead' }, offset: 2, limit: 3 });
    expect(page).toMatchObject({ total: 7, offset: 2, limit: 3 });
    // Ordered by entry time: L8 08:00, L1 09:00, L2 12:00, L7 14:00 (25 March), L4 (26 March)...
    expect(page.leads.map((l) => l.external_id)).toEqual(['L2', 'L7', 'L4']);
  });

  it('lists the closings behind each win/loss breakdown cell, the cells without a value included', () => {
    const t = tempWorkspace(ZONE);
    try {
      saveCalendar(t.ws, CALENDAR);
      // L8 (lost at SAL, no reason) without an owner or a segment.
      const { owner: _o, segment: _s, ...l8 } = LEADS.find((l) => l.id === 'L8')!;
      insertLeads(t.ws, ZONE, [...LEADS.filter((l) => l.id !== 'L8'), l8]);
      const r = computeReport(t.ws, { ...scope, compare: false });
      const list = (figure: FigureRef) =>
        drilldown(t.ws, { ...scope, figure, offset: 0, limit: 100 }).leads.map((l) => l.external_id);
      expect(r.winloss_by.owner.find((x) => x.value === null)).toMatchObject({ outcome: 'lost', count: 1 });
      expect(list({ type: 'winloss', outcome: 'lost', by: { field: 'owner', value: null } })).toEqual(['L8']);
      expect(list({ type: 'winloss', outcome: 'lost', by: { field: 'lost_at_stage', value: 'opportunity' } })).toEqual([
        'L7',
      ]);
      expect(list({ type: 'winloss', outcome: 'lost', by: { field: 'owner', value: 'bob' } })).toEqual(['L7']);
      for (const field of WINLOSS_BREAKDOWNS)
        for (const row of r.winloss_by[field])
          expect(
            list({ type: 'winloss', outcome: row.outcome, reason: row.reason, by: { field, value: row.value } }).length,
          ).toBe(row.count);
      expect(() =>
        list({ type: 'winloss', outcome: 'lost', by: { field: 'lost_at_stage', value: 'nowhere' } }),
      ).toThrow(expect.objectContaining({ code: 'metrics.unknownStage' }));
    } finally {
      t.cleanup();
    }
  });

  it('lists the deals won and lost from every stage of the kind, as the KPIs count them', () => {
    const t = tempWorkspace(ZONE);
    try {
      saveCalendar(t.ws, CALENDAR);
      // A second won stage (expansion deals) and a second lost one.
      t.ws.db.exec(`INSERT INTO stages (key, position, kind, labels, allowed_age_days) VALUES
        ('expansion', 90, 'won', '{"en":"Expansion"}', NULL), ('churned', 91, 'lost', '{"en":"Churned"}', NULL)`);
      insertLeads(t.ws, ZONE, [
        ...LEADS,
        {
          id: 'X1',
          events: [
            ['opportunity', '2024-03-25T10:00'],
            ['expansion', '2024-03-27T10:00'],
          ],
        },
        {
          id: 'X2',
          events: [
            ['opportunity', '2024-03-25T11:00'],
            ['won', '2024-03-28T10:00'],
          ],
        },
        {
          id: 'X3',
          events: [
            ['sql', '2024-03-25T11:00'],
            ['churned', '2024-03-29T10:00'],
          ],
        },
      ]);
      const r = computeReport(t.ws, { ...scope, compare: false });
      const list = (figure: FigureRef) =>
        drilldown(t.ws, { ...scope, figure, offset: 0, limit: 100 }).leads.map((l) => l.external_id);
      expect(r.kpis).toMatchObject({ deals_won: 2, lost_deals: r.flow.lost! + 1 });
      expect(list({ type: 'entries', kind: 'won' }).sort()).toEqual(['X1', 'X2']);
      expect(list({ type: 'entries', kind: 'lost' })).toHaveLength(r.kpis.lost_deals);
      expect(list({ type: 'entries', kind: 'lost' })).toContain('X3');
    } finally {
      t.cleanup();
    }
  });

  it('filters by lead fields and custom fields', () => {
    const ent = computeReport(ws, { ...scope, filters: { segment: ['Enterprise'] }, compare: false });
    expect(ent.flow.lead).toBe(2);
    expect(ent.sla.followup).toMatchObject({ handed_over: 2, met: 0, breached: 2 });
    const gold = computeReport(ws, { ...scope, filters: { custom: { tier: ['gold'] } }, compare: false });
    expect(gold.flow.lead).toBe(1);
    expect(drillTotal({ type: 'flow', stage: 'lead' }, { filters: { owner: ['carl', 'ana'] } })).toBe(5);
  });

  it('reads the comparison periods at the same age', () => {
    expect(report.previous?.period).toMatchObject({ from: '2024-03-18', to: '2024-03-24' });
    expect(report.year_ago?.period).toMatchObject({ from: '2023-03-27', to: '2023-04-02' });
    // Previous week: L6 (lead 18th, MQL 19th) and L3 (lead 20th).
    expect(report.previous?.flow).toMatchObject({ lead: 2, mql: 1, recycled: 1 });
    expect(conv(report, 'lead', 'mql').vs_previous).toMatchObject({ rate: 0.5, significant: false });
  });

  it('refuses bad input with specific errors', () => {
    expect(() => computeReport(ws, { ...scope, from: TO, to: FROM, compare: false })).toThrow(
      expect.objectContaining({ code: 'metrics.badPeriod' }),
    );
    expect(() => computeReport(ws, { ...scope, pairs: [{ from: 'lead', to: 'demo' }], compare: false })).toThrow(
      expect.objectContaining({ code: 'metrics.unknownStage' }),
    );
    expect(() => computeReport(ws, { ...scope, pairs: [{ from: 'sal', to: 'sal' }], compare: false })).toThrow(
      expect.objectContaining({ code: 'metrics.samePair' }),
    );
  });
});
