import { createHash } from 'node:crypto';
import { openDb, type Db } from '../../../src/main/db/driver';

/**
 * The whole content of a workspace as data: every table's rows (as hashes, sorted, so the order
 * rows come back in does not matter), the schema and the schema version. Two states are equal
 * exactly when every query over every table would answer the same.
 */
export interface DbState {
  readonly checksum: string;
  readonly userVersion: number;
  readonly schema: string;
  readonly tables: Readonly<Record<string, readonly string[]>>;
  readonly rows: number;
}

// ANALYZE statistics (written by `PRAGMA optimize` when a workspace closes) describe the data for
// the query planner; they are not data and may change on any close.
const STATISTICS = /^sqlite_stat\d$/;

const hashRow = (row: unknown[]): string =>
  createHash('sha1')
    .update(
      JSON.stringify(row, (_k, v: unknown) =>
        Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : typeof v === 'bigint' ? `${v}n` : v,
      ),
    )
    .digest('base64');

export function readState(db: Db): DbState {
  const objects = db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name",
    )
    .all() as Array<{ type: string; name: string; sql: string | null }>;
  const tables: Record<string, string[]> = {};
  let rows = 0;
  const whole = createHash('sha256');
  const schema = objects
    .filter((o) => !STATISTICS.test(o.name))
    .map((o) => `${o.type} ${o.name}: ${o.sql ?? ''}`)
    .join('\n');
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  whole.update(`${userVersion}\n${schema}\n`);
  for (const { name } of objects.filter((o) => o.type === 'table' && !STATISTICS.test(o.name))) {
    const hashes: string[] = [];
    for (const row of db
      .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`)
      .raw()
      .iterate() as IterableIterator<unknown[]>) {
      hashes.push(hashRow(row));
    }
    hashes.sort();
    tables[name] = hashes;
    rows += hashes.length;
    whole.update(`${name}:${hashes.join(',')}\n`);
  }
  return { checksum: whole.digest('hex'), userVersion, schema, tables, rows };
}

/** The state of a workspace file read on a read-only connection of its own (committed work only). */
export function stateOfFile(file: string): DbState {
  const db = openDb(file, { readonly: true, fileMustExist: true });
  try {
    return readState(db);
  } finally {
    db.close();
  }
}

/** Rows of `expected` that `actual` does not have (counted as a multiset): rows lost. */
export function rowsMissing(expected: DbState, actual: DbState): number {
  let missing = 0;
  for (const [table, rows] of Object.entries(expected.tables)) {
    const have = new Map<string, number>();
    for (const h of actual.tables[table] ?? []) have.set(h, (have.get(h) ?? 0) + 1);
    for (const h of rows) {
      const n = have.get(h) ?? 0;
      if (n > 0) have.set(h, n - 1);
      else missing++;
    }
  }
  return missing;
}

/** Which tables differ and by how many rows each way, for failure messages. */
export function describeDifference(a: DbState, b: DbState): string {
  const names = [...new Set([...Object.keys(a.tables), ...Object.keys(b.tables)])].sort();
  const parts: string[] = [];
  if (a.userVersion !== b.userVersion) parts.push(`user_version ${a.userVersion} vs ${b.userVersion}`);
  for (const name of names) {
    const only = (x: DbState, y: DbState) => rowsMissing({ ...x, tables: { [name]: x.tables[name] ?? [] } }, y);
    const lost = only(a, b);
    const added = only(b, a);
    if (lost || added) parts.push(`${name}: -${lost} +${added}`);
  }
  return parts.join('; ') || 'schema only';
}
