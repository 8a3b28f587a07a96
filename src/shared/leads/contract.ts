import { z } from 'zod';
import { job, method } from '../contract/define';
import {
  exportInput,
  facetsInput,
  listInput,
  type Facet,
  type LeadExport,
  type LeadPage,
  type LeadTimeline,
  type ReasonLabel,
} from './types';

const empty = z.object({}).strict();

export const leadsContract = {
  /** One page of the leads matching a query, with the total (counted once per query). */
  list: method<LeadPage>()({ input: listInput, doc: 'A page of leads, filtered and sorted, with the total.' }),
  /** The values of lead fields with their counts, for filter pickers. */
  facets: method<Facet[]>()({ input: facetsInput, doc: 'Distinct values of lead fields with counts.' }),
  /** Names of the custom CRM fields leads carry. */
  customFields: method<string[]>()({ input: empty, doc: 'Names of the custom fields on leads.' }),
  /** One lead's stage history, touches, owner and import batches. */
  timeline: method<LeadTimeline>()({
    input: z.object({ id: z.number().int().positive() }).strict(),
    doc: "A lead's details and stage timeline.",
  }),
  /** The reason taxonomy's codes with their labels. */
  reasons: method<ReasonLabel[]>()({ input: empty, doc: 'Reason codes with their labels.' }),
  /** Writes the leads matching a query to CSV or XLSX (a job whose result holds the file). */
  export: job<LeadExport>()({
    input: exportInput,
    doc: 'Export the current list of leads to CSV or XLSX (a job).',
  }),
};
