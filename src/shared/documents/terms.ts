import { z } from 'zod';
import { DEFINITION_KINDS, revisionBody, type DefinitionKind } from '../definitions/model';
import { LOCALES } from '../domain/types';
import { checkMessage } from '../validation/checks';

/**
 * The machine-readable terms of an SLA document: what is embedded in the PDF as `sla-terms.json`
 * and what a verifier compares against a workspace. Versioned by `format`; readers refuse others.
 */
export const TERMS_FORMAT = 'funnel-review/sla-terms@1';
export const TERMS_ATTACHMENT_NAME = 'sla-terms.json';

export const PARTY_ROLES = ['marketing', 'sales'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), checkMessage('notCalendarDate', 'not a calendar date'));
const text = (max: number) => z.string().trim().min(1).max(max);

/** An e-mail address as a party gives it, or empty for none. */
export const emailAddress = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .max(254)
    .refine((v) => /^[^\s@]+@[^\s@]+$/.test(v), checkMessage('emailExpected', 'e-mail address expected')),
]);

export const party = z
  .object({
    name: text(120),
    /** The person's job title as printed (e.g. "Head of Marketing"). */
    title: text(120),
    /** Optional: printed under the name when known. */
    email: emailAddress.default(''),
  })
  .strict();
export type Party = z.infer<typeof party>;

export const parties = z.object({ company: text(200), marketing: party, sales: party }).strict();
export type Parties = z.infer<typeof parties>;

/** How the SLA is enforced: the weekly review and what follows a breach. */
export const reviewRules = z
  .object({
    /** ISO weekday of the weekly review, 1 = Monday. */
    weekday: z.number().int().min(1).max(7),
    /** Consecutive weeks in breach before the matter is escalated. */
    escalationWeeks: z.number().int().min(1).max(52),
    /** Who decides on an escalated breach (a role or a name). */
    escalateTo: text(200),
  })
  .strict();
export type ReviewRules = z.infer<typeof reviewRules>;

export const DEFAULT_REVIEW_RULES: ReviewRules = { weekday: 1, escalationWeeks: 2, escalateTo: 'CEO' };

export const period = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .refine((p) => p.from <= p.to, {
    ...checkMessage('periodEndsBeforeStart', 'period ends before it starts'),
    path: ['to'],
  });
export type Period = z.infer<typeof period>;

const definitionInForce = z
  .object({
    kind: z.enum(DEFINITION_KINDS),
    key: z.string().min(1).max(120),
    title: z.string().max(300),
    stageKey: z.string().max(40).nullable(),
    revisionId: z.number().int(),
    version: z.number().int().min(1),
    /** Epoch ms UTC. */
    effectiveFrom: z.number().int().nullable(),
    approvedBy: z.object({ marketing: z.string().nullable(), sales: z.string().nullable() }).strict(),
    body: z.unknown(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const parsed = revisionBody[d.kind].safeParse(d.body);
    if (!parsed.success)
      ctx.addIssue({
        code: 'custom',
        ...checkMessage('notKindBody', `not a ${d.kind} body`, { kind: d.kind }),
        path: ['body'],
      });
  });
export type DefinitionInForce = z.infer<typeof definitionInForce>;

const stageLabel = z.object({ key: z.string().max(40), labels: z.record(z.string(), z.string().max(200)) }).strict();

/** The targets a reverse-funnel plan set, printed with the numbers that produced them. */
export const planSnapshot = z
  .object({
    revenueGoal: z.number().positive(),
    averageDealSize: z.number().positive(),
    currency: z.string().regex(/^[A-Z]{3}$/),
    stages: z
      .array(
        z
          .object({
            stage: z.string().max(40),
            total: z.number().int().min(0),
            perWeek: z.number().int().min(0),
            perMonth: z.number().int().min(0),
          })
          .strict(),
      )
      .max(20),
    rates: z
      .array(z.object({ from: z.string().max(40), to: z.string().max(40), rate: z.number().gt(0).max(1) }).strict())
      .max(20),
  })
  .strict();
export type PlanSnapshot = z.infer<typeof planSnapshot>;

export const termsDocument = z
  .object({
    format: z.literal(TERMS_FORMAT),
    documentId: z.string().regex(/^SLA-[0-9A-Z-]{4,60}$/),
    locale: z.enum(LOCALES),
    /** Epoch ms UTC when the document was composed. */
    composedAt: z.number().int(),
    period,
    parties,
    review: reviewRules,
    timeZone: z.string().max(64),
    stages: z.array(stageLabel).max(100),
    definitions: z.array(definitionInForce).max(500),
    plan: planSnapshot.nullable(),
  })
  .strict();
export type TermsDocument = z.infer<typeof termsDocument>;

/** Bodies by kind, already validated by `termsDocument`. */
export function bodyOf<K extends DefinitionKind>(
  d: DefinitionInForce,
  kind: K,
): z.infer<(typeof revisionBody)[K]> | null {
  if (d.kind !== kind) return null;
  const parsed = revisionBody[kind].safeParse(d.body);
  return parsed.success ? (parsed.data as z.infer<(typeof revisionBody)[K]>) : null;
}

/**
 * JSON with object keys sorted at every level: the same terms always give the same bytes, so a
 * digest of them means something.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type DefinitionMatch = 'same' | 'changed' | 'added' | 'removed';

export interface DefinitionComparison {
  readonly key: string;
  readonly kind: DefinitionKind;
  readonly status: DefinitionMatch;
  readonly signedVersion: number | null;
  readonly currentVersion: number | null;
}

/**
 * Compares the definitions a document carries with those in force now. A definition is the same
 * when its agreed body is identical, whichever revision number now carries it.
 */
export function compareDefinitions(
  signed: readonly DefinitionInForce[],
  current: readonly DefinitionInForce[],
): DefinitionComparison[] {
  const now = new Map(current.map((d) => [d.key, d]));
  const out: DefinitionComparison[] = signed.map((s) => {
    const c = now.get(s.key);
    const same = c !== undefined && c.kind === s.kind && canonicalJson(c.body) === canonicalJson(s.body);
    return {
      key: s.key,
      kind: s.kind,
      status: c === undefined ? 'removed' : same ? 'same' : 'changed',
      signedVersion: s.version,
      currentVersion: c?.version ?? null,
    };
  });
  const signedKeys = new Set(signed.map((s) => s.key));
  for (const c of current) {
    if (!signedKeys.has(c.key))
      out.push({ key: c.key, kind: c.kind, status: 'added', signedVersion: null, currentVersion: c.version });
  }
  return out;
}
