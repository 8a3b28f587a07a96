import { z } from 'zod';
import { isoDate } from '../calendar/model';
import { LOCALES, type LocalizedText } from '../domain/types';
import type { FileRef } from '../domain/types';
import { figureRef, filtersSchema, scopeSchema, FILTER_FIELDS } from '../metrics/types';
import { LEAD_COLUMNS, SORTABLE_COLUMNS } from './columns';
import { checkMessage } from '../validation/checks';

const FIELD_NAME = /^[\p{L}\p{N} _.-]{1,80}$/u;
const isCustomId = (s: string): s is `custom.${string}` => s.startsWith('custom.') && FIELD_NAME.test(s.slice(7));
const stageKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** A column id: a native column or `custom.<field>` (field names as the metrics filters accept them). */
export const columnIdSchema = z.union([
  z.enum(LEAD_COLUMNS),
  z.string().refine(isCustomId, checkMessage('customFieldId', 'expected custom.<field name>')),
]);

/** The leads behind one figure of a report: the figure's own scope (period, filters, window, as-of). */
export const figureScopeSchema = scopeSchema.extend({ figure: figureRef }).strict();
export type FigureScope = z.input<typeof figureScopeSchema>;

export const sortSchema = z.object({ column: z.enum(SORTABLE_COLUMNS), direction: z.enum(['asc', 'desc']) }).strict();
export type LeadSort = z.infer<typeof sortSchema>;
export const DEFAULT_SORT: LeadSort = { column: 'created_at', direction: 'desc' };

/** Which leads, in which order: what the explorer shows and what its export writes. */
export const leadQuerySchema = z
  .object({
    /** The same lead filters as the reports (segment, source, campaign, owner, country, custom fields). */
    filters: filtersSchema.default({}),
    /** Only leads whose current (latest) stage is one of these. */
    stages: z.array(stageKey).min(1).max(50).optional(),
    /** Part of the lead's external id, any case. */
    search: z.string().trim().min(1).max(200).optional(),
    /** Created on or after / on or before these dates in the workspace time zone. */
    createdFrom: isoDate.optional(),
    createdTo: isoDate.optional(),
    /** Only the leads behind this figure (a drill-down opened in the explorer). */
    figure: figureScopeSchema.optional(),
    sort: sortSchema.default(DEFAULT_SORT),
  })
  .strict();
export type LeadQuery = z.input<typeof leadQuerySchema>;
export type ParsedLeadQuery = z.output<typeof leadQuerySchema>;

export const MAX_PAGE = 500;

export const listInput = leadQuerySchema
  .extend({
    offset: z.number().int().min(0).max(100_000_000).default(0),
    limit: z.number().int().min(1).max(MAX_PAGE).default(100),
  })
  .strict();

/** One row of the explorer. Times are epoch ms UTC; `custom` holds the CRM's free fields as text. */
export interface LeadRow {
  readonly id: number;
  readonly external_id: string;
  readonly created_at: number;
  /** The latest stage and when the lead entered it; null for a lead without stage history. */
  readonly stage: string | null;
  readonly stage_at: number | null;
  readonly source: string | null;
  readonly campaign: string | null;
  readonly segment: string | null;
  readonly country: string | null;
  readonly owner: string | null;
  readonly score: number | null;
  readonly amount: number | null;
  readonly currency: string | null;
  readonly assigned_at: number | null;
  readonly first_touch_at: number | null;
  readonly reason_code: string | null;
  readonly reason_text: string | null;
  /** File name of the import batch that brought the lead. */
  readonly batch: string | null;
  readonly custom: Readonly<Record<string, string>>;
}

export interface LeadPage {
  /** Leads matching the query, counted once per query (and data change), not per page. */
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly LeadRow[];
}

/** A lead field with values to offer in filters: native fields or `custom.<name>`. */
export const facetFieldSchema = z.union([
  z.enum(FILTER_FIELDS),
  z.string().refine(isCustomId, checkMessage('customFieldId', 'expected custom.<field name>')),
]);
export type FacetField = z.infer<typeof facetFieldSchema>;

export const facetsInput = z
  .object({
    fields: z.array(facetFieldSchema).min(1).max(20),
    /** Most frequent values returned per field. */
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

export interface FacetValue {
  readonly value: string;
  readonly count: number;
}

export interface Facet {
  readonly field: string;
  /** The most frequent values, most frequent first (ties by value). */
  readonly values: readonly FacetValue[];
  /** Leads without a value for the field. */
  readonly empty: number;
  /** Distinct values in all; more than `values.length` when truncated. */
  readonly distinct: number;
}

export interface BatchRef {
  readonly id: number;
  readonly file_name: string;
  readonly created_at: number;
  readonly status: 'applied' | 'undone';
}

export interface TimelineEvent {
  readonly stage: string;
  readonly entered_at: number;
  readonly reason_code: string | null;
  readonly reason_text: string | null;
  /** When the lead left this stage (its next event), null while it is still there. */
  readonly left_at: number | null;
  readonly batch: BatchRef | null;
}

export interface TimelineTouch {
  readonly touched_at: number;
  readonly channel: string | null;
  readonly batch: BatchRef | null;
}

export interface LeadDetail {
  readonly id: number;
  readonly external_id: string;
  readonly created_at: number;
  readonly source: string | null;
  readonly campaign: string | null;
  readonly segment: string | null;
  readonly country: string | null;
  readonly owner: string | null;
  readonly score: number | null;
  readonly amount: number | null;
  readonly currency: string | null;
  readonly assigned_at: number | null;
  readonly outcome_reason_code: string | null;
  readonly outcome_reason_text: string | null;
  readonly custom: Readonly<Record<string, string>>;
  /** The batch that brought the lead, and the last one that changed it. */
  readonly batch: BatchRef | null;
  readonly updated_batch: BatchRef | null;
}

/** A reason code of the taxonomy with its labels, to show codes by name. */
export interface ReasonLabel {
  readonly kind: 'win' | 'loss' | 'rejection' | 'recycle';
  readonly code: string;
  readonly labels: LocalizedText;
  readonly active: boolean;
}

/** Everything that happened to one lead, oldest first. */
export interface LeadTimeline {
  readonly lead: LeadDetail;
  readonly events: readonly TimelineEvent[];
  readonly touches: readonly TimelineTouch[];
  /** Labels of the reason codes this lead's history uses. */
  readonly reasons: readonly ReasonLabel[];
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportInput = leadQuerySchema
  .extend({
    columns: z.array(columnIdSchema).min(1).max(80),
    format: z.enum(EXPORT_FORMATS),
    /** Language of the column headers and stage names; the user's language when absent. */
    locale: z.enum(LOCALES).optional(),
  })
  .strict();
export type LeadExportInput = z.input<typeof exportInput>;

export interface LeadExport {
  readonly file: FileRef;
  readonly rows: number;
}
