import { createHash } from 'node:crypto';
import { PDFDocument, type PDFObject, type PDFRef } from 'pdf-lib';

/**
 * Appends changes to a PDF as an incremental update (PDF 32000-1, 7.5.6): the original bytes stay
 * exactly as they were, and changed or new objects follow with their own cross-reference section
 * and a trailer pointing back (/Prev) to the previous one. This is what keeps an earlier signature
 * valid when the next party signs: its byte range still covers the same, untouched bytes.
 *
 * pdf-lib parses the file and builds the new objects; which objects changed is found by comparing
 * each object's serialisation with a snapshot taken right after parsing, so nothing pdf-lib touched
 * is ever silently left out.
 */
export class IncrementalUpdate {
  private constructor(
    readonly doc: PDFDocument,
    private readonly original: Buffer,
    private readonly snapshot: Map<string, string>,
    private readonly firstNewObject: number,
    private readonly previousXref: number,
  ) {}

  static async open(original: Buffer): Promise<IncrementalUpdate> {
    const doc = await PDFDocument.load(original, { updateMetadata: false });
    const tail = original.subarray(Math.max(0, original.length - 1024)).toString('latin1');
    const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!match) throw new Error('no startxref at the end of the file');
    const previousSize = Number(/\/Size\s+(\d+)/.exec(tail)?.[1] ?? 0);
    const snapshot = new Map<string, string>();
    for (const [ref, obj] of doc.context.enumerateIndirectObjects()) snapshot.set(ref.tag, digest(obj));
    // New objects must not reuse any number the previous sections declared, even a free one.
    doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, previousSize - 1);
    return new IncrementalUpdate(doc, original, snapshot, doc.context.largestObjectNumber + 1, Number(match[1]));
  }

  /** The original bytes followed by one update section holding every new or changed object. */
  finish(): Buffer {
    const changed: Array<[PDFRef, PDFObject]> = this.doc.context
      .enumerateIndirectObjects()
      .filter(([ref, obj]) => ref.objectNumber >= this.firstNewObject || this.snapshot.get(ref.tag) !== digest(obj))
      .sort(([a], [b]) => a.objectNumber - b.objectNumber);
    const parts: Buffer[] = [];
    let offset = this.original.length;
    const push = (b: Buffer) => {
      parts.push(b);
      offset += b.length;
    };
    const last = this.original[this.original.length - 1];
    if (last !== 0x0a && last !== 0x0d) push(Buffer.from('\n'));
    const offsets = new Map<number, { offset: number; generation: number }>();
    for (const [ref, obj] of changed) {
      offsets.set(ref.objectNumber, { offset, generation: ref.generationNumber });
      push(Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'));
      push(serialise(obj));
      push(Buffer.from('\nendobj\n', 'latin1'));
    }
    const xrefAt = offset;
    const numbers = [...offsets.keys()];
    let xref = 'xref\n';
    for (let i = 0; i < numbers.length;) {
      let j = i;
      while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
      xref += `${numbers[i]} ${j - i + 1}\n`;
      for (let k = i; k <= j; k++) {
        const e = offsets.get(numbers[k]!)!;
        // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, 'n', CR LF.
        xref += `${String(e.offset).padStart(10, '0')} ${String(e.generation).padStart(5, '0')} n\r\n`;
      }
      i = j + 1;
    }
    const info = this.doc.context.trailerInfo;
    const trailer = this.doc.context.obj({
      Size: this.doc.context.largestObjectNumber + 1,
      Root: info.Root,
      ...(info.Info ? { Info: info.Info } : {}),
      ...(info.ID ? { ID: info.ID } : {}),
      Prev: this.previousXref,
    });
    push(Buffer.from(`${xref}trailer\n${trailer.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
    return Buffer.concat([this.original, ...parts]);
  }
}

function serialise(obj: PDFObject): Buffer {
  const buf = Buffer.alloc(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return buf;
}

function digest(obj: PDFObject): string {
  return createHash('sha256').update(serialise(obj)).digest('hex');
}
