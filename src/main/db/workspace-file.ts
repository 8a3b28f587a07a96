import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configure, openDb, type Db } from './driver';
import { APPLICATION_ID, latestVersion, migrate, schemaVersion } from './migrate';
import { migrations as shippedMigrations } from './migrations';
import type { Migration } from './migrate';
import { backUpFileStepwise, listBackups, writeBackup } from './backups';
import { acquireLock, lockHolder, type WorkspaceLock } from './lock';
import type { JobControl } from '../jobs/registry';
import { refreshStaleStatistics, refreshStaleStatisticsIfPossible } from './statistics';
import { storageError } from './storage-errors';
import { AppError } from '../../shared/errors';

export interface OpenedFile {
  readonly db: Db;
  readonly readOnlyReason: string | null;
  readonly migratedFrom: number | null;
  /** Held while the file is open for writing; release after closing. */
  readonly lock: WorkspaceLock | null;
  /** Removes the private copy a workspace on read-only media is read from; call after closing. */
  readonly cleanup: (() => void) | null;
  /**
   * The schema version to label the day's backup with, when it is due and the caller asked to
   * write it later (`dailyBackup: 'later'`); null otherwise.
   */
  readonly dailyBackupDue: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const SQLITE_HEADER = 'SQLite format 3\0';

function readHeader(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}

function canWrite(target: string): boolean {
  try {
    fs.accessSync(target, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the file and its folder can be written. Where they cannot, SQLite cannot open a WAL file
 * at all (not even read-only), so such a workspace is inspected and read from a private copy.
 */
export function isWritable(file: string): boolean {
  return canWrite(file) && canWrite(path.dirname(file));
}

/**
 * SQLite reads a WAL workspace only where it can create the -shm index beside it, which a
 * read-only folder (a mounted share, a CD, another user's folder) forbids. Such a workspace is
 * read from a private copy (with its -wal, so committed work is not lost) in the temp folder.
 */
function privateCopy(file: string): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-review-readonly-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const copy = path.join(dir, path.basename(file));
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    return { file: copy, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

function latestBackupPath(file: string): string {
  return listBackups(file)[0]?.path ?? '';
}

/** Refuses at once what is missing, not a file, or not SQLite by its header: nothing else is read. */
export function checkIsWorkspaceFile(file: string): void {
  if (!fs.existsSync(file)) throw new AppError('workspace.notFound', { path: file });
  if (!fs.statSync(file).isFile()) throw new AppError('workspace.notAFile', { path: file });
  if (readHeader(file) !== SQLITE_HEADER) throw new AppError('workspace.notAWorkspace', { path: file });
}

/** Up to this size a workspace gets SQLite's full integrity check when it opens (about 2 s at 64 MiB). */
export const FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/**
 * The check a workspace gets when it opens. `integrity_check` also proves every index agrees with
 * its table, which takes about 35 s per GB (a million leads: 57 s); `quick_check` reads every page
 * and b-tree like it but skips that comparison (the same file: 5 s), so large files open in seconds.
 */
export function openCheck(sizeBytes: number): 'integrity_check' | 'quick_check' {
  return sizeBytes <= FULL_CHECK_MAX_BYTES ? 'integrity_check' : 'quick_check';
}

export interface InspectOptions {
  /** The path errors name and backups belong to, when `file` is a copy of it. */
  readonly shownAs?: string;
  /**
   * This process checked these very bytes moments ago (a restore checked its copy of the backup
   * before renaming it into place): the check, seconds on a large file, is not run again.
   */
  readonly checked?: boolean;
}

/**
 * Looks at a file without changing it: refuses what is not a workspace, what a newer version wrote,
 * and what fails SQLite's integrity check (offering the newest backup). Returns its schema version.
 */
export function inspectWorkspaceFile(
  file: string,
  migrations: readonly Migration[] = shippedMigrations,
  { shownAs = file, checked = false }: InspectOptions = {},
): number {
  checkIsWorkspaceFile(file);
  // Opening a WAL database, even read-only, creates its -wal/-shm sidecars; a look must leave none.
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let probe: Db | undefined;
  try {
    probe = openDb(file, { readonly: true, fileMustExist: true });
    const appId = probe.pragma('application_id', { simple: true }) as number;
    if (appId !== APPLICATION_ID) throw new AppError('workspace.notAWorkspace', { path: shownAs });
    const version = schemaVersion(probe);
    const supported = latestVersion(migrations);
    if (version > supported) throw new AppError('workspace.newerSchema', { path: shownAs, found: version, supported });
    if (checked) return version;
    const check = openCheck(fs.statSync(file).size);
    const rows = probe.pragma(check, { simple: false }) as Array<Record<string, string>>;
    const problems = rows.map((r) => String(Object.values(r)[0])).filter((r) => r !== 'ok');
    if (problems.length > 0) {
      throw new AppError('workspace.corrupt', {
        path: shownAs,
        detail: problems.slice(0, 3).join('; '),
        backup: latestBackupPath(shownAs),
      });
    }
    return version;
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') throw new AppError('workspace.notAWorkspace', { path: shownAs });
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
      throw new AppError('workspace.corrupt', {
        path: shownAs,
        detail: String((e as Error).message),
        backup: latestBackupPath(shownAs),
      });
    }
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
      throw new AppError('workspace.cannotOpen', { path: shownAs, detail: String((e as Error).message) });
    }
    throw e;
  } finally {
    probe?.close();
    removeProbeSidecars(file, sidecars);
  }
}

/**
 * Removes the -wal/-shm a read-only look created, unless another connection uses them by now:
 * a second app instance starting as the first opens the file would otherwise unlink the writer's
 * WAL under it, and the writer's commits from then on would live in a file no one else can see
 * (and die with a crash). Only SQLite knows who else has the file open: a read-write connection,
 * on closing, deletes the sidecars exactly when it is the last one. A file this process may not
 * write has no writer, so its sidecars, empty, may simply go.
 */
function removeProbeSidecars(file: string, created: readonly string[]): void {
  const wal = `${file}-wal`;
  if (!created.includes(wal) || !fs.existsSync(wal)) return;
  if (isWritable(file)) {
    try {
      const last = openDb(file, { fileMustExist: true });
      try {
        // The WAL is opened with the first read; a connection that never read closes without looking.
        last.pragma('schema_version', { simple: true });
      } finally {
        last.close();
      }
    } catch {
      // Tidying up must not hide what the look found (a damaged file, say): the sidecars stay.
    }
    return;
  }
  if (fs.statSync(wal).size === 0) for (const f of created) fs.rmSync(f, { force: true });
}

/**
 * A further read-only connection to a workspace file this process has opened, and so checked,
 * already (report threads): no inspection, lock or backup, which on a million leads would cost
 * seconds per connection.
 */
export function attachWorkspaceFile(file: string): OpenedFile {
  const db = openDb(file, { readonly: true, fileMustExist: true });
  configure(db, false);
  return {
    db,
    readOnlyReason: 'workspace.openedReadOnly',
    migratedFrom: null,
    lock: null,
    cleanup: null,
    dailyBackupDue: null,
  };
}

/**
 * Before an open that will migrate `file` (its schema `version` older than this app's), keeps the
 * migration backup as a job's step, with progress and cancel: seconds on a million leads, which
 * `openWorkspaceFile` would otherwise spend in one blocking copy. Returns the backup's path for its
 * `migrationBackup`, or null when no migration is due or another process holds the file (this
 * open will then be read-only, and refused as too old).
 */
export async function backUpBeforeMigration(
  file: string,
  version: number,
  ctl: JobControl,
  migrations: readonly Migration[] = shippedMigrations,
): Promise<string | null> {
  if (version >= latestVersion(migrations) || lockHolder(file)) return null;
  ctl.progress({ done: 0, total: null, phase: 'workspace.backingUpBeforeUpgrade' });
  return (await backUpFileStepwise(file, 'migration', ctl)).path;
}

/**
 * Migrates an open workspace at `version`, after the backup the caller kept (`backup`), or after
 * one written here when that is not the file's backup at this version: a migration never runs
 * without its backup.
 */
function migrateAfterBackup(
  db: Db,
  file: string,
  version: number,
  backup: string | undefined,
  migrations: readonly Migration[],
): void {
  const kept = listBackups(file).some(
    (b) => b.path === backup && b.reason === 'migration' && b.schemaVersion === version,
  );
  if (!kept) writeBackup(db, file, 'migration', version);
  migrate(db, migrations);
}

/**
 * Upgrades a workspace file, checked moments ago, to this version's schema and closes it: the open
 * job's upgrade of a large file, on a thread (check-thread.ts). Under the workspace lock; when
 * another process holds it, the file is left as it is (the open then refuses it as too old).
 * Returns the schema version the file is at.
 */
export function upgradeWorkspaceFile(
  file: string,
  backup: string,
  migrations: readonly Migration[] = shippedMigrations,
): number {
  const lock = acquireLock(file);
  const db = openDb(file, { readonly: !lock, fileMustExist: true });
  try {
    const version = schemaVersion(db);
    if (!lock || version >= latestVersion(migrations)) return version;
    configure(db, true);
    migrateAfterBackup(db, file, version, backup, migrations);
    return schemaVersion(db);
  } finally {
    db.close();
    lock?.release();
  }
}

/** Opens an existing workspace: inspect, back up and migrate when older, then configure. */
export function openWorkspaceFile(
  file: string,
  options: {
    readOnly?: boolean;
    migrations?: readonly Migration[];
    dailyBackup?: 'now' | 'later';
    checked?: boolean;
    /**
     * The migration backup the caller kept moments ago, with progress (the open job). Taken here
     * as before when it is not there or holds another version.
     */
    migrationBackup?: string;
  } = {},
): OpenedFile {
  const migrations = options.migrations ?? shippedMigrations;
  checkIsWorkspaceFile(file);
  let readOnlyReason: string | null = options.readOnly
    ? 'workspace.openedReadOnly'
    : isWritable(file)
      ? null
      : 'workspace.readOnlyPath';
  const copy = readOnlyReason && !canWrite(path.dirname(file)) ? privateCopy(file) : null;
  const source = copy?.file ?? file;
  let lock: WorkspaceLock | null = null;
  let db: Db | null = null;
  try {
    const version = inspectWorkspaceFile(source, migrations, { shownAs: file, checked: options.checked ?? false });
    lock = readOnlyReason ? null : acquireLock(file);
    if (!readOnlyReason && !lock) readOnlyReason = 'workspace.lockedByOther';
    const supported = latestVersion(migrations);
    if (readOnlyReason && version < supported) {
      throw new AppError('workspace.needsMigration', { path: file, found: version, supported });
    }
    db = openDb(source, { readonly: readOnlyReason !== null, fileMustExist: true });
    configure(db, readOnlyReason === null);
    let migratedFrom: number | null = null;
    let dailyBackupDue: number | null = null;
    if (version < supported) {
      migrateAfterBackup(db, file, version, options.migrationBackup, migrations);
      migratedFrom = version;
    } else if (
      !readOnlyReason &&
      !listBackups(file).some((b) => b.reason === 'daily' && Date.now() - b.createdAt < DAY_MS)
    ) {
      if (options.dailyBackup === 'later') dailyBackupDue = version;
      else dailyBackup(db, file, version);
    }
    // A file an earlier version imported into may hold statistics from when it had a handful of
    // leads: the Leads explorer would scan until it closes.
    if (!readOnlyReason) refreshStaleStatisticsIfPossible(db);
    return { db, readOnlyReason, migratedFrom, lock, cleanup: copy?.cleanup ?? null, dailyBackupDue };
  } catch (e) {
    db?.close();
    lock?.release();
    copy?.cleanup();
    throw e;
  }
}

/**
 * The daily backup is a convenience, not a precondition: a full or failing disk must not lock
 * people out of their own data, so the workspace still opens (a migration, by contrast, never runs
 * without its backup). Any other failure is a real problem and is raised.
 */
function dailyBackup(db: Db, file: string, version: number): void {
  try {
    writeBackup(db, file, 'daily', version);
  } catch (e) {
    if (!storageError(e)) throw e;
    console.warn(`[workspace] daily backup of ${file} skipped: ${(e as Error).message}`);
  }
}

/** Creates a new workspace file with the current schema. Refuses to overwrite anything. */
export function createWorkspaceFile(file: string, migrations: readonly Migration[] = shippedMigrations): OpenedFile {
  if (fs.existsSync(file)) throw new AppError('workspace.alreadyExists', { path: file });
  if (!fs.existsSync(path.dirname(file))) throw new AppError('workspace.folderMissing', { path: path.dirname(file) });
  const lock = acquireLock(file);
  if (!lock) throw new AppError('workspace.alreadyExists', { path: file });
  const db = openDb(file);
  try {
    configure(db, true);
    migrate(db, migrations);
    // A new file starts with its statistics, so its first open has none to gather and writes nothing.
    refreshStaleStatistics(db);
    return { db, readOnlyReason: null, migratedFrom: null, lock, cleanup: null, dailyBackupDue: null };
  } catch (e) {
    db.close();
    lock.release();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw e;
  }
}
