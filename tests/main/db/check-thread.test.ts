import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  CHECK_ON_THREAD_FROM_BYTES,
  checkWorkspaceFile,
  inspectOnThread,
  spawnCheckWorker,
  upgradeLargeWorkspaceFile,
  upgradeOnThread,
} from '../../../src/main/db/check-thread';
import type { CheckRequest } from '../../../src/main/db/check-worker';
import { backUpBeforeMigration, createWorkspaceFile, openWorkspaceFile } from '../../../src/main/db/workspace-file';
import { latestVersion, schemaVersion } from '../../../src/main/db/migrate';
import { listBackups } from '../../../src/main/db/backups';
import { lockHolder } from '../../../src/main/db/lock';
import { migrations } from '../../../src/main/db/migrations';
import { JobRegistry, unobserved, type JobControl } from '../../../src/main/jobs/registry';
import { AppError } from '../../../src/shared/errors';
import { withDesktopBundle } from '../../fixtures/desktop-bundle';
import { tmpDir } from '../../helpers/tmp';

/** A workspace of about `mb` megabytes (a filler table), closed; at schema `upTo` when given. */
function workspaceOf(mb: number, upTo = latestVersion(migrations)): string {
  const file = path.join(tmpDir(), 'w.db');
  const opened = createWorkspaceFile(
    file,
    migrations.filter((m) => m.version <= upTo),
  );
  opened.db.exec('CREATE TABLE filler (x TEXT)');
  const fill = opened.db.prepare('INSERT INTO filler VALUES (?)');
  opened.db.transaction(() => {
    for (let i = 0; i < mb * 1024; i++) fill.run('x'.repeat(1000));
  })();
  opened.db.close();
  opened.lock?.release();
  return file;
}

/** Opens a workspace file as the app does, lets `look` at it, and closes it. */
function withOpened(
  file: string,
  options: Parameters<typeof openWorkspaceFile>[1],
  look: (opened: ReturnType<typeof openWorkspaceFile>) => void,
): void {
  const opened = openWorkspaceFile(file, options);
  try {
    look(opened);
  } finally {
    opened.db.close();
    opened.lock?.release();
  }
}

function damage(file: string): void {
  const bytes = fs.readFileSync(file);
  for (let i = 8192; i < bytes.length - 4096; i += 7) bytes[i] = 0xff;
  fs.writeFileSync(file, bytes);
}

/** How often a 5 ms timer fired while `work` ran: never, when it held the event loop throughout. */
async function ticksDuring<T>(work: () => Promise<T>): Promise<{ value: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  try {
    return { value: await work(), ticks };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Runs `work` as a job on a thread spawned as the app does, cancels the job 50 ms in, and says
 * whether the job ended as cancelled with its thread stopped.
 */
async function cancelledOnThread(
  work: (ctl: JobControl, spawn: (request: CheckRequest) => Worker) => Promise<unknown>,
): Promise<{ state: string; exited: boolean }> {
  let exited = false;
  const spawn = (request: CheckRequest) => {
    const worker = spawnCheckWorker(request);
    worker.once('exit', () => (exited = true));
    return worker;
  };
  const jobs = new JobRegistry();
  const job = jobs.start('workspace.open', (ctl) => work(ctl, spawn));
  setTimeout(() => jobs.cancel(job.id), 50);
  const { state } = await jobs.wait(job.id, undefined, 5);
  return { state, exited };
}

describe('the integrity check on a thread', () => {
  it('checks a large file on a thread, the event loop free meanwhile; a small one where it is asked', async () => {
    const large = workspaceOf(20);
    expect(fs.statSync(large).size).toBeGreaterThan(CHECK_ON_THREAD_FROM_BYTES);
    const onThread = await ticksDuring(() => checkWorkspaceFile(large, unobserved));
    expect(onThread.value).toBe(latestVersion(migrations));
    expect(onThread.ticks).toBeGreaterThan(5);

    const small = workspaceOf(1);
    const here = await ticksDuring(() => checkWorkspaceFile(small, unobserved));
    expect(here).toEqual({ value: latestVersion(migrations), ticks: 0 });
  });

  it('refuses a damaged file with the same translated error, naming the path it is shown as', async () => {
    const file = workspaceOf(20);
    damage(file);
    const error = await inspectOnThread(file, unobserved, '/backups/shown.db').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'workspace.corrupt', params: { path: '/backups/shown.db' } });
  });

  it('ends as cancelled when its job is cancelled, the thread stopped', async () => {
    const file = workspaceOf(20);
    // Nothing of the check is left running (on Windows its open file could not be removed).
    expect(await cancelledOnThread((ctl, spawn) => inspectOnThread(file, ctl, file, spawn))).toEqual({
      state: 'cancelled',
      exited: true,
    });
  });

  it('upgrades a large file on a thread after its migration backup, the event loop free meanwhile', async () => {
    const file = workspaceOf(20, 10);
    const backup = (await backUpBeforeMigration(file, 10, unobserved))!;
    const phases: string[] = [];
    const ctl: JobControl = { ...unobserved, progress: (p) => phases.push(p.phase ?? '') };
    const { ticks } = await ticksDuring(() => upgradeLargeWorkspaceFile(file, backup, ctl));
    expect(ticks).toBeGreaterThan(5);
    expect(phases).toEqual(['workspace.upgrading']);
    // Upgraded after the backup kept moments ago (no second one), and closed: nothing holds it.
    expect(lockHolder(file)).toBeNull();
    expect(
      listBackups(file)
        .filter((b) => b.reason === 'migration')
        .map((b) => b.path),
    ).toEqual([backup]);
    withOpened(file, { checked: true }, (opened) => {
      expect(opened.migratedFrom).toBeNull();
      expect(schemaVersion(opened.db)).toBe(latestVersion(migrations));
      const key = opened.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'metric_events'").pluck().get();
      expect(key).toContain('PRIMARY KEY (stage_id, segment, entered_at, event_id)');
    });
  });

  it('ends an upgrade as cancelled when its job is cancelled, the file left whole at one version', async () => {
    const file = workspaceOf(20, 10);
    const backup = (await backUpBeforeMigration(file, 10, unobserved))!;
    expect(await cancelledOnThread((ctl, spawn) => upgradeOnThread(file, backup, ctl, spawn))).toEqual({
      state: 'cancelled',
      exited: true,
    });
    expect(lockHolder(file)).toBeNull();
    // Each migration is its own transaction: the file is at the old version or the new one, and opens.
    withOpened(file, { migrationBackup: backup }, (opened) => {
      expect([null, 10]).toContain(opened.migratedFrom);
      expect(schemaVersion(opened.db)).toBe(latestVersion(migrations));
      expect(opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    });
  });

  it('leaves a small file’s upgrade to the open, which migrates it in a moment', async () => {
    const file = workspaceOf(1, 10);
    const backup = (await backUpBeforeMigration(file, 10, unobserved))!;
    await upgradeLargeWorkspaceFile(file, backup, unobserved);
    withOpened(file, { checked: true, migrationBackup: backup }, (opened) => {
      expect(opened.migratedFrom).toBe(10);
      expect(
        listBackups(file)
          .filter((b) => b.reason === 'migration')
          .map((b) => b.path),
      ).toEqual([backup]);
    });
  });

  it('runs from the desktop bundle’s own worker file', async () => {
    const file = workspaceOf(1);
    await withDesktopBundle(async (out) => {
      const spawn = (workerData: object) => new Worker(path.join(out, 'check-worker.cjs'), { workerData });
      expect(await inspectOnThread(file, unobserved, file, spawn)).toBe(latestVersion(migrations));
      const older = workspaceOf(1, 10);
      const backup = (await backUpBeforeMigration(older, 10, unobserved))!;
      expect(await upgradeOnThread(older, backup, unobserved, spawn)).toBe(latestVersion(migrations));
    });
  }, 120_000);
});
