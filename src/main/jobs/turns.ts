import { setImmediate } from 'node:timers/promises';
import type { JobControl } from './registry';

/** Lets what waits on the event loop (requests, progress polls) run before the next chunk of work. */
export const yieldToEventLoop = (): Promise<void> => setImmediate();

/** Between two chunks of a job's work: a cancel is heard (`jobs.cancelled`), then other work runs. */
export async function nextTurn(ctl: JobControl): Promise<void> {
  ctl.checkpoint();
  await yieldToEventLoop();
}
