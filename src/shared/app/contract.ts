import { z } from 'zod';
import { method } from '../contract/define';

/** Something the host tells the UI without being asked (a native menu command, for now). */
export interface AppEvent {
  readonly seq: number;
  readonly type: 'menu';
  readonly command: MenuCommand;
}
export const MENU_COMMANDS = [
  'workspace.new',
  'workspace.open',
  'workspace.sample',
  'imports.import',
  'export',
  'view.presenter',
  'help.about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** One open-source package the app ships, with the licence its authors declared (null: none declared). */
export interface LicenseEntry {
  readonly name: string;
  readonly version: string;
  readonly license: string | null;
}

export interface AboutInfo {
  readonly version: string;
  /** The production dependency tree, by name: what the app's bundles and the packaged app contain. */
  readonly licenses: readonly LicenseEntry[];
  /** `bundle`: the list written beside the packaged bundle; `lockfile`: computed from the sources' lockfile. */
  readonly source: 'bundle' | 'lockfile';
}

export const appContract = {
  /**
   * Long-polls host events after `after` (a sequence number); answers at once when some are
   * waiting, otherwise after at most `waitMs`. One mechanism for IPC and HTTP alike.
   */
  events: method<{ events: AppEvent[]; last: number }>()({
    input: z.object({ after: z.number().int().min(0), waitMs: z.number().int().min(0).max(25_000) }).strict(),
    doc: 'Wait for host events such as native menu commands.',
  }),
  /** The version and the licences of the open-source packages shipped with it, for the About box. */
  about: method<AboutInfo>()({
    input: z.object({}).strict(),
    doc: 'The app version and the licences of the packages it ships.',
  }),
};
