import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tmpDir } from '../../helpers/tmp';
import type * as Driver from '../../../src/main/db/driver';

// The moment between a look's read-only open and its first read, where another process may open the file.
const hook = vi.hoisted(() => ({ afterReadOnlyOpen: null as null | (() => void) }));
vi.mock('../../../src/main/db/driver', async (importOriginal) => {
  const driver = await importOriginal<typeof Driver>();
  return {
    ...driver,
    openDb: (...args: Parameters<typeof driver.openDb>) => {
      const db = driver.openDb(...args);
      const run = args[1]?.readonly ? hook.afterReadOnlyOpen : null;
      hook.afterReadOnlyOpen = null;
      run?.();
      return db;
    },
  };
});

const { createWorkspaceFile, inspectWorkspaceFile } = await import('../../../src/main/db/workspace-file');

const sidecars = (file: string) => [`${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f));

describe('a look at a workspace file (inspect)', () => {
  let writer: Database.Database | null = null;
  afterEach(() => {
    writer?.close();
    writer = null;
  });

  function workspace(): string {
    const file = path.join(tmpDir(), 'w.db');
    const created = createWorkspaceFile(file);
    created.db.close();
    created.lock?.release();
    expect(sidecars(file)).toEqual([]);
    return file;
  }

  it('leaves no -wal or -shm behind when no one else has the file open', () => {
    const file = workspace();
    inspectWorkspaceFile(file);
    expect(sidecars(file)).toEqual([]);
  });

  it('keeps the sidecars of a writer that opened the file while it looked, so the writer’s commits stay visible', () => {
    const file = workspace();
    hook.afterReadOnlyOpen = () => {
      writer = new Database(file);
      writer.pragma('journal_mode = WAL');
      writer.prepare('SELECT count(*) FROM sqlite_master').get();
    };
    inspectWorkspaceFile(file);
    expect(writer).not.toBeNull();
    expect(sidecars(file)).toEqual([`${file}-wal`, `${file}-shm`]);

    // Written to the WAL only: a reader sees it through the shared WAL, which a look must not unlink.
    writer!.exec('CREATE TABLE written_meanwhile (x); INSERT INTO written_meanwhile VALUES (42)');
    const reader = new Database(file, { readonly: true });
    try {
      expect(reader.prepare('SELECT x FROM written_meanwhile').pluck().get()).toBe(42);
    } finally {
      reader.close();
    }
    writer!.close();
    writer = null;
    expect(sidecars(file)).toEqual([]);
  });
});
