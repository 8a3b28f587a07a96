import type { ContractHandlers } from '../../shared/contract';
import { withCalendar } from '../calendar/calendar-errors';
import { computeReportOn, computeWeekOn } from './period-pool';
import { drilldown } from './drilldown';
import { computeFlow } from './service';
import { parseSpendCsv, SpendRepository } from './spend';
import type { Runtime } from '../runtime/runtime';

export const metricsHandlers: ContractHandlers<Runtime>['metrics'] = {
  report: (input, rt) => withCalendar(() => computeReportOn(rt.reportThreads, rt.requireWorkspace(), input)),
  week: (input, rt) => withCalendar(() => computeWeekOn(rt.reportThreads, rt.requireWorkspace(), input)),
  flow: (input, rt) => computeFlow(rt.requireWorkspace(), input),
  drilldown: (input, rt) => withCalendar(() => drilldown(rt.requireWorkspace(), input)),
  importSpend: ({ fileId }, rt) => {
    const ws = rt.requireWorkspace();
    const entry = rt.files.get(fileId);
    return ws.repo(SpendRepository).save(parseSpendCsv(entry.path), entry.ref.name);
  },
  spend: (_input, rt) => rt.requireWorkspace().repo(SpendRepository).list(),
};
