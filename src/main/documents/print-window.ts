import type { BrowserWindowConstructorOptions } from 'electron';
import { AppError } from '../../shared/errors';
import type { ElectronPrintOptions, PrintablePage } from './electron-engine';

/** The parts of an Electron BrowserWindow printing uses, so tests can hand in a recorder. */
export interface PrintWindow {
  readonly webContents: {
    printToPDF(options: ElectronPrintOptions): Promise<Uint8Array>;
    on(event: 'will-navigate', listener: (event: { preventDefault(): void }, url: string) => void): unknown;
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
    readonly session: {
      readonly webRequest: {
        onBeforeRequest(
          listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
        ): void;
      };
    };
  };
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

export type PrintWindowConstructor = new (options: BrowserWindowConstructorOptions) => PrintWindow;

/** Chromium refuses URLs longer than 2 MiB; the document travels as one data URL. */
const MAX_URL_CHARS = 2 * 1024 * 1024;

/** An in-memory session of its own: nothing the app's pages stored is visible to a printed document. */
export const PRINT_PARTITION = 'funnel-review-print';

/**
 * How the desktop app opens a page to print: a hidden window that is sandboxed, isolated, without
 * Node, preload or JavaScript (the templates need none: page numbers come from Chromium's own
 * header and footer), that cannot navigate, open windows or fetch anything but the document itself.
 * The options are written out at the constructor call so static auditors see them.
 */
export function printWindowOpener(Window: PrintWindowConstructor): (html: string) => Promise<PrintablePage> {
  return async (html) => {
    const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
    if (url.length > MAX_URL_CHARS) throw new AppError('documents.tooLargeToPrint');
    const win = new Window({
      show: false,
      width: 900,
      height: 1200,
      webPreferences: {
        partition: PRINT_PARTITION,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        javascript: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        backgroundThrottling: false,
      },
    });
    const close = () => {
      if (!win.isDestroyed()) win.destroy();
    };
    try {
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      // The document is self-contained: anything it asks for beyond itself is refused.
      win.webContents.session.webRequest.onBeforeRequest((details, callback) =>
        callback({ cancel: !details.url.startsWith('data:') }),
      );
      await win.loadURL(url);
    } catch (e) {
      close();
      throw e;
    }
    return { printToPDF: (options) => win.webContents.printToPDF(options), close };
  };
}
