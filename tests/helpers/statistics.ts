import type { Db } from '../../src/main/db/driver';

/**
 * How `db` would find a stage event's lead, which shows the size its statistics give `leads`: a
 * seek by rowid when they say many rows, a scan when they say a handful (the plan of the figures'
 * sorted insert and of every lookup of a lead).
 */
export function leadLookup(db: Db): 'seek' | 'scan' {
  const details = db
    .prepare<[], { detail: string }>(
      'EXPLAIN QUERY PLAN SELECT * FROM stage_events e CROSS JOIN leads l NOT INDEXED ON l.id = e.lead_id',
    )
    .all()
    .map((r) => r.detail);
  if (details.some((d) => d.startsWith('SEARCH l USING INTEGER PRIMARY KEY'))) return 'seek';
  if (details.includes('SCAN l')) return 'scan';
  throw new Error(`unexpected plan: ${details.join(' | ')}`);
}

/** The row count stored in a table's statistics, or null when it has none. */
export function statisticsRows(db: Db, table: string): number | null {
  const stat = db.prepare<[string], string>('SELECT stat FROM sqlite_stat1 WHERE tbl = ? LIMIT 1').pluck().get(table);
  return stat === undefined ? null : Number(stat.split(' ')[0]);
}

/** Adds `n` leads, each with an MQL entry, in SQL (quicker than an import). */
export function addLeads(db: Db, n: number): void {
  const before = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM leads').pluck().get()!;
  db.prepare(
    `WITH RECURSIVE k(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM k WHERE i < ?)
     INSERT INTO leads (external_id, created_at) SELECT 'S' || i, 1700000000000 + i * 60000 FROM k`,
  ).run(before + 1, before + n);
  db.prepare(
    `INSERT INTO stage_events (lead_id, stage_id, entered_at)
     SELECT id, (SELECT id FROM stages WHERE key = 'mql'), created_at + 3600000 FROM leads WHERE id > ?`,
  ).run(before);
}
