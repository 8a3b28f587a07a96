import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Api } from '../../shared/contract';
import type { Locale, Preferences, SessionState, Theme, WorkspaceInfo } from '../../shared/domain/types';
import { AppError, type ApiErrorPayload } from '../../shared/errors';
import { asAppError } from '../transport/envelope';

/** What is running right now, so buttons can show progress and refuse double clicks. */
export type SessionBusy = 'load' | 'sample' | 'open' | 'create' | 'close' | 'restore' | null;

export interface PreferencesPatch {
  readonly theme?: Theme;
  readonly locale?: Locale | null;
  readonly userName?: string;
}

export interface SettingsPatch {
  readonly name?: string;
  readonly timeZone?: string;
  readonly locale?: Locale;
  readonly currency?: string;
}

export interface SessionStoreState {
  /** null until the first answer arrives. */
  readonly session: SessionState | null;
  /** The session could not be read at all (server stopped, wrong token). */
  readonly loadError: ApiErrorPayload | null;
  readonly busy: SessionBusy;
  load(): Promise<void>;
  /** Re-reads the open workspace's counts (after imports, restores, other screens' writes). */
  refreshWorkspace(): Promise<void>;
  openSample(): Promise<WorkspaceInfo>;
  open(path: string, readOnly?: boolean): Promise<WorkspaceInfo>;
  create(path: string, name?: string): Promise<WorkspaceInfo>;
  close(): Promise<void>;
  restoreBackup(backupPath: string, workspacePath?: string): Promise<WorkspaceInfo>;
  forgetRecent(path: string): Promise<void>;
  setPreferences(patch: PreferencesPatch): Promise<Preferences>;
  updateSettings(patch: SettingsPatch): Promise<WorkspaceInfo>;
}

/**
 * The frame's data: open workspace, recent files, preferences. Actions throw `AppError` on failure
 * so the component that started them can say what went wrong where the user is looking.
 */
export function createSessionStore(api: Api): StoreApi<SessionStoreState> {
  return createStore<SessionStoreState>()((set, get) => {
    /** Runs a workspace-changing call, then re-reads the whole session (recent list included). */
    const change = async <T>(busy: Exclude<SessionBusy, null>, work: () => Promise<T>): Promise<T> => {
      if (get().busy) throw new AppError('renderer.busy', {}, `Still busy with ${get().busy}`);
      set({ busy });
      try {
        const result = await work();
        set({ session: await api.workspace.session({}), loadError: null });
        return result;
      } finally {
        set({ busy: null });
      }
    };

    return {
      session: null,
      loadError: null,
      busy: null,

      async load() {
        try {
          set({ session: await api.workspace.session({}), loadError: null });
        } catch (e) {
          set({ loadError: asAppError(e).toPayload() });
        }
      },

      async refreshWorkspace() {
        const session = get().session;
        if (!session?.workspace) return;
        const workspace = await api.workspace.info({});
        // The user may have switched workspaces while the answer was on its way.
        if (get().session?.workspace?.path === workspace.path) set({ session: { ...session, workspace } });
      },

      openSample: () => change('sample', () => api.workspace.openSample({})),
      open: (path, readOnly) => change('open', () => api.workspace.open({ path, ...(readOnly ? { readOnly } : {}) })),
      create: (path, name) => change('create', () => api.workspace.create({ path, ...(name ? { name } : {}) })),
      close: () => change('close', async () => void (await api.workspace.close({}))),
      restoreBackup: (backupPath, workspacePath) =>
        change('restore', () =>
          api.workspace.restoreBackup({ backupPath, ...(workspacePath ? { workspacePath } : {}) }),
        ),

      async forgetRecent(path) {
        set({ session: await api.workspace.forgetRecent({ path }) });
      },

      async setPreferences(patch) {
        const preferences = await api.workspace.setPreferences(patch);
        const session = get().session;
        if (session) set({ session: { ...session, preferences } });
        return preferences;
      },

      async updateSettings(patch) {
        const workspace = await api.workspace.updateSettings(patch);
        // The name appears in the recent list too.
        set({ session: await api.workspace.session({}) });
        return workspace;
      },
    };
  });
}
