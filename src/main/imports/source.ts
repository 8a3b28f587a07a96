import fs from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/errors';
import type { FileFormat } from '../../shared/imports/types';
import { readCsvRecords } from './csv-reader';
import { createDecoder, detectEncoding } from './encoding';
import { detectDialect, type Delimiter } from './sniff';
import { readXlsxRows } from './xlsx-reader';

/** How to read one input file; anything unset is detected. */
export interface SourceOptions {
  readonly encoding?: string | undefined;
  readonly delimiter?: Delimiter | undefined;
  readonly sheet?: string | undefined;
}

export interface RowBatch {
  readonly rows: string[][];
  /** Spreadsheet row number of each row (the header is row 1 in a CSV). */
  readonly numbers: readonly number[];
}

/** An input file opened for reading: its format, header and a stream of data rows. */
export interface OpenedSource {
  readonly path: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly format: FileFormat;
  readonly headers: readonly string[];
  /** Data rows after the header, in file order. Can be iterated once. */
  readonly batches: AsyncGenerator<RowBatch>;
  bytesRead(): number;
  /** The file's SHA-256, once every byte has been read. */
  sha256(): string | null;
  close(): Promise<void>;
}

const SAMPLE_BYTES = 1024 * 1024;

function readHead(file: string, bytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Header cells made usable as names: trimmed, never empty, never repeated. */
export function cleanHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((c, i) => {
    let h = (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim().replace(/\s+/g, ' ');
    if (h === '') h = `Column ${i + 1}`;
    const n = (seen.get(h.toLowerCase()) ?? 0) + 1;
    seen.set(h.toLowerCase(), n);
    return n === 1 ? h : `${h} (${n})`;
  });
}

function isBlank(row: readonly string[]): boolean {
  for (const c of row) if (c.trim() !== '') return false;
  return true;
}

/**
 * Opens a CSV/TSV/semicolon/pipe text file or an .xlsx workbook: detects format, encoding and
 * dialect, and reads up to the header row. Specific errors for an empty file, a binary file, an
 * old .xls, an unknown encoding or a missing sheet.
 */
export async function openSource(
  file: { path: string; name: string },
  options: SourceOptions = {},
): Promise<OpenedSource> {
  let size: number;
  try {
    size = fs.statSync(file.path).size;
  } catch {
    throw new AppError('files.notFound', { path: file.path });
  }
  if (size === 0) throw new AppError('imports.emptyFile', { file: file.name });
  const head = readHead(file.path, Math.min(size, SAMPLE_BYTES));
  let hash: Hash | null = createHash('sha256');
  let digest: string | null = null;
  let bytes = 0;
  const onChunk = (chunk: Buffer): void => {
    bytes += chunk.length;
    hash?.update(chunk);
    if (bytes >= size && hash) {
      digest = hash.digest('hex');
      hash = null;
    }
  };

  const magic = head.subarray(0, 4).toString('latin1');
  if (magic === '\xD0\xCF\x11\xE0')
    throw new AppError('imports.unsupportedFormat', { file: file.name, format: 'XLS (Excel 97-2003)' });
  if (magic === 'PK\x03\x04') {
    let sheets: string[] = [];
    const reader = readXlsxRows({
      path: file.path,
      fileName: file.name,
      sheet: options.sheet,
      onChunk,
      onSheets: (names) => (sheets = names),
    });
    let pending: RowBatch | null = null;
    let header: string[] | null = null;
    // Leading empty rows are not the header.
    for (;;) {
      const next = await reader.next();
      if (next.done) break;
      const idx = next.value.rows.findIndex((r) => !isBlank(r));
      if (idx < 0) continue;
      header = cleanHeaders(next.value.rows[idx]!);
      pending = { rows: next.value.rows.slice(idx + 1), numbers: next.value.numbers.slice(idx + 1) };
      break;
    }
    if (!header) {
      await reader.return(undefined);
      throw new AppError('imports.emptyFile', { file: file.name });
    }
    const width = header.length;
    async function* batches(): AsyncGenerator<RowBatch> {
      if (pending && pending.rows.length > 0) yield pending;
      for await (const b of reader)
        yield {
          rows: b.rows.map((r) => (r.length > width && isBlank(r.slice(width)) ? r.slice(0, width) : r)),
          numbers: b.numbers,
        };
    }
    return {
      path: file.path,
      name: file.name,
      sizeBytes: size,
      format: {
        kind: 'xlsx',
        encoding: 'utf-8',
        encodingBasis: 'utf8',
        encodingConfidence: null,
        delimiter: null,
        quote: null,
        sheet: options.sheet ?? sheets[0] ?? null,
        sheets,
      },
      headers: header,
      batches: batches(),
      bytesRead: () => bytes,
      sha256: () => digest,
      close: async () => {
        await reader.return(undefined);
      },
    };
  }

  const enc = detectEncoding(file.name, head, head.length >= size, options.encoding);
  // The reader starts after the byte-order mark; the hash and byte count still include it.
  if (enc.bomLength > 0) onChunk(head.subarray(0, enc.bomLength));
  const sampleText = (() => {
    const body = head.subarray(enc.bomLength);
    if (enc.encoding === 'utf-8') {
      // The sample may end inside a character; a streaming decode drops the incomplete tail.
      const d = createDecoder(file.name, 'utf-8');
      return d.write(body);
    }
    return iconv.decode(body, enc.encoding);
  })();
  const dialect = detectDialect(
    sampleText,
    head.length >= size,
    options.delimiter ? { delimiter: options.delimiter } : {},
  );
  const records = readCsvRecords({
    path: file.path,
    fileName: file.name,
    encoding: enc.encoding,
    bomLength: enc.bomLength,
    dialect,
    onChunk,
  });
  let header: string[] | null = null;
  let row = 0;
  let pending: RowBatch | null = null;
  for (;;) {
    const next = await records.next();
    if (next.done) break;
    const rows = next.value;
    let i = 0;
    while (i < rows.length && isBlank(rows[i]!)) i++;
    row += i;
    if (i >= rows.length) continue;
    header = cleanHeaders(rows[i]!);
    row++;
    const data = rows.slice(i + 1);
    pending = { rows: data, numbers: data.map((_r, k) => row + k + 1) };
    row += data.length;
    break;
  }
  if (!header) {
    await records.return(undefined);
    throw new AppError('imports.emptyFile', { file: file.name });
  }
  async function* batches(): AsyncGenerator<RowBatch> {
    if (pending && pending.rows.length > 0) yield pending;
    for await (const rows of records) {
      const first = row + 1;
      row += rows.length;
      yield { rows, numbers: rows.map((_r, k) => first + k) };
    }
  }
  return {
    path: file.path,
    name: file.name,
    sizeBytes: size,
    format: {
      kind: 'csv',
      encoding: enc.encoding,
      encodingBasis: enc.basis,
      encodingConfidence: enc.confidence,
      delimiter: dialect.delimiter,
      quote: dialect.quote,
      sheet: null,
      sheets: [],
    },
    headers: header,
    batches: batches(),
    bytesRead: () => bytes,
    sha256: () => digest,
    close: async () => {
      await records.return(undefined);
    },
  };
}
