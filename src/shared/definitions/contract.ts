import { z } from 'zod';
import { job, method } from '../contract/define';
import { isoDate } from '../calendar/model';
import { filtersSchema } from '../metrics/types';
import { DEFINITION_KINDS, ruleGroup } from './model';
import { definitionKey, definitionsExport, stageKey, type DefinitionsExport } from './exchange';
import { APPROVAL_SIDES, COMPLIANCE_SIDES } from './types';
import type { DefinitionInForce } from '../documents/terms';
import type {
  ComplianceFigure,
  CompliancePage,
  DefinitionDetail,
  DefinitionSummary,
  ImpactPreview,
  ImportResult,
  InForceSpanInfo,
  RevisionDiff,
  RevisionInfo,
  RuleCount,
} from './types';

const id = z.number().int().positive();
const person = z.string().trim().min(1).max(120);
const epoch = z.number().int().min(0);
const period = { from: isoDate, to: isoDate };

export const definitionsContract = {
  /** Every definition with the revision in force and what awaits a decision. */
  list: method<DefinitionSummary[]>()({
    input: z.object({}).strict(),
    doc: 'List definitions with the revision in force and open revisions.',
  }),
  /** One definition: every revision, the one in force, and its history timeline. */
  get: method<DefinitionDetail>()({
    input: z.object({ id }).strict(),
    doc: 'A definition with all revisions and its history.',
  }),
  /** Starts a new definition (a market statement, ICP, stage criteria, SLA terms or reason taxonomy). */
  create: method<DefinitionDetail>()({
    input: z
      .object({
        kind: z.enum(DEFINITION_KINDS),
        key: definitionKey,
        title: z.string().trim().min(1).max(200),
        stageKey: stageKey.nullable().default(null),
      })
      .strict(),
    doc: 'Create a definition (no revision yet).',
    writes: true,
  }),
  /** Writes a new revision as a draft, or proposes it at once; the body is checked against the kind. */
  draft: method<RevisionInfo>()({
    input: z
      .object({
        definitionId: id,
        body: z.unknown(),
        rationale: z.string().max(5000),
        author: person,
        /** Epoch ms; null: effective when both leaders have approved. */
        effectiveFrom: epoch.nullable().default(null),
        propose: z.boolean().default(false),
      })
      .strict(),
    doc: 'Write a new revision (draft, or proposed at once).',
    writes: true,
  }),
  /** Changes a draft; anything proposed or later is immutable. */
  updateDraft: method<RevisionInfo>()({
    input: z
      .object({
        revisionId: id,
        body: z.unknown().optional(),
        rationale: z.string().max(5000).optional(),
        author: person.optional(),
        effectiveFrom: epoch.nullable().optional(),
      })
      .strict(),
    doc: 'Change a draft revision.',
    writes: true,
  }),
  /** Discards a draft that was never proposed. */
  discardDraft: method<null>()({
    input: z.object({ revisionId: id }).strict(),
    doc: 'Delete a draft revision.',
    writes: true,
  }),
  /** Proposes a draft to both leaders; from now on its content is frozen. */
  propose: method<RevisionInfo>()({
    input: z.object({ revisionId: id }).strict(),
    doc: 'Propose a draft for approval.',
    writes: true,
  }),
  /** Records one leader's approval; with both, the revision is approved (effective from its date). */
  approve: method<RevisionInfo>()({
    input: z.object({ revisionId: id, side: z.enum(APPROVAL_SIDES), name: person }).strict(),
    doc: 'Approve a proposal as the marketing lead or the sales lead.',
    writes: true,
  }),
  /** Rejects a proposal, with the reason. */
  reject: method<RevisionInfo>()({
    input: z.object({ revisionId: id, name: person, note: z.string().trim().min(1).max(2000) }).strict(),
    doc: 'Reject a proposal.',
    writes: true,
  }),
  /** Withdraws a proposal (or a draft) before a decision. */
  withdraw: method<RevisionInfo>()({
    input: z.object({ revisionId: id, name: person, note: z.string().trim().max(2000).default('') }).strict(),
    doc: 'Withdraw a proposal before it is decided.',
    writes: true,
  }),
  /** Side-by-side differences between two revisions of one definition: text by word, rules by structure. */
  diff: method<RevisionDiff>()({
    input: z.object({ fromId: id, toId: id }).strict(),
    doc: 'Compare two revisions of a definition.',
  }),
  /** Leads meeting a rule now (all leads, and optionally those entering a stage in a period): the builder's live count. */
  count: method<RuleCount>()({
    input: z
      .object({
        rule: ruleGroup,
        cohort: z
          .object({ stage: stageKey, ...period })
          .strict()
          .optional(),
      })
      .strict(),
    doc: 'Count the leads a rule matches.',
  }),
  /** Every definition in force at an instant, as the SLA document embeds them. */
  inForce: method<DefinitionInForce[]>()({
    input: z.object({ at: epoch.optional() }).strict(),
    doc: 'Definitions in force at an instant (default now).',
  }),
  /** Which revisions of a definition governed a period, and when each applied. */
  spans: method<InForceSpanInfo[]>()({
    input: z.object({ key: definitionKey, ...period }).strict(),
    doc: 'The revisions of a definition in force over a period.',
  }),
  /** Of leads handed over in a period, the share that met the stage criteria in force at hand-off. */
  compliance: method<ComplianceFigure>()({
    input: z
      .object({ ...period, key: definitionKey.optional(), filters: filtersSchema.default({}), asOf: epoch.optional() })
      .strict(),
    doc: 'Definition compliance of the leads handed over in a period.',
  }),
  /** The leads behind the compliance figure, with the conditions each failed. */
  complianceLeads: method<CompliancePage>()({
    input: z
      .object({
        ...period,
        key: definitionKey.optional(),
        filters: filtersSchema.default({}),
        asOf: epoch.optional(),
        side: z.enum(COMPLIANCE_SIDES).default('notMet'),
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(50),
      })
      .strict(),
    doc: 'List the leads behind the compliance figure (paged).',
  }),
  /**
   * The last N weeks recomputed under the revision in force and under another one, side by side:
   * seconds on a million leads (26 weeks: about 9 s), so a job whose progress counts its reads.
   */
  preview: job<ImpactPreview>()({
    input: z
      .object({ revisionId: id, weeks: z.number().int().min(1).max(52).default(8), asOf: epoch.optional() })
      .strict(),
    doc: 'Impact preview of a revision against the one in force (a job).',
  }),
  /** Every definition with its history, in the exchange format. */
  export: method<DefinitionsExport>()({
    input: z.object({}).strict(),
    doc: 'Export every definition with its history.',
  }),
  /** Imports agreements from another workspace as proposals (never as approved revisions). */
  import: method<ImportResult>()({
    input: z.object({ document: definitionsExport, author: person.optional() }).strict(),
    doc: 'Import definitions as proposals awaiting both approvals.',
    writes: true,
  }),
};
