import type { FileRef } from '../../../src/shared/domain/types';
import { fileMapping, type FileMappingInput, type ImportMapping } from '../../../src/shared/imports/mapping';
import type { FilePreview, ImportResult, PreviewResult } from '../../../src/shared/imports/types';

/** Small, explicit stand-ins for what the services answer, shaped by their real types. */

export function fileRef(id: string, name: string, sizeBytes = 100): FileRef {
  return { id, name, sizeBytes, mime: 'text/csv' };
}

export function filePreview(
  fileId: string,
  name: string,
  headers: string[],
  mapping: FileMappingInput,
  extra: Partial<FilePreview> = {},
): FilePreview {
  const suggested = fileMapping(mapping);
  return {
    fileId,
    name,
    sizeBytes: 100,
    sha256: 'ab'.repeat(32),
    format: {
      kind: 'csv',
      encoding: 'utf-8',
      encodingBasis: 'utf8',
      encodingConfidence: null,
      delimiter: ',',
      quote: '"',
      sheet: null,
      sheets: [],
    },
    headers,
    rows: [],
    sampledRows: 0,
    footerRows: 0,
    suggested,
    columns: headers.map((column) => ({
      column,
      target: suggested.columns.find((c) => c.column === column)?.target ?? 'ignore',
      basis: 'synonym' as const,
    })),
    preset: null,
    dateDecisions: [],
    decimalDecisions: [],
    stageValues: [],
    reasonValues: [],
    importedBefore: [],
    ...extra,
  };
}

export function previewOf(files: FilePreview[], mapping?: ImportMapping): PreviewResult {
  return { files, mapping: mapping ?? { version: 1, files: files.map((f) => f.suggested) }, timeZone: 'UTC' };
}

export function importResult(status: ImportResult['status'], extra: Partial<ImportResult> = {}): ImportResult {
  return {
    status,
    batchId: status === 'applied' ? 1 : null,
    counts: {
      files: 1,
      bytes: 100,
      rowsRead: 10,
      rowsImported: 8,
      rowsRejected: 2,
      footerRowsSkipped: 0,
      blankRowsSkipped: 0,
      leadsInserted: 8,
      leadsUpdated: 0,
      leadsUnchanged: 0,
      stageEventsAdded: 8,
      stageEventsExisting: 0,
      touchesAdded: 0,
      issues: 2,
    },
    issues: [],
    reportFile: null,
    unmappedStages: [],
    unknownReasons: [],
    dateDecisions: [],
    decimalDecisions: [],
    mapping: { version: 1, files: [] },
    durationMs: 5,
    ...extra,
  };
}
