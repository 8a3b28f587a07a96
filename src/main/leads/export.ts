import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { openDb } from '../db/driver';
import type { JobControl } from '../jobs/registry';
import { neutralizeCell } from '../../shared/export/formula';
import { AppError } from '../../shared/errors';
import { createI18n, localized } from '../../shared/i18n';
import type { Locale, Stage } from '../../shared/domain/types';
import { COLUMN_TYPES, customField, isLeadColumn, type ColumnId } from '../../shared/leads/columns';
import type { ExportFormat, ParsedLeadQuery, ReasonLabel } from '../../shared/leads/types';
import { FIGURE_TABLE, isRestricted, leadOrder, leadWhere } from './query';
import { CURRENT_EVENT, LEAD_ROW_COLUMNS, type LeadRecordRow } from './repository';
import { toLeadRow } from './list';
import { ZonedClock } from './zoned';
import type { LeadRow } from '../../shared/leads/types';
import { nextTurn, yieldToEventLoop } from '../jobs/turns';

const CHUNK_ROWS = 5000;
/** Excel's sheet holds 1,048,576 rows, one of which is the header. */
export const XLSX_MAX_ROWS = 1_048_575;

export interface LeadExportJob {
  readonly workspacePath: string;
  readonly query: ParsedLeadQuery;
  /** The leads of `query.figure`, read on the app's connection before the job started. */
  readonly figureIds: readonly number[] | null;
  readonly columns: readonly ColumnId[];
  readonly format: ExportFormat;
  readonly locale: Locale;
  readonly zone: string;
  readonly stages: readonly Stage[];
  readonly reasons: readonly ReasonLabel[];
  readonly out: string;
}

/** A cell as the export writes it: text (always through the formula guard), a number, or an instant. */
type Cell = { readonly text: string } | { readonly number: number } | { readonly instant: number } | null;

/** One output column: its header and how to read its cell from a row. */
interface OutputColumn {
  readonly header: string;
  readonly kind: 'text' | 'number' | 'instant';
  readonly cell: (row: LeadRow) => Cell;
}

const text = (v: string | null): Cell => (v === null || v === '' ? null : { text: v });
const num = (v: number | null): Cell => (v === null ? null : { number: v });
const instant = (v: number | null): Cell => (v === null ? null : { instant: v });

function outputColumns(job: LeadExportJob): OutputColumn[] {
  const { t } = createI18n(job.locale);
  const stageLabel = new Map(job.stages.map((s) => [s.key, localized(s.labels, job.locale)]));
  const reasonLabel = new Map(job.reasons.map((r) => [r.code, localized(r.labels, job.locale)]));
  const out: OutputColumn[] = [];
  for (const id of job.columns) {
    const field = customField(id);
    if (field !== null) {
      out.push({ header: field, kind: 'text', cell: (r) => text(r.custom[field] ?? null) });
      continue;
    }
    if (!isLeadColumn(id)) continue;
    const header = t(`leads.columns.${id}`);
    switch (id) {
      case 'stage':
        out.push({
          header,
          kind: 'text',
          cell: (r) => text(r.stage === null ? null : (stageLabel.get(r.stage) ?? r.stage)),
        });
        break;
      case 'reason':
        out.push({
          header,
          kind: 'text',
          cell: (r) => text(r.reason_code !== null ? (reasonLabel.get(r.reason_code) ?? r.reason_code) : r.reason_text),
        });
        break;
      case 'amount':
        out.push({ header, kind: 'number', cell: (r) => num(r.amount) });
        out.push({ header: t('leads.columns.currency'), kind: 'text', cell: (r) => text(r.currency) });
        break;
      default: {
        const type = COLUMN_TYPES[id];
        const key = id;
        if (type === 'instant') out.push({ header, kind: 'instant', cell: (r) => instant(r[key] as number | null) });
        else if (type === 'number') out.push({ header, kind: 'number', cell: (r) => num(r[key] as number | null) });
        else out.push({ header, kind: 'text', cell: (r) => text(r[key] as string | null) });
      }
    }
  }
  return out;
}

interface SheetWriter {
  add(row: LeadRow): void;
  /** Writes what is buffered (CSV) or lets the stream drain (XLSX). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

function csvWriter(path: string, columns: readonly OutputColumn[], clock: ZonedClock): SheetWriter {
  const fd = fs.openSync(path, 'w');
  // A BOM so spreadsheets read UTF-8 (Cyrillic and Chinese names) correctly.
  fs.writeSync(fd, `\uFEFF${stringify([columns.map((c) => neutralizeCell(c.header))])}`);
  let buffer: string[][] = [];
  const render = (cell: Cell): string => {
    if (cell === null) return '';
    if ('text' in cell) return neutralizeCell(cell.text);
    if ('number' in cell) return String(cell.number);
    return clock.iso(cell.instant);
  };
  return {
    add: (row) => void buffer.push(columns.map((c) => render(c.cell(row)))),
    flush: async () => {
      if (buffer.length > 0) fs.writeSync(fd, stringify(buffer));
      buffer = [];
    },
    close: async () => {
      if (buffer.length > 0) fs.writeSync(fd, stringify(buffer));
      fs.closeSync(fd);
    },
  };
}

function xlsxWriter(path: string, columns: readonly OutputColumn[], clock: ZonedClock, sheetName: string): SheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    width: c.kind === 'instant' ? 18 : Math.min(40, Math.max(12, c.header.length + 2)),
    ...(c.kind === 'instant' ? { style: { numFmt: 'yyyy-mm-dd hh:mm' } } : {}),
  }));
  const header = sheet.addRow(columns.map((c) => neutralizeCell(c.header)));
  header.font = { bold: true };
  header.commit();
  const value = (cell: Cell): string | number | Date | null => {
    if (cell === null) return null;
    if ('text' in cell) return neutralizeCell(cell.text);
    if ('number' in cell) return cell.number;
    return clock.wall(cell.instant);
  };
  return {
    add: (row) => sheet.addRow(columns.map((c) => value(c.cell(row)))).commit(),
    flush: yieldToEventLoop,
    close: async () => {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/**
 * Writes the leads of a query, in the list's order, to CSV or XLSX from one consistent snapshot
 * read on its own connection (the app's connection stays free for the screens meanwhile). Every
 * text cell goes through the formula guard; dates are the workspace's wall clock.
 */
export async function writeLeadExport(job: LeadExportJob, ctl: JobControl): Promise<number> {
  const db = openDb(job.workspacePath, { readonly: true, fileMustExist: true });
  let writer: SheetWriter | null = null;
  let finished = false;
  try {
    db.pragma('busy_timeout = 5000');
    if (job.figureIds) {
      db.exec(`CREATE TABLE ${FIGURE_TABLE} (id INTEGER PRIMARY KEY)`);
      db.prepare(`INSERT OR IGNORE INTO ${FIGURE_TABLE} (id) SELECT value FROM json_each(?)`).run(
        JSON.stringify(job.figureIds),
      );
    }
    db.exec('BEGIN');
    const where = leadWhere(job.query, job.stages, job.zone);
    const total = db.prepare(`SELECT count(*) FROM leads l WHERE ${where.sql}`).pluck().get(where.params) as number;
    if (job.format === 'xlsx' && total > XLSX_MAX_ROWS)
      throw new AppError('leads.tooManyRowsForXlsx', { rows: total, limit: XLSX_MAX_ROWS });
    ctl.progress({ done: 0, total, unit: 'rows', phase: 'leads.exporting' });
    const columns = outputColumns(job);
    const clock = new ZonedClock(job.zone);
    writer =
      job.format === 'csv'
        ? csvWriter(job.out, columns, clock)
        : xlsxWriter(job.out, columns, clock, createI18n(job.locale).t('leads.export.sheet'));
    const stageKey = new Map(job.stages.map((s) => [s.id, s.key]));
    const withCustom = job.columns.some((c) => customField(c) !== null);
    const rows = db
      .prepare(
        `SELECT ${LEAD_ROW_COLUMNS} FROM leads l ${CURRENT_EVENT} WHERE ${where.sql}
         ORDER BY ${leadOrder(job.query, { sortAfter: isRestricted(job.query) })}`,
      )
      .iterate(where.params);
    let done = 0;
    for (const r of rows as IterableIterator<LeadRecordRow>) {
      writer.add(toLeadRow(r, stageKey, withCustom));
      done++;
      if (done % CHUNK_ROWS === 0) {
        await writer.flush();
        ctl.progress({ done });
        await nextTurn(ctl);
      }
    }
    await writer.close();
    writer = null;
    db.exec('COMMIT');
    ctl.progress({ done });
    finished = true;
    return done;
  } finally {
    if (writer) await writer.close().catch(() => undefined);
    db.close();
    // A cancelled or failed export leaves no half-written file behind.
    if (!finished) fs.rmSync(job.out, { force: true });
  }
}
