import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/driver';
import type { LocalizedText } from '../../shared/domain/types';
import type { BatchRef, FacetValue, LeadRow, ReasonLabel } from '../../shared/leads/types';
import type { LeadRow as StoredLeadRow } from '../imports/lead-repository';
import { FIGURE_TABLE, type Params, type Where } from './query';

/** A lead row as the list and the export read it: the explorer's row with the stage id, custom fields still JSON. */
export type LeadRecordRow = Omit<LeadRow, 'stage' | 'custom'> & {
  readonly stage_id: number | null;
  readonly custom: string;
};

/**
 * The columns of a lead row over `leads l` joined with CURRENT_EVENT: the first touch and the
 * batch are looked up per row.
 */
export const LEAD_ROW_COLUMNS = `l.id, l.external_id, l.created_at, cur.stage_id AS stage_id, cur.entered_at AS stage_at,
  l.source, l.campaign, l.segment, l.country, l.owner, l.score, l.amount, l.currency, l.assigned_at,
  (SELECT min(t.touched_at) FROM touches t WHERE t.lead_id = l.id) AS first_touch_at,
  l.outcome_reason_code AS reason_code, l.outcome_reason_text AS reason_text,
  (SELECT b.file_name FROM import_batches b WHERE b.id = l.batch_id) AS batch, l.custom`;

/**
 * The lead's latest stage event, in the order metric_events uses (time, then stage position, then
 * stage id). Read from stage_events by (lead_id, entered_at) and then by rowid: metric_events is
 * clustered by stage and time, so looking a lead up there costs a random read per lead, which on a
 * million-lead export was four times slower.
 */
export const CURRENT_EVENT = `LEFT JOIN stage_events cur ON cur.id = (SELECT e.id FROM stage_events e JOIN stages s ON s.id = e.stage_id
  WHERE e.lead_id = l.id ORDER BY e.entered_at DESC, s.position DESC, s.id DESC LIMIT 1)`;

/** Native lead columns a facet may count (each indexed: migrations 1 and 8). */
const FACET_COLUMNS = new Set(['segment', 'source', 'campaign', 'owner', 'country']);

/** A lead as stored, for its detail. */
export type LeadDetailRow = StoredLeadRow;

export interface EventRow {
  readonly stage_id: number;
  readonly entered_at: number;
  readonly reason_code: string | null;
  readonly reason_text: string | null;
  readonly batch_id: number | null;
}

export interface TouchRow {
  readonly touched_at: number;
  readonly channel: string | null;
  readonly batch_id: number | null;
}

/**
 * The leads explorer's reads. Statements over a fixed shape are prepared once; the list's WHERE
 * and ORDER BY come from `query.ts` (whitelisted columns, parameters only) and are prepared once
 * per distinct SQL text.
 */
export class LeadsRepository {
  private readonly statements = new Map<string, Statement>();
  private readonly countStmt;
  private readonly changesStmt;
  private readonly detailStmt;
  private readonly eventsStmt;
  private readonly touchesStmt;
  private readonly batchStmt;
  private readonly reasonsStmt;
  private readonly customKeysStmt;

  constructor(private readonly db: Db) {
    this.countStmt = db.prepare<[], number>('SELECT count(*) FROM leads').pluck();
    this.changesStmt = db.prepare<[], number>('SELECT total_changes()').pluck();
    this.detailStmt = db.prepare<[number], LeadDetailRow>(
      `SELECT id, external_id, created_at, source, campaign, segment, country, owner, score, amount, currency, assigned_at,
         outcome_reason_code, outcome_reason_text, custom, batch_id, updated_batch_id FROM leads WHERE id = ?`,
    );
    this.eventsStmt = db.prepare<[number], EventRow>(
      `SELECT e.stage_id, e.entered_at, e.reason_code, e.reason_text, e.batch_id
       FROM stage_events e JOIN stages s ON s.id = e.stage_id WHERE e.lead_id = ? ORDER BY e.entered_at, s.position, s.id`,
    );
    this.touchesStmt = db.prepare<[number], TouchRow>(
      'SELECT touched_at, channel, batch_id FROM touches WHERE lead_id = ? ORDER BY touched_at',
    );
    this.batchStmt = db.prepare<[number], BatchRef>(
      'SELECT id, file_name, created_at, status FROM import_batches WHERE id = ?',
    );
    this.reasonsStmt = db.prepare<[], { kind: ReasonLabel['kind']; code: string; labels: string; active: number }>(
      'SELECT kind, code, labels, active FROM reasons ORDER BY kind, code',
    );
    // Custom fields are free JSON; their names are read from the newest leads so the list stays an
    // index-range read however large the workspace (fields an import added to old leads only are
    // still reachable by typing them into a filter).
    this.customKeysStmt = db
      .prepare<[], string>(
        'SELECT DISTINCT j.key FROM (SELECT custom FROM leads ORDER BY id DESC LIMIT 20000) l, json_each(l.custom) j ORDER BY j.key',
      )
      .pluck();
  }

  private prepared(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  countAll(): number {
    return this.countStmt.get() ?? 0;
  }

  /**
   * Changes made through this connection by anyone, for telling whether cached lists are still
   * current (the caller subtracts its own temp-table writes; other connections show in data_version).
   */
  stamp(ownChanges: number): string {
    return `${String(this.db.pragma('data_version', { simple: true }))}:${(this.changesStmt.get() ?? 0) - ownChanges}`;
  }

  /** One page of ids of the whole table in an indexed order (no filter: the index gives the order). */
  orderedIds(order: string, offset: number, limit: number): number[] {
    // The id-only subquery walks the index alone; only the page's rows are read from the table.
    return this.prepared(`SELECT l.id FROM leads l ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ limit, offset }) as number[];
  }

  /** Creates `table` holding the matching ids in order (pos from 1); returns how many. */
  /** `order` should not name an index (see `leadOrder`): the matches are found by the filters, then sorted. */
  snapshot(table: string, where: Where, order: string): number {
    this.db.exec(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (pos INTEGER PRIMARY KEY, id INTEGER NOT NULL)`);
    return this.db
      .prepare(`INSERT INTO ${table} (id) SELECT l.id FROM leads l WHERE ${where.sql} ORDER BY ${order}`)
      .run(where.params).changes;
  }

  snapshotIds(table: string, offset: number, limit: number): number[] {
    return this.db
      .prepare(`SELECT id FROM ${table} WHERE pos > @offset AND pos <= @end ORDER BY pos`)
      .pluck()
      .all({ offset, end: offset + limit }) as number[];
  }

  drop(table: string): void {
    this.db.exec(`DROP TABLE IF EXISTS ${table}`);
  }

  /** Fills the figure table with a drill-down's leads; returns the rows written. */
  fillFigure(ids: readonly number[]): number {
    this.db.exec(`DROP TABLE IF EXISTS ${FIGURE_TABLE}; CREATE TABLE ${FIGURE_TABLE} (id INTEGER PRIMARY KEY)`);
    return this.prepared(`INSERT OR IGNORE INTO ${FIGURE_TABLE} (id) SELECT value FROM json_each(@ids)`).run({
      ids: JSON.stringify(ids),
    }).changes;
  }

  /** Full rows for ids, in the order given. */
  rows(ids: readonly number[]): LeadRecordRow[] {
    if (ids.length === 0) return [];
    return this.prepared(
      `SELECT ${LEAD_ROW_COLUMNS} FROM json_each(@ids) j JOIN leads l ON l.id = j.value ${CURRENT_EVENT} ORDER BY j.key`,
    ).all({
      ids: JSON.stringify(ids),
    }) as LeadRecordRow[];
  }

  /** The most frequent values of a native field (one scan of its index), leads without a value, and distinct values. */
  facet(field: string, limit: number): { values: FacetValue[]; empty: number; distinct: number } {
    if (!FACET_COLUMNS.has(field)) throw new Error(`Not a facet column: ${field}`);
    return this.counted(field, {}, limit);
  }

  /** The same for a custom field: one scan of every lead's JSON (no index can cover free fields). */
  customFacet(name: string, limit: number): { values: FacetValue[]; empty: number; distinct: number } {
    return this.counted('CAST(json_extract(custom, @path) AS TEXT)', { path: `$."${name}"` }, limit);
  }

  /** Value counts of an expression over leads, grouped once and read three ways. */
  private counted(
    expression: string,
    params: Params,
    limit: number,
  ): { values: FacetValue[]; empty: number; distinct: number } {
    const rows = this.prepared(
      `WITH g AS MATERIALIZED (SELECT ${expression} AS value, count(*) AS count FROM leads GROUP BY 1)
       SELECT value, count, (SELECT count(*) FROM g WHERE value <> '') AS distinct_values,
         (SELECT coalesce(sum(count), 0) FROM g WHERE coalesce(value, '') = '') AS empty
       FROM g WHERE value <> '' ORDER BY count DESC, value LIMIT @limit`,
    ).all({ ...params, limit }) as Array<FacetValue & { distinct_values: number; empty: number }>;
    if (rows.length === 0) {
      const empty = this.prepared('SELECT count(*) FROM leads').pluck().get() as number;
      return { values: [], empty, distinct: 0 };
    }
    return {
      values: rows.map((r) => ({ value: r.value, count: r.count })),
      empty: rows[0]!.empty,
      distinct: rows[0]!.distinct_values,
    };
  }

  customKeys(): string[] {
    return this.customKeysStmt.all();
  }

  detail(id: number): LeadDetailRow | undefined {
    return this.detailStmt.get(id);
  }

  events(id: number): EventRow[] {
    return this.eventsStmt.all(id);
  }

  touches(id: number): TouchRow[] {
    return this.touchesStmt.all(id);
  }

  batch(id: number): BatchRef | undefined {
    return this.batchStmt.get(id);
  }

  reasons(): ReasonLabel[] {
    return this.reasonsStmt.all().map((r) => ({
      kind: r.kind,
      code: r.code,
      labels: JSON.parse(r.labels) as LocalizedText,
      active: r.active === 1,
    }));
  }
}
