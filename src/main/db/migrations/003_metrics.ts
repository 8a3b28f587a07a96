import type { Migration } from '../migrate';

/**
 * Stage ids that get a "first reached at" column in metric_events (r1..r24). The metrics service
 * refuses, with a clear error, workspaces whose stage ids go beyond it.
 */
export const METRIC_STAGE_SLOTS = 24;
const slots = Array.from({ length: METRIC_STAGE_SLOTS }, (_, i) => i + 1);

/** How a writer stores the lead's segment in metric_events: as is (migration 3), or never NULL (migration 11). */
export type SegmentOf = (column: string) => string;
const AS_IS: SegmentOf = (column) => column;

/**
 * metric_events' columns in table order, as an insert names them; `segment` is what is written for
 * the segment when they are a select list.
 */
export function metricEventsColumns(segment = 'segment'): string {
  return `stage_id, entered_at, event_id, lead_id, created_at, prev_same_at, prev_stage_id, next_stage_id, left_at,
  ${segment}, source, campaign, owner, country, assigned_at, first_touch_after, reason_code, reason_given, outcome_code, outcome_given,
  ${slots.map((s) => `r${s}`).join(', ')}`;
}

/** metric_events' table: as migration 3 made it, and as migration 11 makes it again with the segment in its key. */
export function metricEventsTable(name: string, segment: 'TEXT' | 'TEXT NOT NULL', key: string): string {
  return `CREATE TABLE ${name} (
  stage_id INTEGER NOT NULL,
  entered_at INTEGER NOT NULL,
  event_id INTEGER NOT NULL,
  lead_id INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  prev_same_at INTEGER,
  prev_stage_id INTEGER,
  next_stage_id INTEGER,
  left_at INTEGER,
  segment ${segment},
  source TEXT,
  campaign TEXT,
  owner TEXT,
  country TEXT,
  assigned_at INTEGER,
  first_touch_after INTEGER,
  reason_code TEXT,
  reason_given INTEGER NOT NULL,
  outcome_code TEXT,
  outcome_given INTEGER NOT NULL,
  ${slots.map((s) => `r${s} INTEGER`).join(',\n  ')},
  PRIMARY KEY (${key})
) WITHOUT ROWID, STRICT;`;
}

/**
 * Recomputes metric_events rows for the leads matched by `where` (a condition on stage_events e).
 * Events of one lead are ordered by time, then stage position, then stage id, so events at the
 * same instant (date-only exports) have one well-defined order. Rows are written in the table's
 * key order, which makes a full rebuild about a quarter faster than writing them as they come.
 */
export function metricEventsInsert(where: string, segment: SegmentOf = AS_IS): string {
  return `INSERT INTO metric_events (${metricEventsColumns()})
SELECT o.stage_id, o.entered_at, o.id, o.lead_id, l.created_at, o.prev_same_at, o.prev_stage_id, o.next_stage_id, o.left_at,
  ${segment('l.segment')}, l.source, l.campaign, l.owner, l.country, l.assigned_at,
  (SELECT min(t.touched_at) FROM touches t WHERE t.lead_id = o.lead_id AND t.touched_at >= o.entered_at),
  nullif(o.reason_code, ''), o.reason_given, nullif(l.outcome_reason_code, ''), coalesce(l.outcome_reason_text, '') <> '',
  ${slots.map((s) => `r.r${s}`).join(', ')}
FROM (SELECT e.id, e.lead_id, e.stage_id, e.entered_at, e.reason_code, coalesce(e.reason_text, '') <> '' AS reason_given,
        lag(e.stage_id) OVER w AS prev_stage_id, lead(e.stage_id) OVER w AS next_stage_id, lead(e.entered_at) OVER w AS left_at,
        lag(e.entered_at) OVER (PARTITION BY e.lead_id, e.stage_id ORDER BY e.entered_at) AS prev_same_at
      FROM stage_events e JOIN stages s ON s.id = e.stage_id
      WHERE ${where}
      WINDOW w AS (PARTITION BY e.lead_id ORDER BY e.entered_at, s.position, s.id)) o
JOIN (SELECT e.id, ${slots.map((s) => `min(CASE WHEN x.stage_id = ${s} THEN x.entered_at END) AS r${s}`).join(', ')}
      FROM stage_events e JOIN stage_events x ON x.lead_id = e.lead_id AND x.entered_at >= e.entered_at
      WHERE ${where}
      GROUP BY e.id) r ON r.id = o.id
JOIN leads l ON l.id = o.lead_id
ORDER BY o.stage_id, o.entered_at, o.id`;
}

/** The names of the triggers `metricEventsTriggers` creates. */
export const METRIC_EVENTS_TRIGGERS = [
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

/**
 * The triggers on stage_events, leads, touches and stages that keep metric_events exact, storing the
 * segment as `segment` says.
 */
export function metricEventsTriggers(segment: SegmentOf = AS_IS): string {
  return `-- Imports mostly append a lead's events in time order: that case updates the lead's rows in
-- place; an event at or before an existing one recomputes the lead.
CREATE TRIGGER metric_events_append AFTER INSERT ON stage_events
WHEN NOT EXISTS (SELECT 1 FROM stage_events x WHERE x.lead_id = NEW.lead_id AND x.entered_at >= NEW.entered_at AND x.id <> NEW.id)
BEGIN
  INSERT INTO metric_events (stage_id, entered_at, event_id, lead_id, created_at, prev_same_at, prev_stage_id, next_stage_id, left_at,
    segment, source, campaign, owner, country, assigned_at, first_touch_after, reason_code, reason_given, outcome_code, outcome_given,
    ${slots.map((s) => `r${s}`).join(', ')})
  SELECT NEW.stage_id, NEW.entered_at, NEW.id, NEW.lead_id, l.created_at,
    (SELECT max(x.entered_at) FROM stage_events x WHERE x.lead_id = NEW.lead_id AND x.stage_id = NEW.stage_id AND x.id <> NEW.id),
    (SELECT m.stage_id FROM metric_events m WHERE m.lead_id = NEW.lead_id AND m.left_at IS NULL), NULL, NULL,
    ${segment('l.segment')}, l.source, l.campaign, l.owner, l.country, l.assigned_at,
    (SELECT min(t.touched_at) FROM touches t WHERE t.lead_id = NEW.lead_id AND t.touched_at >= NEW.entered_at),
    nullif(NEW.reason_code, ''), coalesce(NEW.reason_text, '') <> '', nullif(l.outcome_reason_code, ''), coalesce(l.outcome_reason_text, '') <> '',
    ${slots.map((s) => `CASE WHEN NEW.stage_id = ${s} THEN NEW.entered_at END`).join(', ')}
  FROM leads l WHERE l.id = NEW.lead_id;
  UPDATE metric_events SET next_stage_id = NEW.stage_id, left_at = NEW.entered_at
  WHERE lead_id = NEW.lead_id AND left_at IS NULL AND event_id <> NEW.id;
  -- One statement per stage slot: SQLite tests the constant NEW.stage_id term once, so only the
  -- slot of the new stage runs, and only rows that had not reached that stage are rewritten.
  ${slots.map((s) => `UPDATE metric_events SET r${s} = NEW.entered_at WHERE NEW.stage_id = ${s} AND lead_id = NEW.lead_id AND r${s} IS NULL AND event_id <> NEW.id;`).join('\n  ')}
END;
CREATE TRIGGER metric_events_insert_between AFTER INSERT ON stage_events
WHEN EXISTS (SELECT 1 FROM stage_events x WHERE x.lead_id = NEW.lead_id AND x.entered_at >= NEW.entered_at AND x.id <> NEW.id)
BEGIN
  DELETE FROM metric_events WHERE lead_id = NEW.lead_id;
  ${metricEventsInsert('e.lead_id = NEW.lead_id', segment)};
END;
CREATE TRIGGER metric_events_after_delete AFTER DELETE ON stage_events BEGIN
  DELETE FROM metric_events WHERE lead_id = OLD.lead_id;
  ${metricEventsInsert('e.lead_id = OLD.lead_id', segment)};
END;
CREATE TRIGGER metric_events_after_update AFTER UPDATE OF lead_id, stage_id, entered_at, reason_code, reason_text ON stage_events BEGIN
  DELETE FROM metric_events WHERE lead_id IN (OLD.lead_id, NEW.lead_id);
  ${metricEventsInsert('e.lead_id IN (OLD.lead_id, NEW.lead_id)', segment)};
END;
CREATE TRIGGER metric_events_lead_fields AFTER UPDATE OF created_at, segment, source, campaign, owner, country, assigned_at, outcome_reason_code, outcome_reason_text ON leads BEGIN
  UPDATE metric_events SET created_at = NEW.created_at, segment = ${segment('NEW.segment')}, source = NEW.source, campaign = NEW.campaign,
    owner = NEW.owner, country = NEW.country, assigned_at = NEW.assigned_at, outcome_code = nullif(NEW.outcome_reason_code, ''),
    outcome_given = coalesce(NEW.outcome_reason_text, '') <> ''
  WHERE lead_id = NEW.id;
END;
CREATE TRIGGER metric_events_lead_deleted AFTER DELETE ON leads BEGIN
  DELETE FROM metric_events WHERE lead_id = OLD.id;
END;
CREATE TRIGGER metric_events_touch_insert AFTER INSERT ON touches BEGIN
  UPDATE metric_events SET first_touch_after = NEW.touched_at
  WHERE lead_id = NEW.lead_id AND entered_at <= NEW.touched_at AND (first_touch_after IS NULL OR first_touch_after > NEW.touched_at);
END;
CREATE TRIGGER metric_events_touch_delete AFTER DELETE ON touches BEGIN
  UPDATE metric_events SET first_touch_after =
    (SELECT min(t.touched_at) FROM touches t WHERE t.lead_id = metric_events.lead_id AND t.touched_at >= metric_events.entered_at)
  WHERE lead_id = OLD.lead_id;
END;
CREATE TRIGGER metric_events_touch_update AFTER UPDATE OF lead_id, touched_at ON touches BEGIN
  UPDATE metric_events SET first_touch_after =
    (SELECT min(t.touched_at) FROM touches t WHERE t.lead_id = metric_events.lead_id AND t.touched_at >= metric_events.entered_at)
  WHERE lead_id IN (OLD.lead_id, NEW.lead_id);
END;
-- Reordering stages changes the order of same-instant events: rare, so a full rebuild.
CREATE TRIGGER metric_events_stage_order AFTER UPDATE OF position ON stages BEGIN
  DELETE FROM metric_events;
  ${metricEventsInsert('1', segment)};
END;
`;
}

/**
 * Metrics: an aggregate of the stage history kept fresh by triggers, the marketing spend table.
 *
 * metric_events holds one row per stage event, clustered by (stage, time) so every period figure
 * is a range scan without joins: the lead's filter fields, the previous and next event of the
 * lead (spans, for stalled leads and the waterfall), the previous entry into the same stage (for
 * "first entry within the period") and, per stage id, the first entry at or after this event
 * (r<id>, for cohort conversion and velocity). Triggers on stage_events recompute the affected
 * lead's rows, so any writer (importer, undo, tests) keeps it consistent in its own transaction.
 */
export const m003Metrics: Migration = {
  version: 3,
  name: 'metrics',
  up: (db) => {
    db.exec(`
${metricEventsTable('metric_events', 'TEXT', 'stage_id, entered_at, event_id')}
CREATE INDEX metric_events_lead ON metric_events(lead_id);
-- Spans by end: open spans (left_at NULL) and spans left after an instant, with where they went and
-- the filter fields, so stalled counts, stage counts and waterfall exits never read the wide rows.
CREATE INDEX metric_events_span ON metric_events(stage_id, left_at, entered_at, next_stage_id, segment, source, owner, country, campaign);

CREATE TABLE marketing_spend (
  id INTEGER PRIMARY KEY,
  channel TEXT NOT NULL CHECK (length(channel) BETWEEN 1 AND 200),
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  amount REAL NOT NULL CHECK (amount >= 0),
  currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
  file_name TEXT NOT NULL DEFAULT '',
  imported_at INTEGER NOT NULL,
  UNIQUE (channel, month, currency)
) STRICT;

CREATE INDEX stage_events_lead_time ON stage_events(lead_id, entered_at);

${metricEventsTriggers()}`);
    db.exec(`${metricEventsInsert('1')};`);
  },
};
