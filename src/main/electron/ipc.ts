import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { methods } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Dispatch } from '../runtime/dispatch';
import { isAppUrl } from './security';

export const channelFor = (wire: string): string => `api:${wire}`;

/**
 * One `ipcMain.handle` per contract method, all through the shared dispatcher (which validates the
 * input). Calls from any frame that is not our app page are refused.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): string[] {
  const channels: string[] = [];
  for (const { wire } of methods) {
    const channel = channelFor(wire);
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!isAppUrl(url))
        return { ok: false, error: new AppError('api.untrustedSender', { url: url.slice(0, 200) }).toPayload() };
      return dispatch(wire, input);
    });
    channels.push(channel);
  }
  return channels;
}
