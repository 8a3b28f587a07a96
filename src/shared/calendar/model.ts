import { z } from 'zod';
import { IANAZone } from 'luxon';
import { checkMessage } from '../validation/checks';

/** Countries with a holiday preset (public holidays by rule; users review and edit the list). */
export const CALENDAR_PRESETS = ['BR', 'ES', 'MX', 'RU', 'CN', 'US', 'UK'] as const;
export type CalendarPreset = (typeof CALENDAR_PRESETS)[number];

const timeOfDay = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(
    (d) => {
      const ms = Date.parse(`${d}T00:00:00Z`);
      return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d;
    },
    checkMessage('notCalendarDate', 'not a calendar date'),
  );

export const timeZoneName = z
  .string()
  .min(1)
  .max(64)
  .superRefine((zone, ctx) => {
    if (!IANAZone.isValidZone(zone))
      ctx.addIssue({ code: 'custom', ...checkMessage('unknownTimeZone', `unknown time zone: ${zone}`, { zone }) });
  });

/** Minutes since local midnight; "24:00" is 1440 so a shift can end at midnight. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

export const shift = z.object({ start: timeOfDay, end: timeOfDay }).strict();
export type Shift = z.infer<typeof shift>;

export const holiday = z.object({ date: isoDate, name: z.string().max(120).default('') }).strict();
export type Holiday = z.infer<typeof holiday>;

/**
 * The business-hours calendar (settings key `calendar`). Working time is every shift of every
 * working day that is not a holiday, in the calendar's time zone (null: the workspace's).
 * Shifts may be split (e.g. 09:00-14:00 and 16:00-19:00) but must be ordered and not overlap.
 */
export const calendarSettings = z
  .object({
    timeZone: timeZoneName.nullable().default(null),
    /** ISO weekdays: 1 = Monday ... 7 = Sunday. */
    workingDays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    shifts: z.array(shift).min(1).max(6),
    holidays: z.array(holiday).max(5000).default([]),
    /** Which preset the list started from, shown to users; the list itself is what counts. */
    preset: z.enum(CALENDAR_PRESETS).nullable().default(null),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (new Set(value.workingDays).size !== value.workingDays.length) {
      ctx.addIssue({ code: 'custom', path: ['workingDays'], ...checkMessage('duplicateWeekday', 'duplicate weekday') });
    }
    let previousEnd = -1;
    value.shifts.forEach((s, i) => {
      const start = minutesOf(s.start);
      const end = minutesOf(s.end);
      if (end <= start)
        ctx.addIssue({
          code: 'custom',
          path: ['shifts', i],
          ...checkMessage('shiftEndsBeforeStart', `a shift must end after it starts (${s.start}-${s.end})`, {
            start: s.start,
            end: s.end,
          }),
        });
      if (start < previousEnd)
        ctx.addIssue({
          code: 'custom',
          path: ['shifts', i],
          ...checkMessage('shiftsOverlap', 'shifts must be in order and not overlap'),
        });
      previousEnd = end;
    });
    const seen = new Set<string>();
    value.holidays.forEach((h, i) => {
      if (seen.has(h.date))
        ctx.addIssue({
          code: 'custom',
          path: ['holidays', i],
          ...checkMessage('duplicateHoliday', `duplicate holiday: ${h.date}`, { date: h.date }),
        });
      seen.add(h.date);
    });
  });
export type CalendarSettings = z.infer<typeof calendarSettings>;
export type CalendarSettingsInput = z.input<typeof calendarSettings>;

/** Monday to Friday, 09:00-18:00, no holidays: a neutral start until the team sets its own. */
export const DEFAULT_CALENDAR: CalendarSettings = {
  timeZone: null,
  workingDays: [1, 2, 3, 4, 5],
  shifts: [{ start: '09:00', end: '18:00' }],
  holidays: [],
  preset: null,
};

/** The calendar as used: settings plus the effective time zone. */
export interface ResolvedCalendar extends CalendarSettings {
  readonly zone: string;
}
