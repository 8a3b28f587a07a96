import { DAY, WorkClock, monthDay, weekday } from './calendar';
import { EVENTS, WORKSPACE_OFFSET_HOURS } from './catalog';

/** Every date the sample's story hangs on, derived from its last day only. */
export interface Timeline {
  /** Last day of the data (days since epoch, UTC). */
  readonly endDay: number;
  /** First day: 52 weeks before the last. */
  readonly startDay: number;
  /** Nothing happens at or after this instant: midnight UTC after the last day. */
  readonly cutoff: number;
  /** When MQL criteria v2 and SLA terms v2 took effect: a Monday about four months before the end. */
  readonly revisionDay: number;
  readonly revisionAt: number;
  /** The dip: three weeks in which the website form was broken (days, inclusive). */
  readonly dipFromDay: number;
  readonly dipToDay: number;
  /** Trade shows: the day each one took place. */
  readonly events: ReadonlyArray<{ readonly name: string; readonly day: number; readonly size: number }>;
  /** Workspace wall clock (America/Sao_Paulo, business hours 09:00-18:00). */
  readonly office: WorkClock;
}

export const DIP_DAYS = 21;

function mondayOnOrBefore(day: number): number {
  return day - ((weekday(day) + 6) % 7);
}

/** Around Christmas volume is low anyway; a dip there would be invisible. */
function touchesHolidays(fromDay: number, toDay: number): boolean {
  for (let d = fromDay; d <= toDay; d++) {
    const { month, dayOfMonth } = monthDay(d);
    if ((month === 12 && dayOfMonth >= 10) || (month === 1 && dayOfMonth <= 12)) return true;
  }
  return false;
}

export function buildTimeline(endDay: number): Timeline {
  const office = new WorkClock(WORKSPACE_OFFSET_HOURS);
  const startDay = endDay - 364;
  const revisionDay = mondayOnOrBefore(endDay - 119);
  let dipFromDay = mondayOnOrBefore(endDay - 69);
  for (const daysBack of [69, 161, 203, 245]) {
    dipFromDay = mondayOnOrBefore(endDay - daysBack);
    if (!touchesHolidays(dipFromDay, dipFromDay + DIP_DAYS - 1)) break;
  }
  return {
    endDay,
    startDay,
    cutoff: (endDay + 1) * DAY,
    revisionDay,
    revisionAt: office.at(revisionDay, 0),
    dipFromDay,
    dipToDay: dipFromDay + DIP_DAYS - 1,
    events: EVENTS.map((e) => ({
      name: e.name,
      day: mondayOnOrBefore(endDay - e.weeksBeforeEnd * 7) + 2,
      size: e.size,
    })),
    office,
  };
}
