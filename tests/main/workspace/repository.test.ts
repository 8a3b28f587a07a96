import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../../src/main/workspace/workspace';
import { WorkspaceRepository } from '../../../src/main/workspace/repository';
import { tmpDir } from '../../helpers/tmp';

describe('WorkspaceRepository.eventRange', () => {
  it('gives the first and last stage entry of the whole workspace, read stage by stage', () => {
    const ws = Workspace.create(path.join(tmpDir(), 'w.db'));
    const repo = ws.repo(WorkspaceRepository);
    expect(repo.eventRange()).toEqual({ first: null, last: null });

    const stage = (key: string) =>
      ws.db.prepare<[string], number>('SELECT id FROM stages WHERE key = ?').pluck().get(key)!;
    ws.db.prepare("INSERT INTO leads (id, external_id, created_at) VALUES (1, 'A', 0), (2, 'B', 0)").run();
    const event = ws.db.prepare('INSERT INTO stage_events (lead_id, stage_id, entered_at) VALUES (?, ?, ?)');
    event.run(1, stage('sql'), 5_000);
    expect(repo.eventRange()).toEqual({ first: 5_000, last: 5_000 });
    // The earliest entry in a later stage, the latest in an earlier one: neither stage alone has both.
    event.run(2, stage('won'), 1_000);
    event.run(1, stage('mql'), 9_000);
    event.run(2, stage('mql'), 3_000);
    const whole = ws.db.prepare('SELECT min(entered_at) AS first, max(entered_at) AS last FROM stage_events').get();
    expect(repo.eventRange()).toEqual({ first: 1_000, last: 9_000 });
    expect(repo.eventRange()).toEqual(whole);
    ws.close();
  });
});
