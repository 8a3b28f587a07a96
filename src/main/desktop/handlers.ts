import type { ContractHandlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { DesktopBridge } from '../runtime/desktop';
import type { Runtime } from '../runtime/runtime';

function bridge(rt: Runtime): DesktopBridge {
  if (!rt.options.desktop) throw new AppError('desktop.notAvailable');
  return rt.options.desktop;
}

export const desktopHandlers: ContractHandlers<Runtime>['desktop'] = {
  pickWorkspace: ({ mode, suggestedName }, rt) => bridge(rt).pickWorkspace(mode, suggestedName),
  pickFile: async ({ extensions, title }, rt) => {
    const file = await bridge(rt).pickFile(extensions, title);
    return file ? rt.files.registerPath(file) : null;
  },
  saveFile: ({ id }, rt) => {
    const entry = rt.files.get(id);
    return bridge(rt).saveFile(entry.path, entry.ref.name);
  },
  openDataFolder: async (_input, rt) => {
    await bridge(rt).openFolder(rt.options.dataDir);
    return null;
  },
};
