import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import type { PdfEngine, PrintOptions } from '../../../src/main/documents/pdf-engine';
import { SIGNATURE_SLOT_URL } from '../../../src/shared/documents/template';

const PT_PER_MM = 72 / 25.4;
const FIXED = new Date(Date.UTC(2026, 0, 5));

/**
 * A stand-in for Chromium's printing, for crash tests that must not depend on a browser: one page
 * of the requested size, and, like Chromium, a link annotation for each signature slot the SLA
 * template marks, so the real render and signing code find their slots. Deterministic bytes.
 */
export class TestPdfEngine implements PdfEngine {
  async print(html: string, options: PrintOptions): Promise<Uint8Array> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([options.widthMm * PT_PER_MM, options.heightMm * PT_PER_MM]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    page.drawText(`printed ${html.length} characters`, { x: 20, y: page.getHeight() - 40, size: 10, font });
    const slots = [
      ...html.matchAll(new RegExp(`${SIGNATURE_SLOT_URL.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(\\w+)`, 'g')),
    ];
    const annots = slots.map((m, i) =>
      doc.context.register(
        doc.context.obj({
          Type: 'Annot',
          Subtype: 'Link',
          Rect: [60 + i * 250, 80, 260 + i * 250, 140],
          Border: [0, 0, 0],
          A: { Type: 'Action', S: 'URI', URI: PDFString.of(`${SIGNATURE_SLOT_URL}${m[1]}`) },
        }),
      ),
    );
    if (annots.length > 0) page.node.set(PDFName.of('Annots'), doc.context.obj(annots));
    doc.setCreationDate(FIXED);
    doc.setModificationDate(FIXED);
    return doc.save({ useObjectStreams: false });
  }
}
