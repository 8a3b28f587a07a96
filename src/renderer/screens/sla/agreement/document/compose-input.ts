import type { InputOf } from '../../../../../shared/contract/define';
import type { Contract } from '../../../../../shared/contract';
import type { Locale } from '../../../../../shared/domain/types';
import type { Party, PartyRole, Period, PlanSnapshot, ReviewRules } from '../../../../../shared/documents/terms';

export type ComposeInput = InputOf<Contract['documents']['preview']>;

/** What people typed into the document form; untouched fields follow the workspace's defaults. */
export interface DocumentEdits {
  readonly locale?: Locale;
  readonly company?: string;
  readonly marketing?: Partial<Party>;
  readonly sales?: Partial<Party>;
  readonly review?: Partial<ReviewRules>;
  /** Print the planner's chosen plan in the document. */
  readonly includePlan: boolean;
}

function text(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function party(p: Partial<Party> | undefined): Partial<Party> | undefined {
  if (!p) return undefined;
  const out: { name?: string; title?: string; email?: string } = {};
  const name = text(p.name);
  const title = text(p.title);
  if (name) out.name = name;
  if (title) out.title = title;
  // An e-mail cleared on purpose is sent as '' (printed without one); untouched stays undefined.
  if (p.email !== undefined) out.email = p.email.trim();
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The preview/render input: the agreement's period, and only what people changed, so the service
 * fills in the rest (parties default to the approvers, titles in the document's language) and
 * remembers only what was typed. A field emptied again falls back to its default.
 */
export function composeInput(edits: DocumentEdits, period: Period, plan: PlanSnapshot | null): ComposeInput {
  const input: {
    period: Period;
    locale?: Locale;
    company?: string;
    marketing?: Partial<Party>;
    sales?: Partial<Party>;
    review?: Partial<ReviewRules>;
    plan?: PlanSnapshot | null;
  } = { period };
  if (edits.locale) input.locale = edits.locale;
  const company = text(edits.company);
  if (company) input.company = company;
  for (const role of ['marketing', 'sales'] as const satisfies readonly PartyRole[]) {
    const p = party(edits[role]);
    if (p) input[role] = p;
  }
  const review: Partial<ReviewRules> = {};
  if (edits.review?.weekday !== undefined) review.weekday = edits.review.weekday;
  if (edits.review?.escalationWeeks !== undefined) review.escalationWeeks = edits.review.escalationWeeks;
  const escalateTo = text(edits.review?.escalateTo);
  if (escalateTo) review.escalateTo = escalateTo;
  if (Object.keys(review).length > 0) input.review = review;
  input.plan = edits.includePlan ? plan : null;
  return input;
}
