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

export const appContract = {
  /**
   * Long-polls host events after `after` (a sequence number); answers at once when some are
   * waiting, otherwise after at most `waitMs`. One mechanism for IPC and HTTP alike.
   */
  events: method<{ events: AppEvent[]; last: number }>()({
    input: z.object({ after: z.number().int().min(0), waitMs: z.number().int().min(0).max(25_000) }).strict(),
    doc: 'Wait for host events such as native menu commands.',
  }),
};
