import type { Db } from './driver';

/** Rows ANALYZE reads of each index: enough for the planner, and about 0.1 s for a million leads. */
const ANALYSIS_LIMIT = 1000;

/**
 * Gathers the query planner's statistics again for every table whose size has changed several times
 * over since they were last gathered. Statistics taken while a workspace held a handful of leads tell
 * the planner that `leads` has one row, and it then scans the whole table where it should seek one
 * row: the figures' sorted insert scanned every lead for each new event (15 s instead of 0.2 s for
 * 20,000 new leads after a first import of one), and the Leads explorer took 2.5 s a page instead of
 * 17 ms on a million leads. A plain `PRAGMA optimize` looks only at the tables that this
 * connection's own queries used, which misses a table a bulk writer filled.
 */
export function refreshStaleStatistics(db: Db): void {
  const limit = Number(db.pragma('analysis_limit', { simple: true }));
  db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
  try {
    // 0x10000: check the size of every table; 0x2: analyse those that changed.
    db.pragma('optimize = 0x10002');
  } finally {
    db.pragma(`analysis_limit = ${limit}`);
  }
}

/**
 * Loads the statistics another connection has gathered (a bulk writer's, committed with its batch):
 * a connection reads them once, with the schema, and keeps them until told to reload.
 */
export function reloadStatistics(db: Db): void {
  db.exec('ANALYZE sqlite_schema');
}
