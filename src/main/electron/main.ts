import path from 'node:path';
import fs from 'node:fs';
import {
  app,
  BrowserWindow,
  Menu,
  dialog,
  ipcMain,
  nativeTheme,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { useNativeBinding } from '../db/driver';
import { PeriodPool } from '../metrics/period-pool';
import { createDispatch } from '../runtime/dispatch';
import { handlers } from '../runtime/handlers';
import { Runtime } from '../runtime/runtime';
import type { DesktopBridge } from '../runtime/desktop';
import { NATIVE_FILE, resolveNativeBinding } from '../native/electron-sqlite';
import { createI18n, resolveLocale } from '../../shared/i18n';
import { APP_ORIGIN, createSecureWindow, hardenContents } from './security';
import { registerIpc } from './ipc';
import { rendererResponse } from './protocol';
import { menuTemplate } from './menu';
import { WORKSPACE_EXTENSION } from '../workspace/workspace';
import { usePdfEngine } from '../documents/pdf-engine';
import { ElectronPdfEngine } from '../documents/electron-engine';
import { printWindowOpener } from '../documents/print-window';
import { SafeStorageVault } from '../documents/safe-storage-vault';

// Must run before `ready`: app:// behaves like https (secure, standard) for our own pages only.
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'dist', 'renderer');

function nativeBinding(): string {
  const found = resolveNativeBinding([
    // Packaged app: shipped as an extra resource. Development: built by `npm start` into .electron-native/.
    ...(process.resourcesPath ? [path.join(process.resourcesPath, 'native', NATIVE_FILE)] : []),
    ...(process.env.FUNNEL_REVIEW_NATIVE ? [process.env.FUNNEL_REVIEW_NATIVE] : []),
  ]);
  if (!found) throw new Error('better-sqlite3 built for Electron was not found; start the app with `npm start`.');
  return found;
}

function desktopBridge(getWindow: () => BrowserWindow | null): DesktopBridge {
  const filters = [{ name: 'Funnel Review', extensions: [WORKSPACE_EXTENSION.slice(1), 'sqlite'] }];
  return {
    async pickWorkspace(mode, suggestedName) {
      const win = getWindow();
      if (mode === 'open') {
        const r = win
          ? await dialog.showOpenDialog(win, { properties: ['openFile'], filters })
          : await dialog.showOpenDialog({ properties: ['openFile'], filters });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      }
      const options = {
        filters,
        defaultPath: path.join(app.getPath('documents'), suggestedName ?? `Workspace${WORKSPACE_EXTENSION}`),
      };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async pickFile(extensions, title) {
      const options = {
        properties: ['openFile' as const],
        filters: [{ name: title ?? '', extensions: [...extensions] }],
        ...(title ? { title } : {}),
      };
      const win = getWindow();
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async saveFile(source, suggestedName) {
      const options = { defaultPath: path.join(app.getPath('downloads'), suggestedName) };
      const win = getWindow();
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      fs.copyFileSync(source, r.filePath);
      return r.filePath;
    },
    async openFolder(folder) {
      await shell.openPath(folder);
    },
  };
}

async function start(): Promise<void> {
  useNativeBinding(nativeBinding());
  // SLA documents print with this Electron's own Chromium, in hidden sandboxed windows without JavaScript.
  usePdfEngine(new ElectronPdfEngine(printWindowOpener(BrowserWindow)));
  let win: BrowserWindow | null = null;
  const runtime = new Runtime({
    dataDir: app.getPath('userData'),
    host: 'electron',
    appVersion: app.getVersion(),
    desktop: desktopBridge(() => win),
    // Signing keys sealed by the OS key store (safeStorage is usable once the app is ready, as here).
    keyVault: new SafeStorageVault(safeStorage, path.join(app.getPath('userData'), 'identities')),
    onPreferencesChanged: (p) => {
      nativeTheme.themeSource = p.theme;
    },
  });
  runtime.useReportThreads(new PeriodPool());
  const dispatch = createDispatch(runtime, handlers);
  registerIpc(ipcMain, dispatch);

  // Nothing this app does needs a permission (camera, notifications, geolocation...).
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  protocol.handle('app', (request) => rendererResponse(rendererDir, request.url));
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));

  const prefs = runtime.prefs;
  const locale = prefs.preferences.locale ?? resolveLocale(app.getLocale());
  const t = createI18n(locale).t;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        t,
        (command) => runtime.events.emit({ type: 'menu', command }),
        () => void shell.openPath(runtime.options.dataDir),
        process.platform === 'darwin',
      ),
    ),
  );
  nativeTheme.themeSource = prefs.preferences.theme;

  // Reopen the last workspace the user had open, if it is still there.
  const last = prefs.recent().find((r) => r.exists);
  if (last) {
    await dispatch('workspace.open', { path: last.path });
  }

  const saved = prefs.window;
  win = createSecureWindow(BrowserWindow, path.join(__dirname, 'preload.cjs'), {
    width: saved?.width ?? 1366,
    height: saved?.height ?? 860,
    ...(saved ? { x: saved.x, y: saved.y } : {}),
    minWidth: 1024,
    minHeight: 640,
    title: 'Funnel Review',
  });
  if (saved?.maximized) win.maximize();
  const remember = () => {
    if (!win || win.isDestroyed()) return;
    prefs.setWindow({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  win.on('close', remember);
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('before-quit', () => runtime.dispose());
}

// One instance per user: a second launch focuses the first instead of opening the workspace twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      dialog.showErrorBox('Funnel Review', String((e as Error)?.stack ?? e));
      app.exit(1);
    });
}
