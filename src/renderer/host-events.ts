import type { Api } from '../shared/contract';
import type { AppEvent } from '../shared/app/contract';

export interface HostEventsOptions {
  readonly waitMs?: number;
  /** Pause before retrying after the n-th consecutive failure. */
  readonly retryDelayMs?: (failures: number) => number;
}

const defaultRetry = (failures: number): number => Math.min(1000 * 2 ** (failures - 1), 15_000);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

/**
 * Long-polls `app.events` until `signal` aborts. Events that were queued before this page started
 * (a menu click during a reload) are skipped: they were meant for a page that no longer exists.
 * Failures (server restarting, laptop asleep) back off and retry instead of ending the loop.
 */
export async function listenToHostEvents(
  api: Api,
  onEvent: (event: AppEvent) => void,
  signal: AbortSignal,
  options: HostEventsOptions = {},
): Promise<void> {
  const waitMs = options.waitMs ?? 20_000;
  const retryDelay = options.retryDelayMs ?? defaultRetry;
  let after: number | null = null;
  let failures = 0;
  while (!signal.aborted) {
    try {
      const { events, last } = await api.app.events({ after: after ?? 0, waitMs: after === null ? 0 : waitMs });
      if (signal.aborted) return;
      if (after !== null) for (const event of events) if (event.seq > after) onEvent(event);
      after = last;
      failures = 0;
    } catch {
      failures += 1;
      await sleep(retryDelay(failures), signal);
    }
  }
}
