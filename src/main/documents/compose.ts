import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Workspace } from '../workspace/workspace';
import { WorkspaceRepository } from '../workspace/repository';
import { definitionsInForce } from './definitions-in-force';
import { createI18n } from '../../shared/i18n';
import { AppError } from '../../shared/errors';
import {
  DEFAULT_REVIEW_RULES,
  parties as partiesSchema,
  party,
  reviewRules as reviewSchema,
  TERMS_FORMAT,
  termsDocument,
  type Parties,
  type Party,
  type PartyRole,
  type PlanSnapshot,
  type ReviewRules,
  type TermsDocument,
} from '../../shared/documents/terms';
import type { Locale } from '../../shared/domain/types';

export interface ComposeInput {
  readonly period?: { readonly from: string; readonly to: string } | undefined;
  readonly company?: string | undefined;
  readonly marketing?: Partial<Party> | undefined;
  readonly sales?: Partial<Party> | undefined;
  readonly review?: Partial<ReviewRules> | undefined;
  readonly locale?: Locale | undefined;
  readonly plan?: PlanSnapshot | null | undefined;
  /** Which definitions count: those in force at this instant (epoch ms); now by default. */
  readonly asOf?: number | undefined;
}

/** Where the last parties and review rules are remembered, so the next document starts from them. */
const PARTIES_SETTING = 'documents.parties';
const REVIEW_SETTING = 'documents.review';

const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** e.g. SLA-2027-7K3M9QX2: the period's year, then 40 random bits in Crockford base32. */
export function newDocumentId(year: string): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = BASE32[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return `SLA-${year}-${out}`;
}

function yearIn(timeZone: string, ms: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric' }).format(ms);
}

/**
 * Builds the terms of a new SLA document from the workspace: definitions in force, stage labels,
 * settings, and the parties (given, remembered, or the leaders who approved the SLA terms).
 */
export function composeTerms(ws: Workspace, input: ComposeInput, now: number = Date.now()): TermsDocument {
  const settings = ws.settings();
  const locale = input.locale ?? settings.locale;
  const t = createI18n(locale).t;
  const repo = ws.repo(WorkspaceRepository);
  const asOf = input.asOf ?? now;
  const definitions = definitionsInForce(ws, asOf);
  const year = yearIn(settings.timeZone, now);
  const period = input.period ?? { from: `${year}-01-01`, to: `${year}-12-31` };
  if (
    !(period.from <= period.to) ||
    Number.isNaN(Date.parse(`${period.from}T00:00:00Z`)) ||
    Number.isNaN(Date.parse(`${period.to}T00:00:00Z`))
  ) {
    throw new AppError('documents.invalidPeriod');
  }

  const saved = savedParties(ws);
  const sla = definitions.find((d) => d.kind === 'sla_terms');
  const approver = (role: PartyRole): string | null =>
    (sla ?? definitions.find((d) => d.approvedBy[role]))?.approvedBy[role] ?? null;
  const party = (role: PartyRole): Partial<Party> => ({
    name: input[role]?.name ?? saved[role]?.name ?? approver(role) ?? undefined,
    title: input[role]?.title ?? saved[role]?.title ?? t(`documents.pdf.defaultTitle.${role}`),
    email: input[role]?.email ?? saved[role]?.email ?? '',
  });
  const parsedParties = partiesSchema.safeParse({
    company: input.company ?? saved.company ?? settings.name,
    marketing: party('marketing'),
    sales: party('sales'),
  });
  if (!parsedParties.success) {
    const detail = parsedParties.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new AppError('documents.invalidParties', { detail });
  }
  const parties: Parties = parsedParties.data;

  const savedReview = reviewSchema.partial().safeParse(repo.getSetting(REVIEW_SETTING) ?? {});
  const review = reviewSchema.parse({
    ...DEFAULT_REVIEW_RULES,
    ...(savedReview.success ? savedReview.data : {}),
    ...input.review,
  });

  return termsDocument.parse({
    format: TERMS_FORMAT,
    documentId: newDocumentId(period.from.slice(0, 4)),
    locale,
    composedAt: now,
    period,
    parties,
    review,
    timeZone: settings.timeZone,
    stages: repo.stages().map((s) => ({ key: s.key, labels: { ...s.labels } })),
    definitions,
    plan: input.plan ?? null,
  });
}

/** What was given for earlier documents: only what people typed, never a default, so a default title stays in the document's language. */
const remembered = z
  .object({ company: z.string().optional(), marketing: party.partial().optional(), sales: party.partial().optional() })
  .strip();

function savedParties(ws: Workspace): z.infer<typeof remembered> {
  const parsed = remembered.safeParse(ws.repo(WorkspaceRepository).getSetting(PARTIES_SETTING) ?? {});
  return parsed.success ? parsed.data : {};
}

// Object.fromEntries loses the key types; the entries are a subset of T's own.
const given = <T extends object>(o: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Remembers the parties and review rules people gave, merged with what they gave before. */
export function rememberParties(ws: Workspace, input: ComposeInput): void {
  const repo = ws.repo(WorkspaceRepository);
  const saved = savedParties(ws);
  repo.setSetting(PARTIES_SETTING, {
    ...((input.company ?? saved.company) ? { company: input.company ?? saved.company } : {}),
    marketing: { ...saved.marketing, ...given(input.marketing) },
    sales: { ...saved.sales, ...given(input.sales) },
  });
  if (input.review) {
    const before = reviewSchema.partial().safeParse(repo.getSetting(REVIEW_SETTING) ?? {});
    repo.setSetting(REVIEW_SETTING, { ...(before.success ? before.data : {}), ...given(input.review) });
  }
}
