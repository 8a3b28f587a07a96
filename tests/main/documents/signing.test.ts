import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPdfEngine } from '../../../src/main/documents/chromium-engine';
import { composeTerms } from '../../../src/main/documents/compose';
import { definitionsInForce } from '../../../src/main/documents/definitions-in-force';
import { createIdentity, infoOf } from '../../../src/main/documents/identity';
import type { UnlockedIdentity } from '../../../src/main/documents/key-vault';
import { loadPdf, readTerms } from '../../../src/main/documents/pdf/load';
import { readMarker } from '../../../src/main/documents/pdf/marker';
import { renderSlaPdf } from '../../../src/main/documents/render';
import { signDocument } from '../../../src/main/documents/sign';
import { verifyPdf } from '../../../src/main/documents/verify';
import type { TermsDocument } from '../../../src/shared/documents/terms';
import { AppError } from '../../../src/shared/errors';
import { fixtureWorkspace, insertDefinition, MQL_V2, PARTIES, T0 } from './fixture';
import {
  CHROMIUM_MISSING,
  chromiumPath,
  pageToPng,
  pdfsig,
  poppler,
  POPPLER_MISSING,
  pdftotext,
  squash,
} from './tools';

const DAY = 86_400_000;
const NOW = T0 + 60 * DAY;
const RESULTS = path.resolve('test-results/documents');

const unlocked = (
  name: string,
  role: string,
  email: string,
  options: { days?: number; now?: number } = {},
): UnlockedIdentity => {
  const material = createIdentity({
    name,
    role,
    company: 'Acme Analytics',
    email,
    days: options.days ?? 365,
    now: options.now ?? NOW - DAY,
  });
  return { info: infoOf(material), material };
};

async function codeOf(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return 'no error';
}

/** Changes one byte, a digit of the first page's /MediaBox: inside every signed range, still a parseable PDF. */
function tamper(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const at = copy.indexOf('/MediaBox [');
  expect(at).toBeGreaterThan(0);
  const digit = copy.indexOf('0', at);
  copy[digit] = '1'.charCodeAt(0);
  return copy;
}

describe.skipIf(!chromiumPath)(`signed SLA documents (${chromiumPath ? 'Chromium found' : CHROMIUM_MISSING})`, () => {
  const engine = new ChromiumPdfEngine();
  const ana = unlocked('Ana Souza', 'Head of Marketing', 'ana@acme.example');
  const ivan = unlocked('Иван Петров', 'Руководитель продаж', 'ivan@acme.example');
  let dir: string;
  let terms: TermsDocument;
  let unsigned: Buffer;
  let once: Buffer;
  let twice: Buffer;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(tmpDirRoot(), 'fr-sign-'));
    const ws = fixtureWorkspace(dir);
    try {
      terms = composeTerms(ws, { ...PARTIES, period: { from: '2027-01-01', to: '2027-12-31' } }, NOW);
    } finally {
      ws.close();
    }
    unsigned = Buffer.from((await renderSlaPdf(terms, engine, 'Funnel Review test')).bytes);
    once = (await signDocument({ bytes: unsigned, file: 'sla.pdf', identity: ana, engine, now: NOW })).bytes;
    twice = (await signDocument({ bytes: once, file: 'sla.1.pdf', identity: ivan, engine, now: NOW + 3_600_000 }))
      .bytes;
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, 'sla-en-signed-twice.pdf'), twice);
  }, 120_000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders an agreement with its terms attached, signature slots, metadata and page numbers', async () => {
    const doc = await loadPdf(unsigned, 'sla.pdf');
    expect(readTerms(doc, 'sla.pdf')).toEqual(terms);
    expect(readMarker(doc)?.slots.map((s) => s.party)).toEqual(['marketing', 'sales']);
    expect(doc.getTitle()).toBe('Service Level Agreement between Marketing and Sales — Acme Analytics');
    expect(doc.getSubject()).toBe(`${terms.documentId} (2027-01-01 – 2027-12-31)`);
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en');
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThanOrEqual(2);
    // The signature slots' link annotations are gone: nothing in the document points anywhere.
    expect(unsigned.includes('funnel-review.invalid')).toBe(false);
    expect((await verifyPdf(unsigned, 'sla.pdf')).signatures).toEqual([]);
  });

  it.skipIf(!poppler.pdftotext)('prints the document id and "Page N of M" on every page', () => {
    const file = path.join(dir, 'unsigned.pdf');
    fs.writeFileSync(file, unsigned);
    const text = pdftotext(file);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((p, i) => {
      expect(p).toContain(`Document ${terms.documentId}`);
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('signs twice incrementally: the countersignature keeps the first one intact', async () => {
    // The first signed file is a byte-for-byte prefix of the countersigned one.
    expect(twice.subarray(0, once.length).equals(once)).toBe(true);
    const first = await verifyPdf(once, 'sla.1.pdf');
    const report = await verifyPdf(twice, 'sla.2.pdf');
    expect(report.ok).toBe(true);
    expect(report.unsignedTrailingBytes).toBe(0);
    expect(
      report.signatures.map((s) => [
        s.party,
        s.signer?.name,
        s.intact,
        s.coversWholeRevision,
        s.digestValid,
        s.signatureValid,
      ]),
    ).toEqual([
      ['marketing', 'Ana Souza', true, true, true, true],
      ['sales', 'Иван Петров', true, true, true, true],
    ]);
    expect(report.signatures[0]!.byteRange).toEqual(first.signatures[0]!.byteRange);
    expect(report.signatures[0]!.revisionEnd).toBe(once.length);
    expect(report.signatures[1]!.revisionEnd).toBe(twice.length);
    expect(report.signatures[0]!.signer?.fingerprint).toBe(ana.info.fingerprint);
    expect(report.signatures[1]!.signedAt).toBe(NOW + 3_600_000);
    expect(report.terms).toEqual(terms);
  });

  it.skipIf(!poppler.pdfsig)(
    `poppler's pdfsig finds both signatures valid and the document intact (${POPPLER_MISSING.slice(0, 0)}self-signed, so untrusted)`,
    () => {
      const file = path.join(dir, 'twice.pdf');
      fs.writeFileSync(file, twice);
      const out = pdfsig(file);
      expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
      expect(out).toContain('Signer Certificate Common Name: Ana Souza');
      expect(out).toContain('Signer Certificate Common Name: Иван Петров');
      expect(out).toContain('Total document signed');
      expect(out).toContain('Signature Type: adbe.pkcs7.detached');
      // Expected and stated: identities created in the app are self-signed, so no trusted issuer.
      expect(out.match(/Certificate Validation: Certificate issuer is unknown\./g)).toHaveLength(2);
      expect(out).not.toContain('Digest Mismatch');
    },
  );

  it('breaks for both our verify and pdfsig when one byte inside the signed range changes', async () => {
    const broken = tamper(twice);
    const report = await verifyPdf(broken, 'tampered.pdf');
    expect(report.ok).toBe(false);
    expect(report.signatures.map((s) => [s.intact, s.digestValid, s.signatureValid, s.coversWholeRevision])).toEqual([
      [false, false, true, true],
      [false, false, true, true],
    ]);
    if (poppler.pdfsig) {
      const file = path.join(dir, 'tampered.pdf');
      fs.writeFileSync(file, broken);
      const out = pdfsig(file);
      expect(out).not.toContain('Signature is Valid');
      expect(out.match(/Digest Mismatch/g)).toHaveLength(2);
    }
  });

  it('reports content appended after the last signature', async () => {
    // An incremental update someone else appended: well-formed, just not signed.
    const appended = Buffer.concat([
      twice,
      Buffer.from('\n1 0 obj\n<< /Producer (someone else) >>\nendobj\nstartxref\n0\n%%EOF\n'),
    ]);
    const report = await verifyPdf(appended, 'appended.pdf');
    expect(report.signatures.every((s) => s.intact)).toBe(true);
    expect(report.unsignedTrailingBytes).toBeGreaterThan(0);
    expect(report.ok).toBe(false);
    expect(await codeOf(() => signDocument({ bytes: appended, file: 'appended.pdf', identity: ivan, engine }))).toBe(
      'documents.brokenBeforeSigning',
    );
  });

  it('tells whether the signed terms still match the workspace', async () => {
    const wsDir = fs.mkdtempSync(path.join(tmpDirRoot(), 'fr-match-'));
    const ws = fixtureWorkspace(wsDir);
    try {
      const same = await verifyPdf(twice, 'sla.pdf', { workspace: 'Acme', definitions: definitionsInForce(ws, NOW) });
      expect(same.workspaceMatch?.matches).toBe(true);
      insertDefinition(ws, 'stage_criteria', 'sql', 'SQL criteria', 'sql', [
        { version: 1, status: 'effective', effectiveFrom: NOW - DAY, body: MQL_V2 },
      ]);
      ws.db
        .prepare(
          "UPDATE definition_revisions SET status = 'superseded' WHERE version = 2 AND definition_id = (SELECT id FROM definitions WHERE key = 'mql')",
        )
        .run();
      ws.db
        .prepare(
          "INSERT INTO definition_revisions (definition_id, version, status, effective_from, author, body, created_at) SELECT id, 4, 'effective', ?, 'Ana', ?, ? FROM definitions WHERE key = 'mql'",
        )
        .run(NOW - DAY, JSON.stringify({ ...MQL_V2, text: 'Score 70 now.' }), NOW);
      const differs = await verifyPdf(twice, 'sla.pdf', {
        workspace: 'Acme',
        definitions: definitionsInForce(ws, NOW),
      });
      expect(differs.workspaceMatch?.matches).toBe(false);
      expect(differs.workspaceMatch?.definitions.filter((d) => d.status !== 'same')).toEqual([
        { key: 'mql', kind: 'stage_criteria', status: 'changed', signedVersion: 2, currentVersion: 4 },
        { key: 'sql', kind: 'stage_criteria', status: 'added', signedVersion: null, currentVersion: 1 },
      ]);
      expect(differs.ok).toBe(true);
    } finally {
      ws.close();
      fs.rmSync(wsDir, { recursive: true, force: true });
    }
  });

  it('refuses bad inputs with specific errors', async () => {
    const expired = unlocked('Old Key', 'CMO', 'old@acme.example', { days: 10, now: Date.UTC(2020, 0, 1) });
    expect(await codeOf(() => signDocument({ bytes: unsigned, file: 'sla.pdf', identity: expired, engine }))).toBe(
      'documents.certificateExpired',
    );
    expect(await codeOf(() => signDocument({ bytes: twice, file: 'sla.2.pdf', identity: ana, engine }))).toBe(
      'documents.allSigned',
    );
    expect(
      await codeOf(() => signDocument({ bytes: once, file: 'sla.1.pdf', identity: ivan, party: 'marketing', engine })),
    ).toBe('documents.partySigned');
    expect(await codeOf(() => signDocument({ bytes: tamper(once), file: 'x.pdf', identity: ivan, engine }))).toBe(
      'documents.brokenBeforeSigning',
    );

    const foreign = await PDFDocument.create();
    foreign.addPage();
    const foreignBytes = Buffer.from(await foreign.save());
    expect(await codeOf(() => signDocument({ bytes: foreignBytes, file: 'other.pdf', identity: ana, engine }))).toBe(
      'documents.notOurs',
    );
    expect(await codeOf(() => verifyPdf(foreignBytes, 'other.pdf'))).toBe('documents.notOursUnsigned');

    const truncated = twice.subarray(0, Math.floor(twice.length / 2));
    expect(await codeOf(() => signDocument({ bytes: truncated, file: 'cut.pdf', identity: ana, engine }))).toBe(
      'documents.truncated',
    );
    expect(await codeOf(() => verifyPdf(truncated, 'cut.pdf'))).toBe('documents.truncated');

    expect(await codeOf(() => verifyPdf(Buffer.from('PK\u0003\u0004 a zip file'), 'a.zip'))).toBe('documents.notAPdf');

    const encrypted = Buffer.from(
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
        '3 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>\nendobj\ntrailer\n<< /Root 1 0 R /Encrypt 3 0 R /Size 4 >>\nstartxref\n0\n%%EOF\n',
    );
    expect(await codeOf(() => signDocument({ bytes: encrypted, file: 'locked.pdf', identity: ana, engine }))).toBe(
      'documents.encrypted',
    );
    expect(await codeOf(() => verifyPdf(encrypted, 'locked.pdf'))).toBe('documents.encrypted');
  });

  it.skipIf(!poppler.pdftoppm)(
    'draws each signer in its slot (PNG of the signature page in test-results/documents)',
    async () => {
      const file = path.join(dir, 'twice.pdf');
      fs.writeFileSync(file, twice);
      const pages = (await PDFDocument.load(twice)).getPageCount();
      const png = path.join(RESULTS, 'sla-en-signatures.png');
      pageToPng(file, pages, png);
      expect(fs.statSync(png).size).toBeGreaterThan(10_000);
      if (poppler.pdftotext) {
        const last = squash(
          pdftotext(file)
            .split('\f')
            .filter((p) => p.trim())
            .at(-1)!,
        ).toLowerCase();
        expect(last).toContain(squash('Digitally signed by Ana Souza').toLowerCase());
        expect(last).toContain(squash('Digitally signed by Иван Петров').toLowerCase());
        expect(last).toContain(ana.info.fingerprint.slice(0, 8).replace(/(..)(..)(..)(..)/, '$1:$2:$3:$4'));
      }
    },
  );
});

function tmpDirRoot(): string {
  return os.tmpdir();
}
