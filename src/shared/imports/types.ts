import type { FileRef } from '../domain/types';
import type { DateOrder } from './dates';
import type { DecimalSeparator } from './numbers';
import type { FileMapping, ImportMapping } from './mapping';
import type { PresetId } from './presets';
import type { ColumnSuggestion } from './suggest';

/** One stage entry read from a row. */
export interface StageEventRecord {
  readonly stageId: number;
  readonly at: number;
  readonly reasonCode: string | null;
  readonly reasonText: string | null;
}

/**
 * One row turned into what it says about one lead. `null` means "the row does not say": an empty
 * cell never erases a stored value.
 */
export interface LeadRecord {
  readonly externalId: string;
  createdAt: number | null;
  source: string | null;
  campaign: string | null;
  segment: string | null;
  country: string | null;
  owner: string | null;
  score: number | null;
  amount: number | null;
  currency: string | null;
  assignedAt: number | null;
  outcomeReasonText: string | null;
  outcomeReasonCode: string | null;
  custom: Record<string, string> | null;
  readonly events: StageEventRecord[];
  touchAt: number | null;
  touchChannel: string | null;
}

/** Row problems, each with a message at `imports.issue.<code>` in the catalogs. */
export const ISSUE_CODES = [
  'missingId',
  'badId',
  'duplicateId',
  'badDate',
  'badNumber',
  'badCurrency',
  'badReasonCode',
  'unknownStage',
  'missingStage',
  'missingDate',
  'missingCreatedAt',
  'columnCount',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One problem in one cell: file, row (as a spreadsheet numbers it, header = 1), column, value, what was expected. */
export interface RowIssue {
  readonly file: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly code: IssueCode;
  /** Message parameters (e.g. `expected`, `firstRow`). */
  readonly params: Readonly<Record<string, string | number>>;
}

export interface DateDecision {
  readonly file: string;
  readonly column: string;
  readonly order: DateOrder;
  /** `mapping`: set by the mapping; `data`: a value proves it; `assumed`: nothing tells, default used; `notNeeded`: no ambiguous values. */
  readonly basis: 'mapping' | 'data' | 'assumed' | 'notNeeded';
  readonly example: string | null;
  /** A value written in the other order: the column mixes formats. */
  readonly conflict: string | null;
}

export interface DecimalDecision {
  readonly file: string;
  readonly column: string;
  readonly decimal: DecimalSeparator;
  readonly basis: 'mapping' | 'data' | 'assumed';
  readonly example: string | null;
}

/** Values seen but not mapped: a stage value (an error) or a free-text reason without a code (kept as text). */
export interface UnmappedValue {
  readonly file: string;
  readonly column: string;
  readonly value: string;
  readonly count: number;
}

export interface ImportCounts {
  readonly files: number;
  readonly bytes: number;
  readonly rowsRead: number;
  readonly rowsImported: number;
  readonly rowsRejected: number;
  readonly footerRowsSkipped: number;
  readonly blankRowsSkipped: number;
  readonly leadsInserted: number;
  readonly leadsUpdated: number;
  readonly leadsUnchanged: number;
  readonly stageEventsAdded: number;
  readonly stageEventsExisting: number;
  readonly touchesAdded: number;
  readonly issues: number;
}

export type OnInvalid = 'reject' | 'skipInvalid';

/** What a validation or an import run produced. */
export interface ImportResult {
  /** `applied`: committed; `rejected`: invalid rows and the user chose to fix the file first; `validated`: a dry run. */
  readonly status: 'applied' | 'rejected' | 'validated';
  readonly batchId: number | null;
  readonly counts: ImportCounts;
  /** The first issues (all of them are in `reportFile`). */
  readonly issues: readonly RowIssue[];
  /** The validation report as CSV (file, row, column, value, problem), or null when there were no issues. */
  readonly reportFile: FileRef | null;
  readonly unmappedStages: readonly UnmappedValue[];
  readonly unknownReasons: readonly UnmappedValue[];
  readonly dateDecisions: readonly DateDecision[];
  readonly decimalDecisions: readonly DecimalDecision[];
  readonly mapping: ImportMapping;
  readonly durationMs: number;
}

/** Live figures of a running import, beyond the generic job progress. */
export interface ImportProgress {
  readonly jobId: string;
  readonly phase: 'reading' | 'indexing' | 'figures' | 'committing' | 'done';
  readonly file: string;
  readonly fileIndex: number;
  readonly files: number;
  readonly rows: number;
  readonly bytes: number;
  readonly totalBytes: number;
  readonly percent: number;
  readonly rowsPerSecond: number;
  readonly bytesPerSecond: number;
}

/** How one input file was read, for the preview. */
export interface FileFormat {
  readonly kind: 'csv' | 'xlsx';
  readonly encoding: string;
  /** How the encoding was chosen: a byte-order mark, valid UTF-8, statistical detection, or the user. */
  readonly encodingBasis: 'bom' | 'utf8' | 'detected' | 'override';
  readonly encodingConfidence: number | null;
  readonly delimiter: string | null;
  readonly quote: string | null;
  readonly sheet: string | null;
  readonly sheets: readonly string[];
}

export interface FilePreview {
  readonly fileId: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly format: FileFormat;
  readonly headers: readonly string[];
  /** The first rows as read (cells as text). */
  readonly rows: ReadonlyArray<readonly string[]>;
  readonly sampledRows: number;
  readonly footerRows: number;
  readonly suggested: FileMapping;
  readonly columns: readonly ColumnSuggestion[];
  readonly preset: PresetId | null;
  readonly dateDecisions: readonly DateDecision[];
  readonly decimalDecisions: readonly DecimalDecision[];
  /** Stage/status values in the sample and what they resolve to (null: no event; undefined key: unmapped). */
  readonly stageValues: ReadonlyArray<{
    readonly column: string;
    readonly value: string;
    readonly count: number;
    readonly stage: string | null;
    readonly mapped: boolean;
  }>;
  readonly reasonValues: ReadonlyArray<{
    readonly column: string;
    readonly value: string;
    readonly count: number;
    readonly code: string | null;
  }>;
  /** Applied batches of the same file (same hash): importing it again changes nothing. */
  readonly importedBefore: ReadonlyArray<{ readonly batchId: number; readonly createdAt: number }>;
}

export interface PreviewResult {
  readonly files: readonly FilePreview[];
  /** The mapping the wizard starts from: the one given, else the suggestions of every file. */
  readonly mapping: ImportMapping;
  readonly timeZone: string;
}

export interface BatchFile {
  readonly name: string;
  readonly sha256: string;
  readonly sizeBytes: number;
  readonly rows: number;
}

export interface BatchSummary {
  readonly id: number;
  readonly fileName: string;
  readonly fileHash: string;
  readonly files: readonly BatchFile[];
  readonly preset: string | null;
  readonly counts: ImportCounts | null;
  readonly issueCount: number;
  readonly onInvalid: OnInvalid;
  readonly status: 'applied' | 'undone';
  readonly createdBy: string;
  readonly createdAt: number;
  readonly durationMs: number | null;
  readonly undoneAt: number | null;
  readonly undoneBy: string | null;
  /** Null when undo is possible; otherwise the later batch that depends on this one. */
  readonly undoBlockedBy: number | null;
}

export interface BatchDetail extends BatchSummary {
  readonly mapping: ImportMapping | null;
  readonly issues: readonly RowIssue[];
}

export interface UndoResult {
  readonly batchId: number;
  readonly leadsDeleted: number;
  readonly leadsRestored: number;
  readonly stageEventsDeleted: number;
  readonly touchesDeleted: number;
  readonly backupPath: string;
}

export interface ExportResult {
  readonly files: readonly FileRef[];
  readonly leads: number;
  readonly stageEvents: number;
}

export interface PresetInfo {
  readonly id: string;
  readonly builtIn: boolean;
  /** Saved presets: the mapping; built-in presets adapt to each file's headers and have none. */
  readonly mapping: ImportMapping | null;
  readonly updatedAt: number | null;
}
