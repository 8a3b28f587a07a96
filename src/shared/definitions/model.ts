import { z } from 'zod';

/**
 * The shapes of agreed definitions (DESIGN.md "Definition"). A revision's `body` column holds one
 * of these as JSON; every reader parses it with these schemas.
 */
export const DEFINITION_KINDS = ['market', 'icp', 'stage_criteria', 'sla_terms', 'reason_taxonomy'] as const;
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];

export const REVISION_STATUSES = [
  'draft',
  'proposed',
  'approved',
  'effective',
  'superseded',
  'rejected',
  'withdrawn',
] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

/** Operators of the rule builder. `in`/`not_in` take a list; `exists`/`missing` take no value. */
export const RULE_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'exists',
  'missing',
] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

export const ruleValue = z.union([
  z.string().max(500),
  z.number().finite(),
  z.boolean(),
  z.array(z.union([z.string().max(500), z.number().finite()])).max(200),
]);

export interface RuleCondition {
  readonly type: 'condition';
  /** A lead field (`score`, `segment`, `source`, `country`, `owner`, `campaign`, `amount`) or `custom.<name>`. */
  readonly field: string;
  readonly operator: RuleOperator;
  readonly value?: z.infer<typeof ruleValue>;
}
export interface RuleGroup {
  readonly type: 'group';
  readonly combinator: 'and' | 'or';
  readonly rules: ReadonlyArray<RuleCondition | RuleGroup>;
}
export type Rule = RuleCondition | RuleGroup;

export const ruleCondition = z
  .object({
    type: z.literal('condition'),
    field: z.string().regex(/^(?:[a-z_]+|custom\.[\p{L}\p{N} _.-]{1,80})$/u),
    operator: z.enum(RULE_OPERATORS),
    value: ruleValue.optional(),
  })
  .strict();

export const ruleGroup: z.ZodType<RuleGroup> = z.lazy(() =>
  z
    .object({
      type: z.literal('group'),
      combinator: z.enum(['and', 'or']),
      rules: z.array(z.union([ruleCondition, ruleGroup])).max(50),
    })
    .strict(),
);

/** The SLA between the teams (DESIGN.md "SLA"). Durations are in business hours of the workspace calendar. */
export const slaTerms = z
  .object({
    /** Entering this stage hands the lead to sales and starts the follow-up clock. */
    handoffStage: z.string().min(1).max(40),
    /** The stage whose entry means sales accepted the lead (quality SLA numerator). */
    acceptedStage: z.string().min(1).max(40),
    followUpBusinessHours: z.number().positive().max(2000),
    /** Where the follow-up clock starts: at hand-off, or at assignment to the current owner. */
    clockStart: z.enum(['handoff', 'assignment']),
    weeklyVolumeTarget: z.number().int().min(0).max(10_000_000),
    /** Share of handed-over leads that sales accepts, 0..1. */
    salRateTarget: z.number().min(0).max(1),
    recyclingBusinessHours: z.number().positive().max(5000),
    segmentOverrides: z
      .record(
        z.string().max(80),
        z
          .object({
            followUpBusinessHours: z.number().positive().max(2000).optional(),
            weeklyVolumeTarget: z.number().int().min(0).optional(),
            salRateTarget: z.number().min(0).max(1).optional(),
          })
          .strict(),
      )
      .default({}),
  })
  .strict();
export type SlaTerms = z.infer<typeof slaTerms>;

export const DEFAULT_SLA_TERMS: SlaTerms = {
  handoffStage: 'mql',
  acceptedStage: 'sal',
  followUpBusinessHours: 4,
  clockStart: 'handoff',
  weeklyVolumeTarget: 120,
  salRateTarget: 0.5,
  recyclingBusinessHours: 16,
  segmentOverrides: {},
};

export const taxonomyEntry = z
  .object({
    code: z.string().regex(/^[a-z0-9_]{1,60}$/),
    kind: z.enum(['win', 'loss', 'rejection', 'recycle']),
    labels: z.record(z.string(), z.string().max(200)),
    /** CRM free-text values (case-insensitive) that mean this code. */
    aliases: z.array(z.string().max(200)).max(200).default([]),
  })
  .strict();

/** A revision body, by definition kind. `text` is always the agreed wording. */
export const revisionBody = {
  market: z
    .object({ text: z.string().max(20_000), answers: z.record(z.string(), z.string().max(5000)).default({}) })
    .strict(),
  icp: z.object({ text: z.string().max(20_000), rule: ruleGroup.optional() }).strict(),
  stage_criteria: z.object({ text: z.string().max(20_000), rule: ruleGroup }).strict(),
  sla_terms: z.object({ text: z.string().max(20_000), terms: slaTerms }).strict(),
  reason_taxonomy: z.object({ text: z.string().max(20_000), reasons: z.array(taxonomyEntry).max(500) }).strict(),
} satisfies Record<DefinitionKind, z.ZodType>;
export type RevisionBody<K extends DefinitionKind> = z.infer<(typeof revisionBody)[K]>;
