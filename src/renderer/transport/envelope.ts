import { AppError, errorFromPayload, isApiErrorPayload } from '../../shared/errors';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Turns the `{ ok, value | error }` envelope both bridges answer with into a value or a thrown
 * AppError, so callers handle failures with try/catch whatever the transport.
 */
export function unwrap(result: unknown, wire: string): unknown {
  if (isRecord(result)) {
    if (result.ok === true && 'value' in result) return result.value;
    if (result.ok === false && isApiErrorPayload(result.error)) throw errorFromPayload(result.error);
  }
  throw new AppError('renderer.badResponse', { method: wire }, `Unexpected answer from ${wire}`);
}

/** Any thrown value as an AppError, so the UI always has a translatable code to show. */
export function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new AppError('internal', { detail }, `Internal error: ${detail}`);
}
