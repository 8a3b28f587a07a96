import type { ContractHandlers } from '../../shared/contract';
import type { Runtime } from '../runtime/runtime';
import { shippedLicenses } from './licenses';

export const appHandlers: ContractHandlers<Runtime>['app'] = {
  events: ({ after, waitMs }, rt) => rt.events.next(after, waitMs),
  about: (_input, rt) => ({ version: rt.options.appVersion, ...shippedLicenses() }),
};
