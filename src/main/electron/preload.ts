import { contextBridge, ipcRenderer } from 'electron';
import { contract } from '../../shared/contract';
import { buildClient } from '../../shared/contract/define';

/**
 * The whole bridge: one function per contract method, each invoking that method's own channel.
 * No ipcRenderer, no generic invoke, nothing else reaches the page. The functions resolve to the
 * `{ ok, value | error }` envelope; the renderer's IPC transport unwraps it.
 */
export const bridge = buildClient(contract, (wire, input) => ipcRenderer.invoke(`api:${wire}`, input));

contextBridge.exposeInMainWorld('api', bridge);
