import type { Migration } from '../migrate';

/** The filter fields metric_open counts by (metric_events columns). */
export const METRIC_OPEN_FIELDS = ['segment', 'source', 'campaign', 'owner', 'country'] as const;
const FIELDS = METRIC_OPEN_FIELDS;

/** Open spans, read from the span index (stage_id, left_at, …) one stage at a time. */
const OPEN = 'stage_id IN (SELECT id FROM stages) AND left_at IS NULL';

/** One row per counted key of an open span `row` (NEW or OLD): every lead, then each filter field it has a value for. */
function keys(row: 'NEW' | 'OLD'): string {
  return [`SELECT '' AS field, '' AS value`, ...FIELDS.map((f) => `SELECT '${f}', ${row}.${f}`)].join(' UNION ALL ');
}

function add(row: 'NEW' | 'OLD', n: 1 | -1): string {
  return `INSERT INTO metric_open (stage_id, field, value, n)
    SELECT ${row}.stage_id, field, value, ${n} FROM (${keys(row)}) WHERE value IS NOT NULL
    ON CONFLICT (stage_id, field, value) DO UPDATE SET n = n + excluded.n;`;
}

/** The triggers on metric_events that keep metric_open exact for every writer. */
export function metricOpenTriggers(): string {
  return `CREATE TRIGGER metric_open_insert AFTER INSERT ON metric_events WHEN NEW.left_at IS NULL BEGIN
  ${add('NEW', 1)}
END;
CREATE TRIGGER metric_open_delete AFTER DELETE ON metric_events WHEN OLD.left_at IS NULL BEGIN
  ${add('OLD', -1)}
END;
CREATE TRIGGER metric_open_update_old AFTER UPDATE OF stage_id, left_at, ${FIELDS.join(', ')} ON metric_events WHEN OLD.left_at IS NULL BEGIN
  ${add('OLD', -1)}
END;
CREATE TRIGGER metric_open_update_new AFTER UPDATE OF stage_id, left_at, ${FIELDS.join(', ')} ON metric_events WHEN NEW.left_at IS NULL BEGIN
  ${add('NEW', 1)}
END;
`;
}

/**
 * Open spans (a lead's latest stage event: left_at IS NULL) counted per stage, for every lead and
 * per value of each filter field. "Leads in a stage at an instant" is open spans entered before it
 * plus spans left after it; the first term read this way is a few rows instead of an index range
 * as long as the stage's current leads (a million-lead workspace: 130,000 per stage, per call).
 * Triggers on metric_events keep it exact for every writer; bulk writers drop them with migration
 * 3's and recount once (src/main/metrics/refresh.ts).
 */
export const m009MetricOpen: Migration = {
  version: 9,
  name: 'metric_open',
  up: (db) =>
    db.exec(`
CREATE TABLE metric_open (
  stage_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (stage_id, field, value)
) WITHOUT ROWID, STRICT;

INSERT INTO metric_open (stage_id, field, value, n)
SELECT stage_id, field, value, count(*) FROM (
  SELECT stage_id, '' AS field, '' AS value FROM metric_events WHERE ${OPEN}
  ${FIELDS.map((f) => `UNION ALL SELECT stage_id, '${f}', ${f} FROM metric_events WHERE ${OPEN} AND ${f} IS NOT NULL`).join('\n  ')}
) GROUP BY stage_id, field, value;

${metricOpenTriggers()}`),
};
