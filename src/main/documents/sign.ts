import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFRef } from 'pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { AppError } from '../../shared/errors';
import { createI18n } from '../../shared/i18n';
import { renderAppearanceHtml } from '../../shared/documents/appearance';
import { PARTY_ROLES, type PartyRole, type TermsDocument } from '../../shared/documents/terms';
import type { IdentityInfo, VerificationReport } from '../../shared/documents/types';
import { assertUsable, certificateDer } from './identity';
import { CmsSigner } from './cms-signer';
import type { UnlockedIdentity } from './key-vault';
import type { PdfEngine } from './pdf-engine';
import { IncrementalUpdate } from './pdf/incremental';
import { loadPdf, readTerms } from './pdf/load';
import { readMarker, type SignatureSlot } from './pdf/marker';
import { SIGNATURE_FIELD_PREFIX, verifyPdf } from './verify';

export interface SignInput {
  readonly bytes: Buffer;
  /** Name shown in errors. */
  readonly file: string;
  readonly identity: UnlockedIdentity;
  /** Which slot to sign; by default the party whose e-mail or name matches the identity, else the first free one. */
  readonly party?: PartyRole | undefined;
  readonly engine: PdfEngine;
  readonly now?: number;
}

export interface SignOutput {
  readonly bytes: Buffer;
  readonly party: PartyRole;
  readonly signedAt: number;
  readonly signer: IdentityInfo;
  readonly before: VerificationReport;
  readonly after: VerificationReport;
  readonly terms: TermsDocument;
}

const PT_PER_MM = 72 / 25.4;

function chooseParty(
  terms: TermsDocument,
  signer: IdentityInfo,
  taken: ReadonlySet<PartyRole>,
  asked: PartyRole | undefined,
  file: string,
): PartyRole {
  if (asked) {
    if (taken.has(asked)) throw new AppError('documents.partySigned', { file, party: asked });
    return asked;
  }
  const free = PARTY_ROLES.filter((p) => !taken.has(p));
  if (free.length === 0) throw new AppError('documents.allSigned', { file });
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase() && a.trim() !== '';
  return (
    free.find((p) => same(terms.parties[p].email, signer.email)) ??
    free.find((p) => same(terms.parties[p].name, signer.name)) ??
    free[0]!
  );
}

/** Bytes reserved for the CMS signature: the certificates it carries plus room for the rest. */
function reservedBytes(identity: UnlockedIdentity): number {
  const certs = identity.material.certificates.reduce((n, c) => n + certificateDer(c).length, 0);
  return Math.max(8192, Math.ceil((certs + 4096) / 1024) * 1024);
}

async function appearance(
  engine: PdfEngine,
  terms: TermsDocument,
  signer: IdentityInfo,
  slot: SignatureSlot,
  signedAt: number,
): Promise<Uint8Array> {
  const widthPt = slot.rect[2] - slot.rect[0];
  const heightPt = slot.rect[3] - slot.rect[1];
  const html = renderAppearanceHtml(
    {
      name: signer.name,
      role: signer.role,
      company: signer.company,
      signedAt,
      timeZone: terms.timeZone,
      fingerprint: signer.fingerprint,
      locale: terms.locale,
      widthPt,
      heightPt,
    },
    createI18n(terms.locale).t,
  );
  return engine.print(html, {
    widthMm: widthPt / PT_PER_MM,
    heightMm: heightPt / PT_PER_MM,
    marginsMm: { top: 0, right: 0, bottom: 0, left: 0 },
  });
}

/**
 * Signs one party's slot of an SLA document as an incremental update: a PAdES-style detached CMS
 * signature (adbe.pkcs7.detached, SHA-256) whose byte range covers the whole file, with a visible
 * block in the slot. Refuses documents that are not ours, already carry this party's signature, or
 * whose earlier signatures are no longer intact. Returns new bytes; writes nothing.
 */
export async function signDocument(input: SignInput): Promise<SignOutput> {
  const { file, identity } = input;
  const now = input.now ?? Date.now();
  const doc = await loadPdf(input.bytes, file);
  const marker = readMarker(doc);
  const terms = marker ? readTerms(doc, file) : null;
  if (!marker || !terms || terms.documentId !== marker.documentId) throw new AppError('documents.notOurs', { file });
  const before = await verifyPdf(input.bytes, file);
  if (before.signatures.some((s) => !s.intact) || (before.signatures.length > 0 && before.unsignedTrailingBytes > 0)) {
    throw new AppError('documents.brokenBeforeSigning', { file });
  }
  assertUsable(identity.info, now);
  const taken = new Set(before.signatures.map((s) => s.party).filter((p): p is PartyRole => p !== null));
  const party = chooseParty(terms, identity.info, taken, input.party, file);
  const slot = marker.slots.find((s) => s.party === party);
  if (!slot) throw new AppError('documents.notOurs', { file });

  const signedAt = Math.floor(now / 1000) * 1000;
  const look = await appearance(input.engine, terms, identity.info, slot, signedAt);
  const update = await IncrementalUpdate.open(input.bytes);
  const out = update.doc;
  const ctx = out.context;
  const [embedded] = await out.embedPdf(look, [0]);
  await embedded!.embed();

  const signature = ctx.register(
    ctx.obj({
      Type: 'Sig',
      Filter: 'Adobe.PPKLite',
      SubFilter: 'adbe.pkcs7.detached',
      // signpdf fills these two in place: the range first, then the hex value after `/Contents `.
      ByteRange: [PDFNumber.of(0), PDFName.of('**********'), PDFName.of('**********'), PDFName.of('**********')],
      Contents: PDFHexString.of('0'.repeat(reservedBytes(identity) * 2)),
      Name: PDFHexString.fromText(identity.info.name),
      Reason: PDFHexString.fromText(`${terms.documentId} — ${party}`),
      ...(identity.info.email ? { ContactInfo: PDFHexString.fromText(identity.info.email) } : {}),
      M: PDFString.fromDate(new Date(signedAt)),
      Prop_Build: { App: { Name: PDFName.of('Funnel_Review') } },
    }),
  );
  const pageRef: PDFRef = out.getPage(slot.page).ref;
  const widget = ctx.register(
    ctx.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      T: PDFString.of(`${SIGNATURE_FIELD_PREFIX}${party}`),
      TU: PDFHexString.fromText(`${identity.info.name} (${party})`),
      V: signature,
      // Print flag (4) plus Locked (128): the block prints and cannot be moved.
      F: 132,
      P: pageRef,
      Rect: [...slot.rect],
      AP: { N: embedded!.ref },
    }),
  );
  const page = ctx.lookup(pageRef, PDFDict);
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(widget);
  else page.set(PDFName.of('Annots'), ctx.obj([widget]));
  let form = out.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = ctx.obj({ Fields: [] });
    out.catalog.set(PDFName.of('AcroForm'), ctx.register(form));
  }
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (fields) fields.push(widget);
  else form.set(PDFName.of('Fields'), ctx.obj([widget]));
  // SignaturesExist | AppendOnly: readers must save further changes incrementally.
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));

  const prepared = update.finish();
  // A signer signs once: a fresh one per signature.
  const signer = new CmsSigner(identity.material);
  let signed: Buffer;
  try {
    signed = await new SignPdf().sign(prepared, signer, new Date(signedAt));
  } catch (e) {
    if (/exceeds placeholder/i.test(String((e as Error).message))) throw new AppError('documents.signatureTooLarge');
    throw e;
  }
  const after = await verifyPdf(signed, file);
  if (!after.ok || after.signatures.length !== before.signatures.length + 1)
    throw new Error('the new signature did not verify');
  return { bytes: signed, party, signedAt, signer: identity.info, before, after, terms };
}
