import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiErrorPayload } from '../../shared/errors';
import { asAppError } from '../transport/envelope';

export interface Resource<T> {
  /** The latest answer; kept while a newer one loads, so figures do not flash away on every filter click. */
  readonly data: T | null;
  readonly error: ApiErrorPayload | null;
  /** True from the render in which the key changes (or a reload is asked for) until its answer arrives. */
  readonly loading: boolean;
  /** `data` answers an earlier key: show it as outdated (aria-busy, dimmed), never as the present answer. */
  readonly stale: boolean;
  reload(): void;
}

interface State<T> {
  readonly data: T | null;
  /** The key and generation `data` answers. */
  readonly dataSource: string | null;
  readonly error: ApiErrorPayload | null;
  /** The key and generation of the last read that ended (with data or an error). */
  readonly settled: string | null;
  readonly loading: boolean;
}

const sourceOf = (key: string | null, generation: number) => (key === null ? null : `${generation}|${key}`);

/**
 * Loads something whenever its key changes (null: nothing to load), `delayMs` after the last
 * change when given, so typing does not send a request per key. Answers to superseded requests are dropped, so a
 * slow answer for last week never overwrites this week's figures; and an answer to the previous
 * key is reported `stale` from the very render that changes the key, not one render later.
 */
export function useResource<T>(key: string | null, load: () => Promise<T>, delayMs = 0): Resource<T> {
  const [generation, setGeneration] = useState(0);
  const source = sourceOf(key, generation);
  const [state, setState] = useState<State<T>>({
    data: null,
    dataSource: null,
    error: null,
    settled: null,
    loading: false,
  });
  const latest = useRef(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    if (source === null) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    const read = () =>
      loader.current().then(
        (data) => {
          if (ticket === latest.current)
            setState({ data, dataSource: source, error: null, settled: source, loading: false });
        },
        (e: unknown) => {
          if (ticket === latest.current)
            setState((s) => ({ ...s, error: asAppError(e).toPayload(), settled: source, loading: false }));
        },
      );
    if (delayMs <= 0) {
      void read();
      return;
    }
    const timer = setTimeout(() => void read(), delayMs);
    return () => clearTimeout(timer);
  }, [source, delayMs]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // The effect that starts the new read runs after the render that shows the new key: judge
  // freshness here, in that same render, so no frame pairs the new key with the old answer unmarked.
  // A null key asks for nothing: what is held stays as it is.
  const outdated = source !== null && state.settled !== source;
  return {
    data: state.data,
    error: outdated ? null : state.error,
    loading: state.loading || outdated,
    stale: state.data !== null && source !== null && state.dataSource !== source,
    reload,
  };
}
