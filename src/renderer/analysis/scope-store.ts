import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Period } from '../../shared/metrics/period';
import type { Filters } from '../../shared/metrics/types';
import type { HashHost } from '../state/navigation';
import {
  hashParams,
  hasScope,
  readScope,
  setFilterValues,
  withHashParams,
  withoutScope,
  writeScope,
  type AnalysisScope,
  type CompareMode,
} from './scope';

export interface ScopeState extends AnalysisScope {
  setPeriod(period: Period): void;
  setFilter(field: string, values: readonly string[]): void;
  setFilters(filters: Filters): void;
  setCompare(compare: CompareMode): void;
}

/** The analysis screens' shared scope. Pure state; `mirrorScopeInHash` ties it to the address. */
export function createScopeStore(initial: AnalysisScope): StoreApi<ScopeState> {
  return createStore<ScopeState>()((set, get) => ({
    ...initial,
    setPeriod: (period) => set({ period }),
    setFilter: (field, values) => set({ filters: setFilterValues(get().filters, field, values) }),
    setFilters: (filters) => set({ filters }),
    setCompare: (compare) => set({ compare }),
  }));
}

function sameScope(a: AnalysisScope, b: AnalysisScope): boolean {
  return writeScope(a, new URLSearchParams()).toString() === writeScope(b, new URLSearchParams()).toString();
}

/**
 * Keeps the scope in the hash after the section (`#/funnel?from=…&f.segment=SMB`), so a reload,
 * a bookmark or Back shows the same figures. The store is the truth; the hash mirrors it with
 * replaceState (changing a filter is not a navigation). The opening scope (`defaults`: the latest
 * full week, no filters) leaves the address bare, `#/funnel`, which always means "the latest
 * week". Returns the function that stops it.
 */
export function mirrorScopeInHash(
  store: StoreApi<ScopeState>,
  host: HashHost & { removeEventListener(type: 'hashchange', listener: () => void): void },
  defaults?: AnalysisScope,
): () => void {
  const write = () => {
    const current = hashParams(host.location.hash);
    const params =
      defaults && sameScope(store.getState(), defaults) ? withoutScope(current) : writeScope(store.getState(), current);
    const next = withHashParams(host.location.hash, params);
    if (next !== host.location.hash) host.history.replaceState(host.history.state, '', next);
  };
  const read = () => {
    const params = hashParams(host.location.hash);
    if (!hasScope(params)) return;
    const current = store.getState();
    const fromHash = readScope(params, current);
    if (!sameScope(fromHash, current))
      store.setState({ period: fromHash.period, filters: fromHash.filters, compare: fromHash.compare });
  };
  // A link or reload carries a scope: it wins over what the store held.
  read();
  write();
  const unsubscribe = store.subscribe(write);
  const onHash = () => {
    read();
    write();
  };
  host.addEventListener('hashchange', onHash);
  return () => {
    unsubscribe();
    host.removeEventListener('hashchange', onHash);
  };
}
