import type { ContractHandlers } from '../../shared/contract';
import type { Runtime } from '../runtime/runtime';

export const jobsHandlers: ContractHandlers<Runtime>['jobs'] = {
  get: ({ id }, rt) => rt.jobs.get(id),
  cancel: ({ id }, rt) => rt.jobs.cancel(id),
  list: (_input, rt) => rt.jobs.list(),
};
