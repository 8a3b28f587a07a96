import { z } from 'zod';
import { importMappingSchema, type ImportMapping } from '../../shared/imports/mapping';
import { ISSUE_CODES, type BatchFile, type ImportCounts, type RowIssue } from '../../shared/imports/types';

/**
 * JSON kept in `import_batches`, read back through schemas: a row written by an older version (or
 * edited by hand) degrades to "unknown" instead of breaking the history.
 */
const count = z.number().int().min(0);
const countsSchema = z.object({
  files: count,
  bytes: count,
  rowsRead: count,
  rowsImported: count,
  rowsRejected: count,
  footerRowsSkipped: count,
  blankRowsSkipped: count,
  leadsInserted: count,
  leadsUpdated: count,
  leadsUnchanged: count,
  stageEventsAdded: count,
  stageEventsExisting: count,
  touchesAdded: count,
  issues: count,
});
const filesSchema = z.array(z.object({ name: z.string(), sha256: z.string(), sizeBytes: count, rows: count }));
const issuesSchema = z.array(
  z.object({
    file: z.string(),
    row: z.number(),
    column: z.string(),
    value: z.string(),
    code: z.enum(ISSUE_CODES),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
);

function parse<T>(text: string, schema: z.ZodType<T>): T | null {
  try {
    const r = schema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export const storedCounts = (text: string): ImportCounts | null => parse(text, countsSchema);
export const storedFiles = (text: string): BatchFile[] => parse(text, filesSchema) ?? [];
export const storedIssues = (text: string): RowIssue[] => parse(text, issuesSchema) ?? [];
export const storedMapping = (text: string): ImportMapping | null => parse(text, importMappingSchema);
