import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/errors';

/**
 * Encodings: a byte-order mark decides; otherwise strict UTF-8 (most files today); otherwise
 * chardet's guess among the encodings spreadsheets and CRMs actually write (Windows-1251,
 * Windows-1252/Latin-1, GB18030/GBK, KOI8-R, UTF-16 without a mark). Tiny samples are guessed
 * badly, so the preview shows the guess and the user can override it.
 */

export interface DetectedEncoding {
  /** iconv-lite name, lower case (`utf-8`, `windows-1251`, `gb18030`...). */
  readonly encoding: string;
  readonly basis: 'bom' | 'utf8' | 'detected' | 'override';
  readonly confidence: number | null;
  /** Bytes of byte-order mark to skip. */
  readonly bomLength: number;
}

/** chardet names we accept from detection, and the decoder used for each. */
const DETECTABLE: Readonly<Record<string, string>> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  // Excel's "Latin-1" is Windows-1252, a superset in every printable position.
  'ISO-8859-1': 'windows-1252',
  'ISO-8859-15': 'windows-1252',
  GB18030: 'gb18030',
  'KOI8-R': 'koi8-r',
};

export function normalizeEncodingName(name: string): string | null {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  const alias: Record<string, string> = {
    utf8: 'utf-8',
    'utf-8-bom': 'utf-8',
    latin1: 'windows-1252',
    'latin-1': 'windows-1252',
    'iso-8859-1': 'windows-1252',
    gbk: 'gb18030',
    cp1251: 'windows-1251',
    cp1252: 'windows-1252',
    utf16le: 'utf-16le',
    utf16be: 'utf-16be',
    'utf-16': 'utf-16le',
  };
  const resolved = alias[n] ?? n;
  return iconv.encodingExists(resolved) ? resolved : null;
}

function bom(sample: Buffer): { encoding: string; length: number } | null {
  if (sample.length >= 3 && sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a mark: text in Latin scripts has a zero in every other byte. */
function utf16WithoutBom(sample: Buffer): string | null {
  const n = Math.min(sample.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Valid UTF-8, allowing the sample to end inside a character when it is not the whole file. */
function isUtf8(sample: Buffer, complete: boolean): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}

/** Control characters other than tab, CR and LF: text files have none. */
function looksBinary(text: string): boolean {
  const probe = text.slice(0, 65_536);
  let control = 0;
  for (let i = 0; i < probe.length; i++) {
    const c = probe.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return probe.length > 0 && control / probe.length > 0.01;
}

/**
 * Decides how to read a file from its first bytes. `complete` says the sample is the whole file.
 * Throws `imports.binaryFile` for content that is not text in any encoding we read.
 */
export function detectEncoding(
  fileName: string,
  sample: Buffer,
  complete: boolean,
  override?: string,
): DetectedEncoding {
  const mark = bom(sample);
  if (override) {
    const encoding = normalizeEncodingName(override);
    if (!encoding) throw new AppError('imports.unknownEncoding', { encoding: override });
    const skip = mark && mark.encoding === encoding ? mark.length : 0;
    return { encoding, basis: 'override', confidence: null, bomLength: skip };
  }
  if (mark) return { encoding: mark.encoding, basis: 'bom', confidence: null, bomLength: mark.length };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, basis: 'detected', confidence: null, bomLength: 0 };
  if (sample.includes(0)) throw new AppError('imports.binaryFile', { file: fileName });
  if (isUtf8(sample, complete)) {
    if (looksBinary(sample.toString('utf8'))) throw new AppError('imports.binaryFile', { file: fileName });
    return { encoding: 'utf-8', basis: 'utf8', confidence: null, bomLength: 0 };
  }
  const candidates = chardet.analyse(sample);
  const hit = candidates.find((c) => DETECTABLE[c.name] !== undefined);
  const encoding = hit ? DETECTABLE[hit.name]! : 'windows-1252';
  if (looksBinary(iconv.decode(sample, encoding))) throw new AppError('imports.binaryFile', { file: fileName });
  return { encoding, basis: 'detected', confidence: hit ? hit.confidence : null, bomLength: 0 };
}

/** A streaming decoder; UTF-8 is strict, so a file that is not valid UTF-8 fails with its byte offset. */
export interface TextDecoderStream {
  write(chunk: Buffer): string;
  end(): string;
}

export function createDecoder(fileName: string, encoding: string): TextDecoderStream {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let offset = 0;
    const fail = (): never => {
      throw new AppError('imports.badEncoding', { file: fileName, encoding, offset });
    };
    return {
      write: (chunk) => {
        try {
          const text = decoder.decode(chunk, { stream: true });
          offset += chunk.length;
          return text;
        } catch {
          return fail();
        }
      },
      end: () => {
        try {
          return decoder.decode();
        } catch {
          return fail();
        }
      },
    };
  }
  const decoder = iconv.getDecoder(encoding);
  return { write: (chunk) => decoder.write(chunk), end: () => decoder.end() ?? '' };
}
