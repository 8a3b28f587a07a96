/**
 * Sample generator speed and memory. Goals: 5,000 leads well under 2 s; 1,000,000 leads in bounded
 * memory. Baseline: the same number of rows (leads + stage events + touches) written as bare rows
 * into a scratch table, one transaction, so the ratio shows what generation and the schema cost.
 * Sizes: SAMPLE_BENCH_LEADS=5000,1000000 (the default).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../src/main/db/driver';
import { Workspace } from '../../src/main/workspace/workspace';
import { generateSample } from '../../src/main/sample/generate';

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function baselineMs(dir: string, rows: number): number {
  const db = openDb(path.join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b INTEGER NOT NULL, c TEXT)');
  const insert = db.prepare<[number, number, string]>('INSERT INTO t (a, b, c) VALUES (?, ?, ?)');
  const start = performance.now();
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(i, i * 7, 'x');
  })();
  const ms = performance.now() - start;
  db.close();
  return ms;
}

function sizeOf(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

export async function run(): Promise<void> {
  const sizes = (process.env.SAMPLE_BENCH_LEADS ?? '5000,1000000').split(',').map(Number);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-bench-sample-'));
  try {
    for (const leads of sizes) {
      const file = path.join(dir, `sample-${leads}.db`);
      const ws = Workspace.create(file);
      globalThis.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const start = performance.now();
      const summary = generateSample(ws, { seed: 42, leads, end: '2026-06-28' });
      const ms = performance.now() - start;
      const heapAfter = process.memoryUsage().heapUsed;
      const counts = ws.db.prepare('SELECT (SELECT count(*) FROM touches) AS touches').get() as { touches: number };
      ws.close();
      const rows = summary.leads + summary.stageEvents + counts.touches;
      const base = baselineMs(dir, rows);
      console.log(
        `${leads.toLocaleString('en')} leads: ${ms.toFixed(0)} ms (${Math.round((leads / ms) * 1000).toLocaleString('en')} leads/s), ` +
          `${summary.stageEvents.toLocaleString('en')} stage events, ${counts.touches.toLocaleString('en')} touches, file ${mb(sizeOf(file))}; ` +
          `heap growth ${mb(heapAfter - heapBefore)}, peak RSS so far ${mb(process.resourceUsage().maxRSS * 1024)}; ` +
          `baseline ${rows.toLocaleString('en')} bare rows ${base.toFixed(0)} ms, ratio ${(ms / base).toFixed(1)}x`,
      );
      for (const f of [
        file,
        `${file}-wal`,
        `${file}-shm`,
        path.join(dir, 'baseline.db'),
        path.join(dir, 'baseline.db-wal'),
        path.join(dir, 'baseline.db-shm'),
      ]) {
        fs.rmSync(f, { force: true });
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
