import { createStore, type StoreApi } from 'zustand/vanilla';

/** Menu commands that a screen, not the frame, carries out (the import screen imports, a report exports). */
export const SCREEN_COMMANDS = ['imports.import', 'export'] as const;
export type ScreenCommand = (typeof SCREEN_COMMANDS)[number];

export interface ScreenCommandsState {
  /** Handlers of the screens on display; a screen registers while mounted. */
  readonly handlers: Partial<Record<ScreenCommand, () => void>>;
  /** A command waiting for its screen to mount (the menu navigated there first). */
  readonly pending: ScreenCommand | null;
  register(command: ScreenCommand, handler: () => void): () => void;
  /** Runs the command now when a screen handles it; otherwise keeps it for the next screen that does. Returns whether it ran. */
  deliver(command: ScreenCommand, keepPending: boolean): boolean;
  clearPending(): void;
}

export function createScreenCommandsStore(): StoreApi<ScreenCommandsState> {
  return createStore<ScreenCommandsState>()((set, get) => ({
    handlers: {},
    pending: null,
    register(command, handler) {
      set({ handlers: { ...get().handlers, [command]: handler } });
      if (get().pending === command) {
        set({ pending: null });
        handler();
      }
      return () => {
        if (get().handlers[command] !== handler) return;
        const rest = { ...get().handlers };
        delete rest[command];
        set({ handlers: rest });
      };
    },
    deliver(command, keepPending) {
      const handler = get().handlers[command];
      if (handler) {
        handler();
        return true;
      }
      if (keepPending) set({ pending: command });
      return false;
    },
    clearPending: () => set({ pending: null }),
  }));
}
