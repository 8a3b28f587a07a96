import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MetricsRefresh } from '../../../src/main/metrics/refresh';
import { Workspace } from '../../../src/main/workspace/workspace';
import { addLeads, leadLookup, statisticsRows } from '../../helpers/statistics';
import { tmpDir } from '../../helpers/tmp';

describe('MetricsRefresh', () => {
  it('plans its joins with the statistics of the leads just written, and commits metric_events’ own', async () => {
    const ws = Workspace.create(path.join(tmpDir(), 'w.db'));
    const db = ws.db;
    addLeads(db, 1);
    db.exec('ANALYZE');
    db.exec('BEGIN');
    const figures = new MetricsRefresh(db);
    figures.defer();
    addLeads(db, 500);
    const plans: string[] = [];
    await figures.refreshInTurns(async () => {
      plans.push(leadLookup(db));
    });
    db.exec('COMMIT');
    // From its first step on, before the sorted insert that looks up each event's lead.
    expect(plans.length).toBeGreaterThan(2);
    expect(new Set(plans)).toEqual(new Set(['seek']));
    expect(db.prepare('SELECT count(*) FROM metric_events').pluck().get()).toBe(501);
    expect(statisticsRows(db, 'metric_events')).toBe(501);
    ws.close();
  });
});
