import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { createDispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { Workspace } from '../../../src/main/workspace/workspace';
import { generateSample } from '../../../src/main/sample/generate';
import { listBackups, writeBackup } from '../../../src/main/db/backups';
import { latestVersion } from '../../../src/main/db/migrate';
import { migrations } from '../../../src/main/db/migrations';
import type { ApiResult } from '../../../src/shared/errors';
import type { Backup, SessionState, WorkspaceInfo } from '../../../src/shared/domain/types';
import { folderState, tmpDir } from '../../helpers/tmp';
import { holdJobs } from '../../helpers/hold-jobs';

async function api<T>(dispatch: ReturnType<typeof createDispatch>, wire: string, input: unknown = {}): Promise<T> {
  const r = (await dispatch(wire, input)) as ApiResult<T>;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** A runtime with workspace `w.db` open, named "Before" in its manual backup and "After" since. */
async function renamedAfterBackup() {
  const dir = tmpDir();
  const rt = new Runtime({ dataDir: path.join(dir, 'data'), host: 'cli', appVersion: 'test' });
  const dispatch = createDispatch(rt, handlers);
  const file = path.join(dir, 'w.db');
  await api(dispatch, 'workspace.create', { path: file, name: 'Before' });
  const backup = writeBackup(rt.requireWorkspace().db, file, 'manual', 1);
  await api(dispatch, 'workspace.updateSettings', { name: 'After' });
  return { dir, rt, dispatch, file, backup };
}

/** A runtime whose workspace `w.db` ("Older", with `leads` sample leads) is closed at schema 10. */
async function closedAtSchema10(leads: number) {
  const dir = tmpDir();
  const rt = new Runtime({ dataDir: path.join(dir, 'data'), host: 'cli', appVersion: 'test' });
  const dispatch = createDispatch(rt, handlers);
  const file = path.join(dir, 'w.db');
  const ws = Workspace.create(file, { name: 'Older' }, 10);
  if (leads > 0) generateSample(ws, { seed: 1, leads });
  ws.close();
  return { rt, dispatch, file };
}

describe('workspace service', () => {
  it('creates, reopens, renames and remembers a workspace', async () => {
    const dir = tmpDir();
    const rt = new Runtime({ dataDir: path.join(dir, 'data'), host: 'cli', appVersion: 'test' });
    const dispatch = createDispatch(rt, handlers);
    const file = path.join(dir, 'Acme.db');
    const created = await api<WorkspaceInfo>(dispatch, 'workspace.create', {
      path: file,
      timeZone: 'America/Sao_Paulo',
      locale: 'pt-BR',
    });
    expect(created).toMatchObject({
      name: 'Acme',
      timeZone: 'America/Sao_Paulo',
      locale: 'pt-BR',
      schemaVersion: expect.any(Number),
    });
    expect(created.stages.map((s) => s.key)).toEqual([
      'lead',
      'mql',
      'sal',
      'sql',
      'opportunity',
      'won',
      'lost',
      'recycled',
      'disqualified',
    ]);
    await api(dispatch, 'workspace.updateSettings', { name: 'Acme Brasil', currency: 'BRL' });
    await api(dispatch, 'workspace.close');
    await expect(api(dispatch, 'workspace.info')).rejects.toThrow('workspace.noneOpen');
    for (const b of listBackups(file)) fs.rmSync(b.path);
    const reopened = await api<WorkspaceInfo>(dispatch, 'workspace.open', { path: file });
    expect(reopened).toMatchObject({ name: 'Acme Brasil', currency: 'BRL' });
    // A CLI command may end as soon as the open answers: the day's backup is written by then.
    expect(listBackups(file).map((b) => b.reason)).toEqual(['daily']);
    expect(rt.jobs.list().find((j) => j.kind === 'workspace.dailyBackup')?.state).toBe('done');
    const session = await api<SessionState>(dispatch, 'workspace.session');
    expect(session.recent[0]).toMatchObject({ path: file, name: 'Acme Brasil', exists: true });
    // Preferences survive a new runtime on the same data folder.
    await api(dispatch, 'workspace.setPreferences', { theme: 'dark', locale: 'ru', userName: 'Ana' });
    rt.dispose();
    const rt2 = new Runtime({ dataDir: path.join(dir, 'data'), host: 'cli', appVersion: 'test' });
    expect(rt2.session().preferences).toEqual({ theme: 'dark', locale: 'ru', userName: 'Ana' });
    rt2.dispose();
  });

  it('reads and checks a file before it opens it (a job); a cancel leaves the workspace open before as it was', async () => {
    const dir = tmpDir();
    const rt = new Runtime({ dataDir: path.join(dir, 'data'), host: 'cli', appVersion: 'test' });
    const dispatch = createDispatch(rt, handlers);
    const first = path.join(dir, 'First.db');
    const second = path.join(dir, 'Second.db');
    await api(dispatch, 'workspace.create', { path: second, name: 'Second' });
    await api(dispatch, 'workspace.close');
    await api(dispatch, 'workspace.create', { path: first, name: 'First' });
    // Held once the file is read and checked, as a large one takes seconds.
    const { restore } = holdJobs(rt.jobs, 'workspace.open', 'end');
    const opening = api(dispatch, 'workspace.open', { path: second });
    await expect
      .poll(() => rt.jobs.list().find((j) => j.kind === 'workspace.open')?.progress.phase)
      .toBe('workspace.checking');
    const reading = rt.jobs.list().find((j) => j.kind === 'workspace.open')!;
    expect(reading).toMatchObject({ subject: second, state: 'running', progress: { unit: 'bytes', total: null } });
    rt.jobs.cancel(reading.id);
    await expect(opening).rejects.toThrow('jobs.cancelled');
    // Nothing changed: the first workspace is still open, and the second is free for another process.
    expect((await api<WorkspaceInfo>(dispatch, 'workspace.info')).name).toBe('First');
    expect(fs.existsSync(`${second}.lock`)).toBe(false);
    restore();
    // What is no workspace is refused before any of it is read: no read through, the first still open.
    const film = path.join(dir, 'holiday.mp4');
    fs.writeFileSync(film, Buffer.alloc(32 * 1024 * 1024, 9));
    const jobsBefore = rt.jobs.list().length;
    await expect(api(dispatch, 'workspace.open', { path: film })).rejects.toThrow('workspace.notAWorkspace');
    await expect(api(dispatch, 'workspace.open', { path: path.join(dir, 'gone.db') })).rejects.toThrow(
      'workspace.notFound',
    );
    expect(rt.jobs.list()).toHaveLength(jobsBefore);
    expect((await api<WorkspaceInfo>(dispatch, 'workspace.info')).name).toBe('First');
    expect((await api<WorkspaceInfo>(dispatch, 'workspace.open', { path: second })).name).toBe('Second');
    expect(rt.jobs.list().find((j) => j.kind === 'workspace.open')).toMatchObject({
      state: 'done',
      progress: { phase: 'workspace.checking' },
    });
    rt.dispose();
  });

  it('restores a backup exactly, keeping a backup of the state it replaced', async () => {
    const { rt, dispatch, file, backup } = await renamedAfterBackup();
    const restored = await api<WorkspaceInfo>(dispatch, 'workspace.restoreBackup', { backupPath: backup.path });
    expect(restored.name).toBe('Before');
    const backups = await api<Backup[]>(dispatch, 'workspace.listBackups');
    expect(backups.map((b) => b.reason).sort()).toEqual(['daily', 'manual', 'restore']);
    expect(fs.existsSync(file)).toBe(true);
    expect(rt.jobs.list().find((j) => j.kind === 'workspace.restore')).toMatchObject({
      subject: file,
      state: 'done',
      progress: { phase: 'workspace.keepingCurrent' },
    });
    rt.dispose();
  });

  it('cancels a restore before its swap: the workspace open before is open again, as it was', async () => {
    const { dir, rt, dispatch, file, backup } = await renamedAfterBackup();
    // Opened as users open it: with the day's backup written.
    await api(dispatch, 'workspace.close');
    await api(dispatch, 'workspace.open', { path: file });
    const backupsBefore = listBackups(file).map((b) => b.fileName);
    const { restore } = holdJobs(rt.jobs, 'workspace.restore');
    try {
      const restoring = dispatch('workspace.restoreBackup', { backupPath: backup.path });
      await new Promise((r) => setTimeout(r, 50));
      // Closed for the restore: nothing can write to it after its state is kept.
      expect(rt.workspace).toBeNull();
      const job = rt.jobs.list().find((j) => j.kind === 'workspace.restore');
      expect(job).toMatchObject({ subject: file, state: 'running' });
      rt.jobs.cancel(job!.id);
      expect(await restoring).toMatchObject({ ok: false, error: { code: 'jobs.cancelled' } });
    } finally {
      restore();
    }
    expect((await api<WorkspaceInfo>(dispatch, 'workspace.info')).name).toBe('After');
    expect(listBackups(file).map((b) => b.fileName)).toEqual(backupsBefore);
    expect(fs.readdirSync(dir).sort()).toEqual(['data', 'w.db', 'w.db-shm', 'w.db-wal', 'w.db.backups', 'w.db.lock']);
    const restored = await api<WorkspaceInfo>(dispatch, 'workspace.restoreBackup', { backupPath: backup.path });
    expect(restored.name).toBe('Before');
    rt.dispose();
  });

  it('lets a second restore of the same backup follow the first, and refuses another backup meanwhile', async () => {
    const { rt, dispatch, file, backup } = await renamedAfterBackup();
    const other = writeBackup(rt.requireWorkspace().db, file, 'manual', 1);
    const opens = vi.spyOn(Workspace, 'open');
    const { restore } = holdJobs(rt.jobs, 'workspace.restore');
    try {
      const first = dispatch('workspace.restoreBackup', { backupPath: backup.path });
      await new Promise((r) => setTimeout(r, 50));
      // The workspace is closed during the restore: later requests name it (as the damaged-workspace offer does).
      const second = dispatch('workspace.restoreBackup', { backupPath: backup.path, workspacePath: file });
      const refused = await dispatch('workspace.restoreBackup', { backupPath: other.path, workspacePath: file });
      expect(refused).toMatchObject({ ok: false, error: { code: 'workspace.fileBusy', params: { path: file } } });
      // Other windows asking meanwhile are told why nothing is open, and that it comes back.
      expect(await dispatch('workspace.info', {})).toMatchObject({
        ok: false,
        error: { code: 'workspace.restoring', params: { path: file } },
      });
      restore();
      expect(await first).toMatchObject({ ok: true, value: { name: 'Before' } });
      expect(await second).toMatchObject({ ok: true, value: { name: 'Before' } });
      // One restore, opened once: no second open, no second copy of the workspace's state kept.
      expect(opens).toHaveBeenCalledTimes(1);
    } finally {
      restore();
      opens.mockRestore();
    }
    expect(rt.jobs.list().filter((j) => j.kind === 'workspace.restore')).toHaveLength(1);
    expect(listBackups(file).filter((b) => b.reason === 'restore')).toHaveLength(1);
    expect(await api(dispatch, 'workspace.info')).toMatchObject({ name: 'Before' });
    await api(dispatch, 'workspace.close');
    await expect(api(dispatch, 'workspace.info')).rejects.toThrow('workspace.noneOpen');
    rt.dispose();
  });

  it('refuses to generate the sample over a file another process holds, and changes nothing', async () => {
    const dir = tmpDir();
    const rt = new Runtime({ dataDir: path.join(dir, 'data'), host: 'cli', appVersion: 'test' });
    const dispatch = createDispatch(rt, handlers);
    const file = path.join(dir, 'sample.db');
    await api(dispatch, 'workspace.openSample', { path: file, leads: 200 });
    await api(dispatch, 'workspace.close');
    // Another live process (our parent) holds the file for writing.
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: process.ppid, host: os.hostname(), since: Date.now() }));
    const before = folderState(dir);
    const refused = await dispatch('workspace.openSample', { path: file, leads: 300, replace: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'workspace.sampleLocked', params: { path: file } } });
    expect(folderState(dir)).toEqual(before);
    // Once it lets go, the sample is generated anew, and the lock is ours until the workspace closes.
    fs.rmSync(`${file}.lock`);
    expect(
      await api<WorkspaceInfo>(dispatch, 'workspace.openSample', { path: file, leads: 300, replace: true }),
    ).toMatchObject({
      counts: { leads: 300 },
    });
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    rt.dispose();
  });

  it('keeps the backup before an upgrade as a step of the open job, and the open does not take a second one', async () => {
    const { rt, dispatch, file } = await closedAtSchema10(0);
    const opened = await api<WorkspaceInfo>(dispatch, 'workspace.open', { path: file });
    expect(opened).toMatchObject({ name: 'Older', schemaVersion: latestVersion(migrations) });
    const job = rt.jobs.list().find((j) => j.kind === 'workspace.open')!;
    expect(job).toMatchObject({ state: 'done', progress: { phase: 'workspace.backingUpBeforeUpgrade' } });
    const kept = listBackups(file).filter((b) => b.reason === 'migration');
    expect(kept.map((b) => b.schemaVersion)).toEqual([10]);
    // The backup is the schema-10 file, whole.
    const backup = new Database(kept[0]!.path, { readonly: true });
    try {
      expect(backup.pragma('user_version', { simple: true })).toBe(10);
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      backup.close();
    }
    rt.dispose();
  });

  it('cancels an upgrade during its backup: the file keeps its version and no backup is left', async () => {
    // Pages enough for the backup to take several turns of the event loop.
    const { rt, dispatch, file } = await closedAtSchema10(2000);
    let settled = false;
    const opening = dispatch('workspace.open', { path: file }).finally(() => (settled = true));
    while (!settled) {
      const job = rt.jobs.list().find((j) => j.kind === 'workspace.open' && j.state === 'running');
      if (job?.progress.phase === 'workspace.backingUpBeforeUpgrade') {
        rt.jobs.cancel(job.id);
        break;
      }
      await new Promise((r) => setImmediate(r));
    }
    expect(await opening).toMatchObject({ ok: false, error: { code: 'jobs.cancelled' } });
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(10);
    } finally {
      db.close();
    }
    expect(listBackups(file).filter((b) => b.reason === 'migration')).toEqual([]);
    expect(fs.readdirSync(`${file}.backups`).filter((f) => f.includes('partial'))).toEqual([]);
    rt.dispose();
  });
});
