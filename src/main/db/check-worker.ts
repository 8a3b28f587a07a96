/**
 * A thread that runs one workspace file's integrity check (see check-thread.ts), so the main
 * process keeps answering during the seconds SQLite spends in that one call on a large file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useNativeBinding } from './driver';
import { inspectWorkspaceFile } from './workspace-file';
import { toThreadError, type ThreadError } from '../runtime/thread-error';

export interface CheckRequest {
  readonly nativeBinding?: string | undefined;
  readonly file: string;
  readonly shownAs: string;
}

export type CheckReply = { readonly version: number } | { readonly error: ThreadError };

const request = workerData as CheckRequest;
useNativeBinding(request.nativeBinding);
let reply: CheckReply;
try {
  reply = { version: inspectWorkspaceFile(request.file, undefined, { shownAs: request.shownAs }) };
} catch (e) {
  reply = { error: toThreadError(e) };
}
parentPort!.postMessage(reply);
