import { MINUTE, isoDate, weekday } from './calendar';
import { PEOPLE, SLOW_OWNER } from './catalog';
import type { CarriedPoint } from '../../shared/meetings/agenda';
import { leftOver, sampleAgenda, sampleRatings } from './meeting-records';
import type { SampleRepository } from './repository';
import type { Timeline } from './timeline';

/**
 * How an item left a meeting, as the meetings feature records it: `done`, `not_done` (dropped, does
 * not carry over) or `carried` (still open at the end: the next meeting starts with an open copy).
 */
type ItemOutcome = 'done' | 'not_done' | 'carried';

interface NewItem {
  readonly text: string;
  readonly owner: string;
  /** Working days after the meeting it is due. */
  readonly dueInDays: number;
}

interface MeetingSpec {
  readonly notes: string;
  readonly decisions: readonly string[];
  /** What the meeting did with the copies of the previous meeting's carried items, in their order. */
  readonly reviewed: readonly ItemOutcome[];
  /** Items agreed in this meeting: still open when it ends, so they are carried. */
  readonly items: readonly NewItem[];
}

const ATTENDEES = JSON.stringify([
  { name: PEOPLE.marketingLead, role: 'marketing_lead' },
  { name: PEOPLE.salesLead, role: 'sales_lead' },
  { name: PEOPLE.ops, role: 'other' },
]);

/** The three reviews before the sample's last day, oldest first; the form uptime check is carried throughout. */
function script(dipFrom: string): readonly MeetingSpec[] {
  return [
    {
      notes: `Follow-up SLA slipped again in Brazil; most breaches are on ${SLOW_OWNER}'s leads. Inbound volume is back to normal after the website form outage that started ${dipFrom}. Priya will check whether the night-time routing delays are real.`,
      decisions: [
        `Brazilian SMB overflow goes to Ana Ribeiro until ${SLOW_OWNER}'s first contacts are back within the SLA.`,
        'Leads nobody has touched after 10 business days go to the arbiter (Priya) every Monday.',
      ],
      reviewed: [],
      items: [
        {
          text: `Review ${SLOW_OWNER}'s untouched MQLs with him and reassign the stale ones`,
          owner: PEOPLE.salesLead,
          dueInDays: 3,
        },
        {
          text: 'Add an uptime check on the website form so an outage is caught within a day',
          owner: PEOPLE.marketingLead,
          dueInDays: 5,
        },
        { text: 'Find out why leads created at night wait hours for an owner', owner: PEOPLE.ops, dueInDays: 5 },
        { text: 'Ask the partner team for a referral forecast per country', owner: PEOPLE.marketingLead, dueInDays: 5 },
      ],
    },
    {
      notes:
        'SAL rate holds near the 50% target since MQL criteria v2. One lost deal in ten still has no reason; sales agreed to fill them in. The form uptime check is still not live; the partner forecast was dropped (the partner team is being reorganised).',
      decisions: ['Lost deals without a loss reason are sent back at the Friday pipeline review.'],
      reviewed: ['done', 'carried', 'done', 'not_done'],
      items: [
        { text: 'Fill in the missing loss reasons of the last quarter', owner: PEOPLE.salesLead, dueInDays: 5 },
        {
          text: 'Draft MQL criteria v3: let SMB leads scoring 80 or more back in',
          owner: PEOPLE.marketingLead,
          dueInDays: 5,
        },
      ],
    },
    {
      notes:
        'Camila proposed MQL criteria v3 (SMB leads with a score of 80 or more). Sales wants four weeks of SMB figures before approving. Follow-up compliance improved, but the slowest owner is still well below the team.',
      decisions: [
        'MQL criteria v3 is reviewed again once four weeks of SMB figures are in.',
        `${SLOW_OWNER}'s first contacts are reviewed in every meeting until they meet the SLA.`,
      ],
      reviewed: ['carried', 'done', 'done'],
      items: [
        { text: 'Pull conversion of SMB leads scoring 80+ since the v2 change', owner: PEOPLE.ops, dueInDays: 5 },
        { text: `Coach ${SLOW_OWNER} on first-contact cadence`, owner: PEOPLE.salesLead, dueInDays: 10 },
      ],
    },
  ];
}

/** Tuesdays of the three weeks up to the last day (the latest Tuesday on or before it, and the two before). */
export function meetingDays(timeline: Timeline): number[] {
  const lastTuesday = timeline.endDay - ((weekday(timeline.endDay) - 2 + 7) % 7);
  return [lastTuesday - 14, lastTuesday - 7, lastTuesday];
}

function addWorkingDays(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0;) {
    d++;
    const dow = weekday(d);
    if (dow !== 0 && dow !== 6) left--;
  }
  return d;
}

interface Carried {
  readonly id: number;
  readonly text: string;
  readonly owner: string;
  readonly dueDate: string;
}

/**
 * Three ended weekly reviews with decisions and action items, written the way the meetings feature
 * records a meeting: its records while it runs, then ended (after which triggers freeze it). Items
 * still open at the end are `carried`, and the next meeting starts with an open copy of each
 * (`carried_from_id`, same text, owner and due date) that it marks done, not done or carried again;
 * the last meeting's carried items wait for the next meeting the user plans. Each meeting keeps its
 * agenda clock and ratings (meeting-records.ts); snapshots are frozen once the definitions exist
 * (snapshots.ts). Returns when the last one ended (the MQL v3 proposal follows it).
 */
export function insertMeetings(repo: SampleRepository, timeline: Timeline): { count: number; lastEndedAt: number } {
  const { office } = timeline;
  const days = meetingDays(timeline);
  let carried: Carried[] = [];
  let points: CarriedPoint[] = [];
  let lastEndedAt = 0;
  script(isoDate(timeline.dipFromDay)).forEach((spec, i) => {
    const day = days[i]!;
    const startedAt = office.at(day, 10) + (i * 3 - 2) * MINUTE;
    const endedAt = startedAt + (55 + i * 6) * MINUTE;
    const meetingId = repo.insertStartedMeeting({
      title: `Weekly funnel review — week of ${isoDate(day - 8)}`,
      weekStart: isoDate(day - 8),
      startedAt,
      attendees: ATTENDEES,
      notes: spec.notes,
      createdAt: office.at(day - 4, 16),
    });
    spec.decisions.forEach((text, k) =>
      repo.insertDecision({ meetingId, text, createdAt: startedAt + (20 + 15 * k) * MINUTE }),
    );
    const next: Carried[] = [];
    carried.forEach((from, k) => {
      const outcome = spec.reviewed[k] ?? 'carried';
      const id = repo.insertActionItem({
        meetingId,
        text: from.text,
        owner: from.owner,
        dueDate: from.dueDate,
        status: outcome,
        carriedFromId: from.id,
        createdAt: startedAt,
        // Reviewed in the "actions" part of the meeting; carried ones close when it ends.
        closedAt: outcome === 'carried' ? endedAt : startedAt + (40 + 2 * k) * MINUTE,
      });
      if (outcome === 'carried') next.push({ ...from, id });
    });
    spec.items.forEach((item, k) => {
      const dueDate = isoDate(addWorkingDays(day, item.dueInDays));
      const id = repo.insertActionItem({
        meetingId,
        text: item.text,
        owner: item.owner,
        dueDate,
        status: 'carried',
        carriedFromId: null,
        createdAt: startedAt + (30 + 5 * k) * MINUTE,
        closedAt: endedAt,
      });
      next.push({ id, text: item.text, owner: item.owner, dueDate });
    });
    for (const r of sampleRatings(i, endedAt - 3 * MINUTE)) repo.insertRating({ meetingId, ...r });
    const agenda = sampleAgenda(i, startedAt, endedAt, points);
    repo.endMeeting(meetingId, endedAt, JSON.stringify(agenda));
    points = leftOver(agenda, meetingId);
    carried = next;
    lastEndedAt = endedAt;
  });
  return { count: days.length, lastEndedAt };
}
