/**
 * Errors that cross a boundary (IPC, HTTP, CLI) travel as data: a message key from the i18n
 * catalogs (under `errors.`), its parameters, and an English rendering for logs.
 */
export interface ValidationIssue {
  readonly path: string;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ApiErrorPayload {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly message: string;
  readonly issues?: readonly ValidationIssue[];
}

export type ApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiErrorPayload };

/** An expected failure with a translatable message. Anything else thrown is an internal error. */
export class AppError extends Error {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
  readonly issues?: readonly ValidationIssue[];

  constructor(
    code: string,
    params: Record<string, string | number> = {},
    message?: string,
    issues?: readonly ValidationIssue[],
  ) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    if (issues) this.issues = issues;
  }

  toPayload(): ApiErrorPayload {
    return {
      code: this.code,
      params: this.params,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

/** Rebuilds an AppError on the calling side of a transport. */
export function errorFromPayload(payload: ApiErrorPayload): AppError {
  return new AppError(payload.code, { ...payload.params }, payload.message, payload.issues);
}

export function isApiErrorPayload(value: unknown): value is ApiErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string' && typeof v.params === 'object';
}
