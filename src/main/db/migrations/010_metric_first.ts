import type { Migration } from '../migrate';

/**
 * Each lead's first stage event (metric_events rows without a previous stage), by stage and time,
 * with the filter fields. A period's entries by previous stage are then read from indexes only:
 * every other entry is the end of the span before it (the span index of migration 3, by left_at
 * and next stage), and the first events are this range. Scanning the wide rows for them took about
 * twice as long on a million leads. A partial index: one entry per lead, not per event; it ends
 * with prev_stage_id so that it covers the query naming its condition (SQLite would otherwise read
 * every row to test it).
 */
export const m010MetricFirst: Migration = {
  version: 10,
  name: 'metric_first',
  up: (db) =>
    db.exec(`
CREATE INDEX metric_events_first ON metric_events(stage_id, entered_at, segment, source, owner, country, campaign, prev_stage_id)
  WHERE prev_stage_id IS NULL;
`),
};
