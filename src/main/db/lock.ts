import fs from 'node:fs';
import os from 'node:os';

/**
 * One writer per workspace across processes: a second app instance, a CLI import or a browser-mode
 * server on the same file opens it read-only instead of writing beside the first. The lock is a
 * small file next to the workspace naming its holder; a holder that no longer runs is replaced.
 */
export interface WorkspaceLock {
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  since: number;
}

function lockPath(file: string): string {
  return `${file}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | null {
  try {
    const h = JSON.parse(fs.readFileSync(lockPath(file), 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string'
      ? { pid: h.pid, host: h.host, since: Number(h.since ?? 0) }
      : null;
  } catch {
    return null;
  }
}

/** The other live holder of the file's lock, if any (our own process never blocks itself). */
export function lockHolder(file: string): Holder | null {
  const h = readHolder(file);
  if (!h || (h.host === os.hostname() && (h.pid === process.pid || !alive(h.pid)))) return null;
  return h;
}

/**
 * A lock file this young that cannot be read is being written by its creator, not abandoned; a
 * takeover guard this old was left by a process that died while taking over.
 */
const FRESH_MS = 10_000;

const sameHolder = (a: Holder | null, b: Holder | null): boolean =>
  a !== null && b !== null && a.pid === b.pid && a.host === b.host && a.since === b.since;

function ageMs(target: string): number {
  try {
    return Date.now() - fs.statSync(target).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * Replaces a stale lock (`stale`: its holder, null for a file never written) with ours, under a
 * takeover guard: a second file only one process can create. Checking that the lock is still the
 * stale one and replacing it are then one step for every other taker; without the guard, a taker
 * delayed between its check and its removal deleted the lock another taker had just written, and
 * both went on as the holder (seen under load). A guard left by a process that died mid-takeover
 * is removed once old, and the caller looks again; that removal is not itself guarded, so it needs
 * a crash inside a takeover and then two takers at the same instant to go wrong.
 */
function replaceStale(file: string, stale: Holder | null, me: Holder): 'taken' | 'busy' | 'changed' {
  const target = lockPath(file);
  const guard = `${target}.takeover`;
  try {
    fs.writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return 'busy';
    if (ageMs(guard) < FRESH_MS) return 'busy';
    fs.rmSync(guard, { force: true });
    return 'changed';
  }
  try {
    const now = readHolder(file);
    const still = stale ? sameHolder(now, stale) : now === null && ageMs(target) >= FRESH_MS;
    if (!still) return 'changed';
    fs.rmSync(target, { force: true });
    // 'wx' again: a process creating a first lock right now (no guard needed for that) may win.
    fs.writeFileSync(target, JSON.stringify(me), { flag: 'wx' });
    return 'taken';
  } catch {
    return 'busy';
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/**
 * Takes the lock, or returns null when another live process holds it (or is taking it right now).
 * Two races are closed: a lock file caught between its creation and its first write reads as empty
 * and is left alone while young; and when several processes find the same stale lock, only the one
 * holding the takeover guard replaces it (see `replaceStale`).
 */
export function acquireLock(file: string): WorkspaceLock | null {
  const target = lockPath(file);
  const me: Holder = { pid: process.pid, host: os.hostname(), since: Date.now() };
  const held = (): WorkspaceLock => ({
    release: () => {
      if (readHolder(file)?.pid === process.pid) fs.rmSync(target, { force: true });
    },
  });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx' fails if the file exists, so two processes racing cannot both create it.
      fs.writeFileSync(target, JSON.stringify(me), { flag: 'wx' });
      return held();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return null;
      const holder = readHolder(file);
      if (holder && holder.host === os.hostname() && holder.pid === process.pid) return { release: () => undefined };
      if (holder && (holder.host !== os.hostname() || alive(holder.pid))) return null;
      if (!holder && ageMs(target) < FRESH_MS) return null;
      const outcome = replaceStale(file, holder, me);
      if (outcome === 'taken') return held();
      if (outcome === 'busy') return null;
    }
  }
  return null;
}
