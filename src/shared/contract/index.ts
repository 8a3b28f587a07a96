import { listMethods, type ApiClient, type Handlers } from './define';
import { workspaceContract } from '../workspace/contract';
import { jobsContract } from '../jobs/contract';
import { filesContract } from '../files/contract';
import { desktopContract } from '../desktop/contract';
import { appContract } from '../app/contract';
import { metricsContract } from '../metrics/contract';
import { calendarContract } from '../calendar/contract';
import { importsContract } from '../imports/contract';
import { documentsContract } from '../documents/contract';
import { leadsContract } from '../leads/contract';
import { definitionsContract } from '../definitions/contract';
import { meetingsContract } from '../meetings/contract';

/**
 * The API: every capability every front end has. A new capability adds its group here (one line);
 * IPC registration, the preload bridge, the HTTP bridge and the CLI's `api` command follow from it.
 */
export const contract = {
  workspace: workspaceContract,
  jobs: jobsContract,
  files: filesContract,
  desktop: desktopContract,
  app: appContract,
  metrics: metricsContract,
  calendar: calendarContract,
  imports: importsContract,
  documents: documentsContract,
  leads: leadsContract,
  definitions: definitionsContract,
  meetings: meetingsContract,
};

export type Contract = typeof contract;
export type Api = ApiClient<Contract>;
export type ContractHandlers<Ctx> = Handlers<Contract, Ctx>;

/** Every method with its wire name; throws at start-up on a malformed or duplicate name. */
export const methods = listMethods(contract);
