import Papa from 'papaparse';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface Dialect {
  readonly delimiter: Delimiter;
  readonly quote: '"' | "'";
  readonly newline: '\n' | '\r\n' | '\r';
}

interface Score {
  readonly dialect: Dialect;
  readonly columns: number;
  readonly consistency: number;
  readonly quoteErrors: number;
}

function score(
  sample: string,
  complete: boolean,
  dialect: Omit<Dialect, 'newline'>,
): Score & { newline: Dialect['newline'] } {
  const parsed = Papa.parse<string[]>(sample, { delimiter: dialect.delimiter, quoteChar: dialect.quote, preview: 200 });
  let rows = parsed.data.filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
  // A sample cut mid-file ends inside a row; that row says nothing about the dialect.
  if (!complete && rows.length > 1) rows = rows.slice(0, -1);
  const columns = rows[0]?.length ?? 0;
  const consistent = rows.filter((r) => r.length === columns).length;
  const linebreak = parsed.meta.linebreak;
  const newline = linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n';
  const quoteErrors = parsed.errors.filter(
    (e) => e.type === 'Quotes' && (complete || (e.row ?? 0) < rows.length - 1),
  ).length;
  return {
    dialect: { ...dialect, newline },
    newline,
    columns,
    consistency: rows.length === 0 ? 0 : consistent / rows.length,
    quoteErrors,
  };
}

/**
 * Detects the delimiter (comma, semicolon, tab or pipe) and the quote character from the first
 * part of a file, by parsing it with each candidate and keeping the one that gives the most rows
 * with the header's number of columns (more than one column). Parsing is papaparse's; we only
 * compare its results. `forced` values (the user's override) are kept as given.
 */
export function detectDialect(sample: string, complete: boolean, forced: { delimiter?: Delimiter } = {}): Dialect {
  const delimiters = forced.delimiter ? [forced.delimiter] : DELIMITERS;
  // Single quotes only for files without double quotes: a broken double quote must be reported, not reread.
  const quotes: ReadonlyArray<'"' | "'"> = sample.includes('"') ? ['"'] : ['"', "'"];
  const ranked = quotes
    .flatMap((quote) => delimiters.map((delimiter, i) => ({ s: score(sample, complete, { delimiter, quote }), i })))
    .map(({ s, i }) => ({
      s,
      // Compared left to right: several columns, fewer quote errors, consistent rows, double quotes, more columns, usual delimiter.
      rank: [
        s.columns > 1 ? 1 : 0,
        -s.quoteErrors,
        Math.round(s.consistency * 1000),
        s.dialect.quote === '"' ? 1 : 0,
        s.columns,
        -i,
      ],
    }))
    .sort((a, b) => {
      for (let k = 0; k < a.rank.length; k++) if (a.rank[k] !== b.rank[k]) return b.rank[k]! - a.rank[k]!;
      return 0;
    });
  return ranked[0]!.s.dialect;
}
