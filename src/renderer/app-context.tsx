import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import type { Api } from '../shared/contract';
import { LOCALES, type Locale } from '../shared/domain/types';
import type { AppModel } from './app-model';
import type { NavigationState } from './state/navigation';
import type { ScreenCommand } from './state/screen-commands';
import type { SessionStoreState } from './state/session';
import type { UiState } from './state/ui';
import type { Transport } from './transport/types';

const AppContext = createContext<AppModel | null>(null);

export function AppProvider({ model, children }: { model: AppModel; children: ReactNode }) {
  return <AppContext.Provider value={model}>{children}</AppContext.Provider>;
}

export function useApp(): AppModel {
  const model = useContext(AppContext);
  if (!model) throw new Error('useApp outside <AppProvider>');
  return model;
}

export const useTransport = (): Transport => useApp().transport;
export const useApi = (): Api => useApp().transport.api;

export function useSession<T>(selector: (state: SessionStoreState) => T): T {
  return useStore(useApp().session, selector);
}

export function useNavigation<T>(selector: (state: NavigationState) => T): T {
  return useStore(useApp().navigation, selector);
}

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useApp().ui, selector);
}

/** The language the UI is shown in right now. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const current = LOCALES.find((l) => l === i18n.language);
  return current ?? 'en';
}

/**
 * Lets the mounted screen carry out a menu command (File > Import, Export). The frame delivers the
 * command to whichever screen registered it, or says that the current view has nothing to do.
 */
export function useScreenCommand(command: ScreenCommand, handler: () => void): void {
  const store = useApp().screenCommands;
  useEffect(() => store.getState().register(command, handler), [store, command, handler]);
}
