import {
  EncryptedPDFError,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFStream,
  PDFString,
  PDFHexString,
  decodePDFRawStream,
} from 'pdf-lib';
import { AppError } from '../../../shared/errors';
import { TERMS_ATTACHMENT_NAME, termsDocument, type TermsDocument } from '../../../shared/documents/terms';

/** Offsets just past each `%%EOF` marker (and its line end): where each revision of the file ends. */
export function revisionEnds(bytes: Uint8Array): number[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ends: number[] = [];
  for (let at = buf.indexOf('%%EOF'); at !== -1; at = buf.indexOf('%%EOF', at + 5)) {
    let end = at + 5;
    if (buf[end] === 0x0d) end++;
    if (buf[end] === 0x0a) end++;
    ends.push(end);
  }
  return ends;
}

/**
 * Refuses what cannot be one of our documents before any parsing: not a PDF, cut off, encrypted.
 * `file` is the name shown in errors.
 */
export function checkPdfBytes(bytes: Uint8Array, file: string): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buf.subarray(0, 1024).indexOf('%PDF-');
  if (head === -1) throw new AppError('documents.notAPdf', { file });
  const tail = buf
    .subarray(Math.max(0, buf.length - 1024))
    .toString('latin1')
    .trimEnd();
  if (!tail.endsWith('%%EOF')) throw new AppError('documents.truncated', { file });
}

/**
 * pdf-lib's EncryptedPDFError is compiled to ES5, where subclassing Error loses the prototype, so
 * `instanceof` fails: the message is the reliable sign.
 */
export function isEncryptedError(e: unknown): boolean {
  return e instanceof EncryptedPDFError || /is encrypted/i.test(String((e as Error)?.message ?? ''));
}

export async function loadPdf(bytes: Uint8Array, file: string): Promise<PDFDocument> {
  checkPdfBytes(bytes, file);
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (e) {
    if (isEncryptedError(e)) throw new AppError('documents.encrypted', { file });
    throw new AppError('documents.damaged', { file, detail: String((e as Error).message ?? e).slice(0, 200) });
  }
}

function decodeName(value: unknown): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return null;
}

/** The embedded `sla-terms.json`, parsed and validated; null when the PDF carries none. */
export function readTerms(doc: PDFDocument, file: string): TermsDocument | null {
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const embedded = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = embedded?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!list) return null;
  for (let i = 0; i + 1 < list.size(); i += 2) {
    if (decodeName(list.lookup(i)) !== TERMS_ATTACHMENT_NAME) continue;
    const spec = list.lookupMaybe(i + 1, PDFDict);
    const stream = spec?.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookupMaybe(PDFName.of('F'), PDFStream);
    if (!(stream instanceof PDFRawStream)) throw new AppError('documents.invalidTerms', { file });
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(decodePDFRawStream(stream).decode());
      return termsDocument.parse(JSON.parse(text));
    } catch {
      throw new AppError('documents.invalidTerms', { file });
    }
  }
  return null;
}
