import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/main/db/lock';
import { disposeChildBundle, runChild } from './fault/harness';
import { recordFigures } from './support/figures';

/**
 * One writer per workspace, even when processes race: several processes try to take the same
 * workspace's lock at the same instant (with no lock, and with a stale lock of a dead process),
 * and exactly one gets it each time; a lock file caught half-written is not mistaken for stale.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-lock-'));
let attempts = 0;
afterAll(async () => {
  await disposeChildBundle();
  fs.rmSync(dir, { recursive: true, force: true });
  recordFigures('faults', 'lock', { 'simultaneous lock attempts': attempts });
});

async function race(file: string, processes: number): Promise<number> {
  const startAt = Date.now() + 4000;
  const runs = await Promise.all(
    Array.from({ length: processes }, (_, i) =>
      runChild({
        scenario: 'lock',
        workspace: file,
        home: path.join(dir, `home-${i}`),
        now: Date.now(),
        killAtWrite: null,
        startAt,
        holdMs: 1500,
      }),
    ),
  );
  attempts += processes;
  for (const r of runs) expect(r.done, r.output).not.toBeNull();
  return runs.filter((r) => r.done?.held === true).length;
}

describe('the workspace lock', () => {
  it('goes to exactly one of several processes trying at the same instant', async () => {
    expect(await race(path.join(dir, 'fresh.db'), 4)).toBe(1);
  }, 120_000);

  it('goes to exactly one of several processes finding the same stale lock', async () => {
    const file = path.join(dir, 'stale.db');
    const dead = spawn('true');
    await new Promise((r) => dead.once('exit', r));
    fs.writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: dead.pid, host: os.hostname(), since: Date.now() - 60_000 }),
    );
    expect(await race(file, 4)).toBe(1);
  }, 120_000);

  it('leaves a young, still empty lock file alone (its creator is writing it) and takes over an old one', () => {
    const file = path.join(dir, 'empty.db');
    fs.writeFileSync(`${file}.lock`, '');
    expect(acquireLock(file)).toBeNull();
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(`${file}.lock`, old, old);
    const lock = acquireLock(file);
    expect(lock).not.toBeNull();
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    lock!.release();
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });
});
