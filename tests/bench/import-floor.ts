/**
 * The floor of any import of the benchmark file through this stack: its leads and stage dates,
 * parsed and converted before the clock starts, written by better-sqlite3 into a new workspace's
 * own `leads` and `stage_events` tables in one transaction, and nothing else. It takes the fastest
 * writes measured (many rows a statement, every index but the unique ones dropped and built again
 * once) and leaves out what an import must also do: reading and parsing the file, validation,
 * mapping, upserts, the batch's records and the figures (`metric_events`). An import writes at least
 * these rows and these indexes, so its time cannot be below this one.
 */
import fs from 'node:fs';
import Papa from 'papaparse';
import { configure, openDb, type Db } from '../../src/main/db/driver';
import { Workspace } from '../../src/main/workspace/workspace';

/** Rows a statement: 50 measured as fast as 200, and about 1.3x faster than one a statement. */
const ROWS_PER_STATEMENT = 50;
const EVENT_COLUMNS = ['lead_id', 'stage_id', 'entered_at', 'batch_id'] as const;
/** Columns of the benchmark's file stored as numbers; `created_at` is a time, the rest text. */
const NUMBER_COLUMNS = new Set(['score', 'amount']);
/** The batch the rows name. Foreign keys are off, as on the import's connection. */
const BATCH_ID = 1;

export interface FloorRun {
  /** Reading, parsing and converting the file: not part of `seconds`. */
  readonly parseSeconds: number;
  readonly seconds: number;
  readonly insertSeconds: number;
  readonly indexSeconds: number;
  readonly commitSeconds: number;
  readonly leads: number;
  readonly stageEvents: number;
}

/** The benchmark writes times as `YYYY-MM-DD HH:MM:SS` in UTC. */
function utc(wall: string): number {
  return Date.UTC(
    Number(wall.slice(0, 4)),
    Number(wall.slice(5, 7)) - 1,
    Number(wall.slice(8, 10)),
    Number(wall.slice(11, 13)),
    Number(wall.slice(14, 16)),
    Number(wall.slice(17, 19)),
  );
}

function insertSql(table: string, columns: readonly string[], rows: number): string {
  const row = `(${columns.map(() => '?').join(', ')})`;
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array<string>(rows).fill(row).join(', ')}`;
}

interface Converted {
  /** The leads table's columns, in the file's order, and each lead's values for them. */
  readonly leadColumns: string[];
  readonly leads: Array<string | number>[];
  /** Each lead's stage dates: [stage key, time] pairs. */
  readonly events: Array<Array<[string, number]>>;
}

/**
 * Every lead's values and stage dates. The benchmark's file names its lead columns as the leads
 * table does (its `lead_id` is the external id), then has one `<stage key>_date` column a stage.
 */
function convert(csv: string): Converted {
  const [header, ...records] = Papa.parse<string[]>(csv, { delimiter: ',', newline: '\n', skipEmptyLines: true }).data;
  const firstStage = header!.findIndex((h) => h.endsWith('_date'));
  const columns = header!.slice(0, firstStage);
  const stageKeys = header!.slice(firstStage).map((h) => h.replace(/_date$/, ''));
  const value = columns.map((c) =>
    c === 'created_at' ? utc : NUMBER_COLUMNS.has(c) ? Number : (cell: string): string => cell,
  );
  const leads: Array<string | number>[] = [];
  const events: Array<Array<[string, number]>> = [];
  for (const r of records) {
    leads.push([...value.map((v, i) => v(r[i]!)), BATCH_ID]);
    const dates: Array<[string, number]> = [];
    stageKeys.forEach((key, k) => {
      const cell = r[firstStage + k];
      if (cell) dates.push([key, utc(cell)]);
    });
    events.push(dates);
  }
  return {
    leadColumns: [...columns.map((c) => (c === 'lead_id' ? 'external_id' : c)), 'batch_id'],
    leads,
    events,
  };
}

/** Rows as the parameters of full statements, and the rest one row each. */
interface Chunked {
  readonly full: unknown[][];
  readonly rest: ReadonlyArray<readonly unknown[]>;
}

function chunked(rows: ReadonlyArray<readonly unknown[]>): Chunked {
  const full: unknown[][] = [];
  const whole = rows.length - (rows.length % ROWS_PER_STATEMENT);
  for (let at = 0; at < whole; at += ROWS_PER_STATEMENT) full.push(rows.slice(at, at + ROWS_PER_STATEMENT).flat());
  return { full, rest: rows.slice(whole) };
}

/** Inserts the rows; returns the rowid of the last one. */
function insertAll(db: Db, table: string, columns: readonly string[], rows: Chunked): number {
  const full = db.prepare(insertSql(table, columns, ROWS_PER_STATEMENT));
  const one = db.prepare(insertSql(table, columns, 1));
  let last = 0;
  for (const params of rows.full) last = Number(full.run(params).lastInsertRowid);
  for (const row of rows.rest) last = Number(one.run(row).lastInsertRowid);
  return last;
}

export function measureFloor(csvFile: string, workspaceFile: string): FloorRun {
  Workspace.create(workspaceFile, { name: 'import floor', timeZone: 'UTC' }).close();
  const db = openDb(workspaceFile, { fileMustExist: true });
  try {
    configure(db, true);
    db.pragma('cache_size = -32768');
    db.pragma('foreign_keys = OFF');
    const parsing = performance.now();
    const { leadColumns, leads, events } = convert(fs.readFileSync(csvFile, 'utf8'));
    const parseSeconds = (performance.now() - parsing) / 1000;
    const stageId = new Map(db.prepare<[], [string, number]>('SELECT key, id FROM stages').raw().all());
    // Rowids of a new table's rows inserted in one transaction are consecutive from 1.
    const eventRows = events.flatMap((dates, i) => dates.map(([key, at]) => [i + 1, stageId.get(key)!, at, BATCH_ID]));
    const leadParams = chunked(leads);
    const eventParams = chunked(eventRows);

    const started = performance.now();
    db.exec('BEGIN IMMEDIATE');
    // The figures are left out: without their triggers, the inserts write the two tables alone.
    const triggers = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('leads', 'stage_events')",
      )
      .all();
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
    // Every index but the unique ones (the upsert's keys) is built after the rows, even those an
    // import keeps for its triggers' per-lead lookups: there are none here.
    const deferred = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('leads', 'stage_events') AND sql NOT LIKE 'CREATE UNIQUE %'",
      )
      .all();
    for (const { name } of deferred) db.exec(`DROP INDEX "${name}"`);
    const lastLead = insertAll(db, 'leads', leadColumns, leadParams);
    if (lastLead !== leads.length) throw new Error(`lead rowids are not 1..${leads.length} (last ${lastLead})`);
    insertAll(db, 'stage_events', EVENT_COLUMNS, eventParams);
    const inserted = performance.now();
    for (const { sql } of deferred) db.exec(sql);
    const indexed = performance.now();
    db.exec('COMMIT');
    const committed = performance.now();
    return {
      parseSeconds,
      seconds: (committed - started) / 1000,
      insertSeconds: (inserted - started) / 1000,
      indexSeconds: (indexed - inserted) / 1000,
      commitSeconds: (committed - indexed) / 1000,
      leads: leads.length,
      stageEvents: eventRows.length,
    };
  } finally {
    db.close();
  }
}
