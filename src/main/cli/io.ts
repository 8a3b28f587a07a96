import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createI18n, errorMessage, issueMessage, resolveLocale, type TFunction } from '../../shared/i18n';
import { AppError, errorFromPayload, type ApiResult } from '../../shared/errors';
import { createDispatch, type Dispatch } from '../runtime/dispatch';
import { handlers } from '../runtime/handlers';
import { Runtime } from '../runtime/runtime';
import { defaultDataDir, projectRoot } from '../runtime/paths';
import type { Locale } from '../../shared/domain/types';

export const appVersion: string = (
  createRequire(import.meta.url)(path.join(projectRoot, 'package.json')) as { version: string }
).version;

/** What every command gets: parsed options, the user's language, output helpers and the API. */
export interface CliContext {
  readonly t: TFunction;
  readonly locale: Locale;
  readonly json: boolean;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly runtime: Runtime;
  /** Calls a contract method through the same dispatcher as IPC and HTTP; throws AppError on failure. */
  readonly call: <T>(wire: string, input: unknown) => Promise<T>;
  readonly dispatch: Dispatch;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
};

export function createContext(io: CliIo, options: { json: boolean; lang?: string | undefined }): CliContext {
  const locale = resolveLocale(options.lang ?? io.env.LC_ALL ?? io.env.LC_MESSAGES ?? io.env.LANG);
  const i18n = createI18n(locale);
  const runtime = new Runtime({ dataDir: defaultDataDir(io.env), host: 'cli', appVersion });
  const dispatch = createDispatch(runtime, handlers);
  return {
    t: i18n.t.bind(i18n),
    locale,
    json: options.json,
    out: io.out,
    err: io.err,
    runtime,
    dispatch,
    call: async <T>(wire: string, input: unknown): Promise<T> => {
      const result = (await dispatch(wire, input)) as ApiResult<T>;
      if (!result.ok) throw errorFromPayload(result.error);
      return result.value;
    },
  };
}

/** Parses a command's options strictly: an unknown option is a usage error, not silently ignored. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({
      args,
      options: { ...options, json: { type: 'boolean' }, lang: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new AppError('cli.badArguments', { detail: (e as Error).message });
  }
}

export function requireOption(value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new AppError('cli.missingOption', { option });
  return value;
}

export function intOption(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new AppError('cli.badOption', { option, value, expected: 'integer' });
  return Number(value);
}

export function absolute(p: string): string {
  return path.resolve(p);
}

/** Formats an error for people: the translated message plus the first validation issues. */
export function describeError(t: TFunction, e: unknown): string {
  if (e instanceof AppError) {
    const lines = [t('cli.error', { message: errorMessage(t, e.toPayload()) })];
    for (const issue of e.issues?.slice(0, 5) ?? []) lines.push(`  - ${issueMessage(t, issue)}`);
    return lines.join('\n');
  }
  return t('cli.error', {
    message: errorMessage(t, new AppError('internal', { detail: String((e as Error)?.message ?? e) }).toPayload()),
  });
}

/** Aligned two-column output for people. */
export function table(rows: ReadonlyArray<readonly [string, string | number]>): string {
  const width = Math.max(0, ...rows.map(([k]) => [...k].length));
  return rows.map(([k, v]) => `${k}${' '.repeat(width - [...k].length)}  ${v}`).join('\n');
}
