import { contract } from '../../shared/contract';
import { buildClient } from '../../shared/contract/define';
import type { FileRef } from '../../shared/domain/types';
import { AppError } from '../../shared/errors';
import { unwrap } from './envelope';
import type { Transport } from './types';
import { uploadThroughApi } from './upload';

type BridgeFunction = (input: unknown) => Promise<unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

/** The preload's `window.api`: the contract's shape, each function resolving to an envelope. */
export function isIpcBridge(value: unknown): boolean {
  return isRecord(value) && isRecord(value.workspace) && typeof value.workspace.session === 'function';
}

function bridgeFunction(bridge: unknown, wire: string): BridgeFunction {
  const [group, name] = wire.split('.');
  const methods = isRecord(bridge) && group !== undefined && Object.hasOwn(bridge, group) ? bridge[group] : undefined;
  const fn = isRecord(methods) && name !== undefined && Object.hasOwn(methods, name) ? methods[name] : undefined;
  if (typeof fn !== 'function') throw new AppError('api.unknownMethod', { method: wire });
  return async (input) => {
    const result: unknown = await fn.call(methods, input);
    return result;
  };
}

/**
 * Electron: the preload bridge carries each call over its own IPC channel. The bridge is looked
 * up per call (not copied), because contextBridge objects are frozen proxies owned by the preload.
 */
export function createIpcTransport(bridge: unknown): Transport {
  const api = buildClient(contract, async (wire, input) => unwrap(await bridgeFunction(bridge, wire)(input), wire));
  return {
    api,
    async download(ref: FileRef) {
      await api.desktop.saveFile({ id: ref.id });
    },
    upload: (file, onProgress) => uploadThroughApi(api, file, onProgress),
  };
}
