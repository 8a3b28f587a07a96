import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../../src/main/workspace/workspace';
import { listBackups } from '../../../../src/main/db/backups';
import { METRIC_EVENTS_TRIGGERS, metricEventsInsert } from '../../../../src/main/db/migrations/003_metrics';
import { storedSegment } from '../../../../src/main/db/migrations/011_metric_segment';
import { computeReport } from '../../../../src/main/metrics/service';
import { drilldown } from '../../../../src/main/metrics/drilldown';
import { insertLeads, metricRows, openCounts, tempWorkspace, type LeadSpec } from '../../../fixtures/metrics/workspace';

const ZONE = 'America/Sao_Paulo';
const leads: LeadSpec[] = [
  {
    id: 'A',
    segment: 'SMB',
    events: [
      ['lead', '2025-03-04T09:00'],
      ['mql', '2025-03-05T09:00'],
    ],
  },
  {
    id: 'B',
    events: [
      ['lead', '2025-03-04T10:00'],
      ['mql', '2025-03-05T10:00'],
      ['lost', '2025-03-06T10:00', 'price'],
    ],
  },
  {
    id: 'C',
    segment: 'Enterprise',
    events: [
      ['mql', '2025-03-04T11:00'],
      ['lost', '2025-03-06T11:00', 'price'],
    ],
  },
  { id: 'D', events: [['lead', '2025-03-05T12:00']] },
];
const week = { from: '2025-03-03', to: '2025-03-09', withinDays: null, compare: false, asOf: Date.UTC(2025, 2, 12) };

describe('migration 11: metric_events keyed by segment', () => {
  it('rebuilds metric_events by (stage, segment, time) after a backup, exactly as a new workspace holds the same leads', () => {
    const old = tempWorkspace(ZONE, 'older', 10);
    const fresh = tempWorkspace(ZONE, 'fresh');
    try {
      insertLeads(old.ws, ZONE, leads);
      insertLeads(fresh.ws, ZONE, leads);
      old.ws.close();
      const ws = Workspace.open(old.file);
      try {
        expect(listBackups(old.file).some((b) => b.reason === 'migration' && b.schemaVersion === 10)).toBe(true);
        const table = ws.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'metric_events'").pluck().get();
        expect(table).toContain('PRIMARY KEY (stage_id, segment, entered_at, event_id)');
        const schema = (db: Workspace['db']) =>
          db
            .prepare(
              "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index', 'table') AND name NOT LIKE 'sqlite_%' ORDER BY name",
            )
            .all();
        expect(schema(ws.db)).toEqual(schema(fresh.ws.db));
        expect(
          ws.db
            .prepare(
              "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'metric_events_%' ORDER BY name",
            )
            .pluck()
            .all(),
        ).toEqual([...METRIC_EVENTS_TRIGGERS].sort());
        // Leads without a segment are stored as '' and counted under it.
        expect(metricRows(ws)).toEqual(metricRows(fresh.ws));
        expect(openCounts(ws)).toEqual(openCounts(fresh.ws));
        expect(
          ws.db.prepare("SELECT value, sum(n) FROM metric_open WHERE field = 'segment' GROUP BY value").raw().all(),
        ).toEqual([
          ['', 2],
          ['Enterprise', 1],
          ['SMB', 1],
        ]);

        for (const filters of [{}, { segment: ['SMB'] }, { segment: ['Enterprise', 'SMB'] }]) {
          expect(computeReport(ws, { ...week, filters })).toEqual(computeReport(fresh.ws, { ...week, filters }));
        }
        const report = computeReport(ws, { ...week, filters: {} });
        // Every lead counts, those without a segment too.
        expect(report.flow).toMatchObject({ lead: 3, mql: 3, lost: 2 });
        expect(report.winloss_by.segment).toEqual([
          { outcome: 'lost', value: null, reason: 'price', count: 1 },
          { outcome: 'lost', value: 'Enterprise', reason: 'price', count: 1 },
        ]);
        const noSegment = drilldown(ws, {
          ...week,
          filters: {},
          figure: { type: 'winloss', outcome: 'lost', by: { field: 'segment', value: null } },
          offset: 0,
          limit: 10,
        });
        expect(noSegment.leads.map((l) => l.external_id)).toEqual(['B']);

        // The rewritten triggers keep the table exact: a lead without a segment gets an event, another loses its segment.
        insertLeads(ws, ZONE, [{ id: 'E', events: [['mql', '2025-03-07T09:00']] }]);
        ws.db.exec(
          "INSERT INTO stage_events (lead_id, stage_id, entered_at) SELECT id, 3, entered_at + 1 FROM leads, (SELECT max(entered_at) AS entered_at FROM stage_events) WHERE external_id = 'D'",
        );
        ws.db.exec("UPDATE leads SET segment = NULL WHERE external_id = 'A'");
        const kept = metricRows(ws);
        ws.db.exec(`DELETE FROM metric_events; ${metricEventsInsert('1', storedSegment)};`);
        expect(metricRows(ws)).toEqual(kept);
        expect(computeReport(ws, { ...week, filters: { segment: ['SMB'] } }).flow).toMatchObject({ lead: 0, mql: 0 });
      } finally {
        ws.close();
      }
    } finally {
      fs.rmSync(old.dir, { recursive: true, force: true });
      fresh.cleanup();
    }
  });
});
