import { z } from 'zod';
import { method } from '../contract/define';
import { LOCALES } from '../domain/types';
import { PARTY_ROLES, period, planSnapshot, reviewRules, type TermsDocument } from './terms';
import type { CreatedIdentity, DocumentRecord, IdentityInfo, RenderedDocument, SignedDocument, VerificationReport } from './types';

const fileId = z.string().uuid();
const partyInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    title: z.string().trim().min(1).max(120).optional(),
    email: z.union([z.literal(''), z.string().trim().max(254).regex(/^[^\s@]+@[^\s@]+$/)]).optional(),
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

export const documentsContract = {
  /** The SLA document as it would be rendered now: its terms and HTML, for a live preview. */
  preview: method<{ terms: TermsDocument; html: string }>()({
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
  list: method<DocumentRecord[]>()({ input: z.object({}).strict(), doc: 'SLA documents of the workspace and their signatures.' }),
  /** Creates a signing identity (key pair and self-signed certificate) as a PKCS#12 file. */
  createIdentity: method<CreatedIdentity>()({
    input: z
      .object({
        name: z.string().trim().min(1).max(120),
        role: z.string().trim().min(1).max(120),
        company: z.string().trim().max(200).default(''),
        email: z.string().trim().max(254).regex(/^[^\s@]+@[^\s@]+$/),
        days: z.number().int().min(1).max(3650).default(1095),
        passphrase,
      })
      .strict(),
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
    input: z.object({ file: fileId, identity: fileId, passphrase, party: z.enum(PARTY_ROLES).optional() }).strict(),
    doc: 'Sign an SLA document PDF with a PKCS#12 identity; records the signed version in the open workspace.',
    writes: true,
  }),
  /** Checks every signature of a PDF and reads its embedded terms. */
  verify: method<VerificationReport>()({
    input: z.object({ file: fileId }).strict(),
    doc: "Verify a PDF's signatures and embedded terms (against the open workspace's definitions, if any).",
  }),
};
