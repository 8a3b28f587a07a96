import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ApiErrorPayload } from '../../../shared/errors';
import { asAppError } from '../../transport/envelope';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiErrorPayload | null;
  readonly loading: boolean;
  reload(): Promise<void>;
}

/**
 * Runs an API read when its inputs change and keeps only the latest answer: a slow reply to an
 * earlier selection never overwrites the one the user is looking at.
 */
export function useLoaded<T>(run: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: ApiErrorPayload | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const seq = useRef(0);
  // The caller lists what `run` reads in `deps`, as with useEffect.
  const stable = useCallback(run, deps);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await stable();
      if (mine === seq.current) setState({ data, error: null, loading: false });
    } catch (e) {
      if (mine === seq.current) setState({ data: null, error: asAppError(e).toPayload(), loading: false });
    }
  }, [stable]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}
