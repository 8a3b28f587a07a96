import type { Workspace } from '../workspace/workspace';
import { WorkspaceRepository } from '../workspace/repository';
import {
  calendarSettings,
  DEFAULT_CALENDAR,
  type CalendarSettings,
  type ResolvedCalendar,
} from '../../shared/calendar/model';
import { AppError } from '../../shared/errors';
import { toIssues } from '../runtime/dispatch';

/** Settings key of the business-hours calendar. */
export const CALENDAR_KEY = 'calendar';

/** The saved calendar (or the default), with its zone resolved against the workspace's. */
export function loadCalendar(ws: Workspace): ResolvedCalendar {
  const stored = ws.repo(WorkspaceRepository).getSetting(CALENDAR_KEY);
  let settings: CalendarSettings = DEFAULT_CALENDAR;
  if (stored !== undefined) {
    const parsed = calendarSettings.safeParse(stored);
    if (!parsed.success) {
      // The detail names where; the issues say what, in the reader's language.
      const issues = toIssues(parsed.error);
      throw new AppError('calendar.badSettings', { detail: issues[0]?.path ?? '' }, undefined, issues);
    }
    settings = parsed.data;
  }
  return { ...settings, zone: settings.timeZone ?? ws.settings().timeZone };
}

export function saveCalendar(ws: Workspace, settings: CalendarSettings): void {
  ws.repo(WorkspaceRepository).setSetting(CALENDAR_KEY, settings);
}
