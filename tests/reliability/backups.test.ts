import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDir, listBackups } from '../../src/main/db/backups';
import { openWorkspaceFile } from '../../src/main/db/workspace-file';
import { createDispatch, type Dispatch } from '../../src/main/runtime/dispatch';
import { handlers } from '../../src/main/runtime/handlers';
import { Runtime } from '../../src/main/runtime/runtime';
import { BACKUP_REASONS, LOCALES, type Backup, type WorkspaceInfo } from '../../src/shared/domain/types';
import { errorFromPayload, type ApiResult } from '../../src/shared/errors';
import { catalogs } from '../../src/shared/i18n';
import type { UndoResult } from '../../src/shared/imports/types';
import type { JobStatus } from '../../src/shared/jobs/types';
import { probeMigration } from './fault/test-migration';
import { migrations } from '../../src/main/db/migrations';
import { recordFigures } from './support/figures';
import { readState, stateOfFile, type DbState } from './support/state';

/**
 * Rolling backups are exact copies of the state they were taken of (checksum of every table): before
 * a migration, daily on open, before undoing an import and before a restore; restoring one returns
 * exactly that earlier state. Settings → Backups lists and restores them (tests/e2e/shell.test.ts
 * drives that screen in Chromium); here every reason it can show has a label in every language.
 */

let dir: string;
let rt: Runtime;
let dispatch: Dispatch;
let verified = 0;

async function call<T>(wire: string, input: unknown = {}): Promise<T> {
  const r = (await dispatch(wire, input)) as ApiResult<T>;
  if (!r.ok) throw errorFromPayload(r.error);
  return r.value;
}

async function job<T>(status: JobStatus<T>): Promise<T> {
  const ended = (await rt.jobs.wait(status.id, undefined, 20)) as JobStatus<T>;
  if (ended.state !== 'done' || !ended.result)
    throw ended.error ? errorFromPayload(ended.error) : new Error(ended.state);
  return ended.result;
}

async function importCsv(name: string, rows: string[]): Promise<void> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `lead_id,created_at,source,mql_date\n${rows.join('\n')}\n`);
  await job(await call<JobStatus>('imports.apply', { files: [{ fileId: rt.files.registerPath(file).id }] }));
}

const current = (): DbState => readState(rt.requireWorkspace().db);

function expectBackupOf(backup: Backup | undefined, state: DbState): void {
  expect(backup).toBeDefined();
  expect(stateOfFile(backup!.path).checksum, `${backup!.fileName} is not an exact copy`).toBe(state.checksum);
  verified++;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-backups-'));
  rt = new Runtime({ dataDir: path.join(dir, 'data'), host: 'browser', appVersion: 'test' });
  dispatch = createDispatch(rt, handlers);
  await call<WorkspaceInfo>('workspace.create', { path: path.join(dir, 'w.db'), timeZone: 'UTC' });
  await importCsv('first.csv', ['A1,2026-01-05 10:00,web,2026-01-06 09:00', 'A2,2026-01-06 11:00,ads,']);
});

afterAll(() => {
  rt?.dispose();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  recordFigures('backups', 'backups', { 'backups verified exact': verified });
});

/**
 * The open workspace closed, its daily backups removed and opened again, as on the first open of a
 * day: its state before, and the daily copy the open started (the newest such job).
 */
async function reopenAsFirstOfDay(): Promise<{ file: string; state: DbState; copying: JobStatus | undefined }> {
  const file = rt.requireWorkspace().path;
  const state = current();
  await call('workspace.close');
  for (const b of listBackups(file).filter((b) => b.reason === 'daily')) fs.rmSync(b.path);
  await call('workspace.open', { path: file });
  return { file, state, copying: rt.jobs.list().find((j) => j.kind === 'workspace.dailyBackup') };
}

describe('backups', () => {
  it('are taken daily on the first writable open, as an exact copy, after the open has answered', async () => {
    const { file, state, copying } = await reopenAsFirstOfDay();
    // The app's open answers first; the copy is a job that runs while the workspace is in use.
    expect(copying?.state).toBe('running');
    expect(listBackups(file).filter((b) => b.reason === 'daily')).toEqual([]);
    const ended = await rt.jobs.wait(copying!.id, undefined, 5);
    expect(ended.state).toBe('done');
    expect(ended.progress.done).toBe(ended.progress.total);
    const daily = listBackups(file).find((b) => b.reason === 'daily');
    expectBackupOf(daily, state);
    // One self-contained file, as VACUUM INTO writes it: rollback journal, nothing beside it.
    expect(fs.readFileSync(daily!.path).subarray(18, 20)).toEqual(Buffer.from([1, 1]));
    expect(fs.readdirSync(path.dirname(daily!.path)).filter((f) => !f.endsWith('.db'))).toEqual([]);
    // Opened again the same day: no second copy.
    await call('workspace.close');
    await call('workspace.open', { path: file });
    expect(rt.jobs.list().filter((j) => j.kind === 'workspace.dailyBackup')).toHaveLength(1);
  });

  it('closed while the daily copy runs, leaves no copy behind and the workspace as it was', async () => {
    const { file, state, copying } = await reopenAsFirstOfDay();
    await call('workspace.close');
    expect((await rt.jobs.wait(copying!.id, undefined, 5)).state).toBe('cancelled');
    expect(fs.readdirSync(backupDir(file)).filter((f) => f.includes('.daily.'))).toEqual([]);
    expect(stateOfFile(file).checksum).toBe(state.checksum);
    await call('workspace.open', { path: file });
    await rt.jobs.wait(rt.jobs.list().find((j) => j.kind === 'workspace.dailyBackup')!.id, undefined, 5);
  });

  it('are taken before undoing an import, holding the state the undo starts from', async () => {
    await importCsv('second.csv', ['B1,2026-02-02 10:00,web,', 'A1,2026-01-05 10:00,partner,2026-01-06 09:00']);
    const beforeUndo = current();
    const result = await job(await call<JobStatus<UndoResult>>('imports.undo', { batchId: 2 }));
    const backup = listBackups(rt.requireWorkspace().path).find((b) => b.path === result.backupPath);
    expect(backup?.reason).toBe('undo');
    expectBackupOf(backup, beforeUndo);
  });

  it('are taken before a migration, holding the old schema and data', () => {
    const file = path.join(dir, 'migrating.db');
    fs.copyFileSync(rt.requireWorkspace().path, file);
    const old = stateOfFile(file);
    const opened = openWorkspaceFile(file, { migrations: [...migrations, probeMigration] });
    opened.db.close();
    opened.lock?.release();
    const backup = listBackups(file).find((b) => b.reason === 'migration');
    expect(backup?.schemaVersion).toBe(old.userVersion);
    expectBackupOf(backup, old);
  });

  it('restore exactly the earlier state, after keeping the state they replace', async () => {
    const file = rt.requireWorkspace().path;
    const undoBackup = listBackups(file).find((b) => b.reason === 'undo')!;
    const earlier = stateOfFile(undoBackup.path);
    await call('workspace.updateSettings', { name: 'Changed after the undo' });
    const replaced = current();
    expect(replaced.checksum).not.toBe(earlier.checksum);
    const info = await call<WorkspaceInfo>('workspace.restoreBackup', { backupPath: undoBackup.path });
    expect(info.counts.importBatches).toBe(2);
    expect(current().checksum).toBe(earlier.checksum);
    verified++;
    expectBackupOf(
      listBackups(file).find((b) => b.reason === 'restore'),
      replaced,
    );
    // Listed for the Restore screen, newest first, with reasons it can name in every language.
    const listed = await call<Backup[]>('workspace.listBackups', {});
    expect(new Set(listed.map((b) => b.reason))).toEqual(new Set(['daily', 'undo', 'restore']));
    expect(listed.map((b) => b.createdAt)).toEqual([...listed.map((b) => b.createdAt)].sort((a, b) => b - a));
    for (const locale of LOCALES) {
      for (const reason of BACKUP_REASONS) {
        const labels = (catalogs[locale] as { backups?: { reason?: Record<string, unknown> } }).backups?.reason ?? {};
        expect(typeof labels[reason], `${locale}: backups.reason.${reason}`).toBe('string');
      }
    }
  });

  it('refuse a path that is not one of the workspace backups, and leave the workspace open', async () => {
    const stranger = path.join(dir, 'stranger.db');
    fs.copyFileSync(rt.requireWorkspace().path, stranger);
    const r = await dispatch('workspace.restoreBackup', { backupPath: stranger });
    expect(r).toMatchObject({ ok: false, error: { code: 'workspace.notABackup' } });
    expect(rt.workspace?.path).toBe(path.join(dir, 'w.db'));
  });
});
