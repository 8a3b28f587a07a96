import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/driver';
import { METRIC_EVENTS_TRIGGERS, METRIC_STAGE_SLOTS, metricEventsColumns } from '../db/migrations/003_metrics';
import { METRIC_OPEN_FIELDS } from '../db/migrations/009_metric_open';
import { storedSegment } from '../db/migrations/011_metric_segment';
import { refreshStaleStatistics } from '../db/statistics';
import { appendHistory, historyColumns, historyShape, type HistoryEvent, type HistoryShape } from './lead-history';

/**
 * Migration 3's triggers on stage_events, leads, touches and stages: they keep metric_events exact
 * row by row, which is right for small writers and far too slow for bulk ones. Even skipped by a
 * WHEN clause they cost an import most of its time, since SQLite sets up a trigger's whole program
 * before it tests the condition.
 */
const ROW_TRIGGERS = [
  ...METRIC_EVENTS_TRIGGERS,
  // Migration 9's counts of open spans, recounted by `refresh`.
  'metric_open_insert',
  'metric_open_delete',
  'metric_open_update_old',
  'metric_open_update_new',
] as const;

/**
 * Adds (sign 1) or removes (sign -1) the open spans of the noted leads to metric_open, as
 * migration 9's triggers would have one by one.
 */
function adjustOpenCounts(sign: 1 | -1): string {
  const open = 'FROM metric_events WHERE lead_id IN (SELECT lead_id FROM temp.metric_dirty) AND left_at IS NULL';
  return `INSERT INTO metric_open (stage_id, field, value, n)
SELECT stage_id, field, value, ${sign} * count(*) FROM (
  SELECT stage_id, '' AS field, '' AS value ${open}
  ${METRIC_OPEN_FIELDS.map((f) => `UNION ALL SELECT stage_id, '${f}', ${f} ${open} AND ${f} IS NOT NULL`).join('\n  ')}
) WHERE true GROUP BY stage_id, field, value
ON CONFLICT (stage_id, field, value) DO UPDATE SET n = n + excluded.n`;
}

/**
 * What a bulk writer changes, noted per lead. Temporary objects: they belong to the writer's
 * connection only, so no other connection ever pays for them or sees them.
 */
const NOTE_CHANGED_LEADS = `
CREATE TEMP TABLE IF NOT EXISTS metric_dirty (lead_id INTEGER PRIMARY KEY);
CREATE TEMP TRIGGER metric_dirty_event_delete AFTER DELETE ON main.stage_events BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (OLD.lead_id);
END;
CREATE TEMP TRIGGER metric_dirty_event_update AFTER UPDATE OF lead_id, stage_id, entered_at, reason_code, reason_text ON main.stage_events BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (OLD.lead_id), (NEW.lead_id);
END;
CREATE TEMP TRIGGER metric_dirty_lead_update AFTER UPDATE OF created_at, segment, source, campaign, owner, country, assigned_at, outcome_reason_code, outcome_reason_text ON main.leads BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (NEW.id);
END;
CREATE TEMP TRIGGER metric_dirty_lead_delete AFTER DELETE ON main.leads BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (OLD.id);
END;
CREATE TEMP TRIGGER metric_dirty_touch_delete AFTER DELETE ON main.touches BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (OLD.lead_id);
END;
CREATE TEMP TRIGGER metric_dirty_touch_update AFTER UPDATE OF lead_id, touched_at ON main.touches BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (OLD.lead_id), (NEW.lead_id);
END;
CREATE TEMP TRIGGER metric_dirty_stage_order AFTER UPDATE OF position ON main.stages BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) SELECT id FROM main.leads;
END;`;

/**
 * Inserts, noted row by row. A writer whose every insert carries its batch id skips these: a trigger
 * costs SQLite the set-up of its program on each row (6 s of a million-lead import here), where the
 * batch's rows name their leads in one pass of the batch indexes at refresh.
 */
const NOTE_INSERTED_LEADS = `
CREATE TEMP TRIGGER metric_dirty_event_insert AFTER INSERT ON main.stage_events BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (NEW.lead_id);
END;
CREATE TEMP TRIGGER metric_dirty_touch_insert AFTER INSERT ON main.touches BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (NEW.lead_id);
END;`;

const NOTE_BATCH_INSERTS = `INSERT OR IGNORE INTO temp.metric_dirty (lead_id)
SELECT lead_id FROM main.stage_events WHERE batch_id = @batch UNION ALL SELECT lead_id FROM main.touches WHERE batch_id = @batch`;

const triggerNames = (sql: string): string[] => [...sql.matchAll(/CREATE TEMP TRIGGER (\w+)/g)].map((m) => m[1]!);

const INDEX_REBUILD_MIN_LEADS = 50_000;

/**
 * Leads whose events are read, and whose history values are written, per round: few enough that
 * each round's rows die young instead of piling up in V8's old space.
 */
const LEADS_PER_ROUND = 5_000;

/**
 * From this share of the leads on, a large batch deletes the changed leads' rows by one scan of
 * metric_events in key order, its secondary indexes dropped first, instead of seeking each lead's
 * rows through the lead index: on a million leads, 5.3 s against 18 s for all 1.8M rows and 1.2 s
 * against 1.7 s for 5% of them.
 */
const SCAN_MIN_SHARE = 0.05;

/** Batch sizes, which tests change to reach each path and round boundaries. */
export interface RefreshSizes {
  /** From this many changed leads on, metric_events' secondary indexes are built after the rows. */
  readonly indexRebuildMinLeads: number;
  readonly leadsPerRound: number;
  readonly scanMinShare: number;
}

/** History rows per INSERT statement: fewer calls into SQLite than one row each. */
const ROWS_PER_INSERT = 32;

/**
 * metric_events rows from the stage events, the leads and the history values of temp.metric_history.
 * The history table is read in event order, so the events and (for an import) the leads are read
 * in table order; one sort then puts the rows in metric_events' key order. The joins are pinned
 * (CROSS JOIN, rowid lookups): statistics gathered when the workspace was small made SQLite scan
 * every event for each history row instead.
 */
function insertFromHistory(shape: HistoryShape): string {
  const reached = new Set(shape.reached);
  return `INSERT INTO metric_events (${metricEventsColumns()})
SELECT e.stage_id, e.entered_at, e.id, e.lead_id, l.created_at, h.prev_same_at, h.prev_stage_id, h.next_stage_id, h.left_at,
  ${storedSegment('l.segment')}, l.source, l.campaign, l.owner, l.country, l.assigned_at,
  (SELECT min(t.touched_at) FROM touches t WHERE t.lead_id = e.lead_id AND t.touched_at >= e.entered_at),
  nullif(e.reason_code, ''), coalesce(e.reason_text, '') <> '', nullif(l.outcome_reason_code, ''), coalesce(l.outcome_reason_text, '') <> '',
  ${Array.from({ length: METRIC_STAGE_SLOTS }, (_, i) => (reached.has(i + 1) ? `h.r${i + 1}` : 'NULL')).join(', ')}
FROM temp.metric_history h CROSS JOIN stage_events e NOT INDEXED ON e.id = h.event_id CROSS JOIN leads l NOT INDEXED ON l.id = e.lead_id
ORDER BY e.stage_id, ${storedSegment('l.segment')}, e.entered_at, e.id`;
}

/**
 * Maintenance of metric_events for bulk writers (an import, its undo, the sample). Inside its
 * transaction the writer calls `defer`: migration 3's row triggers are dropped and the leads that
 * change are noted (by temporary triggers, or from the batch). Before committing it calls
 * `refresh`: those leads' rows are recomputed (their history values per lead, then one sorted
 * insert) and the row triggers are created again, byte for byte. Both are schema changes inside
 * the writer's transaction, so a rollback, a cancel or a crash puts the triggers back with
 * everything else, and other connections only ever see them in place.
 */
export class MetricsRefresh {
  private readonly statements = new Map<string, Statement>();
  private readonly triggerSqlStmt;
  private readonly deferredStmt;
  private readonly stagesStmt;
  private readonly indexesStmt;
  /** The dropped triggers' CREATE statements, kept between `defer` and `refresh`. */
  private dropped: string[] = [];
  /** The batch whose inserted rows name their leads at refresh, or null when triggers note them. */
  private insertsOf: number | null = null;

  constructor(
    private readonly db: Db,
    private readonly sizes: RefreshSizes = {
      indexRebuildMinLeads: INDEX_REBUILD_MIN_LEADS,
      leadsPerRound: LEADS_PER_ROUND,
      scanMinShare: SCAN_MIN_SHARE,
    },
  ) {
    this.triggerSqlStmt = db
      .prepare<[string], string>("SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND name = ?")
      .pluck();
    this.deferredStmt = db
      .prepare<[], number>(
        "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' AND name = 'metric_dirty_event_delete'",
      )
      .pluck();
    this.stagesStmt = db.prepare<[], { id: number; position: number }>('SELECT id, position FROM stages');
    this.indexesStmt = db.prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = 'metric_events' AND sql IS NOT NULL ORDER BY name",
    );
  }

  private run(sql: string): void {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    s.run();
  }

  /**
   * From here until `refresh`, changes only note the leads they touch. Call it inside the writer's
   * transaction, and `refresh` before that transaction commits. A writer that gives `insertsOfBatch`
   * promises that every stage event and touch it inserts until then carries that batch id (an
   * import does): their leads are then read from the batch at refresh instead of noted row by row.
   */
  defer(insertsOfBatch: number | null = null): void {
    if (!this.db.inTransaction) throw new Error('MetricsRefresh.defer needs the writer’s transaction');
    if (this.pending()) return;
    this.dropped = ROW_TRIGGERS.map((name) => {
      const sql = this.triggerSqlStmt.get(name);
      if (sql === undefined) throw new Error(`metrics trigger ${name} is missing`);
      return sql;
    });
    this.insertsOf = insertsOfBatch;
    this.db.exec(
      `${ROW_TRIGGERS.map((name) => `DROP TRIGGER main.${name};`).join('\n')}\n${NOTE_CHANGED_LEADS}\n${insertsOfBatch === null ? NOTE_INSERTED_LEADS : ''}`,
    );
  }

  /**
   * Counts every open span again. For a large batch this beats adjusting: the lead index would
   * visit every event of every changed lead twice, where the span index holds the open spans
   * together with their fields; and counting in JavaScript beats SQL, which sorts every key.
   */
  private recountOpenCounts(): void {
    const counts = new Map<string, { stage: number; field: string; value: string; n: number }>();
    const count = (stage: number, field: string, value: string) => {
      const key = `${stage}\u0000${field}\u0000${value}`;
      const c = counts.get(key);
      if (c) c.n++;
      else counts.set(key, { stage, field, value, n: 1 });
    };
    const rows = this.db
      .prepare<[], [number, ...Array<string | null>]>(
        `SELECT stage_id, ${METRIC_OPEN_FIELDS.join(', ')} FROM metric_events INDEXED BY metric_events_span
         WHERE stage_id IN (SELECT id FROM stages) AND segment IN (SELECT DISTINCT ${storedSegment('segment')} FROM leads) AND left_at IS NULL`,
      )
      .raw();
    for (const [stage, ...values] of rows.iterate()) {
      count(stage, '', '');
      values.forEach((v, i) => {
        if (v !== null) count(stage, METRIC_OPEN_FIELDS[i]!, v);
      });
    }
    this.run('DELETE FROM metric_open');
    const insert = this.db.prepare('INSERT INTO metric_open (stage_id, field, value, n) VALUES (?, ?, ?, ?)');
    for (const c of counts.values()) insert.run(c.stage, c.field, c.value, c.n);
  }

  /**
   * Fills temp.metric_history for the noted leads' events, a round of leads at a time: the values
   * that relate an event to the lead's others, computed per lead in one pass where SQL needed three
   * window sorts of every event (on a million new leads: 11 s for the windows and the insert, 8 s
   * for this and the insert).
   */
  private *writeHistory(shape: HistoryShape): Generator<void> {
    const columns = historyColumns(shape);
    const row = `(${columns.map(() => '?').join(', ')})`;
    this.db.exec(
      `CREATE TEMP TABLE metric_history (${columns.map((c, i) => `${c} INTEGER${i === 0 ? ' PRIMARY KEY' : ''}`).join(', ')})`,
    );
    const bound = this.db
      .prepare<[number, number], number>(
        'SELECT lead_id FROM temp.metric_dirty WHERE lead_id > ? ORDER BY lead_id LIMIT 1 OFFSET ?',
      )
      .pluck();
    const events = this.db
      .prepare<[number, number], [number, number, number, number]>(
        `SELECT d.lead_id, e.id, e.stage_id, e.entered_at FROM temp.metric_dirty d
         CROSS JOIN stage_events e INDEXED BY stage_events_lead_time ON e.lead_id = d.lead_id
         WHERE d.lead_id > ? AND d.lead_id <= ? ORDER BY d.lead_id`,
      )
      .raw();
    const insertMany = this.db.prepare(
      `INSERT INTO temp.metric_history VALUES ${Array.from({ length: ROWS_PER_INSERT }, () => row).join(', ')}`,
    );
    const insertOne = this.db.prepare(`INSERT INTO temp.metric_history VALUES ${row}`);
    const width = columns.length;
    const values: Array<number | null> = [];
    const flush = (all: boolean): void => {
      const many = width * ROWS_PER_INSERT;
      let at = 0;
      for (; values.length - at >= many; at += many) insertMany.run(values.slice(at, at + many));
      if (all) for (; at < values.length; at += width) insertOne.run(values.slice(at, at + width));
      values.splice(0, at);
    };
    for (let after = 0; ;) {
      const last = bound.get(after, this.sizes.leadsPerRound - 1) ?? Number.MAX_SAFE_INTEGER;
      let lead: HistoryEvent[] = [];
      let leadId = -1;
      for (const [id, eventId, stageId, enteredAt] of events.iterate(after, last)) {
        if (id !== leadId && lead.length > 0) {
          appendHistory(lead, shape, values);
          lead = [];
        }
        leadId = id;
        lead.push({ id: eventId, stageId, enteredAt });
      }
      if (lead.length > 0) appendHistory(lead, shape, values);
      flush(false);
      if (last === Number.MAX_SAFE_INTEGER) break;
      after = last;
      yield;
    }
    flush(true);
  }

  /** Whether this connection is deferring (between `defer` and `refresh`). */
  pending(): boolean {
    return this.deferredStmt.get() === 1;
  }

  /**
   * Recomputes the noted leads' rows and puts the row triggers back, in the writer's transaction.
   * Rows are written in table order, but the secondary indexes would take them in random order:
   * for a large batch they are dropped and built once at the end, which sorts instead of
   * splitting B-tree pages.
   */
  refresh(): void {
    if (!this.pending()) return;
    this.db.transaction(() => {
      for (const _turn of this.steps()) {
        // Nothing to do between steps here: the caller has no event loop to give back to.
      }
    })();
  }

  /**
   * `refresh` for a writer with an event loop to keep: `between` runs after each step (each round
   * of history values, each index), where an import checks for a cancel and lets other work run.
   * On a million leads the longest step is the sorted insert (4 s) where the whole refresh (9 s)
   * held the process. A throw from `between` leaves the refresh half done: the caller then rolls
   * its transaction back, which puts everything back, the row triggers included.
   */
  async refreshInTurns(between: () => Promise<void>): Promise<void> {
    if (!this.pending()) return;
    for (const _turn of this.steps()) await between();
  }

  /** The refresh's work, pausing after each step that can take long on a large batch. */
  private *steps(): Generator<void> {
    if (this.insertsOf !== null) this.db.prepare(NOTE_BATCH_INSERTS).run({ batch: this.insertsOf });
    // The writes so far may have grown leads and events many times over: the joins below are
    // planned from their statistics.
    refreshStaleStatistics(this.db);
    const dirty = this.db.prepare<[], number>('SELECT count(*) FROM temp.metric_dirty').pluck().get()!;
    const large = dirty >= this.sizes.indexRebuildMinLeads;
    // Lead ids are given in order, so the highest one tells how many leads there are, or were.
    const scan =
      large &&
      dirty >=
        this.sizes.scanMinShare *
          this.db
            .prepare<[], number>(
              'SELECT max(coalesce((SELECT max(id) FROM leads), 0), coalesce((SELECT max(lead_id) FROM metric_events), 0))',
            )
            .pluck()
            .get()!;
    if (!large) this.run(adjustOpenCounts(-1));
    const rebuilt = large ? this.indexesStmt.all() : [];
    const dropIndexes = () => {
      for (const name of rebuilt.map((i) => i.name)) this.db.exec(`DROP INDEX main."${name}"`);
    };
    if (scan) {
      dropIndexes();
      this.run('DELETE FROM metric_events NOT INDEXED WHERE lead_id IN (SELECT lead_id FROM temp.metric_dirty)');
    } else {
      this.run('DELETE FROM metric_events WHERE lead_id IN (SELECT lead_id FROM temp.metric_dirty)');
      dropIndexes();
    }
    yield;
    const shape = historyShape(this.stagesStmt.all());
    yield* this.writeHistory(shape);
    this.db.prepare(insertFromHistory(shape)).run();
    this.db.exec('DROP TABLE temp.metric_history');
    yield;
    for (const i of rebuilt) {
      this.db.exec(i.sql);
      yield;
    }
    if (large) this.recountOpenCounts();
    else this.run(adjustOpenCounts(1));
    yield;
    const noting = triggerNames(NOTE_CHANGED_LEADS + (this.insertsOf === null ? NOTE_INSERTED_LEADS : ''));
    this.db.exec(`${noting.map((name) => `DROP TRIGGER temp.${name};`).join('\n')}
DROP TABLE temp.metric_dirty;
${this.dropped.join(';\n')};`);
    this.dropped = [];
    this.insertsOf = null;
    // And metric_events' own, for the reports, committed with the batch.
    refreshStaleStatistics(this.db);
  }
}
