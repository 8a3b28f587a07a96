import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspaceFile, inspectWorkspaceFile, openWorkspaceFile } from '../../../src/main/db/workspace-file';
import { backupDir, listBackups, writeBackup } from '../../../src/main/db/backups';
import { latestVersion } from '../../../src/main/db/migrate';
import { migrations } from '../../../src/main/db/migrations';
import { restoreWorkspaceFile } from '../../../src/main/db/restore';
import { AppError } from '../../../src/shared/errors';
import type { Backup } from '../../../src/shared/domain/types';
import { folderState, sha256, tmpDir } from '../../helpers/tmp';
import { recordingControl } from '../../helpers/recording-control';

/** A workspace with a setting `probe` = 'backed up', its backup, then `probe` = 'current' and some bulk. */
function workspaceWithBackup(): { dir: string; file: string; backup: Backup } {
  const dir = tmpDir();
  const file = path.join(dir, 'w.db');
  const opened = createWorkspaceFile(file);
  const setProbe = opened.db.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('probe', ?)");
  setProbe.run('"backed up"');
  const backup = writeBackup(opened.db, file, 'manual', latestVersion(migrations));
  setProbe.run('"current"');
  // Enough pages that the online backup of the current state takes several steps of 100.
  opened.db.exec('CREATE TABLE filler (x TEXT)');
  const fill = opened.db.prepare('INSERT INTO filler VALUES (?)');
  for (let i = 0; i < 3000; i++) fill.run('x'.repeat(500));
  opened.db.close();
  opened.lock?.release();
  return { dir, file, backup };
}

function probe(file: string): string {
  const opened = openWorkspaceFile(file, { dailyBackup: 'later' });
  try {
    return JSON.parse(
      (opened.db.prepare("SELECT value FROM settings WHERE key = 'probe'").pluck().get() as string) ?? 'null',
    ) as string;
  } finally {
    opened.db.close();
    opened.lock?.release();
  }
}

/** The workspace's folder and its backups' folder, each file with its hash. */
const everything = (dir: string, file: string) => ({ dir: folderState(dir), backups: folderState(backupDir(file)) });

describe('restoreWorkspaceFile', () => {
  it('copies the backup in, checks it, keeps the current state, and tells each step in bytes', async () => {
    const { dir, file, backup } = workspaceWithBackup();
    const currentHash = sha256(file);
    const { ctl, seen } = recordingControl();
    await restoreWorkspaceFile(file, backup.path, ctl, { wasOpen: true });
    expect(sha256(file)).toBe(sha256(backup.path));
    expect(probe(file)).toBe('backed up');

    const kept = listBackups(file).find((b) => b.reason === 'restore');
    if (!kept) throw new Error('no backup of the state replaced');
    expect(kept.schemaVersion).toBe(backup.schemaVersion);
    expect(probe(kept.path)).toBe('current');
    expect(fs.statSync(kept.path).size).toBeGreaterThan(1_000_000);
    // The copy of the state replaced is a consistent backup, not the file's bytes.
    expect(sha256(kept.path)).not.toBe(currentHash);

    const phases = seen.filter((p) => p.phase).map((p) => p.phase);
    expect(phases).toEqual(['workspace.copyingBackup', 'workspace.checkingBackup', 'workspace.keepingCurrent']);
    const step = (phase: string) => {
      const from = seen.findIndex((p) => p.phase === phase);
      const to = seen.findIndex((p, i) => i > from && p.phase !== undefined);
      return seen.slice(from, to === -1 ? undefined : to);
    };
    expect(step('workspace.copyingBackup')[0]).toMatchObject({ done: 0, total: backup.sizeBytes });
    expect(step('workspace.copyingBackup').at(-1)).toMatchObject({ done: backup.sizeBytes });
    expect(step('workspace.checkingBackup')).toEqual([{ done: 0, total: null, phase: 'workspace.checkingBackup' }]);
    const keeping = step('workspace.keepingCurrent').slice(1);
    expect(keeping.length).toBeGreaterThan(3);
    expect(keeping.at(-1)).toEqual({ done: kept.sizeBytes, total: kept.sizeBytes });
    expect(keeping.map((p) => p.done)).toEqual([...keeping.map((p) => p.done!)].sort((a, b) => a - b));

    // Nothing is left beside the workspace but the workspace and its backups.
    expect(Object.keys(folderState(dir))).toEqual(['w.db']);
  });

  it.each(['workspace.copyingBackup', 'workspace.checkingBackup', 'workspace.keepingCurrent'])(
    'changes nothing when cancelled during %s: no copy, no backup, no lock left',
    async (phase) => {
      const { dir, file, backup } = workspaceWithBackup();
      const before = everything(dir, file);
      let inPhase = false;
      const { ctl } = recordingControl((p) => {
        if (p.phase) inPhase = p.phase === phase;
        // Within the step, once it has begun to count (the check has nothing to count).
        return inPhase && (phase === 'workspace.checkingBackup' || (p.done ?? 0) > 0);
      });
      await expect(restoreWorkspaceFile(file, backup.path, ctl, { wasOpen: true })).rejects.toMatchObject({
        code: 'jobs.cancelled',
      });
      expect(everything(dir, file)).toEqual(before);
      expect(probe(file)).toBe('current');
    },
  );

  it('refuses a damaged backup, naming it, and changes nothing', async () => {
    const { dir, file, backup } = workspaceWithBackup();
    const bytes = fs.readFileSync(backup.path);
    for (let i = 8192; i < bytes.length - 4096; i += 7) bytes[i] = 0xff;
    fs.writeFileSync(backup.path, bytes);
    const before = everything(dir, file);
    await expect(restoreWorkspaceFile(file, backup.path, recordingControl().ctl)).rejects.toMatchObject({
      code: 'workspace.corrupt',
      params: { path: backup.path },
    });
    expect(everything(dir, file)).toEqual(before);
  });

  it('refuses while another process has the workspace open, and changes nothing', async () => {
    const { dir, file, backup } = workspaceWithBackup();
    // The parent of this test's process is alive and is not this process.
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, host: os.hostname(), since: Date.now() }));
    const before = everything(dir, file);
    await expect(restoreWorkspaceFile(file, backup.path, recordingControl().ctl)).rejects.toMatchObject({
      code: 'workspace.restoreLocked',
      params: { path: file },
    });
    expect(everything(dir, file)).toEqual(before);
  });

  it('only restores files from the workspace own backup folder', async () => {
    const { file } = workspaceWithBackup();
    const stranger = path.join(path.dirname(file), 'stranger.db');
    fs.copyFileSync(file, stranger);
    await expect(restoreWorkspaceFile(file, stranger)).rejects.toMatchObject({ code: 'workspace.notABackup' });
  });

  it('keeps a damaged workspace byte for byte before putting its backup in place', async () => {
    const { file, backup } = workspaceWithBackup();
    const bytes = fs.readFileSync(file);
    for (let i = 8192; i < bytes.length - 4096; i += 7) bytes[i] = 0xff;
    fs.writeFileSync(file, bytes);
    expect(() => inspectWorkspaceFile(file)).toThrow(AppError);
    const damaged = sha256(file);
    await restoreWorkspaceFile(file, backup.path);
    expect(probe(file)).toBe('backed up');
    const kept = listBackups(file).find((b) => b.reason === 'restore');
    expect(kept && sha256(kept.path)).toBe(damaged);
  });
});
