import type { Migration } from '../migrate';
import {
  METRIC_EVENTS_TRIGGERS,
  metricEventsColumns,
  metricEventsTable,
  metricEventsTriggers,
  type SegmentOf,
} from './003_metrics';
import { metricOpenTriggers } from './009_metric_open';

/** A lead without a segment is stored as '': a column of a WITHOUT ROWID key may not be NULL. */
export const NO_SEGMENT = '';
/** The segment as metric_events stores it (every writer: these triggers, bulk refresh, test rebuilds). */
export const storedSegment: SegmentOf = (column) => `coalesce(${column}, '${NO_SEGMENT}')`;

/**
 * metric_events clustered by (stage, segment, time) instead of (stage, time), and its span and
 * first-event indexes (migrations 3 and 10) led by (stage, segment) the same way. A report filtered
 * to one segment, the filter leaders reach for first, then reads that segment's rows of the period
 * and nothing else: before, it read every row of the period and dropped the other segments' one by
 * one (on a million leads, a week filtered to a segment matching nothing still took 35 ms, against
 * 53 ms for Enterprise). An unfiltered read names every segment (MetricsSql: one range per segment,
 * the values taken from metric_open's counts, which hold every lead's latest span and so every
 * segment a lead has).
 *
 * The table is rebuilt in the new key order, then the triggers of migrations 3 and 9 are created
 * again, storing a missing segment as ''.
 */
export const m011MetricSegment: Migration = {
  version: 11,
  name: 'metric_segment',
  up: (db) =>
    db.exec(`
${METRIC_EVENTS_TRIGGERS.map((t) => `DROP TRIGGER ${t};`).join('\n')}

${metricEventsTable('metric_events_new', 'TEXT NOT NULL', 'stage_id, segment, entered_at, event_id')}

INSERT INTO metric_events_new (${metricEventsColumns()})
SELECT ${metricEventsColumns(storedSegment('segment'))}
FROM metric_events ORDER BY stage_id, ${storedSegment('segment')}, entered_at, event_id;

DROP TABLE metric_events;
ALTER TABLE metric_events_new RENAME TO metric_events;

CREATE INDEX metric_events_lead ON metric_events(lead_id);
CREATE INDEX metric_events_span ON metric_events(stage_id, segment, left_at, entered_at, next_stage_id, source, owner, country, campaign);
CREATE INDEX metric_events_first ON metric_events(stage_id, segment, entered_at, source, owner, country, campaign, prev_stage_id)
  WHERE prev_stage_id IS NULL;

-- Leads without a segment are now counted under ''.
DELETE FROM metric_open WHERE field = 'segment';
INSERT INTO metric_open (stage_id, field, value, n)
SELECT stage_id, 'segment', segment, count(*) FROM metric_events WHERE left_at IS NULL GROUP BY stage_id, segment;

${metricOpenTriggers()}
${metricEventsTriggers(storedSegment)}
`),
};
