import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import {
  attachWorkspaceFile,
  createWorkspaceFile,
  FULL_CHECK_MAX_BYTES,
  inspectWorkspaceFile,
  openCheck,
  openWorkspaceFile,
  type OpenedFile,
} from '../../../src/main/db/workspace-file';
import { APPLICATION_ID, latestVersion, type Migration } from '../../../src/main/db/migrate';
import { migrations } from '../../../src/main/db/migrations';
import { listBackups, writeBackup } from '../../../src/main/db/backups';
import { AppError } from '../../../src/shared/errors';
import { folderState, tmpDir } from '../../helpers/tmp';

function expectAppError(fn: () => unknown, code: string): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe(code);
    return e as AppError;
  }
  throw new Error(`expected ${code}`);
}

function close(opened: OpenedFile): void {
  opened.db.close();
  opened.lock?.release();
}

function newWorkspace(dir: string, name = 'w.db'): string {
  const file = path.join(dir, name);
  close(createWorkspaceFile(file));
  return file;
}

describe('workspace files', () => {
  it('creates a file marked as ours, at the latest schema, in WAL mode with foreign keys on', () => {
    const dir = tmpDir();
    const created = createWorkspaceFile(path.join(dir, 'w.db'));
    const db = created.db;
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    close(created);
  });

  it('attaches a further connection read-only, with no lock, backup or other file written', () => {
    const dir = tmpDir();
    const file = newWorkspace(dir);
    const app = openWorkspaceFile(file);
    const before = folderState(dir);
    const backups = listBackups(file).length;
    const attached = attachWorkspaceFile(file);
    expect(attached.readOnlyReason).toBe('workspace.openedReadOnly');
    expect(attached.lock).toBeNull();
    expect(attached.db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(() => attached.db.exec("INSERT INTO settings (key, value) VALUES ('x', '1')")).toThrow(/readonly/);
    close(attached);
    expect(listBackups(file)).toHaveLength(backups);
    expect(folderState(dir)).toEqual(before);
    close(app);
  });

  it('refuses to create over an existing file', () => {
    const dir = tmpDir();
    const file = newWorkspace(dir);
    expectAppError(() => createWorkspaceFile(file), 'workspace.alreadyExists');
  });

  it('refuses a text file, an empty file and a foreign SQLite database without changing them', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'notes.db'), 'lead_id,stage\n1,mql\n');
    fs.writeFileSync(path.join(dir, 'empty.db'), '');
    const other = new Database(path.join(dir, 'other.db'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    const before = folderState(dir);
    for (const name of ['notes.db', 'empty.db', 'other.db']) {
      expectAppError(() => openWorkspaceFile(path.join(dir, name)), 'workspace.notAWorkspace');
    }
    expect(folderState(dir)).toEqual(before);
  });

  it('refuses a missing file and a folder', () => {
    const dir = tmpDir();
    expectAppError(() => openWorkspaceFile(path.join(dir, 'missing.db')), 'workspace.notFound');
    expectAppError(() => openWorkspaceFile(dir), 'workspace.notAFile');
  });

  it('refuses a file written by a newer version, naming both versions, and leaves it untouched', () => {
    const dir = tmpDir();
    const file = newWorkspace(dir);
    const raw = new Database(file);
    raw.pragma('user_version = 999');
    raw.close();
    const before = folderState(dir);
    const e = expectAppError(() => openWorkspaceFile(file), 'workspace.newerSchema');
    expect(e.params).toMatchObject({ found: 999, supported: latestVersion(migrations) });
    expect(folderState(dir)).toEqual(before);
  });

  it('detects a damaged file, changes nothing, and names the latest backup to restore (tests/main/db/restore.test.ts restores it)', () => {
    const dir = tmpDir();
    const file = newWorkspace(dir);
    // A backup to offer, then damage the live file's pages past the header.
    const opened = openWorkspaceFile(file);
    opened.db.exec("INSERT INTO settings (key, value) VALUES ('probe', '1')");
    const backup = writeBackup(opened.db, file, 'manual', 1);
    opened.db.exec('CREATE TABLE filler (x TEXT)');
    const fill = opened.db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) fill.run('x'.repeat(200));
    close(opened);
    const bytes = fs.readFileSync(file);
    for (let i = 8192; i < bytes.length - 4096; i += 7) bytes[i] = 0xff;
    fs.writeFileSync(file, bytes);
    const before = folderState(dir);
    const e = expectAppError(() => inspectWorkspaceFile(file), 'workspace.corrupt');
    expect(e.params.backup).toBe(backup.path);
    expect(folderState(dir)).toEqual(before);
  });

  it('checks that indexes agree with their tables on a file of ordinary size; a large file gets the page check', () => {
    const dir = tmpDir();
    const file = newWorkspace(dir);
    const opened = openWorkspaceFile(file);
    const insert = opened.db.prepare(
      "INSERT INTO leads (external_id, created_at, owner, segment) VALUES (?, 0, 'ana', 'SMB')",
    );
    for (let i = 0; i < 50; i++) insert.run(`L${i}`);
    const root = opened.db
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'leads_owner'")
      .pluck()
      .get() as number;
    const pageSize = opened.db.pragma('page_size', { simple: true }) as number;
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    close(opened);
    // One index entry now says 'anb': every page and b-tree is sound (the last key stays the
    // largest), but the index no longer agrees with its table.
    const bytes = fs.readFileSync(file);
    const page = bytes.subarray((root - 1) * pageSize, root * pageSize);
    const at = page.lastIndexOf('ana');
    expect(at).toBeGreaterThan(0);
    page[at + 2] = 'b'.charCodeAt(0);
    fs.writeFileSync(file, bytes);
    const probe = new Database(file, { readonly: true });
    expect(probe.pragma('quick_check', { simple: true })).toBe('ok');
    probe.close();
    expect(openCheck(fs.statSync(file).size)).toBe('integrity_check');
    const e = expectAppError(() => inspectWorkspaceFile(file), 'workspace.corrupt');
    expect(String(e.params.detail)).toMatch(/leads_owner/);
    expect(openCheck(FULL_CHECK_MAX_BYTES + 1)).toBe('quick_check');
  });

  it('backs the file up before migrating it, and the backup holds the old schema', () => {
    const dir = tmpDir();
    const file = newWorkspace(dir);
    const next: Migration = { version: 99, name: 'add_probe', up: (db) => db.exec('CREATE TABLE probe (x INTEGER)') };
    const opened = openWorkspaceFile(file, { migrations: [...migrations, next] });
    expect(opened.migratedFrom).toBe(latestVersion(migrations));
    expect(opened.db.pragma('user_version', { simple: true })).toBe(99);
    close(opened);
    const [backup] = listBackups(file);
    expect(backup?.reason).toBe('migration');
    expect(backup?.schemaVersion).toBe(latestVersion(migrations));
    const old = new Database(backup!.path, { readonly: true });
    expect(old.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'probe'").get()).toEqual({ n: 0 });
    old.close();
  });

  it('rolls a failing migration back completely and keeps the pre-migration backup', () => {
    const dir = tmpDir();
    const file = newWorkspace(dir);
    const broken: Migration = {
      version: 50,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE half (x)');
        throw new Error('boom');
      },
    };
    expect(() => openWorkspaceFile(file, { migrations: [...migrations, broken] })).toThrow('boom');
    const reopened = openWorkspaceFile(file);
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(reopened.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    close(reopened);
    expect(listBackups(file).filter((b) => b.reason === 'migration')).toHaveLength(1);
  });

  it('refuses a file whose recorded migrations differ from ours', () => {
    const dir = tmpDir();
    const file = newWorkspace(dir);
    const renamed: Migration[] = [{ ...migrations[0]!, name: 'something_else' }];
    const next: Migration = { version: 99, name: 'x', up: () => undefined };
    expectAppError(() => openWorkspaceFile(file, { migrations: [...renamed, next] }), 'workspace.unknownMigration');
  });

  it('opens read-only on request: reads work, writes fail at the SQLite level', () => {
    const dir = tmpDir();
    const file = newWorkspace(dir);
    const opened = openWorkspaceFile(file, { readOnly: true });
    expect(opened.readOnlyReason).toBe('workspace.openedReadOnly');
    expect(() => opened.db.exec("INSERT INTO settings (key, value) VALUES ('a', '1')")).toThrow(/readonly/i);
    close(opened);
  });

  it('keeps one daily backup: the first writable open of a day writes it, later ones do not', () => {
    const dir = tmpDir();
    const file = newWorkspace(dir);
    close(openWorkspaceFile(file));
    close(openWorkspaceFile(file));
    expect(listBackups(file).filter((b) => b.reason === 'daily')).toHaveLength(1);
  });

  it('opens read-only when another live process holds the workspace, and takes over a stale lock', async () => {
    const dir = tmpDir();
    const file = newWorkspace(dir);
    const other = spawn('sleep', ['30']);
    try {
      fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: other.pid, host: os.hostname(), since: Date.now() }));
      const second = openWorkspaceFile(file);
      expect(second.readOnlyReason).toBe('workspace.lockedByOther');
      expect(second.lock).toBeNull();
      close(second);
    } finally {
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
    }
    // The holder is gone: its lock is stale and the next open writes.
    const third = openWorkspaceFile(file);
    expect(third.readOnlyReason).toBeNull();
    close(third);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});
