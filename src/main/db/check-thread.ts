import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { currentNativeBinding } from './driver';
import type { CheckReply, CheckRequest } from './check-worker';
import { inspectWorkspaceFile } from './workspace-file';
import type { JobControl } from '../jobs/registry';
import { fromThreadError } from '../runtime/thread-error';

/**
 * The thread's entry: the bundle's sibling in the desktop app, else the TypeScript source through
 * tsx (the CLI, the local server and tests run the sources).
 */
export function spawnCheckWorker(request: CheckRequest): Worker {
  const here = fileURLToPath(import.meta.url);
  const workerData = { ...request, nativeBinding: currentNativeBinding() };
  if (here.endsWith('.cjs')) return new Worker(path.join(path.dirname(here), 'check-worker.cjs'), { workerData });
  return new Worker(new URL('./check-worker-source.mjs', import.meta.url), { workerData });
}

/**
 * `inspectWorkspaceFile` on a thread of its own: the same refusals and schema version, while the
 * main process goes on answering (a million leads' check is about 4 s in one SQLite call, which
 * cannot report progress). A cancel ends the wait once that call returns, as the thread can only
 * stop then; the file is not held open after this returns or throws.
 */
export function inspectOnThread(
  file: string,
  ctl: JobControl,
  shownAs: string = file,
  spawn: (request: CheckRequest) => Worker = spawnCheckWorker,
): Promise<number> {
  return onThread({ file, shownAs }, ctl, spawn);
}

/**
 * `upgradeWorkspaceFile` on a thread of its own: a million leads' upgrade rebuilds tables for tens
 * of seconds in a few SQLite calls. A cancel ends the wait once the call under way returns; each
 * migration is its own transaction, so the file is left at one schema version or the next, never
 * between. Resolves to the version the file is at.
 */
export function upgradeOnThread(
  file: string,
  backup: string,
  ctl: JobControl,
  spawn: (request: CheckRequest) => Worker = spawnCheckWorker,
): Promise<number> {
  return onThread({ file, shownAs: file, upgradeAfter: backup }, ctl, spawn);
}

async function onThread(
  request: CheckRequest,
  ctl: JobControl,
  spawn: (request: CheckRequest) => Worker,
): Promise<number> {
  const worker = spawn(request);
  const replied = new Promise<CheckReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the check thread ended (exit code ${code})`)));
  });
  try {
    const reply = await ctl.until(replied);
    if ('version' in reply) return reply.version;
    throw fromThreadError(reply.error);
  } finally {
    await worker.terminate();
  }
}

/**
 * Up to this size the check runs on the calling thread: it takes under half a second there, about
 * what a thread takes to start from the sources. So does an upgrade (the open does it).
 */
export const CHECK_ON_THREAD_FROM_BYTES = 16 * 1024 * 1024;

function large(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).size >= CHECK_ON_THREAD_FROM_BYTES;
}

/** `inspectWorkspaceFile` for a job: on a thread when the file is large, else where it is called. */
export async function checkWorkspaceFile(file: string, ctl: JobControl, shownAs: string = file): Promise<number> {
  return large(file) ? inspectOnThread(file, ctl, shownAs) : inspectWorkspaceFile(file, undefined, { shownAs });
}

/**
 * The upgrade of a large file, for the open job, after its migration backup: on a thread, so the
 * process keeps answering. A small file is left to the open, which migrates it in a moment.
 */
export async function upgradeLargeWorkspaceFile(file: string, backup: string, ctl: JobControl): Promise<void> {
  if (!large(file)) return;
  ctl.progress({ done: 0, total: null, phase: 'workspace.upgrading' });
  await upgradeOnThread(file, backup, ctl);
}
