import { z } from 'zod';
import { isTarget, REASON_CODE_PATTERN, STAGE_KEY_PATTERN, type Target } from './fields';
import { checkMessage } from '../validation/checks';

/**
 * A saved mapping: how each file of an import becomes leads and stage events. It is plain JSON
 * (`--mapping M.json`, saved presets, the wizard's state), validated by this schema wherever it
 * enters. One entry per file; several files are joined on the lead id.
 */

const target = z
  .string()
  .max(100)
  .superRefine((t, ctx) => {
    if (!isTarget(t))
      ctx.addIssue({ code: 'custom', ...checkMessage('unknownTarget', `unknown target: ${t}`, { target: t }) });
  })
  .transform((t): Target => (isTarget(t) ? t : 'ignore'));

export const columnMappingSchema = z
  .object({
    /** Header text as it appears in the file (compared after trimming, case-insensitively). */
    column: z.string().trim().min(1).max(300),
    target,
  })
  .strict();

export const constantMappingSchema = z
  .object({
    /** The same value for every row, read like a cell (e.g. a currency, or a date for a file with none). */
    target,
    value: z.string().trim().min(1).max(500),
  })
  .strict();

export const DATE_ORDERS = ['auto', 'dmy', 'mdy'] as const;
export type DateOrderSetting = (typeof DATE_ORDERS)[number];
export const DECIMAL_SEPARATORS = ['auto', '.', ','] as const;
export type DecimalSetting = (typeof DECIMAL_SEPARATORS)[number];

export const fileMappingSchema = z
  .object({
    /** Which input file this entry is for: a case-insensitive part of its name; otherwise by position. */
    match: z.string().trim().min(1).max(200).optional(),
    columns: z.array(columnMappingSchema).max(1000),
    constants: z.array(constantMappingSchema).max(50).default([]),
    /** CRM stage/status values (case-insensitive) to stage keys; null means "no stage event". */
    stageValues: z.record(z.string().max(200), z.string().regex(STAGE_KEY_PATTERN).nullable()).default({}),
    /** Free-text reasons (case-insensitive) to taxonomy codes. */
    reasonValues: z.record(z.string().max(200), z.string().regex(REASON_CODE_PATTERN)).default({}),
    /** Day/month order of slash, dot and dash dates; `auto` decides from the data. */
    dateOrder: z.enum(DATE_ORDERS).default('auto'),
    decimalSeparator: z.enum(DECIMAL_SEPARATORS).default('auto'),
    /** Cell values that mean "no value" (e.g. a form's `Select` placeholder). */
    nullValues: z.array(z.string().max(100)).max(50).default([]),
    /** Undo the formula guard of this app's own CSV exports (native format only). */
    unescapeFormulas: z.boolean().default(false),
    /** Skip report footers (Salesforce "Grand Totals", confidentiality and copyright lines). */
    skipFooter: z.boolean().default(true),
    /** What happens to columns the mapping does not name: dropped, or kept as custom fields. */
    unmappedColumns: z.enum(['ignore', 'custom']).default('ignore'),
  })
  .strict();

export const importMappingSchema = z
  .object({
    version: z.literal(1).default(1),
    name: z.string().trim().max(120).optional(),
    /** The built-in preset this mapping started from, for the history. */
    preset: z.string().max(60).optional(),
    files: z.array(fileMappingSchema).min(1).max(20),
  })
  .strict();

export type ColumnMapping = z.output<typeof columnMappingSchema>;
export type ConstantMapping = z.output<typeof constantMappingSchema>;
export type FileMapping = z.output<typeof fileMappingSchema>;
export type FileMappingInput = z.input<typeof fileMappingSchema>;
export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

/** A file mapping with every default filled in. */
export function fileMapping(input: FileMappingInput): FileMapping {
  return fileMappingSchema.parse(input);
}

/** Picks the mapping entry for the i-th of `names`: by `match` first, then by position. */
export function mappingForFile(mapping: ImportMapping, names: readonly string[], index: number): FileMapping | null {
  const name = names[index]?.toLowerCase() ?? '';
  const withMatch = mapping.files.filter((f) => f.match !== undefined);
  if (withMatch.length > 0) {
    const hit = withMatch.find((f) => f.match !== undefined && name.includes(f.match.toLowerCase()));
    if (hit) return hit;
  }
  const unmatched = mapping.files.filter((f) => f.match === undefined);
  if (withMatch.length === 0) return mapping.files[index] ?? (mapping.files.length === 1 ? mapping.files[0]! : null);
  // Files without a match pattern take the remaining input files in order.
  const rest = names
    .map((n, i) => ({ n: n.toLowerCase(), i }))
    .filter(({ n }) => !withMatch.some((f) => f.match !== undefined && n.includes(f.match.toLowerCase())));
  const pos = rest.findIndex((r) => r.i === index);
  return pos >= 0 ? (unmatched[pos] ?? null) : null;
}
