/**
 * The leads explorer on a 1,000,000-lead workspace: what scrolling, sorting, filtering and the
 * filter pickers cost on the services' side, and an export's rate. The baseline is the naive
 * query a list would otherwise run (`SELECT * … ORDER BY … LIMIT … OFFSET …`), measured in the
 * same run.
 *
 * The workspace is cached under os.tmpdir(). It is copied from the metrics benchmark's synthetic
 * workspace when that exists (same generator), else generated (about ten minutes, once).
 * BENCH_LEADS overrides the size.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../src/main/workspace/workspace';
import { listLeads } from '../../src/main/leads/list';
import { leadFacets } from '../../src/main/leads/facets';
import { leadTimeline } from '../../src/main/leads/timeline';
import { writeLeadExport } from '../../src/main/leads/export';
import { WorkspaceRepository } from '../../src/main/workspace/repository';
import { LeadsRepository } from '../../src/main/leads/repository';
import { leadQuerySchema, type LeadQuery } from '../../src/shared/leads/types';
import { unobserved } from '../../src/main/jobs/registry';
import { generateSynthetic, SYNTHETIC_VERSION } from '../fixtures/metrics/synthetic';

const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
const END = Date.UTC(2026, 10, 23, 3);
const ZONE = 'America/Sao_Paulo';
const PAGE = 100;
const RUNS = 5;
/** Goals: a page of a list already counted answers within a frame budget of scrolling; a new filter within a second and a half. */
const TARGET_PAGE_MS = 100;
const TARGET_NEW_QUERY_MS = 1500;

function cacheFile(): string {
  const dir = path.join(os.tmpdir(), 'funnel-review-bench');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `leads-synthetic-v${SYNTHETIC_VERSION}-${LEADS}.db`);
}

/** The metrics benchmark's cached file, whatever schema it was built with. */
function metricsFile(): string | null {
  const dir = path.join(os.tmpdir(), 'funnel-review-bench');
  const name = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .find((f) => f.startsWith(`metrics-synthetic-v${SYNTHETIC_VERSION}-`) && f.endsWith(`-${LEADS}.db`))
    : undefined;
  return name ? path.join(dir, name) : null;
}

function build(file: string): void {
  const tmp = `${file}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  const ws = Workspace.create(tmp, { name: 'leads bench', timeZone: ZONE });
  try {
    ws.db.pragma('synchronous = OFF');
    const source = metricsFile();
    if (source) {
      console.log(`  copying the leads of ${source}`);
      // Triggers keep metric_events in step one event at a time; a copy takes the source's table whole.
      const triggers = ws.db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'metric_events%'")
        .pluck()
        .all() as string[];
      ws.db.exec(`ATTACH DATABASE '${source.replace(/'/g, "''")}' AS src`);
      ws.db.transaction(() => {
        for (const name of ws.db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'metric_events%'")
          .pluck()
          .all() as string[])
          ws.db.exec(`DROP TRIGGER ${name}`);
        ws.db.exec('DELETE FROM stages; INSERT INTO stages SELECT * FROM src.stages');
        for (const table of ['leads', 'stage_events', 'touches', 'metric_events'])
          ws.db.exec(`INSERT INTO main.${table} SELECT * FROM src.${table}`);
        for (const sql of triggers) ws.db.exec(sql);
      })();
      ws.db.exec('DETACH DATABASE src');
    } else {
      console.log(`  generating ${LEADS.toLocaleString('en')} leads`);
      generateSynthetic(ws.db, {
        leads: LEADS,
        seed: 7,
        end: END,
        onProgress: (n) => n % 200_000 === 0 && console.log(`  ${n.toLocaleString('en')} leads`),
      });
    }
    ws.db.exec('ANALYZE');
  } finally {
    ws.close();
  }
  fs.renameSync(tmp, file);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time<T>(work: () => T, runs = RUNS): { ms: number; value: T } {
  let value = work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    value = work();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value };
}

/** A first request of a query: the cache of the previous one is dropped by changing the data stamp. */
function cold<T>(ws: Workspace, work: () => T): { ms: number; value: T } {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < 3; i++) {
    // A no-op write on the connection: every cached count and list is stale afterwards.
    ws.db
      .prepare(
        "INSERT INTO settings (key, value) VALUES ('bench.touch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(String(i));
    const t = performance.now();
    value = work();
    times.push(performance.now() - t);
  }
  return { ms: median(times), value: value! };
}

const parse = (q: LeadQuery) => leadQuerySchema.parse(q);

export async function run(): Promise<void> {
  const file = cacheFile();
  if (!fs.existsSync(file)) {
    console.log(`Building ${LEADS.toLocaleString('en')} leads into ${file} (once; cached afterwards)…`);
    build(file);
  } else console.log(`Using cached workspace ${file}`);
  const ws = Workspace.open(file);
  try {
    const repo = ws.repo(LeadsRepository);
    const total = repo.countAll();
    const f = (ms: number) => `${ms.toFixed(1)} ms`.padStart(10);
    const line = (label: string, ms: number, target: number | null, extra = '') =>
      console.log(
        `${label.padEnd(58)} ${f(ms)}${target !== null ? `  target ${target} ms: ${ms <= target ? 'met' : 'MISSED'}` : ''}${extra}`,
      );
    console.log(
      `Workspace: ${total.toLocaleString('en')} leads. Median of ${RUNS} runs unless marked cold (first request after a data change, median of 3).`,
    );

    const newest = parse({});
    line(
      'All leads, newest first: count + first page (cold)',
      cold(ws, () => listLeads(ws, newest, 0, PAGE)).ms,
      TARGET_NEW_QUERY_MS,
    );
    line('All leads, newest first: page 1', time(() => listLeads(ws, newest, PAGE, PAGE)).ms, TARGET_PAGE_MS);
    const middle = Math.floor(total / 2);
    const ours = time(() => listLeads(ws, newest, middle, PAGE));
    const naive = time(() =>
      ws.db.prepare('SELECT * FROM leads ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?').all(PAGE, middle),
    );
    line(
      `All leads, newest first: page at row ${middle.toLocaleString('en')}`,
      ours.ms,
      TARGET_PAGE_MS,
      `  naive LIMIT/OFFSET ${f(naive.ms)}  ours/naive ${(ours.ms / naive.ms).toFixed(2)}`,
    );
    line(
      'All leads, newest first: last page',
      time(() => listLeads(ws, newest, total - PAGE, PAGE)).ms,
      TARGET_PAGE_MS,
    );
    const byOwner = parse({ sort: { column: 'owner', direction: 'asc' } });
    line('All leads by owner: page at the middle', time(() => listLeads(ws, byOwner, middle, PAGE)).ms, TARGET_PAGE_MS);

    const segment = parse({ filters: { segment: ['Enterprise'] } });
    const seg = cold(ws, () => listLeads(ws, segment, 0, PAGE));
    line(
      `Segment Enterprise (${seg.value.total.toLocaleString('en')}): count + first page (cold)`,
      seg.ms,
      TARGET_NEW_QUERY_MS,
    );
    line(
      'Segment Enterprise: page at its middle',
      time(() => listLeads(ws, segment, Math.floor(seg.value.total / 2), PAGE)).ms,
      TARGET_PAGE_MS,
    );
    const naiveSeg = time(
      () =>
        ws.db
          .prepare(
            "SELECT * FROM leads WHERE segment = 'Enterprise' ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
          )
          .all(PAGE, Math.floor(seg.value.total / 2)),
      3,
    );
    console.log(`${''.padEnd(58)} naive LIMIT/OFFSET for that page ${f(naiveSeg.ms)} on every page`);
    const stages = ws.repo(WorkspaceRepository).stages();
    const won = stages.find((s) => s.kind === 'won')?.key ?? 'won';
    const combined = parse({
      stages: [won],
      filters: { source: ['paid_search', 'email'] },
      sort: { column: 'amount', direction: 'desc' },
    });
    const comb = cold(ws, () => listLeads(ws, combined, 0, PAGE));
    line(
      `Won, two sources, by amount (${comb.value.total.toLocaleString('en')}): first page (cold)`,
      comb.ms,
      TARGET_NEW_QUERY_MS,
    );
    const search = cold(ws, () => listLeads(ws, parse({ search: '00042' }), 0, PAGE));
    line(
      `Id search "00042" (${search.value.total.toLocaleString('en')}): first page (cold)`,
      search.ms,
      TARGET_NEW_QUERY_MS,
    );
    const customKeys = repo.customKeys();
    if (customKeys[0]) {
      const field = customKeys[0];
      const facet = leadFacets(ws, [`custom.${field}`], 1, 0)[0]!;
      const value = facet.values[0]?.value;
      if (value !== undefined) {
        const custom = cold(ws, () => listLeads(ws, parse({ filters: { custom: { [field]: [value] } } }), 0, PAGE));
        line(
          `Custom field ${field} = ${value} (${custom.value.total.toLocaleString('en')}): first page (cold)`,
          custom.ms,
          null,
          '  (a scan of every lead: free fields have no index)',
        );
      }
    }

    const native = cold(ws, () => leadFacets(ws, ['segment', 'source', 'campaign', 'owner', 'country'], 200, 0));
    line('Facets of the five lead fields (cold)', native.ms, TARGET_NEW_QUERY_MS);
    if (customKeys[0])
      line(
        `Facet of custom field ${customKeys[0]} (cold)`,
        cold(ws, () => leadFacets(ws, [`custom.${customKeys[0]}`], 200, 0)).ms,
        null,
      );
    line(
      'Facets again (cached until the data changes)',
      time(() => leadFacets(ws, ['segment', 'source', 'campaign', 'owner', 'country'], 200, 0)).ms,
      null,
    );
    line('Lead timeline', time(() => leadTimeline(ws, middle)).ms, TARGET_PAGE_MS);

    const out = path.join(os.tmpdir(), `funnel-review-bench-export-${process.pid}.csv`);
    const t = performance.now();
    const rows = await writeLeadExport(
      {
        workspacePath: ws.path,
        query: segment,
        figureIds: null,
        columns: [
          'external_id',
          'created_at',
          'stage',
          'source',
          'segment',
          'owner',
          'country',
          'amount',
          'first_touch_at',
        ],
        format: 'csv',
        locale: 'en',
        zone: ZONE,
        stages,
        reasons: repo.reasons(),
        out,
      },
      unobserved,
    );
    const ms = performance.now() - t;
    console.log(
      `${'CSV export of segment Enterprise'.padEnd(58)} ${(ms / 1000).toFixed(1)} s for ${rows.toLocaleString('en')} rows (${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s, ${(fs.statSync(out).size / 1e6).toFixed(1)} MB)`,
    );
    fs.rmSync(out, { force: true });
  } finally {
    ws.db.prepare("DELETE FROM settings WHERE key = 'bench.touch'").run();
    ws.close();
  }
}
