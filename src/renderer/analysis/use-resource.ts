import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiErrorPayload } from '../../shared/errors';
import { asAppError } from '../transport/envelope';

export interface Resource<T> {
  /** The latest answer; kept while a newer one loads, so figures do not flash away on every filter click. */
  readonly data: T | null;
  readonly error: ApiErrorPayload | null;
  readonly loading: boolean;
  reload(): void;
}

/**
 * Loads something whenever its key changes. Answers to superseded requests are dropped, so a
 * slow answer for last week never overwrites this week's figures.
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
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
    setState((s) => ({ ...s, loading: true, error: null }));
    loader.current().then(
      (data) => {
        if (ticket === latest.current) setState({ data, error: null, loading: false });
      },
      (e: unknown) => {
        if (ticket === latest.current)
          setState((s) => ({ data: s.data, error: asAppError(e).toPayload(), loading: false }));
      },
    );
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
