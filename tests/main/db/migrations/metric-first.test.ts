import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../../src/main/workspace/workspace';
import { listBackups } from '../../../../src/main/db/backups';
import { computeFlow, computeReport } from '../../../../src/main/metrics/service';
import { insertLeads, tempWorkspace, type LeadSpec } from '../../../fixtures/metrics/workspace';

const ZONE = 'Europe/Madrid';
const leads: LeadSpec[] = [
  {
    id: 'A',
    segment: 'SMB',
    events: [
      ['lead', '2025-03-04T09:00'],
      ['mql', '2025-03-05T09:00'],
    ],
    touches: [],
    created: '2025-03-04T09:00',
  },
  { id: 'B', segment: 'Enterprise', events: [['lead', '2025-03-04T10:00']], touches: [], created: '2025-03-04T10:00' },
  {
    id: 'C',
    segment: 'SMB',
    events: [
      ['mql', '2025-03-04T10:00'],
      ['recycled', '2025-03-05T10:00'],
      ['mql', '2025-03-06T10:00'],
    ],
    touches: [],
    created: '2025-03-04T10:00',
  },
];

describe('migration 10: metric_events_first', () => {
  it('indexes each lead’s first event when it upgrades a workspace, after a backup, and the report’s stage changes read it', () => {
    const t = tempWorkspace(ZONE, 'metrics', 9);
    try {
      insertLeads(t.ws, ZONE, leads);
      t.ws.close();
      const ws = Workspace.open(t.file);
      try {
        expect(listBackups(t.file).some((b) => b.reason === 'migration' && b.schemaVersion === 9)).toBe(true);
        const firsts = ws.db
          .prepare(
            'SELECT stage_id FROM metric_events INDEXED BY metric_events_first WHERE prev_stage_id IS NULL ORDER BY stage_id',
          )
          .pluck()
          .all();
        expect(firsts).toEqual([1, 1, 2]);

        const week = { from: '2025-03-03', to: '2025-03-09', withinDays: null, compare: false };
        for (const filters of [{}, { segment: ['SMB'] }]) {
          const report = computeReport(ws, { ...week, filters });
          // The flow counted from the wide rows agrees with the one summed from the stage changes.
          expect(report.flow).toEqual(computeFlow(ws, { ...week, filters }).flow);
        }
        const report = computeReport(ws, { ...week, filters: {} });
        expect(report.flow).toMatchObject({ lead: 2, mql: 3, recycled: 1 });
        expect(report.waterfall.find((w) => w.stage === 'mql')).toMatchObject({
          start: 0,
          in_new: 1,
          in_advanced: 1,
          in_returned: 1,
          out_recycled: 1,
          end: 2,
        });
        expect(report.waterfall.find((w) => w.stage === 'lead')).toMatchObject({ in_new: 2, out_advanced: 1, end: 1 });
      } finally {
        ws.close();
      }
    } finally {
      fs.rmSync(t.dir, { recursive: true, force: true });
    }
  });
});
