import { EventEmitter } from 'node:events';

/** A recording stand-in for the parts of Electron the main process uses (Electron cannot run here). */
export function createElectronMock(appPath = '/app') {
  const calls = {
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[] }>,
    ipcChannels: [] as string[],
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (req: { url: string }) => Response>(),
    permissionRequest: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
    exposed: new Map<string, unknown>(),
    invoked: [] as Array<{ channel: string; input: unknown }>,
    webContentsCreated: [] as Array<(event: unknown, contents: unknown) => void>,
    menus: [] as unknown[],
  };
  const appEvents = new EventEmitter();
  class BrowserWindow extends EventEmitter {
    readonly options: Record<string, unknown>;
    readonly record: { options: Record<string, unknown>; loaded: string[] };
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      this.record = { options, loaded: [] };
      calls.windows.push(this.record);
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    maximize() {}
    show() {}
    isDestroyed() {
      return false;
    }
    isMaximized() {
      return false;
    }
    isMinimized() {
      return false;
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1366, height: 860 };
    }
  }
  const electron = {
    app: {
      getAppPath: () => appPath,
      getPath: (name: string) => `/tmp/electron-mock-${process.pid}/${name}`,
      getVersion: () => '9.9.9',
      getLocale: () => 'pt-BR',
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on: (event: string, fn: (...args: unknown[]) => void) => {
        if (event === 'web-contents-created') calls.webContentsCreated.push(fn);
        appEvents.on(event, fn);
      },
      quit: () => undefined,
      exit: () => undefined,
    },
    BrowserWindow,
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => calls.menus.push(m) },
    dialog: {
      showErrorBox: (title: string, body: string) => {
        throw new Error(`${title}: ${body}`);
      },
    },
    ipcMain: {
      handle: (channel: string, fn: (...args: unknown[]) => unknown) => {
        calls.ipcChannels.push(channel);
        calls.ipcHandlers.set(channel, fn);
      },
    },
    ipcRenderer: {
      invoke: (channel: string, input: unknown) => {
        calls.invoked.push({ channel, input });
        return Promise.resolve({ ok: true, value: null });
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => calls.exposed.set(key, value) },
    nativeTheme: { themeSource: 'system' },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: (req: { url: string }) => Response) => calls.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof calls.permissionRequest) => (calls.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof calls.permissionCheck) => (calls.permissionCheck = fn),
      },
    },
    shell: { openExternal: () => Promise.resolve(), openPath: () => Promise.resolve('') },
    // The key vault's OS store; the documents tests seal and unlock keys with their own stand-in.
    safeStorage: {
      isEncryptionAvailable: () => false,
      encryptString: (s: string) => Buffer.from(s),
      decryptString: (b: Buffer) => b.toString(),
    },
  };
  return { electron, calls };
}
