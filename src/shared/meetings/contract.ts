import { z } from 'zod';
import { job, method } from '../contract/define';
import type { FileRef } from '../domain/types';
import { isoDate } from '../calendar/model';
import { figureRef } from '../metrics/types';
import {
  agendaTemplateSchema,
  attendeesSchema,
  DECISION_STATUSES,
  linkSchema,
  RATING_MAX,
  RATING_MIN,
  REVIEW_OUTCOMES,
  scorecardGoalsSchema,
  SETTABLE_ITEM_STATUSES,
  type AgendaTemplate,
  type ScorecardGoals,
} from './model';
import type { MeetingDetail, MeetingDrillPage, MeetingSummary, Scorecard, Snapshot } from './types';
import { isoWeekSchema } from './week';

const id = z.number().int().positive();
const meeting = z.object({ id }).strict();
const text = z.string().trim().min(1).max(2000);
const personName = z.string().trim().min(1).max(120);

export interface MeetingSettings {
  readonly agenda: AgendaTemplate;
  readonly goals: ScorecardGoals;
}

export const meetingsContract = {
  /** Every meeting of the workspace, newest week first. */
  list: method<MeetingSummary[]>()({
    input: z.object({}).strict(),
    doc: 'Meetings of the workspace, newest week first.',
  }),
  /** One meeting: agenda with its clock, decisions, action items, ratings, revision reviews. */
  get: method<MeetingDetail>()({
    input: meeting,
    doc: 'A meeting with its agenda, decisions, action items, ratings and reviews.',
  }),
  /** The figures frozen when the meeting started (null before the start). */
  snapshot: method<Snapshot | null>()({
    input: meeting,
    doc: 'The frozen snapshot of a meeting (every figure its agenda shows).',
  }),
  /** The workspace's agenda template and scorecard goals. */
  settings: method<MeetingSettings>()({
    input: z.object({}).strict(),
    doc: 'Agenda template and scorecard goals of the workspace.',
  }),
  /** Changes the agenda template (steps, time budgets) or the scorecard goals; later meetings use them. */
  saveSettings: method<MeetingSettings>()({
    input: z.object({ agenda: agendaTemplateSchema.optional(), goals: scorecardGoalsSchema.optional() }).strict(),
    doc: 'Save the agenda template or the scorecard goals.',
    writes: true,
  }),
  /** Plans the review of an ISO week. */
  plan: method<MeetingDetail>()({
    input: z
      .object({
        week: isoWeekSchema,
        title: z.string().trim().min(1).max(200).optional(),
        attendees: attendeesSchema.default([]),
      })
      .strict(),
    doc: 'Plan the weekly review of an ISO week, with its attendees.',
    writes: true,
  }),
  /** Changes title, attendees or the meeting's notes (not once it ended). */
  update: method<MeetingDetail>()({
    input: z
      .object({
        id,
        title: z.string().trim().min(1).max(200).optional(),
        attendees: attendeesSchema.optional(),
        notes: z.string().max(20_000).optional(),
      })
      .strict(),
    doc: 'Change the title, attendees or notes of a meeting that has not ended.',
    writes: true,
  }),
  /** Deletes a meeting that has not started (its carried-in items go back to wait for the next one). */
  remove: method<null>()({ input: meeting, doc: 'Delete a planned meeting.', writes: true }),
  /**
   * Starts the meeting (a job with progress and cancel: on a large workspace its figures take
   * seconds to read): freezes every figure of the agenda in one transaction and enters step 0.
   */
  start: job<MeetingDetail>()({
    input: meeting,
    doc: 'Start a meeting: freeze its snapshot and enter the first step (a job), its subject `meeting ID`.',
    writes: true,
  }),
  /** Moves to an agenda step; the clock records time per step and which steps were reached. */
  goToStep: method<MeetingDetail>()({
    input: z.object({ id, step: z.number().int().min(0).max(50) }).strict(),
    doc: 'Move the running meeting to an agenda step.',
    writes: true,
  }),
  /** Notes of one agenda step. */
  setStepNotes: method<MeetingDetail>()({
    input: z.object({ id, step: z.number().int().min(0).max(50), notes: z.string().max(20_000) }).strict(),
    doc: 'Write the notes of an agenda step.',
    writes: true,
  }),
  addDecision: method<MeetingDetail>()({
    input: z.object({ id, text, link: linkSchema.nullable().default(null) }).strict(),
    doc: 'Record a decision, optionally linked to the figure or lead that prompted it.',
    writes: true,
  }),
  updateDecision: method<MeetingDetail>()({
    input: z.object({ decisionId: id, text: text.optional(), link: linkSchema.nullable().optional() }).strict(),
    doc: 'Change the text or link of a decision of the running meeting.',
    writes: true,
  }),
  removeDecision: method<MeetingDetail>()({
    input: z.object({ decisionId: id }).strict(),
    doc: 'Delete a decision of the running meeting.',
    writes: true,
  }),
  /** In step 0: a decision of an earlier meeting is superseded, revoked, or back in force. */
  setDecisionStatus: method<MeetingDetail>()({
    input: z.object({ id, decisionId: id, status: z.enum(DECISION_STATUSES) }).strict(),
    doc: 'From the running meeting, mark an earlier decision superseded, revoked or in force.',
    writes: true,
  }),
  addActionItem: method<MeetingDetail>()({
    input: z
      .object({
        id,
        text,
        owner: personName,
        dueDate: isoDate.nullable().default(null),
        link: linkSchema.nullable().default(null),
      })
      .strict(),
    doc: 'Record an action item with its owner, due date and link.',
    writes: true,
  }),
  /** Edits an item of the running meeting, or sets its status (open, done, not done). */
  updateActionItem: method<MeetingDetail>()({
    input: z
      .object({
        itemId: id,
        text: text.optional(),
        owner: personName.optional(),
        dueDate: isoDate.nullable().optional(),
        link: linkSchema.nullable().optional(),
        status: z.enum(SETTABLE_ITEM_STATUSES).optional(),
      })
      .strict(),
    doc: 'Edit an action item of the running meeting or set its status.',
    writes: true,
  }),
  removeActionItem: method<MeetingDetail>()({
    input: z.object({ itemId: id }).strict(),
    doc: 'Delete an action item of the running meeting.',
    writes: true,
  }),
  /** One attendee's rating of the meeting (1-10); rating again replaces it. */
  rate: method<MeetingDetail>()({
    input: z.object({ id, attendee: personName, rating: z.number().int().min(RATING_MIN).max(RATING_MAX) }).strict(),
    doc: "Record an attendee's rating of the meeting (1 to 10).",
    writes: true,
  }),
  /**
   * Approves, rejects or defers a proposed definition revision, recorded with both leaders' names
   * (by default the attendees with the marketing-lead and sales-lead roles).
   */
  reviewRevision: method<MeetingDetail>()({
    input: z
      .object({
        id,
        revisionId: id,
        outcome: z.enum(REVIEW_OUTCOMES),
        marketingLead: personName.optional(),
        salesLead: personName.optional(),
        note: z.string().max(2000).default(''),
      })
      .strict(),
    doc: 'Approve, reject or defer a proposed definition revision, with both leaders named.',
    writes: true,
  }),
  /** Ends the meeting: unfinished items and unreached points carry over to the next meeting. */
  end: method<MeetingDetail>()({
    input: meeting,
    doc: 'End the meeting; open items and unreached points carry over.',
    writes: true,
  }),
  /** The leads behind a frozen figure of the meeting's week, as they were at the start. */
  drilldown: method<MeetingDrillPage>()({
    input: z
      .object({
        id,
        figure: figureRef,
        offset: z.number().int().min(0).max(10_000_000).default(0),
        limit: z.number().int().min(1).max(1000).default(50),
      })
      .strict(),
    doc: "List the leads behind a figure of a meeting's snapshot, as they were.",
  }),
  /** The scorecard of an ISO week computed now (outside a meeting), for the analysis screens. */
  scorecard: method<Scorecard>()({
    input: z.object({ week: isoWeekSchema, asOf: z.number().int().min(0).optional() }).strict(),
    doc: 'The 13-week scorecard ending with an ISO week, read now (or as of an instant).',
  }),
  /** The minutes in the meeting's language, as a file to save. */
  minutes: method<FileRef>()({
    input: z.object({ id, format: z.enum(['md', 'pdf']) }).strict(),
    doc: 'Export the minutes of a meeting as Markdown or PDF.',
  }),
  /** The meeting's action items as CSV (spreadsheet-safe) or iCalendar. */
  exportActions: method<FileRef>()({
    input: z.object({ id, format: z.enum(['csv', 'ics']) }).strict(),
    doc: 'Export the action items of a meeting as CSV or iCalendar (.ics).',
  }),
};

/** The subject of a meeting's start job, by which its page finds a start still running. */
export function meetingSubject(id: number): string {
  return `meeting ${id}`;
}
