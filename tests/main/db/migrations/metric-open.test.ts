import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../../src/main/workspace/workspace';
import { listBackups } from '../../../../src/main/db/backups';
import { insertLeads, openCounts, tempWorkspace, type LeadSpec } from '../../../fixtures/metrics/workspace';

const ZONE = 'Europe/Madrid';
const leads: LeadSpec[] = [
  {
    id: 'A',
    segment: 'SMB',
    owner: 'ana',
    events: [
      ['lead', '2025-03-01T09:00'],
      ['mql', '2025-03-02T09:00'],
    ],
    touches: [],
    created: '2025-03-01T09:00',
  },
  {
    id: 'B',
    segment: 'Enterprise',
    owner: 'bob',
    events: [['lead', '2025-03-01T10:00']],
    touches: [],
    created: '2025-03-01T10:00',
  },
  {
    id: 'C',
    segment: 'SMB',
    owner: 'bob',
    events: [
      ['mql', '2025-03-03T10:00'],
      ['recycled', '2025-03-04T10:00'],
      ['mql', '2025-03-05T10:00'],
    ],
    touches: [],
    created: '2025-03-03T10:00',
  },
];

describe('migration 9: metric_open', () => {
  it('counts the open spans a workspace already holds when it upgrades one, after a backup', () => {
    const t = tempWorkspace(ZONE, 'metrics', 8);
    try {
      insertLeads(t.ws, ZONE, leads);
      t.ws.close();
      const ws = Workspace.open(t.file);
      try {
        const open = openCounts(ws);
        expect(open.kept).toEqual(open.counted);
        // Two leads in mql (A and C: C came back from recycled), one in lead (B).
        expect(ws.db.prepare("SELECT stage_id, n FROM metric_open WHERE field = '' ORDER BY stage_id").all()).toEqual([
          { stage_id: 1, n: 1 },
          { stage_id: 2, n: 2 },
        ]);
        expect(listBackups(t.file).some((b) => b.reason === 'migration' && b.schemaVersion === 8)).toBe(true);
        // And the triggers keep counting from there.
        insertLeads(ws, ZONE, [
          {
            id: 'D',
            segment: 'SMB',
            owner: 'ana',
            events: [['lead', '2025-03-06T09:00']],
            touches: [],
            created: '2025-03-06T09:00',
          },
        ]);
        ws.db.exec(
          "DELETE FROM stage_events WHERE lead_id = (SELECT id FROM leads WHERE external_id = 'A') AND stage_id = 2",
        );
        ws.db.exec("UPDATE leads SET owner = 'carl', segment = NULL WHERE external_id = 'B'");
        expect(
          ws.db
            .prepare("SELECT n FROM metric_open WHERE stage_id = 1 AND field = 'owner' AND value = 'carl'")
            .pluck()
            .get(),
        ).toBe(1);
        const after = openCounts(ws);
        expect(after.kept).toEqual(after.counted);
      } finally {
        ws.close();
      }
    } finally {
      fs.rmSync(t.dir, { recursive: true, force: true });
    }
  });
});
