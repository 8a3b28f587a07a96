import { useCallback, useRef, useState } from 'react';
import type { ApiErrorPayload } from '../../../../shared/errors';
import { asAppError } from '../../../transport/envelope';
export interface Action {
  readonly busy: boolean;
  readonly error: ApiErrorPayload | null;
  /** Runs the work unless one is running; a failure is kept in `error` for the form to show. */
  run<T>(work: () => Promise<T>): Promise<T | undefined>;
  clear(): void;
}

/** A button's work: busy while it runs, its failure shown where the user clicked. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const running = useRef(false);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(asAppError(e).toPayload());
      return undefined;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(null), []);
  return { busy, error, run, clear };
}
