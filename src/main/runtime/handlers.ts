import type { ContractHandlers } from '../../shared/contract';
import { workspaceHandlers } from '../workspace/handlers';
import { jobsHandlers } from '../jobs/handlers';
import { filesHandlers } from '../files/handlers';
import { desktopHandlers } from '../desktop/handlers';
import { appHandlers } from '../app/handlers';
import { metricsHandlers } from '../metrics/handlers';
import { calendarHandlers } from '../calendar/handlers';
import type { Runtime } from './runtime';
import { importsHandlers } from '../imports/handlers';
import { documentsHandlers } from '../documents/handlers';
import { leadsHandlers } from '../leads/handlers';
import { definitionsHandlers } from '../definitions/handlers';
import { meetingsHandlers } from '../meetings/handlers';

/** Every capability's handlers, one line each; the type makes a missing or extra handler a compile error. */
export const handlers: ContractHandlers<Runtime> = {
  workspace: workspaceHandlers,
  jobs: jobsHandlers,
  files: filesHandlers,
  desktop: desktopHandlers,
  app: appHandlers,
  metrics: metricsHandlers,
  calendar: calendarHandlers,
  imports: importsHandlers,
  documents: documentsHandlers,
  leads: leadsHandlers,
  definitions: definitionsHandlers,
  meetings: meetingsHandlers,
};
