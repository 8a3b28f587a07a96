import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { AppError } from '../../shared/errors';
import {
  compareDefinitions,
  PARTY_ROLES,
  type DefinitionInForce,
  type PartyRole,
  type TermsDocument,
} from '../../shared/documents/terms';
import type { SignatureReport, VerificationReport } from '../../shared/documents/types';
import { checkCms } from './cms';
import { describeCertificate } from './identity';
import { checkPdfBytes, isEncryptedError, readTerms } from './pdf/load';
import { readMarker } from './pdf/marker';

/** Field names our signatures use; the party is read back from them. */
export const SIGNATURE_FIELD_PREFIX = 'SLA_signature_';

export interface WorkspaceDefinitions {
  readonly workspace: string;
  readonly definitions: readonly DefinitionInForce[];
}

interface RawSignature {
  readonly byteRange: [number, number, number, number];
  readonly contents: Buffer;
  readonly wellFormed: boolean;
}

const BYTE_RANGE = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/;

/**
 * Every signature value in the file, found from the bytes themselves: a tampered file whose
 * objects no longer parse must still be reported as tampered, not as unreadable.
 */
function scanSignatures(buf: Buffer): RawSignature[] {
  const found = new Map<string, RawSignature>();
  for (let at = buf.indexOf('/ByteRange'); at !== -1; at = buf.indexOf('/ByteRange', at + 10)) {
    const m = BYTE_RANGE.exec(buf.subarray(at, at + 80).toString('latin1'));
    if (!m) continue;
    const br: [number, number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    const key = br.join(' ');
    if (found.has(key)) continue;
    const [a, b, c, d] = br;
    const start = a + b;
    const inBounds = start < c && c + d <= buf.length;
    const hex = inBounds ? buf.subarray(start + 1, c - 1).toString('latin1') : '';
    const wellFormed =
      inBounds && buf[start] === 0x3c && buf[c - 1] === 0x3e && /^[0-9A-Fa-f]*$/.test(hex) && hex.length % 2 === 0;
    found.set(key, { byteRange: br, contents: wellFormed ? Buffer.from(hex, 'hex') : Buffer.alloc(0), wellFormed });
  }
  return [...found.values()].sort((x, y) => x.byteRange[2] + x.byteRange[3] - (y.byteRange[2] + y.byteRange[3]));
}

/** Maps each signature's byte range to its field name and /SubFilter, when the structure still parses. */
function fieldNames(doc: PDFDocument | null): Map<string, { name: string; subFilter: string }> {
  const names = new Map<string, { name: string; subFilter: string }>();
  const fields = doc?.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) return names;
  for (let i = 0; i < fields.size(); i++) {
    const field = fields.lookupMaybe(i, PDFDict);
    const v = field?.lookupMaybe(PDFName.of('V'), PDFDict);
    const range = v?.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const t = field?.lookup(PDFName.of('T'));
    const name = t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : '';
    if (!range || range.size() !== 4) continue;
    const key = [0, 1, 2, 3].map((k) => range.lookupMaybe(k, PDFNumber)?.asNumber() ?? -1).join(' ');
    names.set(key, { name, subFilter: v?.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText() ?? '' });
  }
  return names;
}

const partyOf = (field: string): PartyRole | null =>
  PARTY_ROLES.find((p) => field === `${SIGNATURE_FIELD_PREFIX}${p}`) ?? null;

/** Trailing line ends and spaces after the last signed revision change nothing a reader shows. */
function unsignedTail(buf: Buffer, end: number): number {
  const rest = buf.subarray(end).toString('latin1');
  return rest.trim() === '' ? 0 : rest.length;
}

async function parse(bytes: Uint8Array, file: string): Promise<PDFDocument | null> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (e) {
    if (isEncryptedError(e)) throw new AppError('documents.encrypted', { file });
    return null;
  }
}

/**
 * Checks every signature of a PDF: byte-range coverage, digest, signature value, signer, time;
 * reads the embedded terms from the signed part; compares them with a workspace when given.
 */
export async function verifyPdf(
  bytes: Uint8Array,
  file: string,
  current?: WorkspaceDefinitions,
): Promise<VerificationReport> {
  checkPdfBytes(bytes, file);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const doc = await parse(buf, file);
  const names = fieldNames(doc);
  const raws = scanSignatures(buf);

  const signatures: SignatureReport[] = raws.map((raw, index) => {
    const [a, b, c, d] = raw.byteRange;
    const end = c + d;
    const closesRevision = buf
      .subarray(Math.max(0, end - 7), end)
      .toString('latin1')
      .trimEnd()
      .endsWith('%%EOF');
    const coversWholeRevision = raw.wellFormed && a === 0 && closesRevision;
    const cms = raw.wellFormed ? checkCms(raw.contents, [buf.subarray(a, a + b), buf.subarray(c, end)]) : null;
    const field = names.get(raw.byteRange.join(' '));
    const fieldName = field?.name ?? '';
    const digestValid = cms?.digestValid ?? false;
    const signatureValid = cms?.signatureValid ?? false;
    return {
      index: index + 1,
      fieldName,
      party: partyOf(fieldName),
      signer: cms?.certificateDer ? describeCertificate(cms.certificateDer) : null,
      signedAt: cms?.signingTime ?? null,
      byteRange: raw.byteRange,
      revisionEnd: closesRevision ? end : null,
      coversWholeRevision,
      digestValid,
      signatureValid,
      intact: coversWholeRevision && digestValid && signatureValid,
      subFilter: field?.subFilter ?? '',
    };
  });

  const lastEnd = signatures.reduce((m, s) => Math.max(m, s.byteRange[2] + s.byteRange[3]), 0);
  const unsignedTrailingBytes = signatures.length > 0 ? unsignedTail(buf, lastEnd) : buf.length;
  // Terms are read from the signed part only: an unsigned update appended later cannot swap them.
  const signedDoc = signatures.length > 0 && lastEnd < buf.length ? await parse(buf.subarray(0, lastEnd), file) : doc;
  let terms: TermsDocument | null = null;
  if (signedDoc) terms = readTerms(signedDoc, file);
  if (signatures.length === 0 && !terms && !(doc && readMarker(doc)))
    throw new AppError('documents.notOursUnsigned', { file });

  const ok = signatures.length > 0 && signatures.every((s) => s.intact) && unsignedTrailingBytes === 0;
  const definitions = terms && current ? compareDefinitions(terms.definitions, current.definitions) : null;
  return {
    fileName: file,
    fileSize: buf.length,
    fileSha256: createHash('sha256').update(buf).digest('hex'),
    signatures,
    unsignedTrailingBytes,
    ok,
    terms,
    workspaceMatch:
      definitions && current
        ? { workspace: current.workspace, matches: definitions.every((d) => d.status === 'same'), definitions }
        : null,
  };
}
