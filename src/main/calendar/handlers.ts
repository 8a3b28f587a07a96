import type { ContractHandlers } from '../../shared/contract';
import { CALENDAR_PRESETS } from '../../shared/calendar/model';
import { presetCalendar } from '../../shared/calendar/presets';
import { loadCalendar, saveCalendar } from './settings';
import type { Runtime } from '../runtime/runtime';

export const calendarHandlers: ContractHandlers<Runtime>['calendar'] = {
  get: (_input, rt) => {
    const { zone, ...settings } = loadCalendar(rt.requireWorkspace());
    return { settings, zone, presets: CALENDAR_PRESETS };
  },
  set: (settings, rt) => {
    const ws = rt.requireWorkspace();
    saveCalendar(ws, settings);
    const { zone, ...saved } = loadCalendar(ws);
    return { settings: saved, zone, presets: CALENDAR_PRESETS };
  },
  preset: ({ preset, fromYear, toYear }) => presetCalendar(preset, fromYear, toYear),
};
