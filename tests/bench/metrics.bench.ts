/**
 * Metrics on a 1,000,000-lead workspace (about 3.9M stage events): the full weekly review set
 * (every figure for one week, with the previous week and the same week a year earlier) and a
 * filtered re-query (one segment), each against DuckDB computing the same figures from the same
 * data loaded in memory. Also times building that workspace the way bulk writers do.
 *
 * The workspace is cached under os.tmpdir() keyed by generator and schema version, so only the
 * first run pays for building it. BENCH_LEADS overrides the size (e.g. 100000).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Workspace } from '../../src/main/workspace/workspace';
import { WorkspaceRepository } from '../../src/main/workspace/repository';
import { computeReport, computeWeekFigures } from '../../src/main/metrics/service';
import { computeReportOn, computeWeekOn, PeriodPool } from '../../src/main/metrics/period-pool';
import { inTurns, keyPairList, keyPairs, trendWeeks, TREND_WEEKS, WEEKS_AT_ONCE } from '../../src/shared/metrics/trend';
import { loadCalendar } from '../../src/main/calendar/settings';
import { MetricsRefresh } from '../../src/main/metrics/refresh';
import { latestVersion } from '../../src/main/db/migrate';
import { migrations } from '../../src/main/db/migrations';
import { BusinessCalendar } from '../../src/shared/calendar/business-hours';
import {
  periodRange,
  previousPeriod,
  yearAgoPeriod,
  classifyPeriod,
  type Period,
} from '../../src/shared/metrics/period';
import type { Report, PeriodFigures } from '../../src/shared/metrics/types';
import { generateSynthetic, SYNTHETIC_VERSION } from '../fixtures/metrics/synthetic';

const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const END = Date.UTC(2026, 10, 23, 3); // Monday 23 November 2026 00:00 in São Paulo
const ZONE = 'America/Sao_Paulo';
const WEEK = { from: '2026-11-16', to: '2026-11-22' };
const AS_OF = END + 9 * 3_600_000;
const SEGMENT = 'Enterprise';
const TARGET_FULL_MS = 200;
const TARGET_FILTERED_MS = 50;
const RUNS = 5;

interface BuildFigures {
  readonly leads: number;
  readonly events: number;
  readonly insertMs: number;
  readonly refreshMs: number;
}

function cacheFile(): string {
  const dir = path.join(os.tmpdir(), 'funnel-review-bench');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `metrics-synthetic-v${SYNTHETIC_VERSION}-schema${latestVersion(migrations)}-${LEADS}.db`);
}

function fresh(file: string): Workspace {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const ws = Workspace.create(file, { name: 'bench', timeZone: ZONE });
  // Bulk build: durability is not what is measured here.
  ws.db.pragma('synchronous = OFF');
  return ws;
}

/**
 * Builds the cached workspace as the importer writes: migration 3's row triggers dropped for the
 * batch and metric_events refreshed set-based before commit (src/main/metrics/refresh.ts), timed.
 */
function build(file: string): BuildFigures {
  const progress = (done: number) => {
    if (done % 200_000 === 0 || done === LEADS) console.log(`  ${done.toLocaleString('en')} leads`);
  };
  const tmp = `${file}.building`;
  const ws = fresh(tmp);
  const figures = new MetricsRefresh(ws.db);
  let t0 = performance.now();
  let made = { leads: 0, events: 0 };
  let insertMs = 0;
  ws.db.transaction(() => {
    figures.defer();
    made = generateSynthetic(ws.db, { leads: LEADS, seed: 7, end: END, onProgress: progress });
    insertMs = performance.now() - t0;
    t0 = performance.now();
    figures.refresh();
  })();
  const refreshMs = performance.now() - t0;
  ws.db.exec('ANALYZE');
  ws.db.pragma('wal_checkpoint(TRUNCATE)');
  ws.close();
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(tmp, file);
  const built = { leads: made.leads, events: made.events, insertMs, refreshMs };
  fs.writeFileSync(`${file}.json`, JSON.stringify(built));
  return built;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timeIt<T>(fn: () => T | Promise<T>): Promise<{ ms: number; min: number; value: T }> {
  let value = await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    value = await fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), min: Math.min(...times), value };
}

/** Copies the raw tables (not our aggregate) into an in-memory DuckDB. */
async function loadDuck(ws: Workspace, calendar: BusinessCalendar): Promise<DuckDBConnection> {
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  await con.run(`CREATE TABLE stages (id INTEGER, key VARCHAR, position INTEGER, kind VARCHAR, age DOUBLE);
    CREATE TABLE leads (id INTEGER, segment VARCHAR, source VARCHAR, owner VARCHAR, created_at DOUBLE, assigned_at DOUBLE, outcome VARCHAR);
    CREATE TABLE ev (lead_id INTEGER, stage_id INTEGER, entered_at DOUBLE, reason VARCHAR);
    CREATE TABLE touches (lead_id INTEGER, touched_at DOUBLE);
    CREATE TABLE cal (start DOUBLE, "end" DOUBLE, before DOUBLE, total DOUBLE);`);
  const copy = async (table: string, sql: string, kinds: Array<'i' | 'd' | 's'>) => {
    const app = await con.createAppender(table);
    for (const row of ws.db.prepare(sql).raw().iterate() as Iterable<unknown[]>) {
      kinds.forEach((k, i) => {
        const v = row[i];
        if (v === null || v === undefined) app.appendNull();
        else if (k === 'i') app.appendInteger(Number(v));
        else if (k === 'd') app.appendDouble(Number(v));
        else app.appendVarchar(String(v));
      });
      app.endRow();
    }
    app.closeSync();
  };
  await copy('stages', 'SELECT id, key, position, kind, allowed_age_days FROM stages', ['i', 's', 'i', 's', 'd']);
  await copy('leads', 'SELECT id, segment, source, owner, created_at, assigned_at, outcome_reason_code FROM leads', [
    'i',
    's',
    's',
    's',
    'd',
    'd',
    's',
  ]);
  await copy('ev', 'SELECT lead_id, stage_id, entered_at, reason_code FROM stage_events', ['i', 'i', 'd', 's']);
  await copy('touches', 'SELECT lead_id, touched_at FROM touches', ['i', 'd']);
  // The same working time our calendar uses, as intervals with running totals.
  const app = await con.createAppender('cal');
  let total = 0;
  for (const [s, e] of calendar.intervals(END - 800 * 86_400_000, END + 400 * 86_400_000)) {
    app.appendDouble(s);
    app.appendDouble(e);
    app.appendDouble(total);
    total += e - s;
    app.appendDouble(total);
    app.endRow();
  }
  app.closeSync();
  return con;
}

interface DuckFigures {
  flow: Record<string, number>;
  conversion: Record<string, { d: number; n: number; open: number; med: number | null; p75: number | null }>;
  spans: Record<string, { start: number; end: number; stalled: number }>;
  followup: { met: number; breached: number; pending: number; arbitration: number };
  closings: number;
}

/** The same figures in DuckDB SQL over the raw tables, for one period (our definitions, written independently). */
async function duckPeriod(
  con: DuckDBConnection,
  ws: Workspace,
  period: Period,
  asOf: number,
  segment: string | null,
): Promise<DuckFigures> {
  const stages = ws.repo(WorkspaceRepository).stages();
  const id = (k: string) => stages.find((s) => s.key === k)!.id;
  const funnel = stages.filter((s) => s.kind === 'funnel');
  const exits = stages.filter((s) => s.kind !== 'funnel').map((s) => s.id);
  const won = id('won');
  const pairs: Array<[number, number]> = [];
  funnel.forEach((s, i) => pairs.push([s.id, funnel[i + 1]?.id ?? won]));
  for (const s of funnel) if (!pairs.some(([a, b]) => a === s.id && b === won)) pairs.push([s.id, won]);
  const r = periodRange(period, ZONE);
  const from = r.fromMs;
  const end = Math.min(r.toMs, asOf + 1);
  const e =
    segment === null ? 'ev' : `(SELECT ev.* FROM ev JOIN leads l ON l.id = ev.lead_id WHERE l.segment = '${segment}')`;
  const all = async (sql: string) =>
    (await con.runAndReadAll(sql)).getRowObjectsJS() as Array<Record<string, number | string | null>>;
  const [flowRows, convRows, velRows, spanRows, fuRows, closeRows] = await Promise.all([
    all(
      `SELECT stage_id, count(*) AS n FROM ${e} WHERE entered_at >= ${from} AND entered_at < ${end} GROUP BY stage_id`,
    ),
    all(`WITH e AS (SELECT * FROM ${e}),
      c AS (SELECT stage_id AS a, lead_id, min(entered_at) AS t0 FROM e WHERE stage_id IN (${funnel.map((s) => s.id)}) AND entered_at >= ${from} AND entered_at < ${end} GROUP BY ALL),
      r AS (SELECT c.a, c.lead_id, x.stage_id AS b FROM c JOIN e x ON x.lead_id = c.lead_id AND x.entered_at >= c.t0 AND x.entered_at <= ${asOf} GROUP BY ALL),
      per AS (SELECT a, lead_id, list(b) AS bs, bool_or(b IN (${exits})) AS exited FROM r GROUP BY ALL),
      p AS (SELECT * FROM (VALUES ${pairs.map(([a, b]) => `(${a}, ${b})`).join(', ')}) t(a, b))
      SELECT p.a, p.b, count(*) AS d, count(*) FILTER (WHERE list_contains(bs, p.b)) AS n,
        count(*) FILTER (WHERE NOT list_contains(bs, p.b) AND NOT exited) AS open
      FROM per JOIN p ON per.a = p.a GROUP BY ALL`),
    all(`WITH e AS (SELECT * FROM ${e}),
      c AS (SELECT stage_id AS a, lead_id, min(entered_at) AS t0 FROM e WHERE stage_id IN (${funnel.map((s) => s.id)}) AND entered_at >= ${from} AND entered_at < ${end} GROUP BY ALL),
      r AS (SELECT c.a, x.stage_id AS b, min(x.entered_at) - c.t0 AS dt FROM c JOIN e x ON x.lead_id = c.lead_id AND x.entered_at >= c.t0 AND x.entered_at <= ${asOf} GROUP BY c.a, c.lead_id, c.t0, x.stage_id)
      SELECT a, b, quantile_cont(dt, 0.5) AS med, quantile_cont(dt, 0.75) AS p75 FROM r GROUP BY ALL`),
    all(`WITH s AS (SELECT e.stage_id, e.entered_at, st.age, lead(e.entered_at) OVER (PARTITION BY e.lead_id ORDER BY e.entered_at, st.position, st.id) AS left_at
        FROM ${e} e JOIN stages st ON st.id = e.stage_id)
      SELECT stage_id,
        count(*) FILTER (WHERE entered_at < ${from} AND (left_at IS NULL OR left_at >= ${from})) AS start,
        count(*) FILTER (WHERE entered_at < ${end} AND (left_at IS NULL OR left_at >= ${end})) AS "end",
        count(*) FILTER (WHERE entered_at < ${end} - age * 86400000 AND (left_at IS NULL OR left_at >= ${end})) AS stalled
      FROM s WHERE stage_id IN (${funnel.map((s) => s.id)}) GROUP BY stage_id`),
    all(`WITH e AS (SELECT * FROM ${e}),
      h AS (SELECT lead_id, min(entered_at) AS t0 FROM e WHERE stage_id = ${id('mql')} AND entered_at >= ${from} AND entered_at < ${end} GROUP BY ALL),
      tt AS (SELECT h.lead_id, min(x.touched_at) AS touch FROM h JOIN touches x ON x.lead_id = h.lead_id AND x.touched_at >= h.t0 GROUP BY ALL),
      wk AS (SELECT DISTINCT h.lead_id FROM h JOIN e x ON x.lead_id = h.lead_id AND x.entered_at >= h.t0 AND x.entered_at <= ${asOf} AND x.stage_id IN (${[id('sal'), ...exits]})),
      cum AS (SELECT h.lead_id, h.t0, coalesce(c.before + least(h.t0, c."end") - c.start, 0) + 4 * 3600000 AS target FROM h ASOF LEFT JOIN cal c ON h.t0 >= c.start),
      dl AS (SELECT cum.lead_id, d.start + (cum.target - d.before) AS deadline FROM cum ASOF JOIN cal d ON cum.target <= d.total),
      j AS (SELECT dl.deadline, CASE WHEN tt.touch <= ${asOf} THEN tt.touch END AS touch, wk.lead_id IS NOT NULL AS worked FROM dl LEFT JOIN tt USING (lead_id) LEFT JOIN wk USING (lead_id))
      SELECT count(*) FILTER (WHERE touch IS NOT NULL AND touch <= deadline) AS met,
        count(*) FILTER (WHERE (touch IS NOT NULL AND touch > deadline) OR (touch IS NULL AND ${asOf} >= deadline)) AS breached,
        count(*) FILTER (WHERE touch IS NULL AND ${asOf} < deadline) AS pending,
        count(*) FILTER (WHERE touch IS NULL AND ${asOf} >= deadline AND NOT worked) AS arbitration FROM j`),
    all(`WITH c AS (SELECT e.lead_id, e.stage_id, min(e.entered_at) AS t FROM ${e} e WHERE e.stage_id IN (${won}, ${id('lost')}) AND e.entered_at >= ${from} AND e.entered_at < ${end} GROUP BY ALL)
      , z AS (SELECT l.segment, l.source, l.owner, coalesce(x.reason, l.outcome, '(none)') AS why, c.t - l.created_at AS life
        FROM c JOIN leads l ON l.id = c.lead_id JOIN ev x ON x.lead_id = c.lead_id AND x.stage_id = c.stage_id AND x.entered_at = c.t)
      SELECT segment, source, owner, why, count(*) AS n, quantile_cont(life, 0.5) AS life FROM z
      GROUP BY GROUPING SETS ((why), (segment, why), (source, why), (owner, why))`),
  ]);
  const key = (sid: number) => stages.find((s) => s.id === sid)!.key;
  const num = (v: unknown) => Number(v ?? 0);
  const conversion: DuckFigures['conversion'] = {};
  for (const row of convRows) {
    const v = velRows.find((x) => x.a === row.a && x.b === row.b);
    conversion[`${key(num(row.a))}>${key(num(row.b))}`] = {
      d: num(row.d),
      n: num(row.n),
      open: num(row.open),
      med: v ? Number(v.med) : null,
      p75: v ? Number(v.p75) : null,
    };
  }
  const fu = fuRows[0]!;
  return {
    flow: Object.fromEntries(flowRows.map((x) => [key(num(x.stage_id)), num(x.n)])),
    conversion,
    spans: Object.fromEntries(
      spanRows.map((x) => [key(num(x.stage_id)), { start: num(x.start), end: num(x.end), stalled: num(x.stalled) }]),
    ),
    followup: {
      met: num(fu.met),
      breached: num(fu.breached),
      pending: num(fu.pending),
      arbitration: num(fu.arbitration),
    },
    closings: closeRows
      .filter((x) => x.segment === null && x.source === null && x.owner === null)
      .reduce((a, x) => a + num(x.n), 0),
  };
}

async function duckReport(
  con: DuckDBConnection,
  ws: Workspace,
  period: Period,
  segment: string | null,
): Promise<DuckFigures[]> {
  const shift = (p: Period) => periodRange(period, ZONE).fromMs - periodRange(p, ZONE).fromMs;
  const prev = previousPeriod(period);
  const yago = yearAgoPeriod(period);
  return Promise.all([
    duckPeriod(con, ws, period, AS_OF, segment),
    duckPeriod(con, ws, prev, AS_OF - shift(prev), segment),
    duckPeriod(con, ws, yago, AS_OF - shift(yago), segment),
  ]);
}

/** Lists where DuckDB and our engine disagree (empty when every compared figure matches). */
function differences(ours: PeriodFigures, duck: DuckFigures): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(ours.flow))
    if ((duck.flow[k] ?? 0) !== v) out.push(`flow ${k}: ${v} vs ${duck.flow[k] ?? 0}`);
  for (const c of ours.conversion) {
    const d = duck.conversion[`${c.from}>${c.to}`];
    const ms = (days: number | null) => (days === null ? null : Math.round(days * 10) / 10);
    if ((d?.d ?? 0) !== c.denominator || (d?.n ?? 0) !== c.numerator || (d?.open ?? 0) !== c.open)
      out.push(
        `conversion ${c.from}>${c.to}: ${c.numerator}/${c.denominator} open ${c.open} vs ${d?.n}/${d?.d} open ${d?.open}`,
      );
    const v = ours.velocity.find((x) => x.from === c.from && x.to === c.to)!;
    if (d && d.n > 0 && ms(v.median_days) !== Math.round((d.med ?? 0) / 8_640_000) / 10)
      out.push(`velocity ${c.from}>${c.to}: ${v.median_days} vs ${(d.med ?? 0) / 86_400_000}`);
  }
  for (const w of ours.waterfall) {
    const d = duck.spans[w.stage];
    if (!d || d.start !== w.start || d.end !== w.end || d.stalled !== w.stalled_end)
      out.push(`spans ${w.stage}: ${w.start}/${w.end}/${w.stalled_end} vs ${d?.start}/${d?.end}/${d?.stalled}`);
  }
  const f = ours.sla.followup;
  const df = duck.followup;
  if (
    f.met !== df.met ||
    f.breached !== df.breached ||
    f.pending !== df.pending ||
    ours.sla.arbitration.count !== df.arbitration
  ) {
    out.push(
      `follow-up ${f.met}/${f.breached}/${f.pending}/${ours.sla.arbitration.count} vs ${df.met}/${df.breached}/${df.pending}/${df.arbitration}`,
    );
  }
  const closings = ours.winloss.reduce((a, w) => a + w.count, 0);
  if (closings !== duck.closings) out.push(`closings ${closings} vs ${duck.closings}`);
  return out;
}

export async function run(): Promise<void> {
  const file = cacheFile();
  let built: BuildFigures;
  if (fs.existsSync(file) && fs.existsSync(`${file}.json`)) {
    built = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as BuildFigures;
    console.log(`Using cached workspace ${file}`);
  } else {
    console.log(`Building ${LEADS.toLocaleString('en')} leads into ${file} (once; cached afterwards)…`);
    built = build(file);
  }
  const ws = Workspace.open(file, { readOnly: true });
  try {
    const period = classifyPeriod(WEEK.from, WEEK.to);
    const options = { ...WEEK, filters: {}, withinDays: null, asOf: AS_OF, compare: true };
    const full = await timeIt(() => computeReport(ws, options));
    const filtered = await timeIt(() => computeReport(ws, { ...options, filters: { segment: [SEGMENT] } }));
    const filteredOne = await timeIt(() =>
      computeReport(ws, { ...options, filters: { segment: [SEGMENT] }, compare: false }),
    );
    // The Funnel screen's trend: 13 week figures with the key pairs, as the screen asks them.
    const pairs = keyPairList(keyPairs(full.value));
    const weeks = trendWeeks(WEEK.to, TREND_WEEKS).map((w) => ({
      from: w.from,
      to: w.to,
      filters: {},
      withinDays: null,
      asOf: AS_OF,
      pairs,
    }));
    const trend = await timeIt(() => weeks.map((w) => computeWeekFigures(ws, w)));
    // What the desktop app and the local server run: the three periods side by side on threads.
    const pool = new PeriodPool();
    const onThreads = (await pool.warm())
      ? {
          full: await timeIt(() => computeReportOn(pool, ws, options)),
          filtered: await timeIt(() => computeReportOn(pool, ws, { ...options, filters: { segment: [SEGMENT] } })),
          trend: await timeIt(() => inTurns(weeks, WEEKS_AT_ONCE, (w) => computeWeekOn(pool, ws, w))),
        }
      : null;
    await pool.close();

    const calendar = new BusinessCalendar(loadCalendar(ws));
    let t = performance.now();
    const con = await loadDuck(ws, calendar);
    const loadMs = performance.now() - t;
    const duckFull = await timeIt(() => duckReport(con, ws, period, null));
    const duckFiltered = await timeIt(() => duckReport(con, ws, period, SEGMENT));
    t = performance.now();
    const diffs = [
      ...differences(full.value, duckFull.value[0]!),
      ...differences(full.value.previous!, duckFull.value[1]!),
      ...differences(full.value.year_ago!, duckFull.value[2]!),
      ...differences(filtered.value, duckFiltered.value[0]!),
    ];
    con.closeSync();
    if (onThreads && !isDeepStrictEqual(onThreads.full.value, full.value))
      diffs.push('the report on threads differs from the report on one connection');
    if (onThreads && !isDeepStrictEqual(onThreads.filtered.value, filtered.value))
      diffs.push('the filtered report on threads differs from the one on one connection');
    if (onThreads && !isDeepStrictEqual(onThreads.trend.value, trend.value))
      diffs.push('the trend weeks on threads differ from those on one connection');

    const r: Report = full.value;
    const f = (ms: number) => `${ms.toFixed(1)} ms`;
    const line = (
      label: string,
      ours: { ms: number; min: number },
      duck: { ms: number } | null,
      target: number | null,
    ) =>
      console.log(
        `${label.padEnd(44)} ours ${f(ours.ms).padStart(10)} (min ${f(ours.min)})` +
          (duck ? `  duckdb ${f(duck.ms).padStart(10)}  ours/duckdb ${(ours.ms / duck.ms).toFixed(2)}` : '') +
          (target !== null ? `  target ${target} ms: ${ours.ms <= target ? 'met' : 'MISSED'}` : ''),
      );
    console.log(
      `Workspace: ${built.leads.toLocaleString('en')} leads, ${built.events.toLocaleString('en')} stage events; week ${WEEK.from}..${WEEK.to}: ${r.flow.lead} new leads, ${r.sla.followup.handed_over} hand-offs`,
    );
    console.log(
      `Insert of the workspace as a bulk writer: ${(built.insertMs / 1000).toFixed(1)} s of rows, then ${(built.refreshMs / 1000).toFixed(1)} s refreshing metric_events set-based`,
    );
    console.log(
      `DuckDB in-memory load of the raw tables: ${(loadMs / 1000).toFixed(1)} s (not timed below). Median of ${RUNS} runs after a warm-up.`,
    );
    line('Full weekly review set (3 periods)', full, duckFull, TARGET_FULL_MS);
    line(`Filtered re-query, segment ${SEGMENT} (3 periods)`, filtered, duckFiltered, TARGET_FILTERED_MS);
    line(`Filtered re-query, segment ${SEGMENT} (this week only)`, filteredOne, null, TARGET_FILTERED_MS);
    line(`Funnel trend, ${TREND_WEEKS} weeks one after another`, trend, null, null);
    if (onThreads) {
      console.log(
        `The same with the periods on ${pool.size} threads (as the app runs them; ${os.availableParallelism()} cores here):`,
      );
      line('Full weekly review set (3 periods)', onThreads.full, duckFull, TARGET_FULL_MS);
      line(`Filtered re-query, segment ${SEGMENT} (3 periods)`, onThreads.filtered, duckFiltered, TARGET_FILTERED_MS);
      line(`Funnel trend, ${TREND_WEEKS} weeks, ${WEEKS_AT_ONCE} at a time`, onThreads.trend, null, null);
    } else
      console.log('Report threads: not available on this machine (one core), so the app computes on one connection.');
    console.log(
      'DuckDB computes flow, conversion (with open share and velocity), stalled and waterfall start/end, follow-up and arbitration, and closings;\n' +
        'ours additionally computes the waterfall flows, routing/rep delays, quality, recycling, win/loss breakdowns and KPIs in the timed set.',
    );
    console.log(
      diffs.length === 0
        ? 'Cross-check: every compared figure agrees between DuckDB and our engine.'
        : `Cross-check DIFFERENCES:\n  ${diffs.join('\n  ')}`,
    );
    if (diffs.length > 0) process.exitCode = 1;
  } finally {
    ws.close();
  }
}
