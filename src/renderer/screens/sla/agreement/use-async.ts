import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiErrorPayload } from '../../../../shared/errors';
import { asAppError } from '../../../transport/envelope';

export interface Loaded<T> {
  /** The latest answer, kept while a newer one loads (a preview does not flash away on every key). */
  readonly data: T | null;
  readonly error: ApiErrorPayload | null;
  readonly loading: boolean;
  reload(): void;
}

/**
 * Loads whenever `key` changes (null: nothing to load), `delayMs` after the last change so typing
 * does not send a request per key. Answers to superseded requests are dropped.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>, delayMs = 0): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiErrorPayload | null; loading: boolean }>({
    data: null,
    error: null,
    loading: key !== null,
  });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });
  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      loader.current().then(
        (data) => {
          if (ticket === latest.current) setState({ data, error: null, loading: false });
        },
        (e: unknown) => {
          if (ticket === latest.current)
            setState((s) => ({ data: s.data, error: asAppError(e).toPayload(), loading: false }));
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, generation, delayMs]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

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
