import { createHash } from 'node:crypto';
import type { Workspace } from '../workspace/workspace';
import type { TermsDocument } from '../../shared/documents/terms';
import type { VerificationReport } from '../../shared/documents/types';
import { DocumentsRepository } from './repository';
import { revisionEnds } from './pdf/load';

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * Records a signed file in the workspace: the document (when this workspace did not render it, as on
 * the sales lead's laptop, it is taken from the embedded terms) and every signature in the file, each
 * with the version it produced and the version it signed. Recording the same file again changes nothing.
 */
export function recordSignedFile(
  ws: Workspace,
  terms: TermsDocument,
  bytes: Uint8Array,
  report: VerificationReport,
  by: string,
  now = Date.now(),
): void {
  const repo = ws.repo(DocumentsRepository);
  const firstSignatureAt = report.signatures[0]?.byteRange[1] ?? bytes.length;
  // The unsigned document is the revision that ended before the first signature began.
  const unsignedEnd = Math.max(0, ...revisionEnds(bytes).filter((end) => end <= firstSignatureAt));
  const unsigned = bytes.subarray(0, unsignedEnd || bytes.length);
  ws.db.transaction(() => {
    if (!repo.has(terms.documentId)) {
      const termsJson = `${JSON.stringify(terms, null, 2)}\n`;
      repo.insertDocument({
        documentId: terms.documentId,
        locale: terms.locale,
        periodFrom: terms.period.from,
        periodTo: terms.period.to,
        terms: termsJson,
        termsSha256: sha256(new TextEncoder().encode(termsJson)),
        revisionIds: terms.definitions.map((d) => d.revisionId),
        fileSha256: sha256(unsigned),
        fileSize: unsigned.length,
        createdBy: by,
        createdAt: terms.composedAt,
      });
    }
    let previous = unsigned;
    report.signatures.forEach((s, i) => {
      const version = bytes.subarray(0, s.revisionEnd ?? bytes.length);
      if (s.party && s.signer && s.intact) {
        repo.insertSignature({
          documentId: terms.documentId,
          party: s.party,
          sequence: i + 1,
          signerName: s.signer.name,
          signerRole: s.signer.role,
          signerEmail: s.signer.email,
          certificateSha256: s.signer.fingerprint,
          signedAt: s.signedAt ?? now,
          signedFileSha256: sha256(version),
          signedFileSize: version.length,
          previousFileSha256: sha256(previous),
          createdAt: now,
        });
      }
      previous = version;
    });
  })();
}
