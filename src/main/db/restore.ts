import fs from 'node:fs';
import { backUpFileStepwise, copyAside, isBackupOf, removeFiles } from './backups';
import { acquireLock } from './lock';
import { checkWorkspaceFile } from './check-thread';
import { copyThrough } from './read-through';
import { checkIsWorkspaceFile } from './workspace-file';
import { unobserved, type JobControl } from '../jobs/registry';
import { AppError } from '../../shared/errors';

export interface RestoreOptions {
  /**
   * The workspace was open in this process until the restore closed it, so it passed its check
   * when it opened: it is copied as it is, without checking its pages again.
   */
  readonly wasOpen?: boolean;
}

/**
 * Keeps the state a restore replaces, as a backup with the reason `restore`: a consistent copy
 * (SQLite's online backup, with progress and cancel) when the file opens, byte for byte when it
 * is too damaged to (the case a damaged workspace's restore offer is for).
 */
async function keepCurrent(file: string, ctl: JobControl, options: RestoreOptions): Promise<void> {
  if (!fs.existsSync(file)) return;
  ctl.progress({ done: 0, total: null, phase: 'workspace.keepingCurrent' });
  if (!options.wasOpen) {
    try {
      await checkWorkspaceFile(file, ctl);
    } catch (e) {
      // A file that is no sound workspace is kept byte for byte; a cancel is a cancel.
      if (!(e instanceof AppError) || e.code === 'jobs.cancelled') throw e;
      copyAside(file, 'restore');
      return;
    }
    ctl.checkpoint();
  }
  await backUpFileStepwise(file, 'restore', ctl);
}

/**
 * Puts a backup in place of its workspace, as steps a job shows and may cancel until the last:
 * the backup is copied beside the workspace (which also brings its pages into the OS cache),
 * that copy gets the integrity check, the current state is kept as a backup, and the copy is
 * renamed over the workspace. A crash or a cancel at any point leaves the workspace as it was;
 * after the rename it is the backup's. The workspace must not be open (`Runtime.restoreWorkspace`
 * closes it first); its lock is held throughout, so another process cannot open it meanwhile.
 */
export async function restoreWorkspaceFile(
  file: string,
  backupPath: string,
  ctl: JobControl = unobserved,
  options: RestoreOptions = {},
): Promise<void> {
  if (!isBackupOf(file, backupPath)) throw new AppError('workspace.notABackup', { path: backupPath });
  checkIsWorkspaceFile(backupPath);
  const lock = acquireLock(file);
  if (!lock) throw new AppError('workspace.restoreLocked', { path: file });
  const copy = `${file}.restoring`;
  try {
    // Left by a restore a crash cut short: never the workspace itself, so it may go.
    await removeFiles([copy]);
    await copyThrough(backupPath, copy, ctl, 'workspace.copyingBackup');
    ctl.progress({ done: 0, total: null, phase: 'workspace.checkingBackup' });
    await checkWorkspaceFile(copy, ctl, backupPath);
    ctl.checkpoint();
    await keepCurrent(file, ctl, options);
    // A stale WAL beside the file would be replayed over the restored pages.
    for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    // On the thread pool: the rename frees the replaced file's blocks, seconds for a large one.
    await fs.promises.rename(copy, file);
  } finally {
    await removeFiles([copy]);
    lock.release();
  }
}
