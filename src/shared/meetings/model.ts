import { z } from 'zod';
import { figureRef } from '../metrics/types';
import { checkMessage } from '../validation/checks';

/**
 * The vocabulary of the weekly review (DESIGN.md "Meeting"): agenda steps, attendee roles, the
 * states of meetings, decisions and action items, and the settings a workspace can change.
 */

/** The kinds of agenda step; each renders one view of the frozen snapshot. */
export const STEP_KINDS = ['since_last', 'sla', 'funnel', 'winloss', 'definitions', 'actions', 'wrap_up'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const ATTENDEE_ROLES = ['marketing_lead', 'sales_lead', 'other'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

export const MEETING_STATUSES = ['planned', 'in_progress', 'ended'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/**
 * `open`: to do; `done`; `not_done`: closed without being done (it does not carry over);
 * `carried`: still open when its meeting ended, so a copy (`carriedFromId`) went to the next one.
 */
export const ITEM_STATUSES = ['open', 'done', 'not_done', 'carried'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** What people may set; `carried` is only ever set by ending a meeting. */
export const SETTABLE_ITEM_STATUSES = ['open', 'done', 'not_done'] as const;

export const DECISION_STATUSES = ['in_force', 'superseded', 'revoked'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export const REVIEW_OUTCOMES = ['approve', 'reject', 'defer'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const RATING_MIN = 1;
export const RATING_MAX = 10;

const personName = z.string().trim().min(1).max(120);

export const attendeeSchema = z.object({ name: personName, role: z.enum(ATTENDEE_ROLES) }).strict();
export type Attendee = z.infer<typeof attendeeSchema>;

/** Attendees: distinct names (ratings and reviews refer to people by name). */
export const attendeesSchema = z
  .array(attendeeSchema)
  .max(40)
  .refine(
    (list) => new Set(list.map((a) => a.name.toLowerCase())).size === list.length,
    checkMessage('attendeeNamesDistinct', 'attendee names must be distinct'),
  );

/** What prompted a decision or an action item: a figure of the meeting's snapshot, or one lead. */
export const linkSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('figure'), figure: figureRef }).strict(),
  z
    .object({
      type: z.literal('lead'),
      leadId: z.number().int().positive(),
      externalId: z.string().max(200).optional(),
    })
    .strict(),
]);
export type Link = z.infer<typeof linkSchema>;

export const agendaStepTemplate = z
  .object({
    kind: z.enum(STEP_KINDS),
    /** Time budget of the step. */
    minutes: z.number().int().min(1).max(180),
    /** A custom title; the step kind's name in the meeting's language otherwise. */
    title: z.string().trim().min(1).max(120).optional(),
  })
  .strict();
export type AgendaStepTemplate = z.infer<typeof agendaStepTemplate>;

/** The workspace's agenda (settings key `meetings.agenda`): each step kind at most once. */
export const agendaTemplateSchema = z
  .object({ steps: z.array(agendaStepTemplate).min(1).max(STEP_KINDS.length) })
  .strict()
  .refine((a) => new Set(a.steps.map((s) => s.kind)).size === a.steps.length, {
    ...checkMessage('stepKindOnce', 'each step kind may appear once'),
    path: ['steps'],
  });
export type AgendaTemplate = z.infer<typeof agendaTemplateSchema>;

/** An hour: a short look back, the three analysis steps, definitions, actions, a short wrap-up. */
export const DEFAULT_AGENDA: AgendaTemplate = {
  steps: [
    { kind: 'since_last', minutes: 5 },
    { kind: 'sla', minutes: 10 },
    { kind: 'funnel', minutes: 10 },
    { kind: 'winloss', minutes: 10 },
    { kind: 'definitions', minutes: 10 },
    { kind: 'actions', minutes: 10 },
    { kind: 'wrap_up', minutes: 5 },
  ],
};

/**
 * Goals the SLA terms do not state (settings key `meetings.scorecard`). The terms say *within how
 * long* a lead must be followed up or returned; the share of leads that must make it is the
 * workspace's own goal. Volume and SAL-rate goals always come from the terms in force.
 */
export const scorecardGoalsSchema = z
  .object({
    followUpRate: z.number().min(0).max(1),
    recyclingRate: z.number().min(0).max(1),
  })
  .strict();
export type ScorecardGoals = z.infer<typeof scorecardGoalsSchema>;
export const DEFAULT_SCORECARD_GOALS: ScorecardGoals = { followUpRate: 0.9, recyclingRate: 0.9 };

/** Weeks the scorecard strip shows, the reviewed week included. */
export const SCORECARD_WEEKS = 13;

export const AGENDA_SETTING = 'meetings.agenda';
export const SCORECARD_SETTING = 'meetings.scorecard';
