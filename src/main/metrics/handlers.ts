import type { ContractHandlers } from '../../shared/contract';
import { computeReportOn, computeWeekOn } from './period-pool';
import { drilldown } from './drilldown';
import { parseSpendCsv, SpendRepository } from './spend';
import type { Runtime } from '../runtime/runtime';
import { NoWorkingTimeError } from '../../shared/calendar/business-hours';
import { AppError } from '../../shared/errors';

/** A calendar without working time surfaces from inside SQL as a plain Error; give it its message. */
async function withCalendar<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof NoWorkingTimeError || (e instanceof Error && e.name === 'NoWorkingTimeError'))
      throw new AppError('calendar.noWorkingTime');
    throw e;
  }
}

export const metricsHandlers: ContractHandlers<Runtime>['metrics'] = {
  report: (input, rt) => withCalendar(() => computeReportOn(rt.reportThreads, rt.requireWorkspace(), input)),
  week: (input, rt) => withCalendar(() => computeWeekOn(rt.reportThreads, rt.requireWorkspace(), input)),
  drilldown: (input, rt) => withCalendar(() => drilldown(rt.requireWorkspace(), input)),
  importSpend: ({ fileId }, rt) => {
    const ws = rt.requireWorkspace();
    const entry = rt.files.get(fileId);
    return ws.repo(SpendRepository).save(parseSpendCsv(entry.path), entry.ref.name);
  },
  spend: (_input, rt) => rt.requireWorkspace().repo(SpendRepository).list(),
};
