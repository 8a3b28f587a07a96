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
    return typeof h.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host, since: Number(h.since ?? 0) } : null;
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

/** Takes the lock, or returns null when another live process holds it. */
export function acquireLock(file: string): WorkspaceLock | null {
  const target = lockPath(file);
  const me: Holder = { pid: process.pid, host: os.hostname(), since: Date.now() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // 'wx' fails if the file exists, so two processes racing cannot both win.
      fs.writeFileSync(target, JSON.stringify(me), { flag: 'wx' });
      return {
        release: () => {
          if (readHolder(file)?.pid === process.pid) fs.rmSync(target, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return null;
      const holder = readHolder(file);
      if (holder && holder.host === os.hostname() && holder.pid === process.pid) return { release: () => undefined };
      if (holder && (holder.host !== os.hostname() || alive(holder.pid))) return null;
      fs.rmSync(target, { force: true }); // stale: its process is gone
    }
  }
  return null;
}
