import fs from 'node:fs';
import Papa from 'papaparse';
import { AppError } from '../../shared/errors';
import { createDecoder } from './encoding';
import type { Dialect } from './sniff';

interface ChunkResult {
  readonly data: string[][];
  readonly errors: ReadonlyArray<{
    readonly type: string;
    readonly row?: number | undefined;
    readonly message: string;
  }>;
  readonly meta: { readonly cursor: number };
}

/** papaparse's low-level parser is typed `any`; this checks the shape we rely on. */
function isChunkResult(value: unknown): value is ChunkResult {
  if (typeof value !== 'object' || value === null) return false;
  const v: { data?: unknown; errors?: unknown; meta?: unknown } = value;
  return (
    Array.isArray(v.data) &&
    Array.isArray(v.errors) &&
    typeof v.meta === 'object' &&
    v.meta !== null &&
    'cursor' in v.meta &&
    typeof v.meta.cursor === 'number'
  );
}

/** A record longer than this is not a CSV row but a broken file (e.g. an unterminated quote). */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;
/**
 * Bytes read (and rows processed) between two turns of the event loop. A 1 MiB chunk held the loop
 * for up to a second on a busy machine, delaying progress polls and other requests; 256 KiB keeps
 * pauses short at a negligible cost in throughput.
 */
const CHUNK_BYTES = 256 * 1024;

export interface CsvReadOptions {
  readonly path: string;
  readonly fileName: string;
  readonly encoding: string;
  readonly bomLength: number;
  readonly dialect: Dialect;
  /** Called with every raw chunk (byte counts for progress, hashing). */
  readonly onChunk: (chunk: Buffer) => void;
}

/**
 * Streams a delimited text file as batches of records (arrays of cells), in file order, with bounded
 * memory: one chunk of text plus the unfinished record at its end. papaparse parses; this only
 * carries the unfinished record over to the next chunk, as papaparse's own streamers do.
 */
export async function* readCsvRecords(options: CsvReadOptions): AsyncGenerator<string[][]> {
  const { dialect, fileName } = options;
  const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: dialect.quote });
  const decoder = createDecoder(fileName, options.encoding);
  const stream = fs.createReadStream(options.path, { start: options.bomLength, highWaterMark: CHUNK_BYTES });
  let partial = '';
  let records = 0;
  const parse = (input: string, last: boolean): string[][] => {
    const result: unknown = parser.parse(input, 0, !last);
    if (!isChunkResult(result)) throw new Error('papaparse returned an unexpected result');
    const quoteError = result.errors.find((e) => e.type === 'Quotes');
    if (quoteError) {
      throw new AppError('imports.csvQuotes', {
        file: fileName,
        row: records + (quoteError.row ?? 0) + 1,
        detail: quoteError.message,
      });
    }
    const rows = result.data;
    partial = last ? '' : input.slice(result.meta.cursor);
    if (partial.length > MAX_RECORD_CHARS)
      throw new AppError('imports.recordTooLarge', {
        file: fileName,
        row: records + rows.length + 1,
        limit: MAX_RECORD_CHARS,
      });
    records += rows.length;
    return rows;
  };
  try {
    for await (const chunk of stream) {
      if (!Buffer.isBuffer(chunk)) continue;
      options.onChunk(chunk);
      const text = decoder.write(chunk);
      if (text === '') continue;
      const rows = parse(partial === '' ? text : partial + text, false);
      if (rows.length > 0) yield rows;
    }
    const tail = partial + decoder.end();
    if (tail !== '') {
      const rows = parse(tail, true);
      // A final line break leaves one empty record behind it: not a row of the file.
      const last = rows.at(-1);
      if (last && last.length === 1 && last[0] === '' && /[\r\n]$/.test(tail)) rows.pop();
      if (rows.length > 0) yield rows;
    }
  } finally {
    stream.destroy();
  }
}
