import type { DefinitionComparison, PartyRole, TermsDocument } from './terms';
import type { FileRef } from '../domain/types';

/** A signed version of a document, as the workspace recorded it. */
export interface SignatureRecord {
  readonly documentId: string;
  readonly party: PartyRole;
  /** 1 for the first signature in the file, 2 for the countersignature. */
  readonly sequence: number;
  readonly signerName: string;
  readonly signerRole: string;
  readonly signerEmail: string;
  readonly certificateSha256: string;
  /** Epoch ms UTC. */
  readonly signedAt: number;
  /** The file this signature produced, and the one it signed. */
  readonly signedFileSha256: string;
  readonly signedFileSize: number;
  readonly previousFileSha256: string;
}

export interface DocumentRecord {
  readonly documentId: string;
  readonly locale: string;
  readonly periodFrom: string;
  readonly periodTo: string;
  readonly termsSha256: string;
  readonly revisionIds: readonly number[];
  readonly fileSha256: string;
  readonly fileSize: number;
  readonly createdBy: string;
  readonly createdAt: number;
  readonly signatures: readonly SignatureRecord[];
}

/** The public side of a signing identity: what its certificate says. */
export interface IdentityInfo {
  readonly name: string;
  readonly role: string;
  readonly company: string;
  readonly email: string;
  /** SHA-256 of the certificate (DER), lower-case hex. */
  readonly fingerprint: string;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly selfSigned: boolean;
  readonly issuer: string;
}

/** One signature found in a PDF, and whether it still holds. */
export interface SignatureReport {
  readonly index: number;
  readonly fieldName: string;
  /** The slot the signature fills (null for a signature some other tool added). */
  readonly party: PartyRole | null;
  readonly signer: IdentityInfo | null;
  /** From the CMS signing-time attribute, else the dictionary's /M; epoch ms. */
  readonly signedAt: number | null;
  readonly byteRange: readonly [number, number, number, number];
  /** Where the revision this signature closes ends (end of its %%EOF line). */
  readonly revisionEnd: number | null;
  /** The range runs from byte 0 to the end of a revision, skipping exactly the signature value. */
  readonly coversWholeRevision: boolean;
  readonly digestValid: boolean;
  readonly signatureValid: boolean;
  readonly intact: boolean;
  readonly subFilter: string;
}

export interface VerificationReport {
  readonly fileName: string;
  readonly fileSize: number;
  readonly fileSha256: string;
  readonly signatures: readonly SignatureReport[];
  /** Bytes after the end of the last signed revision (0 when the last signature covers the whole file). */
  readonly unsignedTrailingBytes: number;
  /** Every signature intact, at least one, and nothing added after the last. */
  readonly ok: boolean;
  readonly terms: TermsDocument | null;
  /** Present when a workspace was open: its definitions in force compared with the embedded ones. */
  readonly workspaceMatch: { readonly workspace: string; readonly matches: boolean; readonly definitions: readonly DefinitionComparison[] } | null;
}

export interface RenderedDocument {
  readonly documentId: string;
  readonly file: FileRef;
  readonly terms: TermsDocument;
  readonly fileSha256: string;
  readonly pages: number;
}

export interface SignedDocument {
  readonly file: FileRef;
  readonly party: PartyRole;
  readonly signer: IdentityInfo;
  readonly report: VerificationReport;
}

export interface CreatedIdentity {
  readonly file: FileRef;
  readonly identity: IdentityInfo;
}
