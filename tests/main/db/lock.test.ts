import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireLock } from '../../../src/main/db/lock';

/**
 * The takeover of a stale lock, with the competing taker placed in the one window that used to
 * let two processes hold the lock: after this process has checked that the lock is still the
 * stale one and just before it removes it.
 */
const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const LOCK_MODULE = path.resolve('src/main/db/lock.ts');

/** Another process trying to take the lock: "held" or "none". It exits without releasing. */
function competitor(file: string): string {
  const script = `const { acquireLock } = await import(${JSON.stringify(LOCK_MODULE)});
    process.stdout.write(acquireLock(${JSON.stringify(file)}) ? 'held' : 'none');`;
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
}

async function staleLock(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-lock-unit-'));
  dirs.push(dir);
  const file = path.join(dir, 'w.db');
  const dead = spawn('true');
  await new Promise((r) => dead.once('exit', r));
  fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: dead.pid, host: os.hostname(), since: Date.now() - 60_000 }));
  return file;
}

describe('acquireLock', () => {
  it('lets one of two processes replace a stale lock, even when the other tries just before the removal', async () => {
    const file = await staleLock();
    let other: string | null = null;
    const rm = fs.rmSync;
    vi.spyOn(fs, 'rmSync').mockImplementation((target, options) => {
      if (other === null && target === `${file}.lock`) other = competitor(file);
      return rm(target, options);
    });
    const mine = acquireLock(file);
    expect(other).not.toBeNull();
    // Exactly one holder: this process, since the other found the takeover under way.
    expect([mine !== null, other === 'held']).toEqual([true, false]);
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    mine!.release();
  }, 30_000);

  it('waits out a young takeover guard and removes an old one left by a crash', async () => {
    const file = await staleLock();
    fs.writeFileSync(`${file}.lock.takeover`, '12345');
    expect(acquireLock(file)).toBeNull();
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.lock.takeover`, old, old);
    const lock = acquireLock(file);
    expect(lock).not.toBeNull();
    expect(fs.existsSync(`${file}.lock.takeover`)).toBe(false);
    lock!.release();
  });
});
