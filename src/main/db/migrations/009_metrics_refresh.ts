import type { Migration } from '../migrate';

/**
 * Migration 3's triggers on stage_events, leads, touches and stages: they keep metric_events exact
 * row by row, which is right for small writers and far too slow for bulk ones (a million-lead import
 * spent most of its time in them).
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
] as const;

const DEFERRED = 'EXISTS (SELECT 1 FROM metric_deferral)';

/**
 * Adds `WHEN NOT <deferred>` to a stored CREATE TRIGGER statement (before its own WHEN condition,
 * which SQLite then skips). The trigger bodies stay migration 3's, byte for byte.
 */
export function gateTrigger(sql: string): string {
  const m = /^(CREATE TRIGGER \w+ AFTER (?:INSERT|DELETE|UPDATE(?: OF [\w, ]+)?) ON \w+)\s+(?:WHEN ([\s\S]*?)\s+)?BEGIN\b([\s\S]*)$/.exec(sql);
  if (!m) throw new Error(`migration 9: unexpected trigger text: ${sql.slice(0, 80)}`);
  const [, head, when, body] = m;
  return `${head}\nWHEN NOT ${DEFERRED}${when ? ` AND (${when})` : ''}\nBEGIN${body}`;
}

/**
 * Bulk maintenance of metric_events. A writer that changes many leads (an import, its undo, the
 * sample generator) first inserts the one row of `metric_deferral` inside its transaction: migration
 * 3's row triggers then stand aside and cheap ones only note the changed leads in `metric_dirty`.
 * Before committing, the writer recomputes those leads' rows in one set-based statement and deletes
 * the deferral row (src/main/metrics/refresh.ts), so other connections never see either table
 * non-empty. Every other writer keeps the exact row triggers, and metrics reads refresh anything a
 * deferring writer left behind.
 */
export const m009MetricsRefresh: Migration = {
  version: 9,
  name: 'metrics_refresh',
  up: (db) => {
    db.exec(`
CREATE TABLE metric_dirty (lead_id INTEGER PRIMARY KEY) STRICT;
CREATE TABLE metric_deferral (id INTEGER PRIMARY KEY CHECK (id = 1)) STRICT;
`);
    const stored = db.prepare<[string], string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck();
    for (const name of ROW_TRIGGERS) {
      const sql = stored.get(name);
      if (sql === undefined) throw new Error(`migration 9: trigger ${name} is missing`);
      db.exec(`DROP TRIGGER ${name}; ${gateTrigger(sql)};`);
    }
    db.exec(`
CREATE TRIGGER metric_dirty_event_insert AFTER INSERT ON stage_events WHEN ${DEFERRED} BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (NEW.lead_id);
END;
CREATE TRIGGER metric_dirty_event_delete AFTER DELETE ON stage_events WHEN ${DEFERRED} BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (OLD.lead_id);
END;
CREATE TRIGGER metric_dirty_event_update AFTER UPDATE OF lead_id, stage_id, entered_at, reason_code, reason_text ON stage_events WHEN ${DEFERRED} BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (OLD.lead_id), (NEW.lead_id);
END;
CREATE TRIGGER metric_dirty_lead_update AFTER UPDATE OF created_at, segment, source, campaign, owner, country, assigned_at, outcome_reason_code, outcome_reason_text ON leads WHEN ${DEFERRED} BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (NEW.id);
END;
CREATE TRIGGER metric_dirty_lead_delete AFTER DELETE ON leads WHEN ${DEFERRED} BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (OLD.id);
END;
CREATE TRIGGER metric_dirty_touch_insert AFTER INSERT ON touches WHEN ${DEFERRED} BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (NEW.lead_id);
END;
CREATE TRIGGER metric_dirty_touch_delete AFTER DELETE ON touches WHEN ${DEFERRED} BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (OLD.lead_id);
END;
CREATE TRIGGER metric_dirty_touch_update AFTER UPDATE OF lead_id, touched_at ON touches WHEN ${DEFERRED} BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) VALUES (OLD.lead_id), (NEW.lead_id);
END;
CREATE TRIGGER metric_dirty_stage_order AFTER UPDATE OF position ON stages WHEN ${DEFERRED} BEGIN
  INSERT OR IGNORE INTO metric_dirty (lead_id) SELECT id FROM leads;
END;
`);
  },
};
