import type { Db } from '../db/driver';
import type { DocumentRecord, SignatureRecord } from '../../shared/documents/types';
import type { Locale } from '../../shared/domain/types';
import type { PartyRole } from '../../shared/documents/terms';

interface DocumentRow {
  id: number;
  document_id: string;
  locale: string;
  period_from: string;
  period_to: string;
  terms_sha256: string;
  revision_ids: string;
  file_sha256: string;
  file_size: number;
  created_by: string;
  created_at: number;
}

interface SignatureRow {
  document_id: string;
  party: PartyRole;
  sequence: number;
  signer_name: string;
  signer_role: string;
  signer_email: string;
  certificate_sha256: string;
  signed_at: number;
  signed_file_sha256: string;
  signed_file_size: number;
  previous_file_sha256: string;
}

export interface NewDocument {
  readonly documentId: string;
  readonly locale: Locale;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly terms: string;
  readonly termsSha256: string;
  readonly revisionIds: readonly number[];
  readonly fileSha256: string;
  readonly fileSize: number;
  readonly createdBy: string;
  readonly createdAt: number;
}

export type NewSignature = SignatureRecord & { readonly createdAt: number };

const toSignature = (r: SignatureRow): SignatureRecord => ({
  documentId: r.document_id,
  party: r.party,
  sequence: r.sequence,
  signerName: r.signer_name,
  signerRole: r.signer_role,
  signerEmail: r.signer_email,
  certificateSha256: r.certificate_sha256,
  signedAt: r.signed_at,
  signedFileSha256: r.signed_file_sha256,
  signedFileSize: r.signed_file_size,
  previousFileSha256: r.previous_file_sha256,
});

/** SLA documents rendered from this workspace and the signatures recorded on them. */
export class DocumentsRepository {
  private readonly insertDocumentStmt;
  private readonly byDocumentIdStmt;
  private readonly listStmt;
  private readonly insertSignatureStmt;
  private readonly signaturesStmt;

  constructor(db: Db) {
    this.insertDocumentStmt = db.prepare(`INSERT INTO documents
      (document_id, kind, locale, period_from, period_to, terms, terms_sha256, revision_ids, file_sha256, file_size, created_by, created_at)
      VALUES (@documentId, 'sla', @locale, @periodFrom, @periodTo, @terms, @termsSha256, @revisionIds, @fileSha256, @fileSize, @createdBy, @createdAt)`);
    const columns =
      'id, document_id, locale, period_from, period_to, terms_sha256, revision_ids, file_sha256, file_size, created_by, created_at';
    this.byDocumentIdStmt = db.prepare<[string], DocumentRow>(`SELECT ${columns} FROM documents WHERE document_id = ?`);
    this.listStmt = db.prepare<[], DocumentRow>(`SELECT ${columns} FROM documents ORDER BY created_at DESC, id DESC`);
    this.insertSignatureStmt = db.prepare(`INSERT INTO document_signatures
      (document_id, party, sequence, signer_name, signer_role, signer_email, certificate_sha256, signed_at,
       signed_file_sha256, signed_file_size, previous_file_sha256, created_at)
      VALUES ((SELECT id FROM documents WHERE document_id = @documentId), @party, @sequence, @signerName, @signerRole, @signerEmail,
       @certificateSha256, @signedAt, @signedFileSha256, @signedFileSize, @previousFileSha256, @createdAt)
      ON CONFLICT (document_id, signed_file_sha256) DO NOTHING`);
    this.signaturesStmt = db.prepare<
      [number],
      SignatureRow
    >(`SELECT d.document_id, s.party, s.sequence, s.signer_name, s.signer_role,
      s.signer_email, s.certificate_sha256, s.signed_at, s.signed_file_sha256, s.signed_file_size, s.previous_file_sha256
      FROM document_signatures s JOIN documents d ON d.id = s.document_id WHERE s.document_id = ? ORDER BY s.sequence, s.id`);
  }

  insertDocument(d: NewDocument): void {
    this.insertDocumentStmt.run({ ...d, revisionIds: JSON.stringify(d.revisionIds) });
  }

  has(documentId: string): boolean {
    return this.byDocumentIdStmt.get(documentId) !== undefined;
  }

  /** Records a signed version; recording the same signed file twice is a no-op. */
  insertSignature(s: NewSignature): void {
    this.insertSignatureStmt.run(s);
  }

  get(documentId: string): DocumentRecord | null {
    const row = this.byDocumentIdStmt.get(documentId);
    return row ? this.toRecord(row) : null;
  }

  list(): DocumentRecord[] {
    return this.listStmt.all().map((r) => this.toRecord(r));
  }

  private toRecord(r: DocumentRow): DocumentRecord {
    return {
      documentId: r.document_id,
      locale: r.locale,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      termsSha256: r.terms_sha256,
      revisionIds: JSON.parse(r.revision_ids) as number[],
      fileSha256: r.file_sha256,
      fileSize: r.file_size,
      createdBy: r.created_by,
      createdAt: r.created_at,
      signatures: this.signaturesStmt.all(r.id).map(toSignature),
    };
  }
}
