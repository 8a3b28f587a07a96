import { z } from 'zod';
import { method } from '../contract/define';
import { CALENDAR_PRESETS, calendarSettings, type CalendarSettings } from './model';
import { checkMessage } from '../validation/checks';

export interface CalendarView {
  readonly settings: CalendarSettings;
  /** The zone in use: the calendar's own or, when it has none, the workspace's. */
  readonly zone: string;
  readonly presets: readonly string[];
}

/** The longest span of years a preset is computed for. */
const MAX_PRESET_YEARS = 30;

export const calendarContract = {
  /** The business-hours calendar used by SLA figures. */
  get: method<CalendarView>()({
    input: z.object({}).strict(),
    doc: 'The business-hours calendar: days, shifts, zone, holidays.',
  }),
  /** Replaces the business-hours calendar. */
  set: method<CalendarView>()({ input: calendarSettings, doc: 'Save the business-hours calendar.', writes: true }),
  /** A country's preset (zone, office hours, public holidays for the years) to review before saving. */
  preset: method<CalendarSettings>()({
    input: z
      .object({
        preset: z.enum(CALENDAR_PRESETS),
        fromYear: z.number().int().min(1990).max(2100),
        toYear: z.number().int().min(1990).max(2100),
      })
      .strict()
      .refine(
        (v) => v.toYear >= v.fromYear && v.toYear - v.fromYear <= MAX_PRESET_YEARS,
        checkMessage('yearRange', `toYear must be between fromYear and fromYear + ${MAX_PRESET_YEARS}`, {
          years: MAX_PRESET_YEARS,
        }),
      ),
    doc: 'A country preset calendar with its public holidays, to review and save.',
  }),
};
