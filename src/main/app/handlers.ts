import type { ContractHandlers } from '../../shared/contract';
import type { Runtime } from '../runtime/runtime';

export const appHandlers: ContractHandlers<Runtime>['app'] = {
  events: ({ after, waitMs }, rt) => rt.events.next(after, waitMs),
};
