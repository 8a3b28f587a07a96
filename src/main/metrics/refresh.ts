import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/driver';
import { METRIC_STAGE_SLOTS } from '../db/migrations/003_metrics';
import { METRIC_OPEN_FIELDS } from '../db/migrations/009_metric_open';

const COLUMNS = `stage_id, entered_at, event_id, lead_id, created_at, prev_same_at, prev_stage_id, next_stage_id, left_at,
  segment, source, campaign, owner, country, assigned_at, first_touch_after, reason_code, reason_given, outcome_code, outcome_given,
  ${Array.from({ length: METRIC_STAGE_SLOTS }, (_, i) => `r${i + 1}`).join(', ')}`;

/**
 * Migration 3's triggers on stage_events, leads, touches and stages: they keep metric_events exact
 * row by row, which is right for small writers and far too slow for bulk ones. Even skipped by a
 * WHEN clause they cost an import most of its time, since SQLite sets up a trigger's whole program
 * before it tests the condition.
 */
const ROW_TRIGGERS = [
  'metric_events_append',
  'metric_events_insert_between',
  'metric_events_after_delete',
  'metric_events_after_update',
  'metric_events_lead_fields',
  'metric_events_lead_deleted',
  'metric_events_touch_insert',
  'metric_events_touch_delete',
  'metric_events_touch_update',
  'metric_events_stage_order',
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
CREATE TEMP TRIGGER metric_dirty_event_insert AFTER INSERT ON main.stage_events BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (NEW.lead_id);
END;
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
CREATE TEMP TRIGGER metric_dirty_touch_insert AFTER INSERT ON main.touches BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (NEW.lead_id);
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

const NOTE_TRIGGERS = [...NOTE_CHANGED_LEADS.matchAll(/CREATE TEMP TRIGGER (\w+)/g)].map((m) => m[1]!);

/** From this many changed leads on, metric_events' secondary indexes are built after the rows, not with them. */
const INDEX_REBUILD_MIN_LEADS = 50_000;

/** A stage as the refresh orders events: ties at one instant go by position, then id. */
export interface StageOrder {
  readonly id: number;
  readonly position: number;
}

/**
 * The statement that writes metric_events rows for the stage events matched by `where` (a
 * condition on stage_events e), with the same values as migration 3's `metricEventsInsert`, in
 * sorted passes instead of a self-join:
 * - previous/next event of the lead: lag/lead over (time, stage position, stage id);
 * - previous entry into the same stage: lag within (lead, stage), which the unique index
 *   (lead_id, stage_id, entered_at) already delivers in order;
 * - r<s>, the first entry into stage s at or after the event: a running minimum over the lead's
 *   events in descending time, where RANGE makes events at the same instant peers, i.e. exactly
 *   the self-join's `x.entered_at >= e.entered_at` whatever their order;
 * - the first touch at or after the event: one step of the (lead_id, touched_at) index.
 * Stage ids are written into the text (from the stages table, never from input); only stages
 * that exist get a running minimum, other slots are NULL as they would be anyway.
 */
export function metricEventsRefreshSql(stages: readonly StageOrder[], where: string): string {
  const ranked = [...stages].sort((a, b) => a.position - b.position || a.id - b.id);
  const rank = `CASE e.stage_id ${ranked.map((s, i) => `WHEN ${s.id} THEN ${i}`).join(' ')} END`;
  const present = new Set(stages.map((s) => s.id));
  const slots = Array.from({ length: METRIC_STAGE_SLOTS }, (_, i) => i + 1);
  const reach = slots.filter((s) => present.has(s));
  return `INSERT INTO metric_events (${COLUMNS})
SELECT o.stage_id, o.entered_at, o.id, o.lead_id, l.created_at, o.prev_same_at, o.prev_stage_id, o.next_stage_id, o.left_at,
  l.segment, l.source, l.campaign, l.owner, l.country, l.assigned_at,
  (SELECT min(t.touched_at) FROM touches t WHERE t.lead_id = o.lead_id AND t.touched_at >= o.entered_at),
  nullif(o.reason_code, ''), o.reason_given, nullif(l.outcome_reason_code, ''), coalesce(l.outcome_reason_text, '') <> '',
  ${slots.map((s) => (present.has(s) ? `o.r${s}` : 'NULL')).join(', ')}
FROM (SELECT e.id, e.lead_id, e.stage_id, e.entered_at, e.reason_code, e.reason_given, e.prev_same_at,
        lag(e.stage_id) OVER w AS prev_stage_id, lead(e.stage_id) OVER w AS next_stage_id, lead(e.entered_at) OVER w AS left_at
        ${reach.map((s) => `, min(CASE WHEN e.stage_id = ${s} THEN e.entered_at END) OVER r AS r${s}`).join('')}
      FROM (SELECT e.id, e.lead_id, e.stage_id, e.entered_at, e.reason_code, coalesce(e.reason_text, '') <> '' AS reason_given,
              lag(e.entered_at) OVER (PARTITION BY e.lead_id, e.stage_id ORDER BY e.entered_at) AS prev_same_at
            FROM stage_events e WHERE ${where}) e
      WINDOW w AS (PARTITION BY e.lead_id ORDER BY e.entered_at, ${rank}),
             r AS (PARTITION BY e.lead_id ORDER BY e.entered_at DESC RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) o
JOIN leads l ON l.id = o.lead_id
ORDER BY o.stage_id, o.entered_at, o.id`;
}

/**
 * Set-based maintenance of metric_events for bulk writers (an import, its undo, the sample). Inside
 * its transaction the writer calls `defer`: migration 3's row triggers are dropped and temporary
 * ones only note the leads that change. Before committing it calls `refresh`: those leads' rows are
 * recomputed in one statement and the row triggers are created again, byte for byte. Both are
 * schema changes inside the writer's transaction, so a rollback, a cancel or a crash puts the
 * triggers back with everything else, and other connections only ever see them in place.
 */
export class MetricsRefresh {
  private readonly statements = new Map<string, Statement>();
  private readonly triggerSqlStmt;
  private readonly deferredStmt;
  private readonly stagesStmt;
  private readonly indexesStmt;
  /** The dropped triggers' CREATE statements, kept between `defer` and `refresh`. */
  private dropped: string[] = [];

  constructor(
    private readonly db: Db,
    private readonly indexRebuildMinLeads = INDEX_REBUILD_MIN_LEADS,
  ) {
    this.triggerSqlStmt = db
      .prepare<[string], string>("SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND name = ?")
      .pluck();
    this.deferredStmt = db
      .prepare<[], number>(
        "SELECT count(*) FROM sqlite_temp_master WHERE type = 'trigger' AND name = 'metric_dirty_event_insert'",
      )
      .pluck();
    this.stagesStmt = db.prepare<[], StageOrder>('SELECT id, position FROM stages');
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
   * transaction, and `refresh` before that transaction commits.
   */
  defer(): void {
    if (!this.db.inTransaction) throw new Error('MetricsRefresh.defer needs the writer’s transaction');
    if (this.pending()) return;
    this.dropped = ROW_TRIGGERS.map((name) => {
      const sql = this.triggerSqlStmt.get(name);
      if (sql === undefined) throw new Error(`metrics trigger ${name} is missing`);
      return sql;
    });
    this.db.exec(`${ROW_TRIGGERS.map((name) => `DROP TRIGGER main.${name};`).join('\n')}\n${NOTE_CHANGED_LEADS}`);
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
         WHERE stage_id IN (SELECT id FROM stages) AND left_at IS NULL`,
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

  /** Whether this connection is deferring (between `defer` and `refresh`). */
  pending(): boolean {
    return this.deferredStmt.get() === 1;
  }

  /**
   * Recomputes the noted leads' rows and puts the row triggers back, in the writer's transaction.
   * Rows are written in table order, but the secondary indexes would take them in random order:
   * for a large batch they are dropped after the delete (which needs the lead index) and built
   * once at the end, which sorts instead of splitting B-tree pages.
   */
  refresh(): void {
    if (!this.pending()) return;
    this.db.transaction(() => {
      const large =
        this.db.prepare<[], number>('SELECT count(*) FROM temp.metric_dirty').pluck().get()! >=
        this.indexRebuildMinLeads;
      if (!large) this.run(adjustOpenCounts(-1));
      this.run('DELETE FROM metric_events WHERE lead_id IN (SELECT lead_id FROM temp.metric_dirty)');
      const rebuilt = large ? this.indexesStmt.all() : [];
      for (const name of rebuilt.map((i) => i.name)) this.db.exec(`DROP INDEX main."${name}"`);
      this.run(metricEventsRefreshSql(this.stagesStmt.all(), 'e.lead_id IN (SELECT lead_id FROM temp.metric_dirty)'));
      for (const i of rebuilt) this.db.exec(i.sql);
      if (large) this.recountOpenCounts();
      else this.run(adjustOpenCounts(1));
      this.db.exec(`${NOTE_TRIGGERS.map((name) => `DROP TRIGGER temp.${name};`).join('\n')}
DROP TABLE temp.metric_dirty;
${this.dropped.join(';\n')};`);
    })();
    this.dropped = [];
  }
}
