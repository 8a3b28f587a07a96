import fs from 'node:fs';
import path from 'node:path';
import type { IpcMain } from 'electron';
import { registerIpc } from '../../../src/main/electron/ipc';
import type { Dispatch } from '../../../src/main/runtime/dispatch';
import type { Runtime } from '../../../src/main/runtime/runtime';
import { startServer, type RunningServer } from '../../../src/main/server/server';
import type { ApiResult } from '../../../src/shared/errors';
import { createElectronMock } from '../../main/electron/electron-mock';

/**
 * The two ways a front end reaches the services, as the fuzzer drives them: Electron IPC (handlers
 * registered on the mocked ipcMain, inputs structured-cloned as Electron does) and the local HTTP
 * server (a real in-process server, inputs as JSON text). Both end in the same dispatcher.
 */
export interface Bridge {
  readonly name: 'IPC' | 'HTTP';
  /** What the input becomes on this wire, or null when it cannot travel at all (e.g. too deep to clone). */
  wire(input: unknown): { readonly value: unknown; readonly key: string | null } | null;
  send(
    method: string,
    wire: { readonly value: unknown; readonly key: string | null },
  ): Promise<{ status: number; result: ApiResult<unknown> }>;
  close(): Promise<void>;
}

const APP_FRAME = { senderFrame: { url: 'app://renderer/index.html' } };

export function ipcBridge(dispatch: Dispatch): Bridge {
  const mock = createElectronMock();
  // The mock records handlers by channel; its loose signature stands in for ipcMain.handle.
  registerIpc(mock.electron.ipcMain as unknown as Pick<IpcMain, 'handle'>, dispatch);
  return {
    name: 'IPC',
    wire: (input) => {
      try {
        return { value: structuredClone(input), key: null };
      } catch {
        return null; // Electron's renderer could not send it either
      }
    },
    send: async (method, wire) => {
      const handler = mock.calls.ipcHandlers.get(`api:${method}`);
      if (!handler) throw new Error(`no IPC handler for ${method}`);
      return { status: 200, result: (await handler(APP_FRAME, wire.value)) as ApiResult<unknown> };
    },
    close: async () => undefined,
  };
}

export async function httpBridge(
  runtime: Runtime,
  dispatch: Dispatch,
  dir: string,
): Promise<Bridge & { server: RunningServer }> {
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(renderer, { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Funnel Review</title>');
  const server = await startServer({ runtime, dispatch, rendererDir: renderer });
  return {
    name: 'HTTP',
    server,
    wire: (input) => {
      let body: string | undefined;
      try {
        body = JSON.stringify(input);
      } catch {
        return null;
      }
      // An absent body is what the server reads as `{}`.
      return { value: body === undefined ? {} : (JSON.parse(body) as unknown), key: body ?? '' };
    },
    send: async (method, wire) => {
      const response = await fetch(`${server.origin}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
        body: wire.key ?? '',
      });
      return { status: response.status, result: (await response.json()) as ApiResult<unknown> };
    },
    close: () => server.close(),
  };
}
