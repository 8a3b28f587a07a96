/**
 * A thread that runs one long piece of SQLite work on a workspace file (see check-thread.ts): its
 * integrity check, or its upgrade to this version's schema. The main process keeps answering
 * during the seconds SQLite spends in those calls on a large file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useNativeBinding } from './driver';
import { inspectWorkspaceFile, upgradeWorkspaceFile } from './workspace-file';
import { toThreadError, type ThreadError } from '../runtime/thread-error';

export interface CheckRequest {
  readonly nativeBinding?: string | undefined;
  readonly file: string;
  readonly shownAs: string;
  /** Upgrade the file instead of checking it, after this migration backup (see upgradeWorkspaceFile). */
  readonly upgradeAfter?: string;
}

export type CheckReply = { readonly version: number } | { readonly error: ThreadError };

const request = workerData as CheckRequest;
useNativeBinding(request.nativeBinding);
let reply: CheckReply;
try {
  reply = {
    version:
      request.upgradeAfter === undefined
        ? inspectWorkspaceFile(request.file, undefined, { shownAs: request.shownAs })
        : upgradeWorkspaceFile(request.file, request.upgradeAfter),
  };
} catch (e) {
  reply = { error: toThreadError(e) };
}
parentPort!.postMessage(reply);
