import type { Db } from './driver';
import { storageError } from './storage-errors';

/** Rows ANALYZE reads of each index: enough for the planner, and about 0.1 s for a million leads. */
const ANALYSIS_LIMIT = 1000;

/**
 * Gathers the query planner's statistics again for every table whose size has changed several times
 * over since they were last gathered. Statistics taken while a workspace held a handful of leads tell
 * the planner that `leads` has one row, and it then scans the whole table where it should seek one
 * row: the figures' sorted insert scanned every lead for each new event (20,000 new leads after a
 * first import of one took 17.4 s instead of 1.8 s, 14.6 s of it that insert), and the Leads
 * explorer took 2.5 s a page instead of 17 ms on a million leads. A plain `PRAGMA optimize` looks only at the tables that this
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
 * Statistics are a hint to the planner, not data: outside a writer's transaction, a full disk or
 * another writer holding the file leaves the ones there are, for the next try (an open, a close).
 */
function asHint(work: () => void): void {
  try {
    work();
  } catch (e) {
    if (!storageError(e) && (e as { code?: unknown }).code !== 'SQLITE_BUSY') throw e;
    console.warn(`[workspace] planner statistics left as they were: ${(e as Error).message}`);
  }
}

/** `refreshStaleStatistics` where failing to would be worse than stale statistics (open, close). */
export function refreshStaleStatisticsIfPossible(db: Db): void {
  asHint(() => refreshStaleStatistics(db));
}

/**
 * Loads the statistics another connection has gathered (a bulk writer's, committed with its batch):
 * a connection reads them once, with the schema, and keeps them until told to reload.
 */
export function reloadStatisticsIfPossible(db: Db): void {
  asHint(() => db.exec('ANALYZE sqlite_schema'));
}
