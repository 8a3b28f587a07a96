import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { configure, openDb, type Db } from '../db/driver';
import { WorkspaceRepository } from '../workspace/repository';
import type { JobControl } from '../jobs/registry';
import { AppError } from '../../shared/errors';
import type { FileRef } from '../../shared/domain/types';
import type { TFunction } from '../../shared/i18n';
import { CompiledFile, type CompileContext } from '../../shared/imports/compile';
import { ZoneClock } from '../../shared/imports/dates';
import { isBlankRow, isFooterRow } from '../../shared/imports/footer';
import { decideFormats } from '../../shared/imports/formats';
import { mappingForFile, type FileMapping, type ImportMapping } from '../../shared/imports/mapping';
import type { PresetId } from '../../shared/imports/presets';
import type { StageRef } from '../../shared/imports/stages';
import { suggestFileMapping } from '../../shared/imports/suggest';
import type {
  BatchFile,
  DateDecision,
  DecimalDecision,
  ImportCounts,
  ImportResult,
  OnInvalid,
  RowIssue,
  UnmappedValue,
} from '../../shared/imports/types';
import { BatchRepository } from './batch-repository';
import { LeadRepository } from './lead-repository';
import { collectGarbage } from './heap';
import { IndexRepository, rebuildPays, type DeferredIndex } from './index-repository';
import { MetricsRefresh } from '../metrics/refresh';
import { IssueReport } from './report';
import { openSource, type RowBatch, type SourceOptions } from './source';
import { BatchWriter } from './writer';
import { nextTurn } from '../jobs/turns';

export interface ImportFile {
  readonly path: string;
  readonly name: string;
  readonly options: SourceOptions;
}

export interface ImportInput {
  readonly workspacePath: string;
  readonly files: readonly ImportFile[];
  /** The mapping to use; null: the preset's (or, without one, the suggested) mapping of each file. */
  readonly mapping: ImportMapping | null;
  readonly preset: PresetId | null;
  readonly onInvalid: OnInvalid;
  /** Validate only: everything runs, inside a transaction that is rolled back. */
  readonly dryRun: boolean;
  readonly createdBy: string;
  readonly report: { readonly path: string; readonly commit: () => FileRef };
  readonly t: TFunction;
}

export interface RunProgress {
  readonly phase: 'reading' | 'indexing' | 'figures' | 'committing';
  readonly file: string;
  readonly fileIndex: number;
  readonly files: number;
  readonly rows: number;
  readonly bytes: number;
  readonly totalBytes: number;
}

/** Rows read before the formats (day/month order, decimal separator) of a file are settled. */
const FORMAT_SAMPLE_ROWS = 2000;
/** Page cache of the import connection: the hot index pages of a large batch, within the memory budget (400 MB for a million rows). */
const CACHE_KIB = 32 * 1024;

function isBusy(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED';
}

/** The write lock, or a clear "someone else is writing" error instead of a raw SQLite one. */
export function beginImmediate(db: Db): void {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (e) {
    if (isBusy(e)) throw new AppError('imports.busy');
    throw e;
  }
}

export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk);
  return hash.digest('hex');
}

/** Rows between two full collections (see heap.ts). */
const COLLECT_EVERY_ROWS = 100_000;

/** Whether most of the sampled rows name leads the workspace does not have yet. */
function mostlyNew(sample: ReadonlyArray<readonly string[]>, compiled: CompiledFile, leads: LeadRepository): boolean {
  const ids = sample.map((cells) => compiled.externalIdOf(cells)).filter((id) => id !== '');
  return ids.filter((id) => leads.findId(id) === undefined).length * 2 >= ids.length;
}

/** The mapping one file gets: from the mapping given, else from the preset or the suggestion. */
export function fileMappingFor(
  input: Pick<ImportInput, 'mapping' | 'preset'>,
  names: readonly string[],
  index: number,
  headers: readonly string[],
  stages: readonly StageRef[],
): FileMapping {
  if (input.mapping) {
    const m = mappingForFile(input.mapping, names, index);
    if (!m) throw new AppError('imports.noMappingForFile', { file: names[index] ?? '' });
    return m;
  }
  return suggestFileMapping(headers, stages, input.preset ?? undefined).mapping;
}

function stageRefs(db: Db): StageRef[] {
  return new WorkspaceRepository(db).stages().map((s) => ({ id: s.id, key: s.key, kind: s.kind, labels: s.labels }));
}

/**
 * Runs one import batch on its own connection to the workspace file, in one transaction: readers
 * on the app's connection keep seeing the last committed state (WAL) until it commits, a cancel or
 * a crash leaves nothing behind, and the work is cut into chunks with the event loop served between
 * them. Rows with issues are reported; with `reject`, any issue rolls the batch back.
 */
export async function runImport(
  input: ImportInput,
  ctl: JobControl,
  onProgress: (p: RunProgress) => void,
): Promise<ImportResult> {
  const started = Date.now();
  const totalBytes = input.files.reduce((sum, f) => sum + fs.statSync(f.path).size, 0);
  const db = openDb(input.workspacePath, { fileMustExist: true });
  const report = new IssueReport(input.report.path, input.t);
  let open = false;
  try {
    configure(db, true);
    db.pragma(`cache_size = -${CACHE_KIB}`);
    // Every id this connection writes comes from the same transaction (leads it just inserted or
    // found, the stages table, its own batch): per-row foreign-key lookups would only cost time.
    // Only this connection, and only for the batch; undo and every other writer keep them on.
    db.pragma('foreign_keys = OFF');
    const ws = new WorkspaceRepository(db);
    const stages = stageRefs(db);
    const leads = new LeadRepository(db);
    const ctx: CompileContext = {
      stages,
      reasons: leads.reasons(),
      clock: new ZoneClock(String(ws.getSetting('workspace.timeZone') ?? 'UTC')),
      currency: String(ws.getSetting('workspace.currency') ?? 'USD'),
    };
    const batches = new BatchRepository(db);
    beginImmediate(db);
    open = true;
    const indexes = new IndexRepository(db);
    let deferred: DeferredIndex[] = [];
    const batchId = batches.create({
      fileName: input.files.map((f) => f.name).join(' + '),
      preset: input.mapping?.preset ?? input.preset,
      createdBy: input.createdBy,
      createdAt: started,
      onInvalid: input.onInvalid,
    });
    // metric_events is brought up to date once, set-based, before commit (src/main/metrics/refresh.ts).
    // Every event and touch the writer adds carries the batch id, which names their leads then.
    const figures = new MetricsRefresh(db);
    figures.defer(batchId);
    const writer = new BatchWriter(leads, batchId);
    const names = input.files.map((f) => f.name);
    const used: FileMapping[] = [];
    const files: BatchFile[] = [];
    const dateDecisions: DateDecision[] = [];
    const decimalDecisions: DecimalDecision[] = [];
    const unmappedStages: UnmappedValue[] = [];
    const unknownReasons: UnmappedValue[] = [];
    let rowsRead = 0;
    let rowsImported = 0;
    let rowsRejected = 0;
    let footerRowsSkipped = 0;
    let blankRowsSkipped = 0;
    let bytesBefore = 0;
    let collectedAt = 0;

    for (let fileIndex = 0; fileIndex < input.files.length; fileIndex++) {
      const file = input.files[fileIndex]!;
      const source = await openSource(file, file.options);
      try {
        const mapping = fileMappingFor(input, names, fileIndex, source.headers, stages);
        used.push(mapping);
        const buffered: RowBatch[] = [];
        let sampled = 0;
        while (sampled < FORMAT_SAMPLE_ROWS) {
          const next = await source.batches.next();
          if (next.done) break;
          buffered.push(next.value);
          sampled += next.value.rows.length;
        }
        const sample = buffered.flatMap((b) => b.rows).slice(0, FORMAT_SAMPLE_ROWS);
        const formats = decideFormats(file.name, mapping, source.headers, sample);
        dateDecisions.push(...formats.dates);
        decimalDecisions.push(...formats.decimals);
        const compiled = new CompiledFile(file.name, mapping, source.headers, ctx, formats);
        if (fileIndex === 0) {
          // The batch is judged from the first file's sample: its rows per byte give the batch's
          // rows, and it must name mostly new leads, since the weekly re-import of an updated export
          // writes little and rebuilding every index would cost it 5 s on a million leads.
          const estimatedRows = (sampled * totalBytes) / Math.max(1, source.bytesRead());
          if (rebuildPays(estimatedRows, leads.count()) && mostlyNew(sample, compiled, leads))
            deferred = indexes.drop();
        }
        const width = source.headers.length;
        const rowIssues: RowIssue[] = [];
        let fileRows = 0;
        let footers: Array<{ cells: string[]; row: number }> = [];

        const processRow = (cells: string[], row: number): void => {
          fileRows++;
          rowsRead++;
          if (cells.length > width) {
            for (let k = width; k < cells.length; k++) {
              if (cells[k]!.trim() !== '') {
                rowIssues.push({
                  file: file.name,
                  row,
                  column: `#${k + 1}`,
                  value: cells[k]!,
                  code: 'columnCount',
                  params: { found: cells.length, expected: width },
                });
                break;
              }
            }
          }
          const rec = rowIssues.length === 0 ? compiled.transform(cells, row, rowIssues) : null;
          if (rec !== null && writer.apply(rec, compiled, fileIndex, row, rowIssues)) rowsImported++;
          else rowsRejected++;
          if (rowIssues.length > 0) {
            report.add(rowIssues);
            rowIssues.length = 0;
          }
        };
        const processBatch = (batch: RowBatch): void => {
          const { rows, numbers } = batch;
          for (let i = 0; i < rows.length; i++) {
            const cells = rows[i]!;
            if (isBlankRow(cells)) {
              blankRowsSkipped++;
              continue;
            }
            // Footer lines count only at the end of the data: held back until a data row proves otherwise.
            if (mapping.skipFooter && isFooterRow(cells)) {
              footers.push({ cells, row: numbers[i]! });
              continue;
            }
            if (footers.length > 0) {
              for (const f of footers) processRow(f.cells, f.row);
              footers = [];
            }
            processRow(cells, numbers[i]!);
          }
        };
        const tick = (): void => {
          const bytes = bytesBefore + source.bytesRead();
          ctl.progress({ done: bytes, total: totalBytes, unit: 'bytes', phase: 'imports.reading' });
          onProgress({
            phase: 'reading',
            file: file.name,
            fileIndex,
            files: input.files.length,
            rows: rowsRead,
            bytes,
            totalBytes,
          });
        };
        for (const b of buffered) processBatch(b);
        buffered.length = 0;
        tick();
        for (;;) {
          await nextTurn(ctl);
          const next = await source.batches.next();
          if (next.done) break;
          processBatch(next.value);
          tick();
          if (rowsRead - collectedAt >= COLLECT_EVERY_ROWS) {
            collectedAt = rowsRead;
            collectGarbage();
          }
        }
        footerRowsSkipped += footers.length;
        if (fileRows === 0) throw new AppError('imports.headerOnly', { file: file.name });
        unmappedStages.push(...compiled.unmappedStages());
        unknownReasons.push(...compiled.unknownReasons());
        files.push({
          name: file.name,
          sha256: source.sha256() ?? (await hashFile(file.path)),
          sizeBytes: source.sizeBytes,
          rows: fileRows,
        });
        bytesBefore += source.sizeBytes;
      } finally {
        await source.close();
      }
    }

    const counts: ImportCounts = {
      files: files.length,
      bytes: totalBytes,
      rowsRead,
      rowsImported,
      rowsRejected,
      footerRowsSkipped,
      blankRowsSkipped,
      leadsInserted: writer.counts.leadsInserted,
      leadsUpdated: writer.counts.leadsUpdated,
      leadsUnchanged: writer.leadsUnchanged,
      stageEventsAdded: writer.counts.stageEventsAdded,
      stageEventsExisting: writer.counts.stageEventsExisting,
      touchesAdded: writer.counts.touchesAdded,
      issues: report.count,
    };
    const mapping: ImportMapping = {
      version: 1,
      ...(input.mapping?.name ? { name: input.mapping.name } : {}),
      ...(input.preset ? { preset: input.preset } : input.mapping?.preset ? { preset: input.mapping.preset } : {}),
      files: used,
    };
    const rejected = (report.count > 0 && input.onInvalid === 'reject') || rowsImported === 0;
    const status: ImportResult['status'] = input.dryRun ? 'validated' : rejected ? 'rejected' : 'applied';
    if (status === 'applied') {
      // Every row is read: the steps that follow only say which one runs.
      const announce = (phase: 'indexing' | 'figures' | 'committing') =>
        onProgress({
          phase,
          file: '',
          fileIndex: input.files.length,
          files: input.files.length,
          rows: rowsRead,
          bytes: totalBytes,
          totalBytes,
        });
      ctl.checkpoint();
      // Each index and each step of the figures is one turn: a cancel is heard between them, and
      // the app keeps answering.
      const turn = () => nextTurn(ctl);
      if (deferred.length > 0) {
        ctl.progress({ phase: 'imports.indexing' });
        announce('indexing');
        await indexes.rebuildInTurns(deferred, turn);
      }
      ctl.progress({ phase: 'imports.figures' });
      announce('figures');
      await turn();
      await figures.refreshInTurns(turn);
      ctl.checkpoint();
      announce('committing');
      batches.finish(batchId, {
        fileName: files.map((f) => f.name).join(' + '),
        fileHash:
          files.length === 1
            ? files[0]!.sha256
            : createHash('sha256')
                .update(files.map((f) => f.sha256).join('\n'))
                .digest('hex'),
        files: JSON.stringify(files),
        mapping: JSON.stringify(mapping),
        counts: JSON.stringify(counts),
        errors: JSON.stringify(report.first),
        issueCount: report.count,
        durationMs: Date.now() - started,
      });
      db.exec('COMMIT');
    } else {
      db.exec('ROLLBACK');
    }
    open = false;
    // Hand the WAL's pages to the main file now rather than at some later reader's expense.
    if (status === 'applied') db.pragma('wal_checkpoint(PASSIVE)');
    const hasReport = report.close();
    return {
      status,
      batchId: status === 'applied' ? batchId : null,
      counts,
      issues: report.first,
      reportFile: hasReport ? input.report.commit() : null,
      unmappedStages,
      unknownReasons,
      dateDecisions,
      decimalDecisions,
      mapping,
      durationMs: Date.now() - started,
    };
  } catch (e) {
    if (open && db.inTransaction) db.exec('ROLLBACK');
    throw e;
  } finally {
    report.close();
    db.close();
  }
}
