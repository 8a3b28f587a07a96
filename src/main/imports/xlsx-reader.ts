import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS, { type CellValue } from 'exceljs';
import { AppError } from '../../shared/errors';

export interface XlsxBatch {
  readonly rows: string[][];
  /** Spreadsheet row numbers of `rows` (empty rows are absent from a sheet's XML). */
  readonly numbers: number[];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * A cell as the text a CSV export of it would hold. Dates are wall-clock readings (Excel keeps no
 * time zone; exceljs hands them over as UTC instants of the same reading), numbers keep full
 * precision, formulas give their cached result, rich text its plain text.
 */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const base = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const h = value.getUTCHours();
    const m = value.getUTCMinutes();
    const s = value.getUTCSeconds();
    const ms = value.getUTCMilliseconds();
    if (h === 0 && m === 0 && s === 0 && ms === 0) return base;
    return `${base} ${pad(h)}:${pad(m)}:${pad(s)}${ms ? `.${pad(ms, 3)}` : ''}`;
  }
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return 'result' in value ? cellText(value.result as CellValue) : '';
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return '';
}

function sheetName(reader: object): string {
  return 'name' in reader && typeof reader.name === 'string' ? reader.name : '';
}

export interface XlsxReadOptions {
  readonly path: string;
  readonly fileName: string;
  /** Sheet to read; the first one when absent. */
  readonly sheet: string | undefined;
  readonly onChunk: (chunk: Buffer) => void;
  /** Receives the workbook's sheet names, in order, when the first sheet is reached. */
  readonly onSheets?: (names: string[]) => void;
}

/** Sheet names from the workbook part exceljs has parsed by the time it reaches the first sheet. */
function workbookSheets(reader: object): string[] {
  const model: unknown = Reflect.get(reader, 'model');
  if (typeof model !== 'object' || model === null || !('sheets' in model) || !Array.isArray(model.sheets)) return [];
  return model.sheets
    .map((s: unknown) =>
      typeof s === 'object' && s !== null && 'name' in s && typeof s.name === 'string' ? s.name : '',
    )
    .filter((n) => n !== '');
}

/**
 * Streams one worksheet of an .xlsx file (exceljs's streaming reader: shared strings are cached,
 * rows are not) as batches of text cells with their row numbers.
 */
export async function* readXlsxRows(options: XlsxReadOptions): AsyncGenerator<XlsxBatch> {
  const file = fs.createReadStream(options.path, { highWaterMark: 1024 * 1024 });
  const counted = new PassThrough();
  file.on('data', (chunk) => {
    if (Buffer.isBuffer(chunk)) options.onChunk(chunk);
  });
  file.on('error', (e) => counted.destroy(e));
  file.pipe(counted);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let found = false;
  let seen: string[] = [];
  try {
    for await (const sheet of reader) {
      const name = sheetName(sheet);
      if (seen.length === 0) {
        seen = workbookSheets(reader);
        options.onSheets?.(seen.length > 0 ? seen : [name]);
      }
      if (!seen.includes(name)) seen.push(name);
      const chosen = options.sheet === undefined || name === options.sheet;
      if (!chosen) {
        // The zip is read in order: skipping a sheet still means reading through it.
        for await (const _row of sheet) void _row;
        continue;
      }
      found = true;
      let batch: XlsxBatch = { rows: [], numbers: [] };
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        batch.rows.push(cells);
        batch.numbers.push(row.number);
        if (batch.rows.length >= 2000) {
          yield batch;
          batch = { rows: [], numbers: [] };
        }
      }
      if (batch.rows.length > 0) yield batch;
      break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('imports.badXlsx', {
      file: options.fileName,
      detail: e instanceof Error ? e.message : String(e),
    });
  } finally {
    file.destroy();
    counted.destroy();
  }
  if (!found)
    throw new AppError('imports.sheetNotFound', {
      file: options.fileName,
      sheet: options.sheet ?? '',
      sheets: seen.join(', '),
    });
}
