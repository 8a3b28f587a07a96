import { PDFArray, PDFDict, PDFName, PDFNumber, PDFString, type PDFDocument } from 'pdf-lib';
import { PARTY_ROLES, type PartyRole } from '../../../shared/documents/terms';

/**
 * What makes a PDF "ours": a `/FunnelReview` dictionary in the catalog with the document id and the
 * signature slots (where each party's visible signature goes), written when the document is
 * rendered. A PDF without it is not one of our SLA documents and is never signed.
 */
export const MARKER_KEY = 'FunnelReview';
export const MARKER_FORMAT = 'funnel-review/sla-pdf@1';

export interface SignatureSlot {
  readonly party: PartyRole;
  /** Zero-based page index. */
  readonly page: number;
  /** PDF user-space rectangle [x1, y1, x2, y2] in points. */
  readonly rect: readonly [number, number, number, number];
}

export interface Marker {
  readonly documentId: string;
  readonly slots: readonly SignatureSlot[];
}

export function writeMarker(doc: PDFDocument, marker: Marker): void {
  const ctx = doc.context;
  const slots = marker.slots.map((s) =>
    ctx.obj({ Party: PDFName.of(s.party), Page: s.page, Rect: s.rect.map((v) => Math.round(v * 100) / 100) }),
  );
  doc.catalog.set(
    PDFName.of(MARKER_KEY),
    ctx.obj({
      Format: PDFString.of(MARKER_FORMAT),
      DocumentId: PDFString.of(marker.documentId),
      Slots: ctx.obj(slots),
    }),
  );
}

const isParty = (s: string): s is PartyRole => (PARTY_ROLES as readonly string[]).includes(s);

export function readMarker(doc: PDFDocument): Marker | null {
  const dict = doc.catalog.lookupMaybe(PDFName.of(MARKER_KEY), PDFDict);
  if (!dict) return null;
  const format = dict.lookupMaybe(PDFName.of('Format'), PDFString);
  const id = dict.lookupMaybe(PDFName.of('DocumentId'), PDFString);
  const slotsArray = dict.lookupMaybe(PDFName.of('Slots'), PDFArray);
  if (format?.decodeText() !== MARKER_FORMAT || !id || !slotsArray) return null;
  const slots: SignatureSlot[] = [];
  for (let i = 0; i < slotsArray.size(); i++) {
    const s = slotsArray.lookupMaybe(i, PDFDict);
    const party = s?.lookupMaybe(PDFName.of('Party'), PDFName)?.decodeText();
    const page = s?.lookupMaybe(PDFName.of('Page'), PDFNumber)?.asNumber();
    const rect = s?.lookupMaybe(PDFName.of('Rect'), PDFArray);
    if (!party || !isParty(party) || page === undefined || !rect || rect.size() !== 4) return null;
    const r = [0, 1, 2, 3].map((k) => rect.lookupMaybe(k, PDFNumber)?.asNumber() ?? Number.NaN);
    if (r.some((v) => !Number.isFinite(v))) return null;
    slots.push({ party, page, rect: [r[0]!, r[1]!, r[2]!, r[3]!] });
  }
  return { documentId: id.decodeText(), slots };
}
