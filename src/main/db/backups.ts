import fs from 'node:fs';
import path from 'node:path';
import { openDb, type Db } from './driver';
import { schemaVersion } from './migrate';
import type { JobControl } from '../jobs/registry';
import { AppError } from '../../shared/errors';
import { BACKUP_REASONS, type Backup, type BackupReason } from '../../shared/domain/types';

/** How many backups of each reason are kept; older ones are deleted after a new one is written. */
const KEEP: Record<BackupReason, number> = { migration: 5, daily: 7, undo: 10, restore: 5, manual: 20 };

/** Pages an online backup copies per turn of the event loop (SQLite's own step size here). */
const PAGES_PER_STEP = 100;

/** Backups live beside the workspace, so moving the folder moves them too. */
export function backupDir(workspacePath: string): string {
  return `${workspacePath}.backups`;
}

const NAME = /^(?<stamp>\d{8}T\d{6}\d{3}Z)\.(?<reason>[a-z]+)(?:\.v(?<version>\d+))?\.db$/;

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('.', '');
}

function parseStamp(s: string): number {
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  return Date.parse(iso);
}

/** A copy being written touches its file at least this often; an older one was cut short. */
const PARTIAL_STALE_MS = 60_000;

/**
 * Removes the copies a backup cut short by the process ending (the app quit, a crash) left behind:
 * only the workspace's lock holder writes its backups, and its own copies under way are fresh.
 */
function sweepPartials(dir: string): void {
  for (const f of fs.readdirSync(dir)) {
    if (!/\.partial(-journal|-wal|-shm)?$/.test(f)) continue;
    const file = path.join(dir, f);
    if (Date.now() - fs.statSync(file).mtimeMs > PARTIAL_STALE_MS) fs.rmSync(file, { force: true });
  }
}

/** A new backup's file name: the instant, the reason and the schema version, never an existing one. */
function nextBackupFile(workspacePath: string, reason: BackupReason, version: number): string {
  const dir = backupDir(workspacePath);
  fs.mkdirSync(dir, { recursive: true });
  sweepPartials(dir);
  let now = new Date();
  let file = path.join(dir, `${stamp(now)}.${reason}.v${version}.db`);
  while (fs.existsSync(file)) {
    now = new Date(now.getTime() + 1);
    file = path.join(dir, `${stamp(now)}.${reason}.v${version}.db`);
  }
  return file;
}

/** A copy cut short (full disk, removed drive, cancelled) must not sit beside the good ones taking space. */
const partialFiles = (tmp: string): string[] => [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`];

/**
 * Removes files on the thread pool: unlinking a large file frees its blocks in the call (2 s for
 * a million leads' 1.5 GB here), which the event loop must not wait for.
 */
export async function removeFiles(files: readonly string[]): Promise<void> {
  await Promise.all(files.map((f) => fs.promises.rm(f, { force: true })));
}

/**
 * Writes a consistent copy of an open database (VACUUM INTO reads one snapshot, so concurrent
 * WAL writers cannot tear it) and prunes old backups of the same reason.
 */
export function writeBackup(db: Db, workspacePath: string, reason: BackupReason, version: number): Backup {
  const file = nextBackupFile(workspacePath, reason, version);
  const tmp = `${file}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    fs.renameSync(tmp, file);
  } catch (e) {
    for (const f of partialFiles(tmp)) fs.rmSync(f, { force: true });
    throw e;
  }
  for (const f of beyondKeep(workspacePath, reason)) fs.rmSync(f, { force: true });
  return describe(file)!;
}

/**
 * `writeBackup` a hundred pages at a time, between the event loop's other work (SQLite's online
 * backup), for a workspace the app has open: on a million leads VACUUM INTO holds the process for
 * seconds, this for a few milliseconds at a time. Writes through this connection meanwhile are
 * copied too. `ctl` hears the pages copied and may stop it; a stopped or failed copy leaves nothing.
 */
export async function writeBackupStepwise(
  db: Db,
  workspacePath: string,
  reason: BackupReason,
  version: number,
  ctl: JobControl,
): Promise<Backup> {
  const file = nextBackupFile(workspacePath, reason, version);
  const tmp = `${file}.partial`;
  try {
    const copied = await db.backup(tmp, {
      progress: ({ totalPages, remainingPages }) => {
        ctl.checkpoint();
        ctl.progress({ done: totalPages - remainingPages, total: totalPages });
        return PAGES_PER_STEP;
      },
    });
    ctl.checkpoint();
    ctl.progress({ done: copied.totalPages, total: copied.totalPages });
    // The copy keeps the workspace's WAL mode; a backup is one self-contained file, as VACUUM INTO
    // writes it, so it can be read from read-only media and copied alone.
    const copy = openDb(tmp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    await removeFiles(partialFiles(tmp));
    // Closing the workspace cancels the job and closes the connection under the copy.
    if (ctl.signal.aborted) throw new AppError('jobs.cancelled');
    throw e;
  }
  await removeFiles(beyondKeep(workspacePath, reason));
  return describe(file)!;
}

/** The online backup reports pages; a job whose progress line counts bytes is told bytes. */
function pagesAsBytes(ctl: JobControl, pageSize: number): JobControl {
  return {
    ...ctl,
    progress: ({ done, total, ...rest }) =>
      ctl.progress({
        ...rest,
        ...(done === undefined ? {} : { done: done * pageSize }),
        ...(total === undefined || total === null ? {} : { total: total * pageSize }),
      }),
  };
}

/**
 * `writeBackupStepwise` of a workspace file that is not open here, through a connection of its
 * own (closed after, which also removes the WAL sidecars if it was the last), progress in bytes.
 */
export async function backUpFileStepwise(
  workspacePath: string,
  reason: BackupReason,
  ctl: JobControl,
): Promise<Backup> {
  const db = openDb(workspacePath, { fileMustExist: true });
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    return await writeBackupStepwise(db, workspacePath, reason, schemaVersion(db), pagesAsBytes(ctl, pageSize));
  } finally {
    db.close();
  }
}

/** Copies a file that cannot be opened (e.g. corrupt) aside, byte for byte, before it is replaced. */
export function copyAside(workspacePath: string, reason: BackupReason): string {
  const dir = backupDir(workspacePath);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${stamp(new Date())}.${reason}.db`);
  fs.copyFileSync(workspacePath, file);
  return file;
}

function describe(file: string): Backup | null {
  const m = NAME.exec(path.basename(file));
  if (!m?.groups) return null;
  const reason = m.groups.reason as BackupReason;
  if (!BACKUP_REASONS.includes(reason)) return null;
  const stat = fs.statSync(file);
  return {
    path: file,
    fileName: path.basename(file),
    createdAt: parseStamp(m.groups.stamp!),
    reason,
    sizeBytes: stat.size,
    schemaVersion: m.groups.version ? Number(m.groups.version) : null,
  };
}

export function listBackups(workspacePath: string): Backup[] {
  const dir = backupDir(workspacePath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((f) => describe(path.join(dir, f)))
    .filter((b): b is Backup => b !== null)
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** The backups of a reason older than the ones kept, to delete after a new one is written. */
function beyondKeep(workspacePath: string, reason: BackupReason): string[] {
  return listBackups(workspacePath)
    .filter((b) => b.reason === reason)
    .slice(KEEP[reason])
    .map((b) => b.path);
}

export function isBackupOf(workspacePath: string, backupPath: string): boolean {
  return (
    path.dirname(path.resolve(backupPath)) === path.resolve(backupDir(workspacePath)) && describe(backupPath) !== null
  );
}
