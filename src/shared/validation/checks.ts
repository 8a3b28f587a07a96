import type en from '../i18n/locales/en.json';

/**
 * Custom schema checks (refine, superRefine) speak through the catalogs like zod's own issues:
 * each carries a key under `errors.validationIssue.check.` in its params, with the values the
 * message needs, next to an English message for logs and `error.message`. `toIssues` turns the
 * key into the issue code `check.<key>`, so front ends translate it as any other issue code.
 */
export type CheckKey = keyof (typeof en)['errors']['validationIssue']['check'];

/** The issue param that names the check's catalog key. */
export const CHECK_PARAM = 'check';

export type CheckValues = Readonly<Record<string, string | number>>;

export interface CheckMessageParams {
  message: string;
  params: Record<string, string | number>;
}

/**
 * The message of a custom check: its catalog key, the English text (which must read as the
 * English catalog entry does) and the values its placeholders name. Spread it into
 * `ctx.addIssue({ code: 'custom', ... })` or pass it as the params of `.refine`. Call it once per
 * use: `.refine` rewrites the object it is given (its `message` becomes `error`).
 */
export function checkMessage(key: CheckKey, message: string, values: CheckValues = {}): CheckMessageParams {
  return { message, params: { ...values, [CHECK_PARAM]: key } };
}
