/**
 * A thread that runs one workspace file's integrity check (see check-thread.ts), so the main
 * process keeps answering during the seconds SQLite spends in that one call on a large file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useNativeBinding } from './driver';
import { inspectWorkspaceFile } from './workspace-file';
import { AppError, type ApiErrorPayload } from '../../shared/errors';

export interface CheckRequest {
  readonly nativeBinding?: string | undefined;
  readonly file: string;
  readonly shownAs: string;
}

export type CheckReply =
  | { readonly version: number }
  | {
      /** An expected refusal keeps its translatable payload; anything else its name, message and code. */
      readonly error: { readonly name: string; readonly message: string; readonly code: string | null };
      readonly app: ApiErrorPayload | null;
    };

const request = workerData as CheckRequest;
useNativeBinding(request.nativeBinding);
let reply: CheckReply;
try {
  reply = { version: inspectWorkspaceFile(request.file, undefined, { shownAs: request.shownAs }) };
} catch (e) {
  const error = e instanceof Error ? e : new Error(String(e));
  const code = (error as { code?: unknown }).code;
  reply = {
    error: { name: error.name, message: error.message, code: typeof code === 'string' ? code : null },
    app: error instanceof AppError ? error.toPayload() : null,
  };
}
parentPort!.postMessage(reply);
