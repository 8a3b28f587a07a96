import type { BrowserWindowConstructorOptions, WebContents } from 'electron';

/** The only origin our windows load; everything else is navigation away from the app. */
export const APP_ORIGIN = 'app://renderer';

/**
 * The renderer's window: isolated, sandboxed, no Node, our preload only. Kept as a pure function
 * so tests can assert every option without Electron.
 */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    backgroundColor: '#0f172a',
    webPreferences: {
      preload: preloadPath,
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
    },
  };
}

/** External links open in the user's browser only for these sites (documentation, licences). */
const EXTERNAL_ALLOW = [/^https:\/\/github\.com\//, /^https:\/\/www\.electronjs\.org\//, /^https:\/\/opensource\.org\//];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && EXTERNAL_ALLOW.some((re) => re.test(parsed.href));
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
 * Allowed external links go to the system browser instead.
 */
export function hardenContents(contents: WebContents, openExternal: (url: string) => void): void {
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => block(event, url));
  contents.on('will-redirect', (event, url) => block(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
