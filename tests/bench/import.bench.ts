/**
 * Lead import benchmark (issue 3): a generated wide CSV of 1,000,000 leads (15 columns, 5 stage
 * dates), imported by the CLI in a child process, against the `sqlite3` shell's `.import` of the
 * same file into a bare table, measured in the same run. Targets: within 2.0x of the baseline's
 * time, peak RSS under 400 MB. IMPORT_BENCH_LEADS changes the size (for a quick look).
 *
 * The workspace is the one users get: the import defers migration 3's metrics triggers and brings
 * `metric_events` up to date set-based before commit (src/main/metrics/refresh.ts), so the figure includes that.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/main/runtime/paths';
import { measureFloor } from './import-floor';

const TARGET_RATIO = 2.0;
const TARGET_RSS_MB = 400;
const SQLITE3 = '/usr/bin/sqlite3';
const CLI = path.join(projectRoot, 'src/main/cli/funnel-review.mjs');

const HEADER =
  'lead_id,created_at,source,campaign,segment,country,owner,score,amount,currency,mql_date,sal_date,sql_date,opportunity_date,won_date';
const SOURCES = ['google', 'linkedin', 'referral', 'webinar', 'organic', 'email', 'partner', 'events'];
const SEGMENTS = ['SMB', 'Mid-market', 'Enterprise'];
const COUNTRIES = ['BR', 'US', 'DE', 'ES', 'RU', 'CN', 'MX', 'FR'];
/** Probability of reaching each stage from the previous one: about 1.8 stage events per lead. */
const STEP = [0.8, 0.6, 0.6, 0.6, 0.35];

const pad = (n: number): string => String(n).padStart(2, '0');
function wall(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Deterministic (seeded) wide export. */
async function generate(file: string, leads: number): Promise<{ bytes: number; events: number }> {
  const out = fs.createWriteStream(file);
  let seed = 12345;
  const rnd = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const start = Date.UTC(2025, 0, 1);
  let events = 0;
  let buf = `${HEADER}\n`;
  for (let i = 0; i < leads; i++) {
    let t = start + Math.floor(rnd() * 364 * 86_400_000);
    const cells = [
      `L${String(i).padStart(8, '0')}`,
      wall(t),
      SOURCES[i % SOURCES.length]!,
      `campaign-${i % 50}`,
      SEGMENTS[i % SEGMENTS.length]!,
      COUNTRIES[i % COUNTRIES.length]!,
      `owner${i % 40}`,
      String(Math.floor(rnd() * 100)),
      (rnd() * 50_000).toFixed(2),
      'USD',
    ];
    let reached = true;
    for (const p of STEP) {
      reached = reached && rnd() < p;
      if (reached) {
        t += Math.floor(rnd() * 10 * 86_400_000);
        cells.push(wall(t));
        events++;
      } else cells.push('');
    }
    buf += `${cells.join(',')}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(buf, () => resolve()).on('error', reject));
  return { bytes: fs.statSync(file).size, events };
}

const MAPPING = {
  version: 1,
  name: 'benchmark wide export',
  files: [
    {
      columns: [
        ['lead_id', 'lead_id'],
        ['created_at', 'created_at'],
        ['source', 'source'],
        ['campaign', 'campaign'],
        ['segment', 'segment'],
        ['country', 'country'],
        ['owner', 'owner'],
        ['score', 'score'],
        ['amount', 'amount'],
        ['currency', 'currency'],
        ['mql_date', 'stage:mql'],
        ['sal_date', 'stage:sal'],
        ['sql_date', 'stage:sql'],
        ['opportunity_date', 'stage:opportunity'],
        ['won_date', 'stage:won'],
      ].map(([column, target]) => ({ column, target })),
    },
  ],
};

interface Run {
  readonly seconds: number;
  readonly peakRssMb: number | null;
  readonly stdout: string;
  readonly code: number | null;
}

/** Runs a command, sampling its peak resident set (VmHWM) from /proc while it runs. */
async function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const started = performance.now();
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  let peak: number | null = null;
  const sample = (): void => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak ?? 0, Number(m[1]) / 1024);
    } catch {
      // The process has ended (or /proc is not there: not Linux).
    }
  };
  const timer = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearInterval(timer);
  return { seconds: (performance.now() - started) / 1000, peakRssMb: peak, stdout, code };
}

function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

async function ourImport(dir: string, file: string, mappingFile: string, label: string): Promise<Run> {
  const ws = path.join(dir, `${label}.db`);
  const env = { ...process.env, FUNNEL_REVIEW_HOME: path.join(dir, 'home') };
  // Create the workspace first (empty import of one row), so the timed run measures the import alone.
  const seed = path.join(dir, 'seed.csv');
  fs.writeFileSync(seed, `${HEADER}\nSEED,2025-01-01 00:00:00,,,,,,,,,,,,,\n`);
  const created = spawnSync(
    process.execPath,
    [CLI, 'import', seed, '--workspace', ws, '--mapping', mappingFile, '--json'],
    { env, encoding: 'utf8' },
  );
  if (created.status !== 0) throw new Error(`creating the workspace failed: ${created.stderr}`);
  const run = await measure(
    process.execPath,
    [CLI, 'import', file, '--workspace', ws, '--mapping', mappingFile, '--json'],
    env,
  );
  if (run.code !== 0) throw new Error(`${label} import exited ${run.code}: ${run.stdout.slice(0, 2000)}`);
  return run;
}

export async function run(): Promise<void> {
  const leads = Number(process.env.IMPORT_BENCH_LEADS ?? 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-import-bench-'));
  try {
    const file = path.join(dir, 'leads.csv');
    const t0 = performance.now();
    const { bytes, events } = await generate(file, leads);
    console.log(
      `generated ${leads.toLocaleString('en')} leads, ${events.toLocaleString('en')} stage dates, ${fmt(bytes / 1e6)} MB in ${fmt((performance.now() - t0) / 1000)} s`,
    );
    const mappingFile = path.join(dir, 'mapping.json');
    fs.writeFileSync(mappingFile, JSON.stringify(MAPPING));

    let baseline: Run | null = null;
    if (fs.existsSync(SQLITE3)) {
      const db = path.join(dir, 'baseline.db');
      baseline = await measure(SQLITE3, [
        db,
        `CREATE TABLE leads(${HEADER.split(',')
          .map((c) => `${c} TEXT`)
          .join(', ')});`,
        `.import --csv --skip 1 ${file} leads`,
      ]);
      const rows = spawnSync(SQLITE3, [db, 'SELECT count(*) FROM leads'], { encoding: 'utf8' }).stdout.trim();
      console.log(
        `baseline  sqlite3 .import into a bare table: ${fmt(baseline.seconds)} s, ${rows} rows, peak RSS ${baseline.peakRssMb === null ? 'n/a' : `${fmt(baseline.peakRssMb)} MB`}`,
      );
    } else {
      console.log(`baseline  ${SQLITE3} not found (apt-get install sqlite3): no ratio`);
    }

    const floor = measureFloor(file, path.join(dir, 'floor.db'));
    const floorRatio = baseline ? floor.seconds / baseline.seconds : null;
    console.log(
      `floor     the same leads and stage events written into a workspace's tables, parsed beforehand, nothing else: ${fmt(floor.seconds)} s ` +
        `(inserts ${fmt(floor.insertSeconds)} s, indexes ${fmt(floor.indexSeconds)} s, commit ${fmt(floor.commitSeconds)} s; reading and parsing the file beforehand took ${fmt(floor.parseSeconds)} s more); ` +
        `${floor.leads.toLocaleString('en')} leads, ${floor.stageEvents.toLocaleString('en')} stage events`,
    );
    if (floorRatio !== null)
      console.log(
        `  floor ratio to baseline ${fmt(floorRatio, 2)}x: ${floorRatio > TARGET_RATIO ? `above the ${fmt(TARGET_RATIO)}x target before any of the import's own work` : `leaves ${fmt(TARGET_RATIO - floorRatio, 2)}x for the import's own work`}`,
      );

    const report = (label: string, r: Run): void => {
      const result = JSON.parse(r.stdout) as {
        value: { counts: { leadsInserted: number; stageEventsAdded: number; rowsRejected: number } };
      };
      const c = result.value.counts;
      const ratio = baseline ? r.seconds / baseline.seconds : null;
      const rss = r.peakRssMb;
      console.log(
        `${label}: ${fmt(r.seconds)} s wall, ${Math.round(leads / r.seconds).toLocaleString('en')} rows/s, peak RSS ${rss === null ? 'n/a' : `${fmt(rss)} MB`}; ` +
          `${c.leadsInserted.toLocaleString('en')} leads, ${c.stageEventsAdded.toLocaleString('en')} stage events, ${c.rowsRejected} rejected`,
      );
      if (c.leadsInserted !== leads || c.stageEventsAdded !== events)
        console.log(`  !! expected ${leads} leads and ${events} stage events`);
      if (ratio !== null)
        console.log(
          `  ratio to baseline ${fmt(ratio, 2)}x (target ${fmt(TARGET_RATIO)}x: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'})`,
        );
      if (rss !== null)
        console.log(
          `  peak RSS ${fmt(rss)} MB (target < ${TARGET_RSS_MB} MB: ${rss < TARGET_RSS_MB ? 'met' : 'MISSED'})`,
        );
    };

    report('import, workspace as shipped', await ourImport(dir, file, mappingFile, 'shipped'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
