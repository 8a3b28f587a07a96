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

/** A lock file this young that cannot be read is being written by its creator, not abandoned. */
const FRESH_MS = 10_000;
/** After taking over a stale lock: the pause before checking that no other taker replaced ours. */
const SETTLE_MS = 50;

const sameHolder = (a: Holder | null, b: Holder | null): boolean =>
  a !== null && b !== null && a.pid === b.pid && a.host === b.host && a.since === b.since;

function ageMs(target: string): number {
  try {
    return Date.now() - fs.statSync(target).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes the lock, or returns null when another live process holds it (or is taking it right now).
 * Two races are closed: a lock file caught between its creation and its first write reads as empty
 * and is left alone while young; and when two processes find the same stale lock, each removes it
 * only if it is still that lock, and after taking over re-reads it so only one of them keeps it.
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
      if (attempt === 0) return held();
      pause(SETTLE_MS);
      return sameHolder(readHolder(file), me) ? held() : null;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return null;
      const holder = readHolder(file);
      if (holder && holder.host === os.hostname() && holder.pid === process.pid) return { release: () => undefined };
      if (holder && (holder.host !== os.hostname() || alive(holder.pid))) return null;
      if (!holder && ageMs(target) < FRESH_MS) return null;
      // Stale (its process is gone, or it was never written): remove it only if it is still the same file content.
      const again = readHolder(file);
      if (holder ? !sameHolder(again, holder) : again !== null) return null;
      fs.rmSync(target, { force: true });
    }
  }
  return null;
}
