import { createHttpTransport } from './http-transport';
import { createIpcTransport, isIpcBridge } from './ipc-transport';
import type { Transport } from './types';

/** Navigates a detached anchor to the file; the browser saves it because the server marks it as an attachment. */
function startDownload(url: string, fileName: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

/** Chosen once at start-up: the Electron preload bridge when present, the local HTTP server otherwise. */
export function chooseTransport(): Transport {
  const bridge: unknown = Reflect.get(window, 'api');
  if (isIpcBridge(bridge)) return createIpcTransport(bridge);
  return createHttpTransport({
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    fetch: (url, init) => window.fetch(url, init),
    startDownload,
  });
}
