import {
  AFRelationship,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import type { PdfEngine } from './pdf-engine';
import { writeMarker, type SignatureSlot } from './pdf/marker';
import { createI18n } from '../../shared/i18n';
import { PAGE, renderSlaHtml, SIGNATURE_SLOT_URL } from '../../shared/documents/template';
import { PARTY_ROLES, TERMS_ATTACHMENT_NAME, type TermsDocument } from '../../shared/documents/terms';

export interface RenderedPdf {
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly termsJson: string;
}

/** Finds the slot links Chromium printed, removes them, and returns where they were. */
function takeSlots(doc: PDFDocument): SignatureSlot[] {
  const slots: SignatureSlot[] = [];
  doc.getPages().forEach((page, pageIndex) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) return;
    const keep: PDFObject[] = [];
    for (let i = 0; i < annots.size(); i++) {
      const raw = annots.get(i);
      const annot = annots.lookupMaybe(i, PDFDict);
      const uri = annot?.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString)?.decodeText();
      const party = uri?.startsWith(SIGNATURE_SLOT_URL) ? uri.slice(SIGNATURE_SLOT_URL.length) : null;
      const rect = annot?.lookupMaybe(PDFName.of('Rect'), PDFArray);
      const role = PARTY_ROLES.find((r) => r === party);
      if (role && rect && rect.size() === 4) {
        const r = [0, 1, 2, 3].map((k) => rect.lookupMaybe(k, PDFNumber)?.asNumber() ?? 0);
        slots.push({
          party: role,
          page: pageIndex,
          rect: [Math.min(r[0]!, r[2]!), Math.min(r[1]!, r[3]!), Math.max(r[0]!, r[2]!), Math.max(r[1]!, r[3]!)],
        });
        // Gone from the file too, not just from the page: the slot must not stay a link.
        const action = annot?.get(PDFName.of('A'));
        if (action instanceof PDFRef) doc.context.delete(action);
        if (raw instanceof PDFRef) doc.context.delete(raw);
        continue;
      }
      keep.push(raw);
    }
    if (keep.length === 0) page.node.delete(PDFName.of('Annots'));
    else page.node.set(PDFName.of('Annots'), doc.context.obj(keep));
  });
  return slots;
}

/**
 * Prints the terms as an SLA document and finishes the PDF for signing: the signature slots
 * recorded, the terms attached as JSON, metadata set, and a classic cross-reference table so
 * every signature can be appended as an incremental update.
 */
export async function renderSlaPdf(terms: TermsDocument, engine: PdfEngine, producer: string): Promise<RenderedPdf> {
  const t = createI18n(terms.locale).t;
  const page = renderSlaHtml(terms, t);
  const printed = await engine.print(page.html, { ...PAGE, headerHtml: page.headerHtml, footerHtml: page.footerHtml });
  const doc = await PDFDocument.load(printed, { updateMetadata: false });
  const slots = takeSlots(doc);
  if (PARTY_ROLES.some((r) => !slots.some((s) => s.party === r)))
    throw new Error('the printed document lost a signature slot');
  writeMarker(doc, { documentId: terms.documentId, slots });

  const termsJson = `${JSON.stringify(terms, null, 2)}\n`;
  const composed = new Date(terms.composedAt);
  await doc.attach(new TextEncoder().encode(termsJson), TERMS_ATTACHMENT_NAME, {
    mimeType: 'application/json',
    description: t('documents.pdf.registerHeading'),
    creationDate: composed,
    modificationDate: composed,
    afRelationship: AFRelationship.Data,
  });
  doc.setTitle(`${page.title} — ${terms.parties.company}`, { showInWindowTitleBar: true });
  doc.setAuthor(terms.parties.company);
  doc.setSubject(`${terms.documentId} (${terms.period.from} – ${terms.period.to})`);
  doc.setKeywords(['SLA', terms.documentId, terms.parties.company]);
  doc.setCreator(producer);
  doc.setProducer(producer);
  doc.setLanguage(terms.locale);
  doc.setCreationDate(composed);
  doc.setModificationDate(composed);
  const saved = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  // pdf-lib ends the file right after %%EOF; the line end makes the unsigned revision end exactly
  // where the first incremental update begins, so its hash can be found again in a signed file.
  const bytes = new Uint8Array(saved.length + 1);
  bytes.set(saved);
  bytes[saved.length] = 0x0a;
  return { bytes, pages: doc.getPageCount(), termsJson };
}
