import { z } from 'zod';
import { method } from '../contract/define';
import type { JobStatus } from './types';

const jobId = z.object({ id: z.string().regex(/^[a-z0-9-]{1,64}$/) }).strict();

export const jobsContract = {
  /** The status, progress and (once finished) result of a job. */
  get: method<JobStatus>()({ input: jobId, doc: 'Status and progress of a long-running job.' }),
  /** Asks a running job to stop; it rolls back and ends as `cancelled`. */
  cancel: method<JobStatus>()({ input: jobId, doc: 'Cancel a running job; its changes are rolled back.' }),
  /** Jobs started in this session, newest first. */
  list: method<JobStatus[]>()({ input: z.object({}).strict(), doc: 'Jobs started in this session.' }),
};
