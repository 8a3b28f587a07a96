import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexRepository } from '../../../src/main/imports/index-repository';
import { Workspace } from '../../../src/main/workspace/workspace';
import { tmpDir } from '../../helpers/tmp';

let ws: Workspace | null = null;
afterEach(() => ws?.close());

const schema = (w: Workspace) => w.db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all();

describe('deferred indexes of bulk imports', () => {
  it('drops only plain indexes not led by lead_id, and a rollback or a rebuild gives the same schema back', () => {
    ws = Workspace.create(path.join(tmpDir(), 'w.db'));
    const before = schema(ws);
    const repo = new IndexRepository(ws.db);
    const names = repo.deferrable().map((i) => i.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'leads_created',
        'leads_batch',
        'stage_events_stage_time',
        'stage_events_batch',
        'touches_batch',
      ]),
    );
    for (const kept of ['stage_events_lead_time', 'sqlite_autoindex_leads_1']) expect(names).not.toContain(kept);

    ws.db.exec('BEGIN IMMEDIATE');
    repo.drop();
    expect(schema(ws)).not.toEqual(before);
    ws.db.exec('ROLLBACK');
    expect(schema(ws)).toEqual(before);

    ws.db.exec('BEGIN IMMEDIATE');
    const dropped = repo.drop();
    ws.db.exec(`INSERT INTO leads (external_id, created_at, segment) VALUES ('a', 1, 'SMB'), ('b', 2, 'Enterprise')`);
    repo.rebuild(dropped);
    ws.db.exec('COMMIT');
    expect(schema(ws)).toEqual(before);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(
      ws.db.prepare(`SELECT external_id FROM leads INDEXED BY leads_segment WHERE segment = 'SMB'`).pluck().all(),
    ).toEqual(['a']);
  });
});
