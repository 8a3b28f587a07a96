import { AppError, errorFromPayload, type ApiErrorPayload } from '../../shared/errors';

/**
 * An error as it crosses between a worker thread and the main one: a structured clone keeps no
 * class, so an expected refusal travels as its translatable payload, anything else as its name,
 * message and code (which `storageError` reads to name a full disk).
 */
export interface ThreadError {
  readonly name: string;
  readonly message: string;
  readonly code: string | null;
  readonly app: ApiErrorPayload | null;
}

export function toThreadError(e: unknown): ThreadError {
  const error = e instanceof Error ? e : new Error(String(e));
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    code: typeof code === 'string' ? code : null,
    app: error instanceof AppError ? error.toPayload() : null,
  };
}

export function fromThreadError({ name, message, code, app }: ThreadError): Error {
  return app ? errorFromPayload(app) : Object.assign(new Error(message), { name, code });
}
