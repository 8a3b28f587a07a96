import type { StoreApi } from 'zustand/vanilla';
import type { I18n } from '../shared/i18n';
import { createNavigationStore, type HashHost, type NavigationState } from './state/navigation';
import { createScreenCommandsStore, type ScreenCommandsState } from './state/screen-commands';
import { createSessionStore, type SessionStoreState } from './state/session';
import { createUiStore, type UiState } from './state/ui';
import type { Transport } from './transport/types';

/** Everything the UI holds, created once at start-up and handed down through React context. */
export interface AppModel {
  readonly transport: Transport;
  readonly i18n: I18n;
  readonly session: StoreApi<SessionStoreState>;
  readonly navigation: StoreApi<NavigationState>;
  readonly ui: StoreApi<UiState>;
  readonly screenCommands: StoreApi<ScreenCommandsState>;
}

export function createAppModel(transport: Transport, i18n: I18n, hashHost: HashHost): AppModel {
  const navigation = createNavigationStore(hashHost);
  const screenCommands = createScreenCommandsStore();
  // A command waiting for its screen is void once the user has moved on to another section.
  navigation.subscribe((next, previous) => {
    if (next.section !== previous.section) screenCommands.getState().clearPending();
  });
  return {
    transport,
    i18n,
    session: createSessionStore(transport.api),
    navigation,
    ui: createUiStore(),
    screenCommands,
  };
}
