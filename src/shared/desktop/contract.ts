import { z } from 'zod';
import { method } from '../contract/define';
import type { FileRef } from '../domain/types';

/** Things only a desktop host can do (native dialogs, the file manager); browser mode answers `desktop.notAvailable`. */
export const desktopContract = {
  /** Native dialog for a workspace file to open or create; null when cancelled. */
  pickWorkspace: method<string | null>()({
    input: z.object({ mode: z.enum(['open', 'create']), suggestedName: z.string().max(200).optional() }).strict(),
    doc: 'Choose a workspace file in a native dialog.',
  }),
  /** Native open dialog for a data file (import, verify); null when cancelled. */
  pickFile: method<FileRef | null>()({
    input: z
      .object({
        extensions: z.array(z.string().regex(/^[a-z0-9]{1,8}$/)).max(20),
        title: z.string().max(200).optional(),
      })
      .strict(),
    doc: 'Choose a file in a native dialog.',
  }),
  /** Saves a produced file (export, PDF) where the user chooses; returns the path or null. */
  saveFile: method<string | null>()({
    input: z.object({ id: z.string().uuid() }).strict(),
    doc: 'Save a produced file with a native dialog.',
  }),
  /** Shows the per-user data folder (preferences, sample workspace) in the file manager. */
  openDataFolder: method<null>()({ input: z.object({}).strict(), doc: 'Open the data folder in the file manager.' }),
};
