import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { ApiErrorPayload } from '../../../shared/errors';
import { asAppError } from '../../transport/envelope';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiErrorPayload | null;
  /** True from the render in which the inputs change until their answer arrives. */
  readonly loading: boolean;
  /** `data` answers earlier inputs: show it as outdated, never as the answer to the present ones. */
  readonly stale: boolean;
  reload(): Promise<void>;
}

interface State<T> {
  readonly data: T | null;
  readonly error: ApiErrorPayload | null;
  readonly loading: boolean;
  /** The read that produced `data` (its identity changes with the inputs). */
  readonly source: unknown;
}

/**
 * Runs an API read when its inputs change and keeps only the latest answer: a slow reply to an
 * earlier selection never overwrites the one the user is looking at.
 */
export function useLoaded<T>(run: () => Promise<T>, deps: DependencyList): Loaded<T> {
  // The caller lists what `run` reads in `deps`, as with useEffect.
  const stable = useCallback(run, deps);
  const [state, setState] = useState<State<T>>({ data: null, error: null, loading: true, source: stable });
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await stable();
      if (mine === seq.current) setState({ data, error: null, loading: false, source: stable });
    } catch (e) {
      if (mine === seq.current)
        setState({ data: null, error: asAppError(e).toPayload(), loading: false, source: stable });
    }
  }, [stable]);
  useEffect(() => {
    void reload();
  }, [reload]);
  // The effect that starts the new read runs after the render that shows the new inputs: judge
  // freshness here, in that same render, so no frame pairs new inputs with the old answer unmarked.
  const outdated = state.source !== stable;
  return {
    data: state.data,
    error: outdated ? null : state.error,
    loading: state.loading || outdated,
    stale: state.data !== null && outdated,
    reload,
  };
}
