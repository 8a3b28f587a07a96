import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createElectronMock } from './electron-mock';
import { methods } from '../../../src/shared/contract';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';

const appPath = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-electron-app-'));
fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
fs.writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>x</title>');
fs.writeFileSync(path.join(appPath, 'secret.txt'), 'secret');
const mock = createElectronMock(appPath);
vi.mock('electron', () => mock.electron);

beforeAll(async () => {
  // The Node build of better-sqlite3 stands in for the Electron one.
  const require = createRequire(import.meta.url);
  process.env.FUNNEL_REVIEW_NATIVE = path.join(
    path.dirname(require.resolve('better-sqlite3/package.json')),
    'build',
    'Release',
    'better_sqlite3.node',
  );
  fs.rmSync(mock.electron.app.getPath('userData'), { recursive: true, force: true });
  await import('../../../src/main/electron/main');
  await vi.waitFor(() => expect(mock.calls.windows).toHaveLength(1));
});

describe('Electron main process', () => {
  it('opens one window with isolation, sandbox, no Node and our preload', () => {
    const prefs = mock.calls.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(mock.calls.windows[0]!.loaded).toEqual(['app://renderer/index.html']);
  });

  it('registers exactly one IPC channel per contract method, and nothing else', () => {
    expect([...mock.calls.ipcChannels].sort()).toEqual(methods.map((m) => `api:${m.wire}`).sort());
  });

  it('refuses IPC calls from frames that are not the app', async () => {
    const handler = mock.calls.ipcHandlers.get('api:workspace.session')!;
    const denied = await handler({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(denied).toMatchObject({ ok: false, error: { code: 'api.untrustedSender' } });
    const allowed = await handler({ senderFrame: { url: 'app://renderer/index.html' } }, {});
    expect(allowed).toMatchObject({ ok: true, value: { host: 'electron', appVersion: '9.9.9' } });
  });

  it('denies every permission request and check', () => {
    let granted: boolean | undefined;
    mock.calls.permissionRequest!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    expect(mock.calls.permissionCheck!({}, 'notifications')).toBe(false);
  });

  it('serves the renderer on app:// with the CSP header and nothing outside it', async () => {
    expect(mock.calls.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const handler = mock.calls.protocolHandlers.get('app')!;
    const page = handler({ url: 'app://renderer/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(handler({ url: 'app://renderer/../secret.txt' }).status).toBe(404);
    expect(handler({ url: 'app://renderer/%2e%2e/secret.txt' }).status).toBe(404);
    const traversal = handler({ url: 'app://renderer/../../etc/passwd' });
    expect(traversal.status).toBe(404);
    const other = handler({ url: 'app://elsewhere/index.html' });
    expect(other.status).toBe(404);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });

  it('hardens every web contents created: no navigation away, no new windows, no webviews', () => {
    expect(mock.calls.webContentsCreated).toHaveLength(1);
    const contents = new EventEmitter() as EventEmitter & {
      openHandler?: (d: { url: string }) => unknown;
      setWindowOpenHandler(fn: (d: { url: string }) => unknown): void;
    };
    contents.setWindowOpenHandler = (fn) => (contents.openHandler = fn);
    mock.calls.webContentsCreated[0]!({}, contents);
    const prevented = (event: string, url: string) => {
      let blocked = false;
      contents.emit(event, { preventDefault: () => (blocked = true) }, url);
      return blocked;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(prevented('will-attach-webview', 'app://renderer/index.html')).toBe(true);
    expect(prevented('will-navigate', 'app://renderer/index.html#leads')).toBe(false);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('refuses IPC from frames with no URL or a look-alike of the app origin', async () => {
    const handler = mock.calls.ipcHandlers.get('api:workspace.session')!;
    for (const senderFrame of [
      null,
      { url: '' },
      { url: 'app://renderer.evil/index.html' },
      { url: 'file:///index.html' },
      { url: 'http://127.0.0.1/' },
    ]) {
      expect(await handler({ senderFrame }, {})).toMatchObject({ ok: false, error: { code: 'api.untrustedSender' } });
    }
  });

  it('sends a CSP that runs only our own bundle: no inline or eval, no remote sources, no framing or plugins', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...sources] = d.trim().split(/\s+/);
        return [name!, sources];
      }),
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*|https?:|wasm-unsafe-eval/);
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('installs a translated native menu (system language pt-BR)', () => {
    const menu = mock.calls.menus[0] as Array<{ label?: string; submenu?: Array<{ label?: string }> }>;
    const file = menu.find((m) => m.label === '&Arquivo');
    expect(file?.submenu?.map((i) => i.label)).toContain('Abrir espaço de trabalho de exemplo');
  });
});
