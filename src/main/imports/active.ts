import { AppError } from '../../shared/errors';

/**
 * Work that holds a workspace's write lock for a while (an import, a validation, an undo), by
 * workspace path. A second one, or a write of ours, is refused at once with `imports.busy` instead
 * of waiting out SQLite's busy timeout with the event loop blocked.
 */
const running = new Map<string, string>();

export function claimWorkspace(workspacePath: string, jobId: string): void {
  assertIdle(workspacePath);
  running.set(workspacePath, jobId);
}

export function releaseWorkspace(workspacePath: string, jobId: string): void {
  if (running.get(workspacePath) === jobId) running.delete(workspacePath);
}

/** The job holding the workspace, if any (other features may check before writing). */
export function importRunning(workspacePath: string): string | null {
  return running.get(workspacePath) ?? null;
}

export function assertIdle(workspacePath: string): void {
  if (running.has(workspacePath)) throw new AppError('imports.busy');
}

/** Runs a write on the app's connection, turning SQLite's "database is locked" into `imports.busy`. */
export function withBusyCheck<T>(workspacePath: string, write: () => T): T {
  assertIdle(workspacePath);
  try {
    return write();
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED') throw new AppError('imports.busy');
    throw e;
  }
}
