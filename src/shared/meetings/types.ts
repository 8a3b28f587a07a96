import type { DefinitionKind } from '../definitions/model';
import type { ImpactPreview } from '../definitions/types';
import type { LocalizedText } from '../domain/types';
import type { Breakdown, BreakdownField, TrendPoint } from '../metrics/trend';
import type { DrillPage, Report } from '../metrics/types';
import type {
  Attendee,
  DecisionStatus,
  ItemStatus,
  Link,
  MeetingStatus,
  ReviewOutcome,
  ScorecardGoals,
  StepKind,
} from './model';
import type { IsoWeek } from './week';

/** One meeting in a list. Times are epoch ms UTC; `week` is the ISO week reviewed. */
export interface MeetingSummary {
  readonly id: number;
  readonly title: string;
  readonly week: IsoWeek;
  readonly status: MeetingStatus;
  readonly startedAt: number | null;
  readonly endedAt: number | null;
  readonly createdAt: number;
  readonly attendees: readonly Attendee[];
  readonly decisionCount: number;
  readonly actionItemCount: number;
  /** Items still to do (open). */
  readonly openItemCount: number;
}

/** One agenda step of one meeting, with what happened to it. */
export interface AgendaStep {
  readonly kind: StepKind;
  /** A custom title, or null for the kind's name in the meeting's language. */
  readonly title: string | null;
  readonly budgetMs: number;
  /** First time the meeting reached the step; null: not reached (yet). */
  readonly reachedAt: number | null;
  /** Time spent on the step over every visit (the running visit included once it is left). */
  readonly spentMs: number;
  readonly notes: string;
  /** Earlier meetings where this point was not reached, oldest first: it carries forward from them. */
  readonly carriedFrom: readonly number[];
}

export interface AgendaState {
  readonly steps: readonly AgendaStep[];
  /** The step on screen while the meeting runs; null before the start and after the end. */
  readonly current: number | null;
  /** When the current step was entered (its running visit is `now - currentSince`). */
  readonly currentSince: number | null;
}

export interface Decision {
  readonly id: number;
  readonly meetingId: number;
  readonly text: string;
  readonly status: DecisionStatus;
  readonly link: Link | null;
  readonly createdAt: number;
  /** The later meeting that superseded or revoked it, and when. */
  readonly statusMeetingId: number | null;
  readonly statusChangedAt: number | null;
}

export interface ActionItem {
  readonly id: number;
  readonly meetingId: number;
  readonly text: string;
  readonly owner: string;
  /** YYYY-MM-DD, or null when no date was agreed. */
  readonly dueDate: string | null;
  readonly status: ItemStatus;
  readonly link: Link | null;
  /** The item of an earlier meeting this one continues, and that meeting. */
  readonly carriedFromId: number | null;
  readonly carriedFromMeetingId: number | null;
  /** The meeting where the chain of carried copies began. */
  readonly originMeetingId: number;
  readonly createdAt: number;
  readonly closedAt: number | null;
}

export interface Rating {
  readonly attendee: string;
  readonly rating: number;
  readonly ratedAt: number;
}

/** An approve / reject / defer of a definition revision, recorded with both leaders' names. */
export interface RevisionReview {
  readonly id: number;
  readonly meetingId: number;
  readonly revisionId: number;
  readonly outcome: ReviewOutcome;
  readonly marketingLead: string;
  readonly salesLead: string;
  readonly note: string;
  readonly decidedAt: number;
}

/** A meeting with everything the meeting screens show, except the (large) snapshot. */
export interface MeetingDetail extends MeetingSummary {
  readonly notes: string;
  readonly agenda: AgendaState;
  readonly decisions: readonly Decision[];
  readonly actionItems: readonly ActionItem[];
  readonly ratings: readonly Rating[];
  readonly reviews: readonly RevisionReview[];
  /** The latest ended meeting before this one, and the next meeting after it. */
  readonly previousMeetingId: number | null;
  readonly nextMeetingId: number | null;
  /** True when nothing can be changed: the meeting ended, or the workspace is open read-only. */
  readonly readOnly: boolean;
  /** When the snapshot was frozen (null before the start); `meetings.snapshot` returns it. */
  readonly snapshotTakenAt: number | null;
}

/** The format tag of a snapshot's JSON; a reader refuses any other. */
export const SNAPSHOT_FORMAT = 'funnel-review/meeting-snapshot@1';

/** A definition revision as a snapshot records it. */
export interface DefinitionVersion {
  readonly revisionId: number;
  readonly definitionKey: string;
  readonly kind: DefinitionKind;
  readonly title: string;
  readonly stageKey: string | null;
  readonly version: number;
  readonly effectiveFrom: number | null;
  readonly approvedBy: { readonly marketing: string | null; readonly sales: string | null };
  /** The agreed wording. */
  readonly text: string;
  /** The revision body as stored (rule, terms, taxonomy...), already validated. */
  readonly body: unknown;
}

export interface Proposal extends DefinitionVersion {
  readonly author: string;
  readonly rationale: string;
  readonly createdAt: number;
  /** The revision in force it would replace, if any. */
  readonly replaces: DefinitionVersion | null;
  /** The definitions service's impact preview as of the snapshot (null for market and reason taxonomy). */
  readonly impact: ImpactPreview | null;
}

export type ScorecardMeasureKey = 'volume' | 'quality' | 'followup' | 'recycling';

/** One week of one measure. */
export interface ScorecardCell {
  readonly week: string;
  readonly from: string;
  readonly to: string;
  /** Count for volume, share for the rates; null when nothing could be judged. */
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly small: boolean;
  /** Follow-up only: leads whose deadline had not passed when the figures were read. */
  readonly pending: number | null;
  readonly goal: number;
  readonly status: 'met' | 'missed' | 'no_data';
  /** The SLA terms revision in force at the week's start (null: defaults). */
  readonly termsRevisionId: number | null;
}

export interface ScorecardMeasure {
  readonly key: ScorecardMeasureKey;
  readonly unit: 'count' | 'rate';
  /** Where the goal comes from: the SLA terms in force, or the workspace's scorecard settings. */
  readonly goalSource: 'terms' | 'settings';
  /** Oldest first; the last cell is the reviewed week. */
  readonly cells: readonly ScorecardCell[];
}

export interface Scorecard {
  readonly asOf: number;
  readonly weeks: readonly IsoWeek[];
  readonly goals: ScorecardGoals;
  readonly measures: readonly ScorecardMeasure[];
}

export interface MeetingRef {
  readonly id: number;
  readonly title: string;
  readonly week: string;
  readonly endedAt: number | null;
}

/** Step 0: what the previous meetings left behind, as it stood when this one started. */
export interface SinceLast {
  readonly previousMeeting: MeetingRef | null;
  /** Every item of the previous meeting with its status then (done, not done, carried...). */
  readonly previousItems: readonly ActionItem[];
  /** Items carried into this meeting (open copies of earlier meetings' unfinished items). */
  readonly carriedIn: readonly ActionItem[];
  /** Decisions of earlier meetings still in force, with their meeting. */
  readonly decisionsInForce: ReadonlyArray<Decision & { readonly meeting: MeetingRef }>;
  /** Agenda points earlier meetings did not reach, carried into this one. */
  readonly unreachedPoints: ReadonlyArray<{
    readonly meetingId: number;
    readonly kind: StepKind;
    readonly title: string | null;
  }>;
}

export interface BatchRef {
  readonly id: number;
  readonly fileName: string;
  readonly createdAt: number;
}

/** Where the drill-down of a frozen figure comes from (see `meetings.drilldown`). */
export interface FrozenFigureInfo {
  /** `figureKey(figure)`. */
  readonly key: string;
  readonly total: number;
  /** The leads were stored with the snapshot (total within the limit). */
  readonly complete: boolean;
}

/**
 * Every figure a meeting shows, frozen in one transaction when it started. Never rewritten:
 * later imports change the live report, never this.
 */
export interface Snapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly meetingId: number;
  readonly takenAt: number;
  /** The instant the figures were read at (`metrics.report` asOf). */
  readonly asOf: number;
  readonly timeZone: string;
  readonly week: IsoWeek;
  /** `metrics.report` for the week, with the previous week and the same week a year earlier. */
  readonly report: Report;
  readonly scorecard: Scorecard;
  /** Definition revisions in force when the figures were read. */
  readonly definitions: readonly DefinitionVersion[];
  /** Every revision the figures used: those in force plus each scorecard week's SLA terms. */
  readonly revisionIds: readonly number[];
  readonly proposals: readonly Proposal[];
  readonly sinceLast: SinceLast;
  /** Reason labels as they were, for win/loss. */
  readonly reasons: ReadonlyArray<{ readonly kind: string; readonly code: string; readonly labels: LocalizedText }>;
  readonly batches: readonly BatchRef[];
  readonly drill: { readonly limit: number; readonly figures: readonly FrozenFigureInfo[] };
  /**
   * The funnel step's weekly trend: `TREND_WEEKS` weeks ending with the reviewed one, each
   * `trendPoint` of a light report (the key pairs, no comparisons) as of `asOf`. Absent from
   * snapshots frozen before the trend was (the step then reads it as of `asOf`, and says so).
   */
  readonly trend?: readonly TrendPoint[];
  /** The funnel step's breakdowns of the reviewed week by each field's largest values; absent like `trend`. */
  readonly breakdowns?: Readonly<Record<BreakdownField, Breakdown>>;
}

/** A drill-down page of a frozen figure. */
export interface MeetingDrillPage extends DrillPage {
  /**
   * `snapshot`: the leads as they were when the meeting started. `live`: the figure had more leads
   * than a snapshot stores, so they are read now with `asOf` = the snapshot's instant; imports of
   * back-dated history or edited lead fields since then can make `total` differ from `frozenTotal`.
   */
  readonly source: 'snapshot' | 'live';
  /** The total when the meeting started; null for a figure the snapshot does not list. */
  readonly frozenTotal: number | null;
  readonly asOf: number;
}
