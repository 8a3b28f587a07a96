import { describe, expect, it } from 'vitest';
import {
  defaultAttendees,
  defaultPlanWeek,
  groupMeetings,
  todayIn,
} from '../../../src/renderer/screens/review/state/plan';
import { hashWithMeeting, meetingFromHash } from '../../../src/renderer/screens/review/state/location';
import { parseIsoWeek } from '../../../src/shared/meetings/week';

const week = (w: string) => ({ week: parseIsoWeek(w) });

describe('planning defaults', () => {
  it('reviews the week that just ended, or the first free week after it', () => {
    // Thursday 26 November 2026 is in 2026-W48.
    expect(defaultPlanWeek('2026-11-26', [])).toBe('2026-W47');
    expect(defaultPlanWeek('2026-11-26', [week('2026-W47')])).toBe('2026-W48');
    expect(defaultPlanWeek('2026-11-26', [week('2026-W47'), week('2026-W48'), week('2026-W46')])).toBe('2026-W49');
    // Across the year end (2027-01-04 is in 2027-W01; the week before is 2026-W53).
    expect(defaultPlanWeek('2027-01-04', [])).toBe('2026-W53');
  });

  it('takes the attendees of the latest meeting that had any', () => {
    const a = [{ name: 'Camila', role: 'marketing_lead' as const }];
    expect(defaultAttendees([{ attendees: [] }, { attendees: a }, { attendees: [] }])).toEqual(a);
    expect(defaultAttendees([])).toEqual([]);
  });

  it('groups meetings: the running one, the planned ones soonest first, the past ones as listed', () => {
    const m = (status: 'planned' | 'in_progress' | 'ended', w: string) => ({ status, ...week(w) });
    const g = groupMeetings([
      m('planned', '2026-W49'),
      m('planned', '2026-W48'),
      m('in_progress', '2026-W47'),
      m('ended', '2026-W46'),
    ]);
    expect(g.running.map((x) => x.week.week)).toEqual(['2026-W47']);
    expect(g.upcoming.map((x) => x.week.week)).toEqual(['2026-W48', '2026-W49']);
    expect(g.past.map((x) => x.week.week)).toEqual(['2026-W46']);
  });

  it('reads today in the workspace time zone', () => {
    const late = Date.parse('2026-11-26T23:30:00Z');
    expect(todayIn('UTC', late)).toBe('2026-11-26');
    expect(todayIn('Asia/Shanghai', late)).toBe('2026-11-27');
    expect(todayIn('America/Sao_Paulo', late)).toBe('2026-11-26');
  });

  it('keeps the open meeting in the address beside the section', () => {
    expect(meetingFromHash('#/review?meeting=12')).toBe(12);
    expect(meetingFromHash('#/review')).toBeNull();
    expect(meetingFromHash('#/review?meeting=abc')).toBeNull();
    expect(meetingFromHash('#/review?meeting=-3')).toBeNull();
    expect(hashWithMeeting('#/review', 5)).toBe('#/review?meeting=5');
    expect(hashWithMeeting('#/review?meeting=5', null)).toBe('#/review');
  });
});
