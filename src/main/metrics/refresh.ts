import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/driver';
import { METRIC_STAGE_SLOTS } from '../db/migrations/003_metrics';

const COLUMNS = `stage_id, entered_at, event_id, lead_id, created_at, prev_same_at, prev_stage_id, next_stage_id, left_at,
  segment, source, campaign, owner, country, assigned_at, first_touch_after, reason_code, reason_given, outcome_code, outcome_given,
  ${Array.from({ length: METRIC_STAGE_SLOTS }, (_, i) => `r${i + 1}`).join(', ')}`;

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
 * Set-based maintenance of metric_events (see migration 9): a bulk writer defers the row
 * triggers inside its transaction and refreshes the leads it changed before committing.
 */
export class MetricsRefresh {
  private readonly statements = new Map<string, Statement>();
  private readonly deferStmt;
  private readonly pendingStmt;
  private readonly stagesStmt;

  constructor(private readonly db: Db) {
    this.deferStmt = db.prepare('INSERT OR IGNORE INTO metric_deferral (id) VALUES (1)');
    this.pendingStmt = db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM metric_dirty) OR EXISTS (SELECT 1 FROM metric_deferral)').pluck();
    this.stagesStmt = db.prepare<[], StageOrder>('SELECT id, position FROM stages');
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
   * From here until `refresh`, changes only note the leads they touch. Call it inside the
   * writer's transaction, so a rollback also ends the deferral.
   */
  defer(): void {
    this.deferStmt.run();
  }

  /** Whether a deferral is on or leads await a refresh. */
  pending(): boolean {
    return this.pendingStmt.get() === 1;
  }

  /** Recomputes the noted leads' rows and ends the deferral, in one transaction (the caller's, when it has one). */
  refresh(): void {
    this.db.transaction(() => {
      this.run('DELETE FROM metric_events WHERE lead_id IN (SELECT lead_id FROM metric_dirty)');
      this.run(metricEventsRefreshSql(this.stagesStmt.all(), 'e.lead_id IN (SELECT lead_id FROM metric_dirty)'));
      this.run('DELETE FROM metric_dirty');
      this.run('DELETE FROM metric_deferral');
    })();
  }

  /** Recomputes every row (after a bulk load written without triggers, or to repair). */
  rebuild(): void {
    this.db.transaction(() => {
      this.run('DELETE FROM metric_events');
      this.run(metricEventsRefreshSql(this.stagesStmt.all(), '1'));
      this.run('DELETE FROM metric_dirty');
      this.run('DELETE FROM metric_deferral');
    })();
  }
}
