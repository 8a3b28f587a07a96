import type { Db } from '../db/driver';
import { WorkspaceRepository } from '../workspace/repository';
import { findColumn } from '../../shared/imports/columns';
import { isBlankRow, isFooterRow } from '../../shared/imports/footer';
import { decideFormats } from '../../shared/imports/formats';
import { mappingForFile, type FileMapping, type ImportMapping } from '../../shared/imports/mapping';
import type { PresetId } from '../../shared/imports/presets';
import { reasonResolver } from '../../shared/imports/reasons';
import { stageResolver, type StageRef } from '../../shared/imports/stages';
import { suggestFileMapping } from '../../shared/imports/suggest';
import { normalizeLabel } from '../../shared/imports/text';
import type { FilePreview, PreviewResult } from '../../shared/imports/types';
import { BatchRepository } from './batch-repository';
import { LeadRepository } from './lead-repository';
import { hashFile, type ImportFile } from './run';
import { openSource } from './source';

/** Rows read per file for the preview's inferences (formats, values); the first `shown` are returned. */
const SAMPLE_ROWS = 5000;

export interface PreviewInput {
  readonly files: ReadonlyArray<ImportFile & { readonly fileId: string }>;
  readonly mapping: ImportMapping | null;
  readonly preset: PresetId | null;
  readonly shownRows: number;
}

function distinct(rows: ReadonlyArray<readonly string[]>, index: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = (r[index] ?? '').trim();
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

/**
 * What the wizard shows before anything is written: per file its format (encoding, delimiter,
 * sheet), header and first rows, the suggested (or given) mapping with why each column got its
 * target, how dates and numbers will be read and why, the stage and reason values found in a sample
 * with what they map to, and whether the same file was imported before. Reads only.
 */
export async function previewImport(db: Db, input: PreviewInput): Promise<PreviewResult> {
  const ws = new WorkspaceRepository(db);
  const stages: StageRef[] = ws.stages().map((s) => ({ id: s.id, key: s.key, kind: s.kind, labels: s.labels }));
  const reasons = new LeadRepository(db).reasons();
  const batches = new BatchRepository(db);
  const names = input.files.map((f) => f.name);
  const previews: FilePreview[] = [];
  const suggestedFiles: FileMapping[] = [];
  for (let i = 0; i < input.files.length; i++) {
    const file = input.files[i]!;
    const sha256 = await hashFile(file.path);
    const source = await openSource(file, file.options);
    const rows: string[][] = [];
    let reachedEnd = false;
    try {
      while (rows.length < SAMPLE_ROWS) {
        const next = await source.batches.next();
        if (next.done) {
          reachedEnd = true;
          break;
        }
        rows.push(...next.value.rows);
      }
    } finally {
      await source.close();
    }
    const data = rows.filter((r) => !isBlankRow(r));
    let footerRows = 0;
    if (reachedEnd) while (footerRows < data.length && isFooterRow(data[data.length - 1 - footerRows]!)) footerRows++;
    const sample = data.slice(0, data.length - footerRows);
    const suggestion = suggestFileMapping(source.headers, stages, input.preset ?? undefined);
    const mapping = (input.mapping ? mappingForFile(input.mapping, names, i) : null) ?? suggestion.mapping;
    suggestedFiles.push(suggestion.mapping);
    const formats = decideFormats(file.name, mapping, source.headers, sample);
    const resolveStage = stageResolver(stages, mapping.stageValues);
    const resolveReason = reasonResolver(reasons, mapping.reasonValues);
    const stageValues: Array<FilePreview['stageValues'][number]> = [];
    const reasonValues: Array<FilePreview['reasonValues'][number]> = [];
    for (const { column, target } of mapping.columns) {
      const index = findColumn(source.headers, column);
      if (index < 0) continue;
      if (target === 'status' || target === 'stage') {
        for (const [value, count] of distinct(sample, index)) {
          const stage = resolveStage(value);
          stageValues.push({ column, value, count, stage: stage ? stage.key : null, mapped: stage !== undefined });
        }
      } else if (target === 'outcome_reason' || target === 'event_reason') {
        for (const [value, count] of distinct(sample, index))
          reasonValues.push({ column, value, count, code: resolveReason(value) });
      }
    }
    previews.push({
      fileId: file.fileId,
      name: file.name,
      sizeBytes: source.sizeBytes,
      sha256,
      format: source.format,
      headers: source.headers,
      rows: rows.slice(0, input.shownRows),
      sampledRows: sample.length,
      footerRows,
      suggested: suggestion.mapping,
      columns: suggestion.columns,
      preset: suggestion.preset,
      dateDecisions: formats.dates,
      decimalDecisions: formats.decimals,
      stageValues: stageValues.sort(
        (a, b) =>
          Number(a.mapped) - Number(b.mapped) ||
          b.count - a.count ||
          normalizeLabel(a.value).localeCompare(normalizeLabel(b.value)),
      ),
      reasonValues: reasonValues.sort((a, b) => b.count - a.count),
      importedBefore: batches.withHash(sha256).map((b) => ({ batchId: b.id, createdAt: b.created_at })),
    });
  }
  const preset = input.mapping?.preset ?? input.preset ?? previews.find((p) => p.preset)?.preset ?? undefined;
  const mapping: ImportMapping = input.mapping ?? { version: 1, ...(preset ? { preset } : {}), files: suggestedFiles };
  return { files: previews, mapping, timeZone: String(ws.getSetting('workspace.timeZone') ?? 'UTC') };
}
