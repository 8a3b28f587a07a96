import { z } from 'zod';
import { job, method } from '../contract/define';
import { LOCALES, type FileRef } from '../domain/types';
import { importMappingSchema } from './mapping';
import type { ReasonRef } from './reasons';
import type {
  BatchDetail,
  BatchSummary,
  ExportResult,
  ImportProgress,
  ImportResult,
  PresetInfo,
  PreviewResult,
  UndoResult,
} from './types';

const empty = z.object({}).strict();

/** One input file (a FileRef id from an upload or `files`), with optional overrides of what is detected. */
const fileInput = z
  .object({
    fileId: z.string().uuid(),
    /** iconv-lite name or common alias: utf-8, utf-16le, windows-1251, windows-1252, latin1, gbk, gb18030... */
    encoding: z.string().trim().min(1).max(40).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    /** Worksheet of an .xlsx file; the first one when absent. */
    sheet: z.string().min(1).max(200).optional(),
  })
  .strict();

const files = z.array(fileInput).min(1).max(20);
/** A built-in preset id (`native`, `hubspot-contacts`...) or the name of a saved preset. */
const presetName = z.string().trim().min(1).max(120);
const batchId = z.object({ batchId: z.number().int().positive() }).strict();

const runInput = z
  .object({
    files,
    preset: presetName.optional(),
    mapping: importMappingSchema.optional(),
    /** `reject`: any invalid row rejects the batch ("fix the file first"); `skipInvalid`: import the valid rows, report the rest. */
    onInvalid: z.enum(['reject', 'skipInvalid']).default('reject'),
    /** Language of the validation report; the user's language when absent. */
    locale: z.enum(LOCALES).optional(),
  })
  .strict();

export const importsContract = {
  /** Built-in presets and the presets saved in this workspace. */
  presets: method<PresetInfo[]>()({ input: empty, doc: 'Built-in and saved import presets.' }),
  /** The active reasons of the workspace taxonomy: the codes free-text reasons can be mapped to. */
  reasons: method<ReasonRef[]>()({ input: empty, doc: 'Reason taxonomy codes a mapping can use.' }),
  /** Reads the start of each file: format, header, first rows, suggested mapping, date/number reading, values found. */
  preview: method<PreviewResult>()({
    input: z
      .object({
        files,
        preset: presetName.optional(),
        mapping: importMappingSchema.optional(),
        rows: z.number().int().min(0).max(200).default(20),
      })
      .strict(),
    doc: 'Preview files to import: format, header, first rows and a suggested mapping.',
  }),
  /** Runs the whole import and rolls it back: the complete validation report and the counts it would give. */
  validate: job<ImportResult>()({
    input: runInput.omit({ onInvalid: true }),
    doc: 'Validate files against a mapping without changing anything (a job).',
    writes: true,
  }),
  /** Imports the files as one batch (a job with progress and cancel; all or nothing). */
  apply: job<ImportResult>()({
    input: runInput,
    doc: 'Import files as one batch (a job).',
    writes: true,
  }),
  /** Rows, bytes, percentage and rates of a running import. */
  progress: method<ImportProgress>()({
    input: z.object({ jobId: z.string().regex(/^[a-z0-9-]{1,64}$/) }).strict(),
    doc: 'Progress of a running import job.',
  }),
  /** Every batch, newest first, with whether it can be undone. */
  history: method<BatchSummary[]>()({
    input: z
      .object({ limit: z.number().int().min(1).max(500).default(100), offset: z.number().int().min(0).default(0) })
      .strict(),
    doc: 'Import history, newest first.',
  }),
  /** One batch with its mapping and first issues. */
  batch: method<BatchDetail>()({ input: batchId, doc: 'One import batch with its mapping and issues.' }),
  /** The kept issues of a batch as a CSV file. */
  report: method<FileRef>()({
    input: batchId.extend({ locale: z.enum(LOCALES).optional() }).strict(),
    doc: 'The validation report of a batch as CSV.',
  }),
  /** Restores the state before a batch (a job); refused when a later batch depends on it. */
  undo: job<UndoResult>()({ input: batchId, doc: 'Undo an import batch (a job).', writes: true }),
  /** Saves a mapping under a name (replacing a preset of that name). */
  savePreset: method<PresetInfo>()({
    input: z.object({ name: presetName, mapping: importMappingSchema }).strict(),
    doc: 'Save a mapping preset in this workspace.',
    writes: true,
  }),
  deletePreset: method<null>()({
    input: z.object({ name: presetName }).strict(),
    doc: 'Delete a saved mapping preset.',
    writes: true,
  }),
  /** Writes leads.csv and stage_events.csv in the interchange format (a job). */
  exportNative: job<ExportResult>()({
    input: empty,
    doc: 'Export leads and stage events in the interchange format (a job).',
  }),
};
