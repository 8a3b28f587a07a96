import { z } from 'zod';
import { method } from '../contract/define';
import { LOCALES } from '../domain/types';
import { isoDate } from '../calendar/model';
import { filtersSchema } from '../metrics/types';
import { emailAddress, PARTY_ROLES, period, planSnapshot, reviewRules, type TermsDocument } from './terms';
import { SCENARIO_IDS } from './scenarios';
import type { SlaSheet } from './template';
import { checkMessage } from '../validation/checks';
import type {
  CreatedIdentity,
  DocumentRecord,
  IdentityInfo,
  PlannerRates,
  ProposedTargets,
  RenderedDocument,
  SignedDocument,
  VaultIdentity,
  VaultState,
  VerificationReport,
} from './types';

const fileId = z.string().uuid();
const partyInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    title: z.string().trim().min(1).max(120).optional(),
    email: emailAddress.optional(),
  })
  .strict();
/** The parts of an SLA document the people choose; everything else comes from the workspace. */
const composeInput = z
  .object({
    period: period.optional(),
    company: z.string().trim().min(1).max(200).optional(),
    marketing: partyInput.optional(),
    sales: partyInput.optional(),
    review: reviewRules.partial().optional(),
    locale: z.enum(LOCALES).optional(),
    plan: planSnapshot.nullable().optional(),
    /** Definitions in force at this instant (epoch ms); now by default. */
    asOf: z.number().int().min(0).optional(),
  })
  .strict();
const passphrase = z.string().min(1).max(1024);
/** A vault identity is named by its certificate's SHA-256 fingerprint. */
const vaultId = z.string().regex(/^[0-9a-f]{64}$/);
const person = {
  name: z.string().trim().min(1).max(120),
  role: z.string().trim().min(1).max(120),
  company: z.string().trim().max(200).default(''),
  email: z
    .string()
    .trim()
    .max(254)
    .regex(/^[^\s@]+@[^\s@]+$/),
  days: z.number().int().min(1).max(3650).default(1095),
};

export const documentsContract = {
  /** The SLA document as it would be rendered now: its terms and HTML, for a live preview. */
  preview: method<{ terms: TermsDocument; html: string; sheet: SlaSheet }>()({
    input: composeInput,
    doc: 'Compose the SLA document from the definitions in force, for a preview (nothing is saved).',
  }),
  /** Renders the SLA document to PDF and records it in the workspace. */
  render: method<RenderedDocument>()({
    input: composeInput,
    doc: 'Render the SLA document to PDF (terms embedded) and record it in the workspace.',
    writes: true,
  }),
  /** SLA documents of the workspace, newest first, with who signed which version. */
  list: method<DocumentRecord[]>()({
    input: z.object({}).strict(),
    doc: 'SLA documents of the workspace and their signatures.',
  }),
  /** Creates a signing identity (key pair and self-signed certificate) as a PKCS#12 file. */
  createIdentity: method<CreatedIdentity>()({
    input: z.object({ ...person, passphrase }).strict(),
    doc: 'Create a signing identity: key pair and self-signed certificate, as a passphrase-protected PKCS#12.',
  }),
  /** Opens a PKCS#12 file (one made here or an organisation's) and tells what its certificate says. */
  inspectIdentity: method<IdentityInfo>()({
    input: z.object({ identity: fileId, passphrase }).strict(),
    doc: 'Open a PKCS#12 signing identity and show its certificate.',
  }),
  /** Imports an organisation's PKCS#12 (any chain), re-protected with a passphrase of the user's. */
  importIdentity: method<CreatedIdentity>()({
    input: z.object({ identity: fileId, passphrase, newPassphrase: passphrase.optional() }).strict(),
    doc: "Import an organisation's PKCS#12 signing identity.",
  }),
  /** Signs one party's slot of an SLA document (incrementally: earlier signatures stay valid). */
  sign: method<SignedDocument>()({
    input: z
      .object({
        file: fileId,
        /** A PKCS#12 file, opened with `passphrase`... */
        identity: fileId.optional(),
        /** ...or an identity of this machine's vault, which the OS unlocks. */
        vaultIdentity: vaultId.optional(),
        passphrase: passphrase.optional(),
        party: z.enum(PARTY_ROLES).optional(),
      })
      .strict()
      .refine((i) => (i.identity === undefined) !== (i.vaultIdentity === undefined), {
        ...checkMessage('identityOrVault', 'give either identity or vaultIdentity'),
        path: ['identity'],
      })
      .refine((i) => i.identity === undefined || i.passphrase !== undefined, {
        ...checkMessage('identityNeedsPassphrase', 'a PKCS#12 identity needs its passphrase'),
        path: ['passphrase'],
      }),
    doc: 'Sign an SLA document PDF with a PKCS#12 identity or a vault identity; records the signed version in the open workspace.',
    writes: true,
  }),
  /** Checks every signature of a PDF and reads its embedded terms. */
  verify: method<VerificationReport>()({
    input: z.object({ file: fileId }).strict(),
    doc: "Verify a PDF's signatures and embedded terms (against the open workspace's definitions, if any).",
  }),
  /** The workspace's historical conversion rates along the planner's chain, as `metrics.report` measures them. */
  plannerRates: method<PlannerRates>()({
    input: z
      .object({
        from: isoDate,
        to: isoDate,
        filters: filtersSchema.default({}),
        asOf: z.number().int().min(0).optional(),
      })
      .strict(),
    doc: 'Historical conversion rates (lead -> MQL -> SAL -> SQL -> won) with 95% intervals, for the reverse-funnel planner.',
  }),
  /** Proposes the SLA terms in force with a plan's weekly volume target: a revision awaiting both leaders' approval. */
  proposeTargets: method<ProposedTargets>()({
    input: z
      .object({
        /** The target is the plan's weekly figure for the SLA's hand-off stage. */
        plan: planSnapshot,
        scenario: z.enum(SCENARIO_IDS),
        period,
        author: z.string().trim().min(1).max(120),
      })
      .strict(),
    doc: "Propose a new SLA terms revision with the plan's weekly volume target (needs both approvals).",
    writes: true,
  }),
  /** This machine's key vault (desktop app with an OS key store) and the identities in it. */
  vault: method<VaultState>()({
    input: z.object({}).strict(),
    doc: "This machine's signing identities (OS-protected key store).",
  }),
  /** Creates a signing identity whose private key the OS key store protects (desktop app). */
  createVaultIdentity: method<VaultIdentity>()({
    input: z.object(person).strict(),
    doc: 'Create a signing identity kept in this machine’s OS-protected key store.',
  }),
  /** Imports an organisation's PKCS#12 into this machine's vault. */
  importVaultIdentity: method<VaultIdentity>()({
    input: z.object({ identity: fileId, passphrase }).strict(),
    doc: "Import an organisation's PKCS#12 into this machine's OS-protected key store.",
  }),
};
