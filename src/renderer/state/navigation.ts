import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_SECTION, hashFor, sectionFromHash, type Section } from './sections';

export interface NavigationState {
  readonly section: Section;
  navigate(section: Section): void;
}

export interface HashHost {
  readonly location: { readonly hash: string };
  readonly history: {
    readonly state: unknown;
    replaceState(data: unknown, unused: string, url?: string): void;
    pushState(data: unknown, unused: string, url?: string): void;
  };
  addEventListener(type: 'hashchange', listener: () => void): void;
}

/**
 * Which section is shown. State-based routing: the store is the truth, the hash mirrors it so a
 * reload (or Back) returns to the same section.
 */
export function createNavigationStore(host: HashHost): StoreApi<NavigationState> {
  const store = createStore<NavigationState>()((set, get) => ({
    section: sectionFromHash(host.location.hash) ?? DEFAULT_SECTION,
    navigate(section) {
      if (get().section === section && sectionFromHash(host.location.hash) === section) return;
      set({ section });
      if (sectionFromHash(host.location.hash) !== section)
        host.history.pushState(host.history.state, '', hashFor(section));
    },
  }));
  if (!sectionFromHash(host.location.hash))
    host.history.replaceState(host.history.state, '', hashFor(store.getState().section));
  host.addEventListener('hashchange', () => {
    const section = sectionFromHash(host.location.hash);
    if (section && section !== store.getState().section) store.setState({ section });
  });
  return store;
}
