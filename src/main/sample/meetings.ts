import { MINUTE, isoDate, weekday } from './calendar';
import { PEOPLE, SLOW_OWNER } from './catalog';
import type { SampleRepository } from './repository';
import type { Timeline } from './timeline';

type ItemStatus = 'open' | 'done' | 'not_done';

interface ItemSpec {
  readonly text: string;
  readonly owner: string;
  /** Working days after the meeting it is due. */
  readonly dueInDays: number;
  readonly status: ItemStatus;
  /** Index of the item (in the previous meeting) this one carries over. */
  readonly carries?: number;
}

interface MeetingSpec {
  readonly notes: string;
  readonly decisions: readonly string[];
  readonly items: readonly ItemSpec[];
}

const ATTENDEES = JSON.stringify([
  { name: PEOPLE.marketingLead, role: 'marketing_lead' },
  { name: PEOPLE.salesLead, role: 'sales_lead' },
  { name: PEOPLE.ops, role: 'ops' },
]);

/** The three reviews before the sample's last day, oldest first; one action item is carried twice. */
function script(dipFrom: string): readonly MeetingSpec[] {
  return [
    {
      notes: `Follow-up SLA slipped again in Brazil; most breaches are on ${SLOW_OWNER}'s leads. Inbound volume is back to normal after the website form outage that started ${dipFrom}. Priya will check whether the night-time routing delays are real.`,
      decisions: [
        `Brazilian SMB overflow goes to Ana Ribeiro until ${SLOW_OWNER}'s first contacts are back within the SLA.`,
        'Leads nobody has touched after 10 business days go to the arbiter (Priya) every Monday.',
      ],
      items: [
        {
          text: `Review ${SLOW_OWNER}'s untouched MQLs with him and reassign the stale ones`,
          owner: PEOPLE.salesLead,
          dueInDays: 3,
          status: 'done',
        },
        {
          text: 'Add an uptime check on the website form so an outage is caught within a day',
          owner: PEOPLE.marketingLead,
          dueInDays: 5,
          status: 'not_done',
        },
        {
          text: 'Find out why leads created at night wait hours for an owner',
          owner: PEOPLE.ops,
          dueInDays: 5,
          status: 'done',
        },
      ],
    },
    {
      notes:
        'SAL rate holds near the 50% target since MQL criteria v2. One lost deal in ten still has no reason; sales agreed to fill them in. The form uptime check is still not live.',
      decisions: ['Lost deals without a loss reason are sent back at the Friday pipeline review.'],
      items: [
        {
          text: 'Add an uptime check on the website form so an outage is caught within a day',
          owner: PEOPLE.marketingLead,
          dueInDays: 5,
          status: 'not_done',
          carries: 1,
        },
        {
          text: 'Fill in the missing loss reasons of the last quarter',
          owner: PEOPLE.salesLead,
          dueInDays: 5,
          status: 'done',
        },
        {
          text: 'Draft MQL criteria v3: let SMB leads scoring 80 or more back in',
          owner: PEOPLE.marketingLead,
          dueInDays: 5,
          status: 'done',
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
      items: [
        {
          text: 'Add an uptime check on the website form so an outage is caught within a day',
          owner: PEOPLE.marketingLead,
          dueInDays: 5,
          status: 'open',
          carries: 0,
        },
        {
          text: 'Pull conversion of SMB leads scoring 80+ since the v2 change',
          owner: PEOPLE.ops,
          dueInDays: 5,
          status: 'open',
        },
        {
          text: `Coach ${SLOW_OWNER} on first-contact cadence`,
          owner: PEOPLE.salesLead,
          dueInDays: 10,
          status: 'open',
        },
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

/**
 * Three ended weekly reviews with decisions and action items. Snapshots stay empty: the meetings
 * feature freezes figures itself. Returns when the last one ended (the v3 proposal follows it).
 */
export function insertMeetings(repo: SampleRepository, timeline: Timeline): { count: number; lastEndedAt: number } {
  const { office } = timeline;
  const days = meetingDays(timeline);
  const starts = days.map((d, i) => office.at(d, 10) + (i * 3 - 2) * MINUTE);
  const ends = starts.map((s, i) => s + (55 + i * 6) * MINUTE);
  let previousItems: number[] = [];
  let lastEndedAt = 0;
  script(isoDate(timeline.dipFromDay)).forEach((spec, i) => {
    const day = days[i]!;
    const startedAt = starts[i]!;
    const endedAt = ends[i]!;
    const nextStart = starts[i + 1] ?? null;
    const meetingId = repo.insertMeeting({
      title: `Weekly funnel review — week of ${isoDate(day - 8)}`,
      weekStart: isoDate(day - 8),
      startedAt,
      endedAt,
      attendees: ATTENDEES,
      notes: spec.notes,
      createdAt: office.at(day - 4, 16),
    });
    spec.decisions.forEach((text, k) =>
      repo.insertDecision({ meetingId, text, createdAt: startedAt + (20 + 15 * k) * MINUTE }),
    );
    previousItems = spec.items.map((item, k) => {
      const dueDay = addWorkingDays(day, item.dueInDays);
      // Done items close when done; unfinished ones are marked not done at the next review.
      const closedAt =
        item.status === 'open' ? null : item.status === 'done' ? office.at(Math.min(dueDay, day + 6), 15.5) : nextStart;
      return repo.insertActionItem({
        meetingId,
        text: item.text,
        owner: item.owner,
        dueDate: isoDate(dueDay),
        status: item.status,
        carriedFromId: item.carries === undefined ? null : (previousItems[item.carries] ?? null),
        createdAt: startedAt + (30 + 5 * k) * MINUTE,
        closedAt,
      });
    });
    lastEndedAt = endedAt;
  });
  return { count: days.length, lastEndedAt };
}
