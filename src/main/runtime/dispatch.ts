import type { z } from 'zod';
import { contract, methods, type ContractHandlers } from '../../shared/contract';
import type { MethodEntry } from '../../shared/contract/define';
import { AppError, type ApiErrorPayload, type ApiResult, type ValidationIssue } from '../../shared/errors';
import { storageError } from '../db/storage-errors';
import en from '../../shared/i18n/locales/en.json';
import { CHECK_PARAM } from '../../shared/validation/checks';
import type { Runtime } from './runtime';

export type Dispatch = (wire: string, input: unknown) => Promise<ApiResult<unknown>>;

const checkMessages = en.errors.validationIssue.check as Record<string, string>;

/** The catalog key of a custom check (see `checkMessage`), when the issue names one the catalogs have. */
function checkKey(issue: z.core.$ZodIssue): string | null {
  if (issue.code !== 'custom') return null;
  const key: unknown = issue.params?.[CHECK_PARAM];
  return typeof key === 'string' && Object.hasOwn(checkMessages, key) ? key : null;
}

/**
 * zod's issue codes become i18n keys under `errors.validationIssue.`, with the few parameters they
 * need. A custom check with a catalog key becomes the code `check.<key>` with its values; other
 * custom issues keep the code `custom` and pass their (English) message as is.
 */
export function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.slice(0, 20).map((issue) => {
    const params: Record<string, string | number> = {};
    for (const key of ['expected', 'minimum', 'maximum', 'format', 'origin'] as const) {
      const v = (issue as unknown as Record<string, unknown>)[key];
      if (typeof v === 'string' || typeof v === 'number') params[key] = v;
      else if (typeof v === 'bigint') params[key] = Number(v);
    }
    if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join(', ');
    if (issue.code === 'invalid_value') params.values = issue.values.map(String).join(', ');
    const path = issue.path.map(String).join('.') || '(input)';
    const check = checkKey(issue);
    if (check !== null && issue.code === 'custom') {
      for (const [name, v] of Object.entries(issue.params ?? {}))
        if (name !== CHECK_PARAM && (typeof v === 'string' || typeof v === 'number')) params[name] = v;
      params.message = issue.message;
      return { path, code: `check.${check}`, params };
    }
    if (issue.code === 'custom') params.message = issue.message;
    return { path, code: issue.code, params };
  });
}

function internal(e: unknown): ApiErrorPayload {
  const detail = e instanceof Error ? e.message : String(e);
  return new AppError('internal', { detail }, `Internal error: ${detail}`).toPayload();
}

/**
 * The one entry point every bridge uses: finds the method, validates the input with its schema,
 * refuses writes on read-only workspaces, runs the handler and wraps the outcome as data.
 */
export function createDispatch(
  runtime: Runtime,
  handlers: ContractHandlers<Runtime>,
  onInternalError: (wire: string, e: unknown) => void = (wire, e) => console.error(`[api] ${wire} failed:`, e),
): Dispatch {
  const table = new Map<string, { entry: MethodEntry; handler: (input: unknown, rt: Runtime) => unknown }>();
  const groups = handlers as unknown as Record<string, Record<string, (input: unknown, rt: Runtime) => unknown>>;
  for (const entry of methods) {
    const handler = groups[entry.group]?.[entry.name];
    if (typeof handler !== 'function') throw new Error(`No handler for ${entry.wire}`);
    table.set(entry.wire, { entry, handler });
  }
  return async (wire, input) => {
    // Own-property lookup only: `__proto__` or `constructor` must not reach a prototype.
    const found = typeof wire === 'string' && table.has(wire) ? table.get(wire) : undefined;
    if (!found)
      return { ok: false, error: new AppError('api.unknownMethod', { method: String(wire).slice(0, 80) }).toPayload() };
    const parsed = found.entry.spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = toIssues(parsed.error);
      const first = issues[0];
      return {
        ok: false,
        error: new AppError(
          'validation.invalidInput',
          { method: wire, path: first?.path ?? '', count: issues.length },
          `Invalid input for ${wire}: ${parsed.error.issues[0]?.message ?? ''}`,
          issues,
        ).toPayload(),
      };
    }
    try {
      if (found.entry.spec.writes) runtime.workspace?.assertWritable();
      const value = await found.handler(parsed.data, runtime);
      return { ok: true, value: value === undefined ? null : value };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toPayload() };
      // A full or failing disk is an expected condition with its own words, not an internal error.
      const storage = storageError(e);
      if (storage) return { ok: false, error: storage.toPayload() };
      onInternalError(wire, e);
      return { ok: false, error: internal(e) };
    }
  };
}

/** Wire names of every method, for registration checks and the CLI's `api` listing. */
export const wireNames = (): string[] => methods.map((m) => m.wire);
export { contract };
