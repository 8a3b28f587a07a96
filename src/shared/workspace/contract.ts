import { z } from 'zod';
import { method } from '../contract/define';
import { LOCALES, type Backup, type Preferences, type SessionState, type WorkspaceInfo } from '../domain/types';
import { checkMessage } from '../validation/checks';

const empty = z.object({}).strict();
/** Absolute path to a workspace file; relative paths would depend on where a front end was started. */
const filePath = z
  .string()
  .min(1)
  .max(4096)
  .refine(
    (p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'),
    checkMessage('absolutePathExpected', 'absolute path expected'),
  )
  .refine((p) => !p.includes('\0'), checkMessage('pathHasNul', 'path contains a NUL character'));
const ianaZone = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$|^UTC$/);
const locale = z.enum(LOCALES);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), checkMessage('notCalendarDate', 'not a calendar date'));

export const workspaceContract = {
  /** What the front end needs to draw its frame: open workspace, recent files, preferences. */
  session: method<SessionState>()({ input: empty, doc: 'The open workspace, recent workspaces and preferences.' }),
  /** Counts and settings of the open workspace. */
  info: method<WorkspaceInfo>()({ input: empty, doc: 'Counts, stages and settings of the open workspace.' }),
  /** Opens an existing workspace file, migrating it (after a backup) when it is older. */
  open: method<WorkspaceInfo>()({
    input: z.object({ path: filePath, readOnly: z.boolean().optional() }).strict(),
    doc: 'Open an existing workspace file.',
  }),
  /** Creates a new empty workspace with the default stages and settings. */
  create: method<WorkspaceInfo>()({
    input: z
      .object({
        path: filePath,
        name: z.string().trim().min(1).max(120).optional(),
        timeZone: ianaZone.optional(),
        locale: locale.optional(),
      })
      .strict(),
    doc: 'Create a new, empty workspace file.',
  }),
  /** Generates the realistic sample workspace (seeded, deterministic) and opens it. */
  openSample: method<WorkspaceInfo>()({
    input: z
      .object({
        path: filePath.optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .optional(),
        leads: z.number().int().min(100).max(2_000_000).optional(),
        replace: z.boolean().optional(),
        /** Last day of the generated year (YYYY-MM-DD); defaults to the end of last week. */
        end: isoDate.optional(),
      })
      .strict(),
    doc: 'Create (or reopen) the sample workspace and open it.',
  }),
  /** Closes the open workspace. */
  close: method<null>()({ input: empty, doc: 'Close the open workspace.' }),
  /** Changes workspace-level settings. */
  updateSettings: method<WorkspaceInfo>()({
    input: z
      .object({
        name: z.string().trim().min(1).max(120).optional(),
        timeZone: ianaZone.optional(),
        locale: locale.optional(),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .optional(),
      })
      .strict(),
    doc: 'Change the workspace name, time zone, language or currency.',
    writes: true,
  }),
  /** Backups kept beside the workspace (before migrations, daily, before undo). */
  listBackups: method<Backup[]>()({
    input: z.object({ path: filePath.optional() }).strict(),
    doc: 'Backups of the open workspace, or of the given workspace file, newest first.',
  }),
  /** Replaces a workspace with one of its backups, keeping a backup of the state it replaces. */
  restoreBackup: method<WorkspaceInfo>()({
    input: z.object({ backupPath: filePath, workspacePath: filePath.optional() }).strict(),
    doc: 'Restore a backup over its workspace (the current state is backed up first) and open it; jobs.list shows its progress as workspace.restore, and jobs.cancel stops it before the swap.',
  }),
  /** Per-user preferences (theme, language, name), kept outside any workspace. */
  setPreferences: method<Preferences>()({
    input: z
      .object({
        theme: z.enum(['light', 'dark', 'system']).optional(),
        locale: locale.nullable().optional(),
        userName: z.string().trim().max(120).optional(),
      })
      .strict(),
    doc: 'Change theme, language or the user name used on records.',
  }),
  /** Forgets a file in the recent list (the file itself is untouched). */
  forgetRecent: method<SessionState>()({
    input: z.object({ path: filePath }).strict(),
    doc: 'Remove a workspace from the recent list.',
  }),
};

export type { Backup, Preferences, SessionState, WorkspaceInfo };
