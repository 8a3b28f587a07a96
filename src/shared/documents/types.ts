import type { DefinitionComparison, PartyRole, TermsDocument } from './terms';
import type { FileRef, LocalizedText } from '../domain/types';
import type { Filters } from '../metrics/types';

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
  readonly workspaceMatch: {
    readonly workspace: string;
    readonly matches: boolean;
    readonly definitions: readonly DefinitionComparison[];
  } | null;
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

/** One step of the planner's chain as the metrics engine measured it (the same figures as `metrics.report`'s conversion). */
export interface PlannerStepRate {
  readonly from: string;
  readonly to: string;
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  readonly small: boolean;
  /** Cohort leads still able to convert: recent cohorts understate a rate by this much at most. */
  readonly open: number;
  readonly open_share: number | null;
}

/** What the reverse-funnel planner starts from: the workspace's own history and its SLA in force. */
export interface PlannerRates {
  readonly from: string;
  readonly to: string;
  readonly filters: Filters;
  /** Epoch ms the history was read at. */
  readonly asOf: number;
  /** The chain, top first, ending with the won stage. */
  readonly stages: ReadonlyArray<{ readonly key: string; readonly labels: LocalizedText }>;
  readonly steps: readonly PlannerStepRate[];
  readonly currency: string;
  /** Mean amount of the deals won in the lookback (workspace currency), when any carry one. */
  readonly averageDealSize: { readonly amount: number; readonly deals: number } | null;
  /** The SLA terms in force: which stage the volume target counts, and the target now. */
  readonly sla: { readonly handoffStage: string; readonly weeklyVolumeTarget: number; readonly version: number | null };
}

/** An identity kept in this machine's vault; `id` is its certificate fingerprint. */
export interface VaultIdentity extends IdentityInfo {
  readonly id: string;
  /** Epoch ms when it was stored here. */
  readonly storedAt: number;
}

/** The machine's key vault: present only in the desktop app with a real OS key store behind it. */
export interface VaultState {
  readonly kind: 'safeStorage' | null;
  readonly available: boolean;
  /** Why it cannot be used (an i18n key under `errors.`), when not available. */
  readonly reason: string | null;
  readonly identities: readonly VaultIdentity[];
}

/** A proposed SLA terms revision carrying a plan's weekly volume target. */
export interface ProposedTargets {
  readonly definitionId: number;
  readonly revisionId: number;
  readonly version: number;
  readonly previousTarget: number | null;
  readonly weeklyVolumeTarget: number;
}
