import { AppError } from '../shared/errors';
import type { AppModel } from './app-model';
import { asAppError } from './transport/envelope';

/** Failures of actions started from a menu go to a dialog, since no form is there to show them. */
export async function reportFailures(model: AppModel, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (e) {
    model.ui.getState().openDialog({ kind: 'failure', error: asAppError(e).toPayload() });
  }
}

const notAvailable = (e: unknown): boolean => e instanceof AppError && e.code === 'desktop.notAvailable';

/**
 * Open: the native dialog where there is one; browser mode answers `desktop.notAvailable`, and the
 * user types the path instead. Deciding on the answer (not on the host) keeps one code path.
 */
export async function chooseAndOpenWorkspace(model: AppModel): Promise<void> {
  let path: string | null;
  try {
    path = await model.transport.api.desktop.pickWorkspace({ mode: 'open' });
  } catch (e) {
    if (notAvailable(e)) return model.ui.getState().openDialog({ kind: 'openWorkspace' });
    throw e;
  }
  if (path) await model.session.getState().open(path);
}

export async function chooseAndCreateWorkspace(model: AppModel, suggestedName: string): Promise<void> {
  let path: string | null;
  try {
    path = await model.transport.api.desktop.pickWorkspace({ mode: 'create', suggestedName });
  } catch (e) {
    if (notAvailable(e)) return model.ui.getState().openDialog({ kind: 'newWorkspace' });
    throw e;
  }
  if (path) await model.session.getState().create(path);
}

/** The folder part of a path, for proposing where a new workspace could go (POSIX or Windows). */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut > 0 ? path.slice(0, cut) : path;
}

export function separatorOf(path: string): string {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}
