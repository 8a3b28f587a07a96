import type { DefinitionKind, RevisionBody, RevisionStatus, RuleCondition } from './model';
import type { FieldChange, RuleDiffNode, TextChange } from './diff';
import type { Proportion } from '../metrics/stats';

export const APPROVAL_SIDES = ['marketing', 'sales'] as const;
export type ApprovalSide = (typeof APPROVAL_SIDES)[number];

/** Any kind's revision body. */
export type AnyRevisionBody = { [K in DefinitionKind]: RevisionBody<K> }[DefinitionKind];

export interface Approval {
  readonly name: string;
  readonly at: number;
}

export interface DefinitionInfo {
  readonly id: number;
  readonly kind: DefinitionKind;
  readonly key: string;
  readonly title: string;
  /** For stage criteria: the stage the definition qualifies. */
  readonly stageKey: string | null;
  readonly createdAt: number;
}

export interface RevisionInfo {
  readonly id: number;
  readonly definitionId: number;
  readonly version: number;
  /** The status now (an approved revision whose date has come reads `effective`). */
  readonly status: RevisionStatus;
  /** Epoch ms; null while a proposal takes effect "on approval". */
  readonly effectiveFrom: number | null;
  readonly rationale: string;
  readonly author: string;
  readonly createdAt: number;
  readonly proposedAt: number | null;
  readonly approvals: { readonly marketing: Approval | null; readonly sales: Approval | null };
  /** When it was approved by both, rejected or withdrawn. */
  readonly decidedAt: number | null;
  /** Who rejected or withdrew it, and why. */
  readonly decidedBy: string | null;
  readonly decisionNote: string | null;
  readonly body: AnyRevisionBody;
}

export interface RevisionRef {
  readonly id: number;
  readonly version: number;
  readonly status: RevisionStatus;
  readonly effectiveFrom: number | null;
}

export interface DefinitionSummary extends DefinitionInfo {
  readonly inForce: RevisionRef | null;
  readonly latestVersion: number;
  /** Drafts and proposals waiting for a decision. */
  readonly open: readonly RevisionRef[];
  /** Approved revisions whose date has not come yet. */
  readonly scheduled: readonly RevisionRef[];
}

export const TIMELINE_EVENTS = [
  'drafted',
  'proposed',
  'approved',
  'effective',
  'superseded',
  'rejected',
  'withdrawn',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENTS)[number];

export interface TimelineEvent {
  readonly at: number;
  readonly type: TimelineEventType;
  readonly revisionId: number;
  readonly version: number;
  readonly who: string | null;
  readonly side: ApprovalSide | null;
  readonly note: string | null;
  /** For `superseded`: the version that took over. */
  readonly supersededBy: number | null;
}

export interface DefinitionDetail {
  readonly definition: DefinitionInfo;
  /** Every revision, oldest first. */
  readonly revisions: readonly RevisionInfo[];
  readonly inForceId: number | null;
  /** Newest first. */
  readonly timeline: readonly TimelineEvent[];
  /** The instant statuses were read at. */
  readonly now: number;
}

export interface RevisionDiff {
  readonly definition: DefinitionInfo;
  readonly from: RevisionInfo;
  readonly to: RevisionInfo;
  readonly text: readonly TextChange[];
  /** Rule kinds only (stage criteria, ICP). */
  readonly rule: RuleDiffNode | null;
  /** Terms, market answers, reasons and rationale-independent settings that changed. */
  readonly fields: readonly FieldChange[];
}

export interface RuleCount {
  /** Leads in the workspace, and those meeting the rule with their current field values. */
  readonly total: number;
  readonly matching: number;
  /** The same among the leads that entered a stage in a period (first entry), when asked. */
  readonly cohort: {
    readonly stage: string;
    readonly from: string;
    readonly to: string;
    readonly total: number;
    readonly matching: number;
  } | null;
}

/** Which revision a figure used; null revision: no agreed criteria were in force. */
export interface VersionUsed {
  readonly revisionId: number | null;
  readonly version: number | null;
  readonly effectiveFrom: number | null;
}

export interface InForceSpanInfo extends VersionUsed {
  readonly from: number;
  readonly to: number;
}

/** Definition compliance: of leads handed over in the period, the share meeting the criteria in force at hand-off. */
export interface ComplianceFigure extends Proportion {
  readonly key: string;
  readonly stage: string;
  readonly from: string;
  readonly to: string;
  readonly asOf: number;
  readonly handedOver: number;
  readonly met: number;
  readonly notMet: number;
  /** Handed over while no agreed criteria were in force: not judged. */
  readonly unjudged: number;
  readonly byVersion: ReadonlyArray<
    VersionUsed & { readonly handedOver: number; readonly met: number; readonly notMet: number }
  >;
}

export const COMPLIANCE_SIDES = ['notMet', 'met', 'unjudged', 'all'] as const;
export type ComplianceSide = (typeof COMPLIANCE_SIDES)[number];

export interface ComplianceLead {
  readonly id: number;
  readonly externalId: string;
  readonly owner: string | null;
  readonly segment: string | null;
  readonly source: string | null;
  readonly country: string | null;
  readonly score: number | null;
  readonly enteredAt: number;
  readonly version: number | null;
  readonly met: boolean | null;
  /** The conditions the lead failed under the version in force at hand-off. */
  readonly failed: readonly RuleCondition[];
}

export interface CompliancePage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly leads: readonly ComplianceLead[];
}

export interface PreviewWeek {
  readonly from: string;
  readonly to: string;
}

/** A version as the preview names it. */
export interface PreviewVersion extends VersionUsed {
  readonly role: 'baseline' | 'candidate';
}

export interface RuleVersionTotals {
  /** Handed over and meeting the version, plus not handed over (by asOf) yet meeting it. */
  readonly qualifying: number;
  readonly handedOver: number;
  /** Met the version but never reached the stage: no observed outcome. */
  readonly notHandedOver: number;
  readonly perWeek: number;
  /** Of qualifying leads that were handed over: reached the next stage, and won. */
  readonly nextRate: Proportion;
  readonly closeRate: Proportion;
}

export interface OwnerLoad {
  readonly handedOver: number;
  readonly notHandedOver: number;
  readonly perWeek: number;
  /** Follow-up SLA of these leads (hand-off stage only). */
  readonly followup:
    (Proportion & { readonly met: number; readonly breached: number; readonly pending: number }) | null;
}

export interface RulePreview {
  readonly type: 'rule';
  readonly definition: DefinitionInfo;
  readonly stage: string;
  readonly nextStage: string | null;
  readonly wonStage: string | null;
  readonly isHandoff: boolean;
  readonly from: string;
  readonly to: string;
  readonly asOf: number;
  readonly baseline: PreviewVersion;
  readonly candidate: PreviewVersion;
  readonly weeks: ReadonlyArray<
    PreviewWeek & {
      readonly actual: number;
      readonly baseline: { readonly qualifying: number; readonly handedOver: number };
      readonly candidate: { readonly qualifying: number; readonly handedOver: number };
    }
  >;
  readonly totals: {
    readonly actual: number;
    readonly baseline: RuleVersionTotals;
    readonly candidate: RuleVersionTotals;
  };
  /** Leads qualifying under the candidate only, and under the baseline only. */
  readonly gained: number;
  readonly lost: number;
  readonly owners: ReadonlyArray<{
    readonly owner: string | null;
    readonly baseline: OwnerLoad;
    readonly candidate: OwnerLoad;
  }>;
}

export interface SlaVersionFigures {
  readonly followup: Proportion & { readonly met: number; readonly breached: number; readonly pending: number };
  readonly weeklyTarget: number;
  readonly salTarget: number;
  readonly salRate: Proportion;
  readonly salMet: boolean | null;
  readonly followUpHours: number;
  /** Per-segment follow-up windows that differ from `followUpHours`. */
  readonly segmentFollowUpHours: Readonly<Record<string, number>>;
}

export interface SlaPreview {
  readonly type: 'sla';
  readonly definition: DefinitionInfo;
  readonly from: string;
  readonly to: string;
  readonly asOf: number;
  readonly baseline: PreviewVersion;
  readonly candidate: PreviewVersion;
  readonly weeks: ReadonlyArray<
    PreviewWeek & {
      readonly handedOver: number;
      readonly baseline: { readonly followup: Proportion; readonly volumeMet: boolean };
      readonly candidate: { readonly followup: Proportion; readonly volumeMet: boolean };
    }
  >;
  readonly totals: {
    readonly handedOver: number;
    readonly baseline: SlaVersionFigures & { readonly weeksVolumeMet: number };
    readonly candidate: SlaVersionFigures & { readonly weeksVolumeMet: number };
  };
  readonly owners: ReadonlyArray<{
    readonly owner: string | null;
    readonly baseline: OwnerLoad;
    readonly candidate: OwnerLoad;
  }>;
}

export type ImpactPreview = RulePreview | SlaPreview;

export interface ImportResult {
  readonly created: ReadonlyArray<{
    readonly key: string;
    readonly version: number;
    readonly revisionId: number;
    readonly newDefinition: boolean;
  }>;
  readonly unchanged: readonly string[];
  readonly nothingAgreed: readonly string[];
}
