import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../../../src/main/runtime/paths';
import { computeReport } from '../../../src/main/metrics/service';
import { quantile, days1 } from '../../../src/shared/metrics/stats';
import type { Workspace } from '../../../src/main/workspace/workspace';
import { insertLeads, local, tempWorkspace, type LeadSpec } from '../../fixtures/metrics/workspace';

const dataDir = path.resolve(projectRoot, '../shared/data/olist-marketing-funnel');
const present = fs.existsSync(path.join(dataDir, 'olist_marketing_qualified_leads_dataset.csv'));
if (!present) console.warn(`Skipping the Olist metrics test: ${dataDir} is absent.`);

const ZONE = 'America/Sao_Paulo';
const ANOMALY = 'b91cf8812365f50ff4bda4bcd6206b05';
/** Won deals by origin over MQLs, as stated in the data set's SOURCE.md. */
const SOURCE_MD: Record<string, [number, number]> = {
  organic_search: [271, 2296],
  paid_search: [195, 1586],
  unknown: [179, 1099],
  social: [75, 1350],
  direct_traffic: [56, 499],
  referral: [24, 284],
  email: [15, 493],
  display: [6, 118],
  other: [4, 150],
  other_publicities: [3, 65],
};

describe.skipIf(!present)('Olist marketing funnel (real data): MQL -> won', () => {
  let ws: Workspace;
  let cleanup: () => void;
  let anomalyOrigin = '';
  const scope = {
    from: '2017-06-01',
    to: '2018-05-31',
    filters: {},
    withinDays: null,
    asOf: Date.UTC(2019, 0, 1),
    compare: false,
    pairs: [{ from: 'mql', to: 'won' }],
  };

  beforeAll(() => {
    const t = tempWorkspace(ZONE, 'olist');
    ws = t.ws;
    cleanup = t.cleanup;
    const read = (f: string) =>
      parse(fs.readFileSync(path.join(dataDir, f), 'utf8'), { columns: true, skip_empty_lines: true }) as Array<
        Record<string, string>
      >;
    const deals = new Map(read('olist_closed_deals_dataset.csv').map((d) => [d.mql_id!, d]));
    // A small loader of our own (the importer is built elsewhere): MQL at the first-contact date
    // (midnight in São Paulo), won at won_date read as São Paulo local time.
    const leads: LeadSpec[] = read('olist_marketing_qualified_leads_dataset.csv').map((m) => {
      const deal = deals.get(m.mql_id!);
      if (m.mql_id === ANOMALY) anomalyOrigin = m.origin!;
      return {
        id: m.mql_id!,
        ...(m.origin ? { source: m.origin } : {}),
        ...(deal?.sr_id ? { owner: deal.sr_id } : {}),
        ...(deal?.business_segment ? { segment: deal.business_segment } : {}),
        created: `${m.first_contact_date}T00:00`,
        events: [
          ['mql', `${m.first_contact_date}T00:00`] as const,
          ...(deal ? [['won', deal.won_date!.replace(' ', 'T')] as const] : []),
        ],
      };
    });
    insertLeads(ws, ZONE, leads);
  }, 120_000);
  afterAll(() => cleanup?.());

  /** Independent recomputation: plain SQL on the stage history, no metric_events. */
  function bySql(source: string | null): { n: number; d: number; days: number[] } {
    const rows = ws.db
      .prepare(
        `SELECT m.entered_at AS t0, (SELECT min(w.entered_at) FROM stage_events w JOIN stages ws ON ws.id = w.stage_id
           WHERE ws.key = 'won' AND w.lead_id = m.lead_id AND w.entered_at >= m.entered_at AND w.entered_at <= @asOf) AS t1
         FROM stage_events m JOIN stages ms ON ms.id = m.stage_id JOIN leads l ON l.id = m.lead_id
         WHERE ms.key = 'mql' AND m.entered_at >= @from AND m.entered_at < @to AND (@source IS NULL OR l.source = @source)`,
      )
      .all({
        from: local('2017-06-01T00:00', ZONE),
        to: local('2018-06-01T00:00', ZONE),
        asOf: scope.asOf,
        source,
      }) as Array<{ t0: number; t1: number | null }>;
    const days = rows
      .filter((r) => r.t1 !== null)
      .map((r) => r.t1! - r.t0)
      .sort((a, b) => a - b);
    return { n: days.length, d: rows.length, days };
  }

  it('equals the plain-SQL recomputation overall and by origin', () => {
    const all = computeReport(ws, scope).conversion[0]!;
    const sql = bySql(null);
    expect([all.numerator, all.denominator]).toEqual([sql.n, sql.d]);
    // SOURCE.md: 842 of 8000 won; one deal was won two days before its first contact, which is
    // not "at or after" the MQL entry, so 841 count.
    expect([all.numerator, all.denominator]).toEqual([841, 8000]);
    const v = computeReport(ws, scope).velocity[0]!;
    expect(v.n).toBe(841);
    expect(v.median_days).toBe(days1(quantile(sql.days, 0.5)));
    expect(v.p75_days).toBe(days1(quantile(sql.days, 0.75)));
    for (const [origin, [won, mqls]] of Object.entries(SOURCE_MD)) {
      const c = computeReport(ws, { ...scope, filters: { source: [origin] } }).conversion[0]!;
      const s = bySql(origin);
      expect([c.numerator, c.denominator], origin).toEqual([s.n, s.d]);
      expect([c.numerator, c.denominator], origin).toEqual([won - (origin === anomalyOrigin ? 1 : 0), mqls]);
    }
  });

  it('splits MQLs and wins by month like the data', () => {
    const month = computeReport(ws, { ...scope, from: '2018-02-01', to: '2018-02-28' });
    const d = ws.db
      .prepare(`SELECT count(*) AS n FROM leads WHERE created_at >= ? AND created_at < ?`)
      .get(local('2018-02-01T00:00', ZONE), local('2018-03-01T00:00', ZONE)) as { n: number };
    expect(month.period.kind).toBe('month');
    expect(month.flow.mql).toBe(d.n);
    expect(month.conversion[0]!.denominator).toBe(d.n);
  });
});

const mavenDir = path.resolve(projectRoot, '../shared/data/maven-crm-sales-opportunities');
const mavenPresent = fs.existsSync(path.join(mavenDir, 'sales_pipeline.csv'));
if (!mavenPresent) console.warn(`Skipping the Maven CRM metrics test: ${mavenDir} is absent.`);

describe.skipIf(!mavenPresent)('Maven CRM sales opportunities (public sample): pipeline velocity and win/loss', () => {
  const NY = 'America/New_York';
  let ws: Workspace;
  let cleanup: () => void;
  const scope = {
    from: '2017-01-01',
    to: '2017-12-31',
    filters: {},
    withinDays: null,
    asOf: Date.UTC(2018, 0, 1, 5),
    compare: false,
    pairs: [
      { from: 'opportunity', to: 'won' },
      { from: 'opportunity', to: 'lost' },
    ],
  };

  beforeAll(() => {
    const t = tempWorkspace(NY, 'maven');
    ws = t.ws;
    cleanup = t.cleanup;
    const rows = parse(fs.readFileSync(path.join(mavenDir, 'sales_pipeline.csv'), 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    }) as Array<Record<string, string>>;
    // Prospecting deals have no date at all and cannot be placed in time: left out.
    const leads: LeadSpec[] = rows
      .filter((r) => r.engage_date)
      .map((r) => ({
        id: r.opportunity_id!,
        owner: r.sales_agent!,
        source: r.product!,
        created: `${r.engage_date}T00:00`,
        events: [
          ['opportunity', `${r.engage_date}T00:00`] as const,
          ...(r.deal_stage === 'Won' || r.deal_stage === 'Lost'
            ? [[r.deal_stage === 'Won' ? 'won' : 'lost', `${r.close_date}T00:00`] as const]
            : []),
        ],
      }));
    insertLeads(ws, NY, leads);
  }, 120_000);
  afterAll(() => cleanup?.());

  it('matches plain SQL for cohort conversion, velocity and closings', () => {
    const r = computeReport(ws, scope);
    for (const c of r.conversion) {
      const rows = ws.db
        .prepare(
          `SELECT m.entered_at AS t0, (SELECT min(w.entered_at) FROM stage_events w JOIN stages ws ON ws.id = w.stage_id
             WHERE ws.key = @to AND w.lead_id = m.lead_id AND w.entered_at >= m.entered_at) AS t1
           FROM stage_events m JOIN stages ms ON ms.id = m.stage_id WHERE ms.key = 'opportunity' AND m.entered_at >= @from AND m.entered_at < @end`,
        )
        .all({ to: c.to, from: local('2017-01-01T00:00', NY), end: local('2018-01-01T00:00', NY) }) as Array<{
        t0: number;
        t1: number | null;
      }>;
      const days = rows
        .filter((x) => x.t1 !== null)
        .map((x) => x.t1! - x.t0)
        .sort((a, b) => a - b);
      expect([c.numerator, c.denominator], c.to).toEqual([days.length, rows.length]);
      const v = r.velocity.find((x) => x.to === c.to)!;
      expect([v.median_days, v.p75_days], c.to).toEqual([days1(quantile(days, 0.5)), days1(quantile(days, 0.75))]);
    }
    // SOURCE.md: 4238 won and 2473 lost, all closed in 2017, none with a reason.
    expect(r.flow).toMatchObject({ won: 4238, lost: 2473 });
    expect(r.winloss).toEqual([
      { outcome: 'won', reason: '(none)', count: 4238, share: 1 },
      { outcome: 'lost', reason: '(none)', count: 2473, share: 1 },
    ]);
    expect(r.no_reason).toMatchObject({ numerator: 6711, denominator: 6711 });
  });
});
