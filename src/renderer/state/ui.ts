import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ApiErrorPayload } from '../../shared/errors';

/** Dialogs the frame owns; screens keep their own dialogs. */
export type FrameDialog =
  | { readonly kind: 'about' }
  | { readonly kind: 'newWorkspace' }
  | { readonly kind: 'openWorkspace' }
  /** A failure of something started from a menu, where no screen is there to show it. */
  | { readonly kind: 'failure'; readonly error: ApiErrorPayload };

export type Notice =
  /** A message by i18n key and its parameters. */
  | { readonly id: number; readonly key: string; readonly params?: Readonly<Record<string, string | number>> }
  /** A failure of background work (refreshing counts...), shown translated like any API error. */
  | { readonly id: number; readonly error: ApiErrorPayload };

export interface UiState {
  readonly dialog: FrameDialog | null;
  /** Presenter mode: navigation and header hidden, larger type, for the meeting room screen. */
  readonly presenter: boolean;
  readonly notices: readonly Notice[];
  openDialog(dialog: FrameDialog): void;
  closeDialog(): void;
  setPresenter(on: boolean): void;
  notify(key: string, params?: Record<string, string | number>): void;
  notifyError(error: ApiErrorPayload): void;
  dismissNotice(id: number): void;
}

const NOTICE_MS = 6000;

export function createUiStore(): StoreApi<UiState> {
  let nextId = 1;
  return createStore<UiState>()((set, get) => {
    const show = (notice: Notice) => {
      set({ notices: [...get().notices, notice].slice(-3) });
      setTimeout(() => get().dismissNotice(notice.id), NOTICE_MS);
    };
    return {
      dialog: null,
      presenter: false,
      notices: [],
      openDialog: (dialog) => set({ dialog }),
      closeDialog: () => set({ dialog: null }),
      setPresenter: (presenter) => set({ presenter }),
      notify(key, params) {
        show({ id: nextId++, key, ...(params ? { params } : {}) });
      },
      notifyError(error) {
        show({ id: nextId++, error });
      },
      dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
    };
  });
}
