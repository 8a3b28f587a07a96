import { z } from 'zod';
import { DEFINITION_KINDS, REVISION_STATUSES, revisionBody } from './model';
import { checkMessage } from '../validation/checks';

/**
 * The file `definitions export` writes and `definitions import` reads: every definition with its
 * whole history, so an agreement can move to another workspace. Importing never copies approvals:
 * the version in force in the source becomes a proposal in the target.
 */
export const DEFINITIONS_FORMAT = 'funnel-review/definitions@1';

const approval = z
  .object({ name: z.string().min(1).max(120), at: z.number().int() })
  .strict()
  .nullable();

const exportedRevision = z
  .object({
    version: z.number().int().min(1),
    status: z.enum(REVISION_STATUSES),
    effectiveFrom: z.number().int().nullable(),
    rationale: z.string().max(5000),
    author: z.string().max(120),
    createdAt: z.number().int(),
    approvals: z.object({ marketing: approval, sales: approval }).strict(),
    body: z.unknown(),
  })
  .strict();

export const definitionKey = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/);
export const stageKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

const exportedDefinition = z
  .object({
    kind: z.enum(DEFINITION_KINDS),
    key: definitionKey,
    title: z.string().trim().min(1).max(200),
    stageKey: stageKey.nullable(),
    /** The version in force when exported; null when nothing was agreed yet. */
    inForceVersion: z.number().int().min(1).nullable(),
    revisions: z.array(exportedRevision).max(1000),
  })
  .strict()
  .superRefine((d, ctx) => {
    d.revisions.forEach((r, i) => {
      if (!revisionBody[d.kind].safeParse(r.body).success)
        ctx.addIssue({
          code: 'custom',
          path: ['revisions', i, 'body'],
          ...checkMessage('notKindBody', `not a ${d.kind} body`, { kind: d.kind }),
        });
    });
    if (d.inForceVersion !== null && !d.revisions.some((r) => r.version === d.inForceVersion)) {
      ctx.addIssue({
        code: 'custom',
        path: ['inForceVersion'],
        ...checkMessage('noRevisionWithVersion', `no revision with version ${d.inForceVersion}`, {
          version: d.inForceVersion,
        }),
      });
    }
    if (d.kind === 'stage_criteria' && d.stageKey === null)
      ctx.addIssue({
        code: 'custom',
        path: ['stageKey'],
        ...checkMessage('stageCriteriaNeedStage', 'stage criteria need a stage'),
      });
  });

export const definitionsExport = z
  .object({
    format: z.literal(DEFINITIONS_FORMAT),
    exportedAt: z.number().int(),
    workspace: z.string().max(200),
    definitions: z.array(exportedDefinition).max(500),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.definitions.forEach((d, i) => {
      if (seen.has(d.key))
        ctx.addIssue({
          code: 'custom',
          path: ['definitions', i, 'key'],
          ...checkMessage('duplicateDefinitionKey', `duplicate key: ${d.key}`, { definition: d.key }),
        });
      seen.add(d.key);
    });
  });
export type DefinitionsExport = z.infer<typeof definitionsExport>;
export type ExportedDefinition = z.infer<typeof exportedDefinition>;
