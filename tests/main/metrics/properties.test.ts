import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  computeFlow,
  computeReport,
  computeWeekFigures,
  openContext,
  slaRule,
} from '../../../src/main/metrics/service';
import { MetricsSql } from '../../../src/main/metrics/sql';
import { metricEventsInsert } from '../../../src/main/db/migrations/003_metrics';
import { storedSegment } from '../../../src/main/db/migrations/011_metric_segment';
import { MetricsRefresh } from '../../../src/main/metrics/refresh';
import { BatchRepository } from '../../../src/main/imports/batch-repository';
import { drilldown } from '../../../src/main/metrics/drilldown';
import {
  WATERFALL_MOVEMENTS,
  WINLOSS_BREAKDOWNS,
  type FigureRef,
  type Filters,
  type Report,
} from '../../../src/shared/metrics/types';
import { insertLeads, metricRows, openCounts, tempWorkspace, type LeadSpec } from '../../fixtures/metrics/workspace';

const ZONE = 'America/Sao_Paulo';
const STAGES = ['lead', 'mql', 'sal', 'sql', 'opportunity', 'won', 'lost', 'recycled', 'disqualified'];
const FUNNEL = STAGES.slice(0, 5);
const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Random small workspaces: any stage order, repeats, same-instant events, touches anywhere (October-November 2018, DST included). */
const leadArb = fc.record({
  // Leads without a segment too: metric_events stores theirs as '' (migration 11).
  segment: fc.constantFrom('SMB', 'Enterprise', undefined),
  owner: fc.constantFrom('ana', 'bob', 'carl'),
  events: fc.array(fc.tuple(fc.constantFrom(...STAGES), fc.integer({ min: 0, max: 40 * 24 })), {
    minLength: 1,
    maxLength: 7,
  }),
  touches: fc.array(fc.integer({ min: 0, max: 40 * 24 }), { maxLength: 2 }),
  assigned: fc.option(fc.integer({ min: 0, max: 40 * 24 }), { nil: undefined }),
});
const hour = (h: number) => new Date(Date.UTC(2018, 9, 15) + h * 3_600_000).toISOString().slice(0, 16);

function specs(
  raw: ReadonlyArray<{
    segment?: string | undefined;
    owner: string;
    events: Array<[string, number]>;
    touches: number[];
    assigned?: number | undefined;
  }>,
): LeadSpec[] {
  return raw.map((r, i) => {
    // The database refuses the same stage at the same instant twice; keep the first.
    const seen = new Set<string>();
    const events = r.events
      .filter(([s, h]) => !seen.has(`${s}@${h}`) && !!seen.add(`${s}@${h}`))
      .map(([s, h]) => [s, hour(h)] as const);
    return {
      id: `P${i}`,
      ...(r.segment !== undefined ? { segment: r.segment } : {}),
      owner: r.owner,
      events,
      touches: [...new Set(r.touches)].map(hour),
      ...(r.assigned !== undefined ? { assigned: hour(r.assigned) } : {}),
      created: hour(Math.min(...r.events.map(([, h]) => h))),
    };
  });
}

function build(leads: LeadSpec[], order?: Parameters<typeof insertLeads>[3], batches = 1) {
  const t = tempWorkspace(ZONE);
  cleanups.push(t.cleanup);
  const size = Math.ceil(leads.length / batches);
  for (let i = 0; i < leads.length; i += size) insertLeads(t.ws, ZONE, leads.slice(i, i + size), order);
  return t.ws;
}

const asOf = Date.UTC(2018, 10, 20);
const weeks = [
  { from: '2018-10-22', to: '2018-10-28' },
  { from: '2018-10-29', to: '2018-11-04' },
];
const report = (
  ws: Parameters<typeof computeReport>[0],
  w: (typeof weeks)[number],
  withinDays: number | null = null,
): Report => computeReport(ws, { ...w, filters: {}, withinDays, asOf, compare: false });

describe('metric properties on generated workspaces', () => {
  it('keeps metric_events equal to a rebuild from scratch, whatever the insert order', () => {
    fc.assert(
      fc.property(fc.array(leadArb, { minLength: 1, maxLength: 12 }), fc.boolean(), (raw, reverse) => {
        const ws = build(specs(raw), reverse ? (e) => [...e].reverse() : undefined);
        const maintained = metricRows(ws);
        const open = openCounts(ws);
        expect(open.kept).toEqual(open.counted);
        ws.db.exec(`DELETE FROM metric_events; ${metricEventsInsert('1', storedSegment)};`);
        expect(maintained).toEqual(metricRows(ws));
        expect(openCounts(ws).kept).toEqual(open.counted);
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same metric_events when a bulk writer defers the triggers and refreshes before commit', () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { minLength: 1, maxLength: 12 }),
        fc.array(leadArb, { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom('default', 'seek', 'scan'),
        fc.boolean(),
        fc.boolean(),
        (first, second, reverse, sizes, noteByBatch, crowded) => {
          // Crowded: every event within six hours, so many share an instant (date-only exports).
          const crowd = (r: (typeof first)[number]) => ({
            ...r,
            events: r.events.map(([s, h]) => [s, h % 6] as [string, number]),
          });
          const leads = specs([...first, ...second].map((r) => (crowded ? crowd(r) : r)));
          const order = reverse
            ? (e: Parameters<NonNullable<Parameters<typeof insertLeads>[3]>>[0]) => [...e].reverse()
            : undefined;
          const t = tempWorkspace(ZONE);
          cleanups.push(t.cleanup);
          // One batch through the row triggers, then one deferred batch that adds leads and moves
          // the earlier ones' touches and fields.
          insertLeads(t.ws, ZONE, leads.slice(0, first.length), order);
          const indexes = () =>
            t.ws.db
              .prepare(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'metric_events' ORDER BY name",
              )
              .all();
          const before = indexes();
          // Small sizes take the large-batch path (secondary indexes built after the rows, the old
          // rows deleted through the lead index or by a scan) and read the leads' events in rounds
          // of two, so rounds end between a lead's events and the next.
          const figures = new MetricsRefresh(
            t.ws.db,
            sizes === 'default'
              ? undefined
              : { indexRebuildMinLeads: 1, leadsPerRound: 2, scanMinShare: sizes === 'scan' ? 0 : 2 },
          );
          t.ws.db.transaction(() => {
            // An import's inserts all carry its batch, which names their leads instead of a trigger.
            const batch = noteByBatch
              ? new BatchRepository(t.ws.db).create({
                  fileName: 'second.csv',
                  preset: null,
                  createdBy: 'test',
                  createdAt: 0,
                  onInvalid: 'skipInvalid',
                })
              : null;
            figures.defer(batch);
            insertLeads(t.ws, ZONE, leads.slice(first.length), order, batch);
            t.ws.db.exec("UPDATE leads SET owner = 'dora' WHERE id % 2 = 0; DELETE FROM touches WHERE id % 3 = 0");
            expect(figures.pending()).toBe(true);
            figures.refresh();
          })();
          expect(figures.pending()).toBe(false);
          expect(indexes()).toEqual(before);
          expect(t.ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
          const open = openCounts(t.ws);
          expect(open.kept).toEqual(open.counted);
          const refreshed = metricRows(t.ws);
          t.ws.db.exec(`DELETE FROM metric_events; ${metricEventsInsert('1', storedSegment)};`);
          expect(refreshed).toEqual(metricRows(t.ws));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('counts leads in a stage at an instant the same both ways (recent: open spans; early: from the start of the history)', () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...FUNNEL),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(-1, 0, 1),
        // No filter and one field read metric_open; two fields count the open spans in the index.
        fc.constantFrom<Filters>(
          {},
          { segment: ['SMB'] },
          { owner: ['ana', 'carl'] },
          { segment: ['Enterprise'], owner: ['bob'] },
        ),
        (raw, key, atPick, beforePick, jitter, filters) => {
          const ws = build(specs(raw));
          const ctx = openContext(ws, { filters, withinDays: null });
          // Instants on and next to the events' own, where a boundary off by one would show, and
          // mostly the stage of the event `before` sits on.
          const events = ws.db
            .prepare(
              'SELECT e.entered_at AS t, s.key FROM stage_events e JOIN stages s ON s.id = e.stage_id ORDER BY 1',
            )
            .all() as Array<{ t: number; key: string }>;
          const on = events[beforePick % events.length]!;
          const before = on.t + jitter;
          const at = Math.max(before, events[atPick % events.length]!.t + jitter);
          const stage = ctx.q.stage(FUNNEL.includes(on.key) && atPick % 4 !== 0 ? on.key : key);
          const ask = { at, before };
          const [recent] = ctx.repo.inStageAt(ctx.q, stage, [ask], 'recent');
          expect(ctx.repo.inStageAt(ctx.q, stage, [ask], 'early')).toEqual([recent]);
          expect(ctx.repo.inStageAt(ctx.q, stage, [ask])).toEqual([recent]);
          // Asked together with others (one pass per kind of span), each count is still its own.
          const others = [
            { at: at + 3_600_000, before },
            { at, before: before - 86_400_000 },
          ];
          for (const w of ['recent', 'early', undefined] as const)
            expect(ctx.repo.inStageAt(ctx.q, stage, [...others, ask], w)).toEqual([
              ...others.map((o) => ctx.repo.inStageAt(ctx.q, stage, [o], 'early')[0]),
              recent,
            ]);
          // And both are the definition: spans [entered_at, left_at) entered before `before` still open at `at`.
          const spans = ws.db
            .prepare(
              `SELECT count(*) FROM metric_events WHERE stage_id = ? AND entered_at < ? AND (left_at IS NULL OR left_at >= ?)
               AND (? IS NULL OR segment IN (SELECT value FROM json_each(?))) AND owner IN (SELECT value FROM json_each(?))`,
            )
            .pluck()
            .get(
              stage.id,
              before,
              at,
              filters.segment ? 1 : null,
              JSON.stringify(filters.segment ?? []),
              JSON.stringify(filters.owner ?? ['ana', 'bob', 'carl']),
            );
          expect(recent).toBe(spans);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps the row triggers when a deferring writer rolls back', () => {
    const t = tempWorkspace(ZONE);
    cleanups.push(t.cleanup);
    const figures = new MetricsRefresh(t.ws.db);
    expect(() =>
      t.ws.db.transaction(() => {
        figures.defer();
        insertLeads(t.ws, ZONE, specs([{ segment: 'SMB', owner: 'ana', events: [['mql', 1]], touches: [] }]));
        throw new Error('cancelled');
      })(),
    ).toThrow('cancelled');
    expect(figures.pending()).toBe(false);
    insertLeads(
      t.ws,
      ZONE,
      specs([
        {
          segment: 'SMB',
          owner: 'ana',
          events: [
            ['mql', 1],
            ['sal', 3],
          ],
          touches: [2],
        },
      ]),
    );
    expect(metricRows(t.ws)).toHaveLength(2);
  });

  it('gives the same figures from fragments built without a window as from the general ones with no window bound', () => {
    fc.assert(
      fc.property(fc.array(leadArb, { minLength: 1, maxLength: 12 }), fc.nat(), (raw, pick) => {
        const ws = build(specs(raw));
        const ctx = openContext(ws, { filters: {}, withinDays: null, asOf });
        expect(ctx.q.windowed).toBe(false);
        const general = new MetricsSql(ctx.q.stages, {}, { windowed: true });
        const { rule } = slaRule(ctx, asOf);
        // asOf inside the history as well as after it, so "reached by asOf" and "exited" both cut.
        const instants = ws.db.prepare('SELECT entered_at FROM stage_events ORDER BY 1').pluck().all() as number[];
        const at = pick % 2 === 0 ? asOf : instants[pick % instants.length]!;
        const b = { from: Date.UTC(2018, 9, 15), end: at + 1, asOf: at, window: null };
        for (const from of FUNNEL) {
          const targets = ['won', 'lost', ...FUNNEL.filter((s) => s !== from)].map((k) => ctx.q.stage(k));
          expect(ctx.repo.conversions(ctx.q, b, ctx.q.stage(from), targets)).toEqual(
            ctx.repo.conversions(general, b, ctx.q.stage(from), targets),
          );
        }
        expect(ctx.repo.slaByOwner(ctx.q, b, rule)).toEqual(ctx.repo.slaByOwner(general, b, rule));
        // And the promise is kept: a window bound to fragments built without one is refused.
        expect(() => ctx.repo.flow(ctx.q, { ...b, window: 86_400_000 })).toThrow(/window/);
      }),
      { numRuns: 40 },
    );
  });

  it('gives a trend week exactly the figures of the full report for that week', () => {
    fc.assert(
      fc.property(fc.array(leadArb, { minLength: 1, maxLength: 12 }), fc.constantFrom(null, 3), (raw, within) => {
        const ws = build(specs(raw));
        for (const w of weeks) {
          const full = report(ws, w, within);
          const light = computeWeekFigures(ws, { ...w, filters: {}, withinDays: within, asOf });
          expect(Object.keys(light).sort()).toEqual(['conversion', 'flow', 'period', 'sla', 'velocity']);
          expect(light).toEqual({
            period: full.period,
            flow: full.flow,
            conversion: full.conversion,
            velocity: full.velocity,
            sla: full.sla,
          });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('gives a period flow alone exactly the flow, period and stages of the full report', () => {
    fc.assert(
      fc.property(fc.array(leadArb, { minLength: 1, maxLength: 12 }), (raw) => {
        const ws = build(specs(raw));
        // The weeks, and a range over all of them (an import's done step reads the whole history).
        for (const w of [...weeks, { from: weeks[0]!.from, to: weeks.at(-1)!.to }]) {
          const full = report(ws, w, null);
          expect(computeFlow(ws, { ...w, filters: {}, asOf })).toEqual({
            period: full.period,
            stages: full.stages,
            flow: full.flow,
          });
        }
      }),
      { numRuns: 25 },
    );
  });

  it('holds the identities every figure promises', () => {
    fc.assert(
      fc.property(fc.array(leadArb, { minLength: 1, maxLength: 15 }), fc.constantFrom(null, 2, 10), (raw, within) => {
        const ws = build(specs(raw));
        for (const w of weeks) {
          const r = report(ws, w, within);
          // Flow = distinct stage entries, counted independently.
          const direct = ws.db
            .prepare(
              `SELECT s.key, count(*) AS n FROM (SELECT DISTINCT lead_id, stage_id, entered_at FROM stage_events) e JOIN stages s ON s.id = e.stage_id
               WHERE e.entered_at >= ? AND e.entered_at < ? GROUP BY s.key`,
            )
            .all(r.period.from_ms, r.period.to_ms) as Array<{ key: string; n: number }>;
          for (const k of STAGES) expect(r.flow[k]).toBe(direct.find((d) => d.key === k)?.n ?? 0);
          for (const c of r.conversion) {
            expect(c.numerator).toBeLessThanOrEqual(c.denominator);
            expect(c.numerator + c.open).toBeLessThanOrEqual(c.denominator);
          }
          const f = r.sla.followup;
          expect(f.met + f.breached + f.pending).toBe(f.handed_over);
          expect(f.by_owner.reduce((a, o) => a + o.handed_over, 0)).toBe(f.handed_over);
          expect(r.sla.recycling.numerator).toBeLessThanOrEqual(r.sla.recycling.denominator);
          // Each SLA figure counts exactly the leads its drill-down lists.
          const listed = (figure: FigureRef) =>
            drilldown(ws, { ...w, filters: {}, withinDays: within, asOf, figure, offset: 0, limit: 1 }).total;
          expect(listed({ type: 'recycling', side: 'denominator' })).toBe(r.sla.recycling.denominator);
          expect(listed({ type: 'recycling', side: 'numerator' })).toBe(r.sla.recycling.numerator);
          expect(listed({ type: 'followup', side: 'met' })).toBe(f.met);
          expect(listed({ type: 'arbitration' })).toBe(r.sla.arbitration.count);
          expect(listed({ type: 'quality', side: 'numerator' })).toBe(r.sla.quality.numerator);
          // The SAL rate is the hand-off stage's conversion to the accepted stage with no window, whatever window the report has.
          const plain = (within === null ? r : report(ws, w, null)).conversion.find(
            (c) => c.from === r.sla.handoff_stage && c.to === r.sla.accepted_stage,
          )!;
          expect([r.sla.quality.numerator, r.sla.quality.denominator]).toEqual([plain.numerator, plain.denominator]);
          expect(r.sla.arbitration.count).toBeLessThanOrEqual(f.breached);
          // Every win/loss breakdown cell lists the closings it counts.
          for (const field of WINLOSS_BREAKDOWNS)
            for (const row of r.winloss_by[field])
              expect(
                listed({ type: 'winloss', outcome: row.outcome, reason: row.reason, by: { field, value: row.value } }),
              ).toBe(row.count);
          // The waterfall's counts at its two instants (the start derived from the end and the
          // period's movements), and its stalled counts, equal independent counts of the leads whose
          // last event by the instant is in the stage, entered before the bound.
          const inStage = (stage: string, t: number, before: number) =>
            ws.db
              .prepare(
                `SELECT count(*) FROM stage_events e JOIN stages s ON s.id = e.stage_id
                 WHERE s.key = @stage AND e.entered_at < @t AND e.entered_at < @before AND NOT EXISTS (
                   SELECT 1 FROM stage_events x JOIN stages xs ON xs.id = x.stage_id WHERE x.lead_id = e.lead_id AND x.id <> e.id AND x.entered_at < @t
                   AND (x.entered_at > e.entered_at OR (x.entered_at = e.entered_at AND (xs.position > s.position OR (xs.position = s.position AND xs.id > s.id)))))`,
              )
              .pluck()
              .get({ stage, t, before }) as number;
          const ageMs = (stage: string) =>
            (ws.db.prepare('SELECT allowed_age_days FROM stages WHERE key = ?').pluck().get(stage) as number) *
            86_400_000;
          const end = Math.min(r.period.to_ms, asOf + 1);
          for (const row of r.waterfall) {
            expect(row.end).toBe(inStage(row.stage, end, end));
            expect(row.start).toBe(inStage(row.stage, r.period.from_ms, r.period.from_ms));
            expect(row.stalled_start).toBe(inStage(row.stage, r.period.from_ms, r.period.from_ms - ageMs(row.stage)));
            expect(row.stalled_end).toBe(inStage(row.stage, end, end - ageMs(row.stage)));
            // Every count of the row lists as many leads as it says.
            for (const movement of WATERFALL_MOVEMENTS)
              expect([movement, listed({ type: 'waterfall', stage: row.stage, movement })]).toEqual([
                movement,
                row[movement],
              ]);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('does not depend on import order or batch splitting', () => {
    fc.assert(
      fc.property(
        fc.array(leadArb, { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 2, max: 4 }),
        (raw, batches) => {
          const leads = specs(raw);
          const a = build(leads);
          const b = build([...leads].reverse(), (e) => [...e].reverse(), batches);
          for (const w of weeks) expect(report(b, w)).toEqual(report(a, w));
        },
      ),
      { numRuns: 25 },
    );
  });
});
