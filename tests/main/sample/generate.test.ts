import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../src/main/workspace/workspace';
import { generateSample, type SampleSummary } from '../../../src/main/sample/generate';
import { SLOW_OWNER } from '../../../src/main/sample/catalog';
import { computeReport } from '../../../src/main/metrics/service';
import { buildTimeline } from '../../../src/main/sample/timeline';
import { dayNumber } from '../../../src/main/sample/calendar';
import { revisionBody, DEFINITION_KINDS, type DefinitionKind } from '../../../src/shared/definitions/model';
import { LOCALES } from '../../../src/shared/domain/types';
import { AppError } from '../../../src/shared/errors';

const END = '2026-06-28';
const LEADS = 5000;
const DAY = 86_400_000;
const CUTOFF = Date.parse(`${END}T00:00:00Z`) + DAY;

let dir: string;
let ws: Workspace;
let summary: SampleSummary;

function make(name: string, seed: number, leads = LEADS, end = END): { ws: Workspace; summary: SampleSummary } {
  const w = Workspace.create(path.join(dir, name));
  return { ws: w, summary: generateSample(w, { seed, leads, end }) };
}

function all<T>(sql: string, ...params: unknown[]): T[] {
  return ws.db.prepare(sql).all(...params) as T[];
}

function one<T>(sql: string, ...params: unknown[]): T {
  return ws.db.prepare(sql).get(...params) as T;
}

/** Every table the sample writes, except the workspace's own creation time. */
function dump(w: Workspace): Record<string, unknown[]> {
  const tables = [
    'leads',
    'stage_events',
    'touches',
    'reasons',
    'definitions',
    'definition_revisions',
    'meetings',
    'decisions',
    'action_items',
    'import_batches',
    'marketing_spend',
  ];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = w.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all();
  // The meetings feature's records: snapshots frozen by its service, drill-downs, ratings.
  for (const t of ['snapshots', 'snapshot_drills', 'meeting_ratings'])
    out[t] = w.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
  out.settings = w.db.prepare("SELECT * FROM settings WHERE key <> 'workspace.createdAt' ORDER BY key").all();
  return out;
}

/** Working hours between two instants, Monday-Friday 09:00-18:00 at UTC-3 (the workspace zone), written independently of the generator. */
function businessHours(from: number, to: number): number {
  const offset = -3 * 3_600_000;
  let total = 0;
  for (let day = Math.floor((from + offset) / DAY); day <= Math.floor((to + offset) / DAY); day++) {
    const date = new Date(day * DAY);
    const dow = date.getUTCDay();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    if (dow === 0 || dow === 6 || (m === 12 && d >= 24) || (m === 1 && d === 1)) continue;
    const open = day * DAY + 9 * 3_600_000 - offset;
    const close = day * DAY + 18 * 3_600_000 - offset;
    total += Math.max(0, Math.min(close, to) - Math.max(open, from));
  }
  return total / 3_600_000;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-sample-'));
  ({ ws, summary } = make('sample.db', 7));
});

afterAll(() => {
  ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sample generator', () => {
  it('is deterministic: the same seed and end give identical tables, another seed differs', () => {
    const again = make('again.db', 7);
    const other = make('other.db', 8);
    try {
      expect(again.summary).toEqual(summary);
      expect(dump(again.ws)).toEqual(dump(ws));
      const otherDump = dump(other.ws);
      expect(otherDump.leads).not.toEqual(dump(ws).leads);
      expect(otherDump.stage_events).not.toEqual(dump(ws).stage_events);
      expect(otherDump.leads).toHaveLength(LEADS);
    } finally {
      again.ws.close();
      other.ws.close();
    }
  });

  it('has a year of monthly marketing spend for the paid channels, so the report shows cost per lead', () => {
    const spend = all<{ channel: string; months: number; total: number }>(
      'SELECT channel, count(DISTINCT month) AS months, sum(amount) AS total FROM marketing_spend GROUP BY channel ORDER BY channel',
    );
    expect(spend.map((s) => s.channel)).toEqual(['Events', 'Paid search', 'Web form', 'Webinar']);
    for (const s of spend) expect(s.months).toBeGreaterThanOrEqual(12);
    // The sample's last week (END is a Sunday).
    const report = computeReport(ws, {
      from: '2026-06-22',
      to: END,
      filters: {},
      withinDays: null,
      asOf: CUTOFF - 1,
      compare: false,
    });
    const usd = report.cost.find((c) => c.currency === 'USD');
    expect(usd?.spend).toBeGreaterThan(0);
    expect(usd?.per_lead).toBeGreaterThan(0);
    expect(usd?.by_channel.find((c) => c.channel === 'Paid search')?.leads).toBeGreaterThan(0);
  });

  it('writes the requested number of leads, all in one described import batch', () => {
    expect(summary.leads).toBe(LEADS);
    expect(summary.meetings).toBe(3);
    const counts = one<{ leads: number; events: number; touches: number }>(
      'SELECT (SELECT count(*) FROM leads) AS leads, (SELECT count(*) FROM stage_events) AS events, (SELECT count(*) FROM touches) AS touches',
    );
    expect(counts.leads).toBe(LEADS);
    expect(counts.events).toBe(summary.stageEvents);
    const batches = all<{ id: number; file_name: string; preset: string; file_hash: string; counts: string }>(
      'SELECT * FROM import_batches',
    );
    expect(batches).toHaveLength(1);
    const batch = batches[0]!;
    expect(batch).toMatchObject({ file_name: 'sample', preset: 'sample' });
    expect(batch.file_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(batch.counts)).toEqual({ leads: LEADS, stageEvents: counts.events, touches: counts.touches });
    for (const table of ['leads', 'stage_events', 'touches']) {
      expect(one<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE batch_id IS NOT ${batch.id}`).n).toBe(0);
    }
    const settings = Object.fromEntries(
      all<{ key: string; value: string }>('SELECT key, value FROM settings').map((r) => [
        r.key,
        JSON.parse(r.value) as unknown,
      ]),
    );
    expect(settings['workspace.timeZone']).toBe('America/Sao_Paulo');
    expect(settings['workspace.name']).toMatch(/Sample/);
    expect(Object.keys(settings).some((k) => k.startsWith('calendar') || k.includes('businessHours'))).toBe(false);
  });

  it('scales the number of leads with the option', () => {
    const small = make('small.db', 7, 300);
    try {
      expect(small.summary.leads).toBe(300);
      expect((small.ws.db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n).toBe(300);
    } finally {
      small.ws.close();
    }
  });

  it('keeps every record consistent in time and with the schema', () => {
    expect(one<{ n: number }>('SELECT count(*) AS n FROM stage_events WHERE entered_at >= ?', CUTOFF).n).toBe(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM touches WHERE touched_at >= ?', CUTOFF).n).toBe(0);
    expect(
      one<{ n: number }>('SELECT count(*) AS n FROM leads WHERE created_at >= ? OR assigned_at >= ?', CUTOFF, CUTOFF).n,
    ).toBe(0);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM meetings WHERE ended_at >= ?', CUTOFF).n).toBe(0);
    // A lead exists before anything happens to it.
    expect(
      one<{ n: number }>(
        'SELECT count(*) AS n FROM leads l WHERE created_at > (SELECT min(entered_at) FROM stage_events e WHERE e.lead_id = l.id)',
      ).n,
    ).toBe(0);
    // Events of a lead are written in time order, strictly increasing.
    expect(
      one<{ n: number }>(
        'SELECT count(*) AS n FROM stage_events a JOIN stage_events b ON b.lead_id = a.lead_id AND b.id > a.id WHERE b.entered_at <= a.entered_at',
      ).n,
    ).toBe(0);
    // Touches and assignment come after a hand-off.
    expect(
      one<{ n: number }>(
        `SELECT count(*) AS n FROM touches t WHERE NOT EXISTS (SELECT 1 FROM stage_events e JOIN stages s ON s.id = e.stage_id
           WHERE e.lead_id = t.lead_id AND s.key = 'mql' AND e.entered_at <= t.touched_at)`,
      ).n,
    ).toBe(0);
    expect(
      one<{ n: number }>(
        `SELECT count(*) AS n FROM leads l WHERE assigned_at IS NOT NULL AND assigned_at < (SELECT min(e.entered_at) FROM stage_events e
           JOIN stages s ON s.id = e.stage_id WHERE e.lead_id = l.id AND s.key = 'mql')`,
      ).n,
    ).toBe(0);
    // Won deals have an amount, a currency and a win reason; lost ones a loss reason on the lead when the event has one.
    const won = all<{ amount: number | null; currency: string | null; code: string | null }>(
      `SELECT amount, currency, outcome_reason_code AS code FROM leads l WHERE EXISTS
         (SELECT 1 FROM stage_events e JOIN stages s ON s.id = e.stage_id WHERE e.lead_id = l.id AND s.key = 'won')`,
    );
    expect(won.length).toBeGreaterThan(50);
    const winCodes = new Set(all<{ code: string }>("SELECT code FROM reasons WHERE kind = 'win'").map((r) => r.code));
    for (const w of won) {
      expect(w.amount).toBeGreaterThan(0);
      expect(w.currency).toMatch(/^[A-Z]{3}$/);
      expect(winCodes.has(w.code ?? '')).toBe(true);
    }
    // Exit reasons come from the taxonomy, with the right kind per exit.
    const wrongKind = one<{ n: number }>(
      `SELECT count(*) AS n FROM stage_events e JOIN stages s ON s.id = e.stage_id
       LEFT JOIN reasons r ON r.code = e.reason_code AND r.kind = CASE s.key WHEN 'lost' THEN 'loss' WHEN 'recycled' THEN 'recycle' ELSE 'rejection' END
       WHERE s.key IN ('lost', 'recycled', 'disqualified') AND e.reason_code IS NOT NULL AND r.id IS NULL`,
    );
    expect(wrongKind.n).toBe(0);
    const losses = one<{ total: number; missing: number }>(
      `SELECT count(*) AS total, sum(e.reason_code IS NULL) AS missing FROM stage_events e JOIN stages s ON s.id = e.stage_id WHERE s.key = 'lost'`,
    );
    expect(losses.missing / losses.total).toBeGreaterThan(0.04);
    expect(losses.missing / losses.total).toBeLessThan(0.18);
    expect(
      one<{ n: number }>(
        "SELECT count(*) AS n FROM stage_events e JOIN stages s ON s.id = e.stage_id WHERE s.key IN ('recycled', 'disqualified') AND e.reason_code IS NULL",
      ).n,
    ).toBe(0);
    // Free text is sometimes Portuguese or Spanish, as reps type it.
    const texts = all<{ t: string }>(
      'SELECT DISTINCT reason_text AS t FROM stage_events WHERE reason_text IS NOT NULL',
    ).map((r) => r.t);
    expect(texts).toEqual(expect.arrayContaining(['Achou caro', 'Muy caro']));
    // Custom fields are JSON objects with the two sample fields.
    const custom = JSON.parse(one<{ custom: string }>('SELECT custom FROM leads WHERE id = 1').custom) as Record<
      string,
      unknown
    >;
    expect(custom).toEqual({ industry: expect.any(String), employees: expect.any(Number) });
  });

  it('tells the story the review needs: skips, moves back, recycling and return, open leads at the end', () => {
    const n = (sql: string) => one<{ n: number }>(sql).n;
    expect(
      n(
        "SELECT count(*) AS n FROM leads l WHERE NOT EXISTS (SELECT 1 FROM stage_events e JOIN stages s ON s.id = e.stage_id WHERE e.lead_id = l.id AND s.key = 'lead')",
      ),
    ).toBeGreaterThan(0);
    expect(
      n(`SELECT count(*) AS n FROM (SELECT e.lead_id FROM stage_events e JOIN stages s ON s.id = e.stage_id WHERE s.key IN ('sal', 'sql', 'opportunity')
         GROUP BY e.lead_id, e.stage_id HAVING count(*) > 1)`),
    ).toBeGreaterThan(0);
    expect(
      n(`SELECT count(DISTINCT r.lead_id) AS n FROM stage_events r JOIN stages rs ON rs.id = r.stage_id AND rs.key = 'recycled'
         JOIN stage_events m ON m.lead_id = r.lead_id AND m.entered_at > r.entered_at JOIN stages ms ON ms.id = m.stage_id AND ms.key = 'mql'`),
    ).toBeGreaterThan(20);
    // Leads that entered in the last two weeks have no outcome yet.
    expect(
      n(`SELECT count(*) AS n FROM leads l WHERE created_at >= ${CUTOFF - 14 * DAY} AND EXISTS
         (SELECT 1 FROM stage_events e JOIN stages s ON s.id = e.stage_id WHERE e.lead_id = l.id AND s.key IN ('won', 'lost'))`),
    ).toBe(0);
    // Business-like hours: sales-side events almost never land on a weekend.
    const weekend = one<{ share: number }>(
      `SELECT avg(CAST(strftime('%w', entered_at / 1000, 'unixepoch', '-3 hours') AS INTEGER) IN (0, 6)) AS share
       FROM stage_events e JOIN stages s ON s.id = e.stage_id WHERE s.key IN ('sal', 'sql', 'opportunity', 'won', 'lost')`,
    );
    expect(weekend.share).toBeLessThan(0.05);
    expect(
      all<{ owner: string }>('SELECT DISTINCT owner FROM leads WHERE owner IS NOT NULL').length,
    ).toBeGreaterThanOrEqual(6);
  });

  it('lands conversion rates near the benchmarks', () => {
    const rate = (from: string, to: string, before: number): { n: number; rate: number } =>
      one<{ n: number; rate: number }>(
        `WITH firsts AS (SELECT e.lead_id, min(e.entered_at) AS at FROM stage_events e JOIN stages s ON s.id = e.stage_id WHERE s.key = ? GROUP BY e.lead_id)
         SELECT count(*) AS n, avg(EXISTS (SELECT 1 FROM stage_events x JOIN stages xs ON xs.id = x.stage_id
           WHERE x.lead_id = f.lead_id AND xs.key = ? AND x.entered_at >= f.at)) AS rate
         FROM firsts f WHERE f.at < ?`,
        from,
        to,
        before,
      );
    const mqlToSal = rate('mql', 'sal', CUTOFF - 30 * DAY);
    expect(mqlToSal.n).toBeGreaterThan(1000);
    expect(mqlToSal.rate).toBeGreaterThan(0.3);
    expect(mqlToSal.rate).toBeLessThan(0.55);
    // Closed cohorts: SQLs old enough that nearly all of them have an outcome.
    const sqlToWon = rate('sql', 'won', CUTOFF - 150 * DAY);
    expect(sqlToWon.n).toBeGreaterThan(150);
    expect(sqlToWon.rate).toBeGreaterThan(0.15);
    expect(sqlToWon.rate).toBeLessThan(0.4);
  });

  it('has one owner who is clearly worse at following up within 4 business hours', () => {
    const rows = all<{ owner: string; handoff: number; touch: number | null }>(
      `SELECT l.owner, min(e.entered_at) AS handoff,
         (SELECT min(t.touched_at) FROM touches t WHERE t.lead_id = l.id AND t.touched_at >= min(e.entered_at)) AS touch
       FROM stage_events e JOIN stages s ON s.id = e.stage_id AND s.key = 'mql' JOIN leads l ON l.id = e.lead_id
       GROUP BY l.id`,
    );
    const byOwner = new Map<string, { met: number; breached: number }>();
    for (const r of rows) {
      const s = byOwner.get(r.owner) ?? { met: 0, breached: 0 };
      byOwner.set(r.owner, s);
      const waited = businessHours(r.handoff, r.touch ?? CUTOFF);
      if (r.touch !== null && waited <= 4) s.met++;
      else if (waited > 4) s.breached++;
    }
    const breachRate = [...byOwner].map(([owner, s]) => ({
      owner,
      rate: s.breached / (s.met + s.breached),
      n: s.met + s.breached,
    }));
    breachRate.sort((a, b) => b.rate - a.rate);
    const [worst, next] = breachRate;
    expect(worst!.owner).toBe(SLOW_OWNER);
    expect(worst!.n).toBeGreaterThan(100);
    expect(worst!.rate).toBeGreaterThan(next!.rate + 0.15);
    const others = breachRate.slice(1);
    const othersRate = others.reduce((a, o) => a + o.rate * o.n, 0) / others.reduce((a, o) => a + o.n, 0);
    expect(worst!.rate).toBeGreaterThan(2.5 * othersRate);
    // Some handed-over leads were never touched: recent ones pending, a few old ones nobody worked.
    expect(rows.filter((r) => r.touch === null && r.handoff < CUTOFF - 30 * DAY).length).toBeGreaterThan(0);
  });

  it('shows one dip: three weeks with clearly fewer leads and MQLs', () => {
    const timeline = buildTimeline(dayNumber(END));
    const weekly = (key: string) =>
      all<{ week: number; n: number }>(
        `SELECT (e.entered_at / ${DAY} - ${timeline.startDay}) / 7 AS week, count(*) AS n FROM stage_events e JOIN stages s ON s.id = e.stage_id
         WHERE s.key = ? GROUP BY week ORDER BY week`,
        key,
      );
    const dipWeeks = new Set([0, 1, 2].map((i) => Math.floor((timeline.dipFromDay - timeline.startDay) / 7) + i));
    const leads = weekly('lead');
    const inDip = leads.filter((w) => dipWeeks.has(w.week)).map((w) => w.n);
    const around = leads
      .filter((w) => !dipWeeks.has(w.week) && Math.abs(w.week - [...dipWeeks][0]!) <= 8)
      .map((w) => w.n);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(inDip).toHaveLength(3);
    expect(avg(inDip)).toBeLessThan(0.75 * avg(around));
    const mqls = weekly('mql');
    const mqlDip = avg(mqls.filter((w) => dipWeeks.has(w.week)).map((w) => w.n));
    const mqlAround = avg(
      mqls.filter((w) => !dipWeeks.has(w.week) && Math.abs(w.week - [...dipWeeks][0]!) <= 8).map((w) => w.n),
    );
    expect(mqlDip).toBeLessThan(0.85 * mqlAround);
  });

  it('stores valid definitions with two effective-dated MQL revisions, a proposed one, and SLA terms v2', () => {
    const revisions = all<{
      kind: string;
      key: string;
      version: number;
      status: string;
      body: string;
      effective_from: number | null;
      marketing_approved_by: string | null;
      sales_approved_by: string | null;
      marketing_approved_at: number | null;
      sales_approved_at: number | null;
    }>(
      'SELECT d.kind, d.key, r.* FROM definition_revisions r JOIN definitions d ON d.id = r.definition_id ORDER BY d.id, r.version',
    );
    const isKind = (k: string): k is DefinitionKind => (DEFINITION_KINDS as readonly string[]).includes(k);
    for (const r of revisions) {
      const kind = r.kind;
      if (!isKind(kind)) throw new Error(`unexpected kind ${kind}`);
      expect(() => revisionBody[kind].parse(JSON.parse(r.body))).not.toThrow();
      if (r.status === 'effective' || r.status === 'superseded') {
        expect(
          r.marketing_approved_by &&
            r.sales_approved_by &&
            r.marketing_approved_at &&
            r.sales_approved_at &&
            r.effective_from,
        ).toBeTruthy();
      }
    }
    expect(
      one<{ n: number }>(
        'SELECT count(*) AS n FROM definition_revisions WHERE proposed_at IS NULL OR proposed_at > coalesce(decided_at, proposed_at)',
      ).n,
    ).toBe(0);
    expect(new Set(revisions.map((r) => r.kind))).toEqual(
      new Set(['market', 'icp', 'stage_criteria', 'sla_terms', 'reason_taxonomy']),
    );
    const mql = revisions.filter((r) => r.key === 'mql_criteria');
    expect(mql.map((r) => r.status)).toEqual(['superseded', 'effective', 'proposed']);
    expect(mql[1]!.effective_from).toBeGreaterThan(mql[0]!.effective_from!);
    expect(CUTOFF - mql[1]!.effective_from!).toBeGreaterThan(100 * DAY);
    expect(CUTOFF - mql[1]!.effective_from!).toBeLessThan(140 * DAY);
    expect(revisions.filter((r) => r.key === 'sla').map((r) => r.status)).toEqual(['superseded', 'effective']);
    expect(revisions.some((r) => r.key === 'sal_criteria')).toBe(true);
    // The data follows the definitions in force: after v2, MQLs are mid-market or enterprise with a score of 60 or more.
    const after = one<{ n: number; conforming: number }>(
      `SELECT count(*) AS n, sum(l.score >= 60 AND l.segment IN ('Mid-market', 'Enterprise')) AS conforming
       FROM stage_events e JOIN stages s ON s.id = e.stage_id AND s.key = 'mql' JOIN leads l ON l.id = e.lead_id WHERE e.entered_at >= ?`,
      mql[1]!.effective_from,
    );
    expect(after.conforming / after.n).toBeGreaterThan(0.9);
    const before = one<{ n: number; conforming: number }>(
      `SELECT count(*) AS n, sum(l.score >= 50) AS conforming FROM stage_events e JOIN stages s ON s.id = e.stage_id AND s.key = 'mql'
       JOIN leads l ON l.id = e.lead_id WHERE e.entered_at < ?`,
      mql[1]!.effective_from,
    );
    expect(before.conforming / before.n).toBeGreaterThan(0.9);
  });

  it('inserts the reason taxonomy labelled in all five locales', () => {
    const reasons = all<{ kind: string; code: string; labels: string }>('SELECT kind, code, labels FROM reasons');
    expect(reasons.map((r) => `${r.kind}:${r.code}`).sort()).toEqual(
      [
        'loss:price',
        'loss:competitor',
        'loss:no_budget',
        'loss:no_decision',
        'loss:timing',
        'loss:missing_feature',
        'rejection:not_icp',
        'rejection:bad_contact',
        'rejection:student',
        'rejection:duplicate',
        'recycle:not_ready',
        'recycle:timing_later',
        'win:best_fit',
        'win:relationship',
        'win:price_value',
      ].sort(),
    );
    for (const r of reasons) {
      const labels = JSON.parse(r.labels) as Record<string, string>;
      for (const l of LOCALES) expect(labels[l], `${r.code} ${l}`).toMatch(/\S/);
    }
  });

  it('records three ended weekly meetings with decisions and carried action items', () => {
    const meetings = all<{
      id: number;
      status: string;
      started_at: number;
      ended_at: number;
      attendees: string;
      agenda: string;
      week_start: string;
    }>('SELECT * FROM meetings ORDER BY started_at');
    expect(meetings).toHaveLength(3);
    for (const [i, m] of meetings.entries()) {
      expect(m.status).toBe('ended');
      expect(m.ended_at).toBeGreaterThan(m.started_at);
      // The agenda clock: every step reached in order, except win/loss in the last review.
      const agenda = JSON.parse(m.agenda) as {
        steps: Array<{ kind: string; reachedAt: number | null; spentMs: number }>;
        current: number | null;
      };
      expect(agenda.current).toBeNull();
      const reached = agenda.steps.filter((s) => s.reachedAt !== null);
      expect(agenda.steps.filter((s) => s.reachedAt === null).map((s) => s.kind)).toEqual(i === 2 ? ['winloss'] : []);
      expect(reached[0]!.reachedAt).toBe(m.started_at);
      expect(reached.map((s) => s.reachedAt)).toEqual([...reached.map((s) => s.reachedAt)].sort((x, y) => x! - y!));
      expect(agenda.steps.reduce((a, s) => a + s.spentMs, 0)).toBe(m.ended_at - m.started_at);
      expect(
        one<{ n: number }>(
          'SELECT count(*) AS n FROM meeting_ratings WHERE meeting_id = ? AND rating BETWEEN 1 AND 10',
          m.id,
        ).n,
      ).toBe(3);
      expect(JSON.parse(m.attendees)).toHaveLength(3);
      if (i > 0) expect(m.started_at - meetings[i - 1]!.started_at).toBeGreaterThan(6 * DAY);
      expect(one<{ n: number }>('SELECT count(*) AS n FROM decisions WHERE meeting_id = ?', m.id).n).toBeGreaterThan(0);
      expect(one<{ n: number }>('SELECT count(*) AS n FROM action_items WHERE meeting_id = ?', m.id).n).toBeGreaterThan(
        0,
      );
    }
    expect(CUTOFF - meetings[2]!.started_at).toBeLessThan(7 * DAY);
    // As the meetings feature records them: nothing is left open in an ended meeting.
    const statuses = new Set(all<{ status: string }>('SELECT status FROM action_items').map((r) => r.status));
    expect(statuses).toEqual(new Set(['done', 'not_done', 'carried']));
    // Each carried item has an open copy in the next meeting, except the last meeting's, which wait for the next one.
    const carried = all<{ id: number; meeting_id: number; copies: number }>(
      `SELECT a.id, a.meeting_id, (SELECT count(*) FROM action_items c WHERE c.carried_from_id = a.id) AS copies
       FROM action_items a WHERE a.status = 'carried'`,
    );
    for (const c of carried) expect(c.copies).toBe(c.meeting_id === meetings[2]!.id ? 0 : 1);
    expect(
      one<{ n: number }>(
        `SELECT count(*) AS n FROM action_items c JOIN action_items o ON o.id = c.carried_from_id
         WHERE o.status <> 'carried' OR c.meeting_id <= o.meeting_id OR c.text <> o.text OR c.owner <> o.owner OR c.due_date <> o.due_date`,
      ).n,
    ).toBe(0);
    // The longest carry-over chain spans all three meetings.
    const chain = one<{ depth: number }>(
      `WITH RECURSIVE c(id, depth) AS (SELECT id, 1 FROM action_items WHERE carried_from_id IS NULL
         UNION ALL SELECT a.id, c.depth + 1 FROM action_items a JOIN c ON a.carried_from_id = c.id) SELECT max(depth) AS depth FROM c`,
    );
    expect(chain.depth).toBe(3);
    expect(
      one<{ n: number }>(
        'SELECT count(*) AS n FROM action_items a JOIN meetings m ON m.id = a.meeting_id WHERE a.closed_at < m.started_at OR a.closed_at > m.ended_at',
      ).n,
    ).toBe(0);
    // Each review has the snapshot the meetings feature froze at its start: figures as of then.
    const snapshots = all<{ meeting_id: number; taken_at: number; period_from: string; figures: string }>(
      'SELECT * FROM snapshots ORDER BY meeting_id',
    );
    expect(snapshots.map((x) => [x.meeting_id, x.taken_at, x.period_from])).toEqual(
      meetings.map((m) => [m.id, m.started_at, m.week_start]),
    );
    for (const x of snapshots) {
      const figures = JSON.parse(x.figures) as {
        asOf: number;
        report: { as_of: number; flow: Record<string, number> };
        scorecard: { weeks: unknown[] };
      };
      expect(figures.asOf).toBe(x.taken_at);
      expect(figures.report.as_of).toBe(x.taken_at);
      expect(figures.report.flow.mql).toBeGreaterThan(0);
      expect(figures.scorecard.weeks).toHaveLength(13);
    }
  });

  it('refuses bad options and a workspace that already has leads, changing nothing', () => {
    const target = Workspace.create(path.join(dir, 'bad.db'));
    try {
      for (const options of [
        { seed: -1, leads: 10 },
        { seed: 1, leads: 0 },
        { seed: 1, leads: 10, end: '2026-02-30' },
        { seed: 1.5, leads: 10 },
      ]) {
        expect(() => generateSample(target, options)).toThrow(AppError);
      }
      expect((target.db.prepare('SELECT count(*) AS n FROM leads').get() as { n: number }).n).toBe(0);
    } finally {
      target.close();
    }
    let error: unknown;
    try {
      generateSample(ws, { seed: 1, leads: 10, end: END });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('sample.notEmpty');
    expect(one<{ n: number }>('SELECT count(*) AS n FROM leads').n).toBe(LEADS);
  });
});
