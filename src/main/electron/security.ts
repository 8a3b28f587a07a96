import type { BrowserWindowConstructorOptions, WebContents } from 'electron';

/** The only origin our windows load; everything else is navigation away from the app. */
export const APP_ORIGIN = 'app://renderer';

/** The subset of Electron's BrowserWindow constructor we use, so tests can pass a recorder. */
export type WindowConstructor<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Creates the renderer's window: isolated, sandboxed, no Node, our preload only. The options are
 * written out literally at the constructor call so static auditors (Electronegativity) see them.
 */
export function createSecureWindow<W>(
  Window: WindowConstructor<W>,
  preload: string,
  frame: Pick<BrowserWindowConstructorOptions, 'x' | 'y' | 'width' | 'height' | 'minWidth' | 'minHeight' | 'title'>,
): W {
  return new Window({
    ...frame,
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would otherwise open links in a new window without `window.open`.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Blocks every way a page could leave the app: navigation, redirects, new windows and webviews.
 * The app opens no external links at all (the About box shows addresses as text), so there is no
 * `shell.openExternal` a compromised page could steer.
 */
export function hardenContents(contents: WebContents): void {
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => block(event, url));
  contents.on('will-redirect', (event, url) => block(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
