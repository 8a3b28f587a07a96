import { z } from 'zod';
import type { Proportion, ProportionChange } from './stats';
import type { PeriodKind } from './period';
import { isoDate } from '../calendar/model';
import type { BENCHMARKS } from './benchmarks';
import type { LocalizedText } from '../domain/types';

/** Lead fields a report can be filtered by; `custom` holds free CRM fields by name. */
export const FILTER_FIELDS = ['segment', 'source', 'campaign', 'owner', 'country'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

// A value is never empty: metric_events stores a missing segment as '' (migration 11), which no filter may name.
const values = z.array(z.string().min(1).max(200)).min(1).max(100);
export const filtersSchema = z
  .object({
    segment: values.optional(),
    source: values.optional(),
    campaign: values.optional(),
    owner: values.optional(),
    country: values.optional(),
    custom: z.record(z.string().regex(/^[\p{L}\p{N} _.-]{1,80}$/u), values).optional(),
  })
  .strict();
/** Every listed field must match one of its values (values of one field are alternatives). */
export type Filters = z.infer<typeof filtersSchema>;

const stageKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);
export const pairSchema = z.object({ from: stageKey, to: stageKey }).strict();

/** What every figure shares: the period, filters, window and the instant the data is read at. */
export const scopeSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    filters: filtersSchema.default({}),
    /** Conversion and velocity window: reached within this many days (x 24 h) of entering. */
    withinDays: z.number().positive().max(3650).nullable().default(null),
    /** Read the data as it was at this instant (epoch ms); default: now. */
    asOf: z.number().int().min(0).optional(),
  })
  .strict();
export type ScopeInput = z.input<typeof scopeSchema>;

export const reportInput = scopeSchema
  .extend({
    /** Conversion pairs; default: every funnel stage to the next and to won. */
    pairs: z.array(pairSchema).max(100).optional(),
    /** Also compute the previous period and the same period a year earlier (default true). */
    compare: z.boolean().default(true),
  })
  .strict();

/** One period's flow, conversion, velocity and SLA, without comparisons (trend points, breakdown rows). */
export const weekInput = scopeSchema
  .extend({
    /** Conversion pairs; default: every funnel stage to the next and to won. */
    pairs: z.array(pairSchema).max(100).optional(),
  })
  .strict();

/** A period's flow: the scope without a conversion window, which the flow does not read. */
export const flowInput = scopeSchema.omit({ withinDays: true }).strict();

/** The steps of a waterfall between its start and end counts, in the order they are shown. */
export const WATERFALL_STEPS = [
  'in_new',
  'in_advanced',
  'in_moved_back',
  'in_returned',
  'in_reopened',
  'out_advanced',
  'out_moved_back',
  'out_recycled',
  'out_won',
  'out_lost',
  'out_disqualified',
] as const satisfies ReadonlyArray<keyof WaterfallRow>;

/** Every count of a waterfall row, in the order the CLI prints them; each lists its leads (`metrics.drilldown`). */
export const WATERFALL_MOVEMENTS = ['start', ...WATERFALL_STEPS, 'end', 'stalled_start', 'stalled_end'] as const;
export type WaterfallMovement = (typeof WATERFALL_MOVEMENTS)[number];

/** The breakdowns of win/loss (`winloss_by`): lead fields, and the stage a lost lead was in before. */
export const WINLOSS_BREAKDOWNS = ['segment', 'source', 'owner', 'lost_at_stage'] as const;
export type WinLossBreakdownField = (typeof WINLOSS_BREAKDOWNS)[number];

/** A figure whose leads can be listed, and which side of it. */
export const figureRef = z.discriminatedUnion('type', [
  z.object({ type: z.literal('flow'), stage: stageKey }).strict(),
  /** Entries into every stage of the kind within the period: the deals won and lost deals KPIs. */
  z.object({ type: z.literal('entries'), kind: z.enum(['won', 'lost']) }).strict(),
  z
    .object({
      type: z.literal('conversion'),
      from: stageKey,
      to: stageKey,
      side: z.enum(['denominator', 'numerator', 'open']),
    })
    .strict(),
  z.object({ type: z.literal('stalled'), stage: stageKey }).strict(),
  z
    .object({
      type: z.literal('followup'),
      side: z.enum(['denominator', 'met', 'breached', 'pending']),
      /** Only this owner's leads; null: leads without an owner. */
      owner: z.string().max(200).nullable().optional(),
    })
    .strict(),
  z.object({ type: z.literal('arbitration') }).strict(),
  z.object({ type: z.literal('quality'), side: z.enum(['denominator', 'numerator']) }).strict(),
  z.object({ type: z.literal('recycling'), side: z.enum(['denominator', 'numerator']) }).strict(),
  z
    .object({
      type: z.literal('winloss'),
      outcome: z.enum(['won', 'lost']),
      /** A reason code, NO_REASON for "no reason given", or omitted for every closed lead. */
      reason: z.string().max(200).optional(),
      /** Only the closings with this value of a breakdown (`winloss_by`); a null value: those without one. */
      by: z
        .object({ field: z.enum(WINLOSS_BREAKDOWNS), value: z.string().max(200).nullable() })
        .strict()
        .optional(),
    })
    .strict(),
  z.object({ type: z.literal('waterfall'), stage: stageKey, movement: z.enum(WATERFALL_MOVEMENTS) }).strict(),
  z.object({ type: z.literal('lifetime') }).strict(),
]);
export type FigureRef = z.infer<typeof figureRef>;

export const drilldownInput = scopeSchema
  .extend({
    figure: figureRef,
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(1000).default(50),
  })
  .strict();

/** The reason value standing for "no reason given" in win/loss rows and drill-downs. */
export const NO_REASON = '(none)';
/** The reason value for a closing that has free text but no code from the taxonomy. */
export const UNCODED_REASON = '(uncoded)';

export interface PeriodInfo {
  readonly kind: PeriodKind;
  readonly from: string;
  readonly to: string;
  readonly from_ms: number;
  readonly to_ms: number;
  readonly days: number;
}

export interface ConversionFigure extends Proportion {
  readonly from: string;
  readonly to: string;
  readonly within_days: number | null;
  /** Cohort leads that have not reached `to` and still could (no exit yet, window not elapsed). */
  readonly open: number;
  readonly open_share: number | null;
  readonly vs_previous?: ProportionChange | null;
  readonly vs_year_ago?: ProportionChange | null;
}

export interface DurationFigure {
  readonly n: number;
  readonly median_days: number | null;
  readonly p75_days: number | null;
}

export interface VelocityFigure extends DurationFigure {
  readonly from: string;
  readonly to: string;
}

export interface BusinessDuration {
  readonly n: number;
  readonly median_hours: number | null;
  readonly p75_hours: number | null;
}

export interface FollowUpOwner {
  readonly owner: string | null;
  readonly handed_over: number;
  readonly met: number;
  readonly breached: number;
  readonly pending: number;
  readonly rate: number | null;
  readonly ci_low: number | null;
  readonly ci_high: number | null;
  readonly small: boolean;
}

export interface TermsSource {
  readonly kind: 'revision' | 'default';
  readonly revision_id: number | null;
  readonly definition_key: string | null;
  readonly version: number | null;
  readonly effective_from: number | null;
}

export interface SlaFigures {
  readonly terms: TermsSource;
  readonly handoff_stage: string;
  readonly accepted_stage: string;
  readonly followup: {
    readonly handed_over: number;
    readonly met: number;
    readonly breached: number;
    readonly pending: number;
    /** met / (met + breached): pending leads are not judged yet. */
    readonly rate: number | null;
    readonly ci_low: number | null;
    readonly ci_high: number | null;
    readonly small: boolean;
    readonly business_hours: number;
    readonly clock_start: 'handoff' | 'assignment';
    readonly by_owner: readonly FollowUpOwner[];
    /** Hand-off to assignment, business hours (leads with an assignment). */
    readonly routing_delay: BusinessDuration;
    /** Clock start to first touch, business hours (touched leads). */
    readonly rep_delay: BusinessDuration;
    readonly vs_previous?: ProportionChange | null;
    readonly vs_year_ago?: ProportionChange | null;
  };
  readonly volume: {
    readonly actual: number;
    readonly target: number;
    readonly weekly_target: number;
    readonly met: boolean;
  };
  readonly quality: Proportion & {
    readonly target: number;
    readonly met: boolean | null;
    /** The whole 95% interval lies below the target. */
    readonly below_target_significant: boolean;
    readonly vs_previous?: ProportionChange | null;
    readonly vs_year_ago?: ProportionChange | null;
  };
  readonly recycling: Proportion & {
    readonly rejected: number;
    readonly with_reason: number;
    readonly within_window: number;
    readonly business_hours: number;
    readonly vs_previous?: ProportionChange | null;
    readonly vs_year_ago?: ProportionChange | null;
  };
  /** Handed over, untouched past the follow-up window and neither rejected nor closed: for the arbiter. */
  readonly arbitration: { readonly count: number };
}

export interface WinLossRow {
  readonly outcome: 'won' | 'lost';
  readonly reason: string;
  readonly count: number;
  /** Of all closings with this outcome in the period. */
  readonly share: number;
}

export interface WinLossBreakdown {
  readonly outcome: 'won' | 'lost';
  readonly value: string | null;
  readonly reason: string;
  readonly count: number;
}

export interface WaterfallRow {
  readonly stage: string;
  /** Leads in the stage at the period start and end ([from, to) boundaries). */
  readonly start: number;
  readonly end: number;
  readonly in_new: number;
  readonly in_advanced: number;
  readonly in_moved_back: number;
  readonly in_returned: number;
  readonly in_reopened: number;
  readonly out_advanced: number;
  readonly out_moved_back: number;
  readonly out_recycled: number;
  readonly out_won: number;
  readonly out_lost: number;
  readonly out_disqualified: number;
  readonly stalled_start: number;
  readonly stalled_end: number;
}

export interface CostFigure {
  readonly currency: string;
  readonly spend: number;
  readonly leads: number;
  readonly mqls: number;
  readonly sqls: number;
  readonly won: number;
  readonly per_lead: number | null;
  readonly per_mql: number | null;
  readonly per_sql: number | null;
  readonly per_won: number | null;
  readonly by_channel: ReadonlyArray<{
    readonly channel: string;
    readonly spend: number;
    readonly leads: number;
    readonly mqls: number;
    readonly sqls: number;
    readonly won: number;
    /** The lead sources counted for this channel, as the leads spell them (it matches them case-insensitively). */
    readonly sources: readonly string[];
  }>;
}

export interface KpiFigures {
  readonly deals_won: number;
  readonly sal: number;
  readonly sql: number | null;
  readonly demos: number | null;
  readonly lost_deals: number;
  readonly time_to_proposal: DurationFigure | null;
  readonly time_to_contract: DurationFigure | null;
  /** First contact (lead created) to won, for leads won in the period. */
  readonly lead_lifetime: DurationFigure;
}

/** Every figure of one period. */
export interface PeriodFigures {
  readonly period: PeriodInfo;
  readonly flow: Record<string, number>;
  readonly conversion: readonly ConversionFigure[];
  readonly velocity: readonly VelocityFigure[];
  readonly stalled: Record<string, number>;
  readonly waterfall: readonly WaterfallRow[];
  readonly sla: SlaFigures;
  readonly winloss: readonly WinLossRow[];
  readonly winloss_by: {
    readonly segment: readonly WinLossBreakdown[];
    readonly source: readonly WinLossBreakdown[];
    readonly owner: readonly WinLossBreakdown[];
    /** For lost leads: the stage they were in before `lost`. */
    readonly lost_at_stage: readonly WinLossBreakdown[];
  };
  /** Closings in the period without any reason: a data-quality figure. */
  readonly no_reason: Proportion;
  readonly kpis: KpiFigures;
  /** Empty without imported spend, or when filters other than source make spend unattributable. */
  readonly cost: readonly CostFigure[];
}

/** The part of a period's figures a trend point, a breakdown row and a scorecard week read. */
export type WeekFigures = Pick<PeriodFigures, 'period' | 'flow' | 'conversion' | 'velocity' | 'sla'>;

/** A period's flow alone, with the stages to show it by (`metrics.flow`). */
export type FlowFigures = Pick<PeriodFigures, 'period' | 'flow'> & Pick<Report, 'stages'>;

export interface Report extends PeriodFigures {
  readonly time_zone: string;
  readonly as_of: number;
  readonly filters: Filters;
  readonly within_days: number | null;
  readonly calendar: { readonly zone: string; readonly preset: string | null; readonly holidays: number };
  readonly stages: ReadonlyArray<{
    readonly key: string;
    readonly kind: string;
    readonly position: number;
    readonly labels: LocalizedText;
  }>;
  /** DESIGN.md benchmark lines for charts: qualification and close rates, average and best. */
  readonly benchmarks: typeof BENCHMARKS;
  readonly previous: PeriodFigures | null;
  readonly year_ago: PeriodFigures | null;
}

export interface DrillLead {
  readonly id: number;
  readonly external_id: string;
  readonly owner: string | null;
  readonly segment: string | null;
  readonly source: string | null;
  readonly country: string | null;
  readonly created_at: number;
  readonly stage: string;
  /** When the lead entered the figure's stage (the cohort entry, hand-off, closing...). */
  readonly entered_at: number;
  /** The figure's second instant when it has one: reached, touched, left... */
  readonly reached_at: number | null;
  readonly assigned_at: number | null;
  readonly touched_at: number | null;
  /** Follow-up deadline (business hours added to the clock start), for SLA drill-downs. */
  readonly deadline_at: number | null;
  readonly reason: string | null;
}

export interface DrillPage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly leads: readonly DrillLead[];
}
