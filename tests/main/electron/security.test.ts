import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createSecureWindow, hardenContents, isAppUrl } from '../../../src/main/electron/security';
import type { WebContents } from 'electron';

class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
}

function navigate(contents: FakeContents, event: string, url: string): boolean {
  let prevented = false;
  contents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('window hardening', () => {
  it('blocks navigation and redirects away from the app, allows in-app navigation', () => {
    const contents = new FakeContents();
    hardenContents(contents as unknown as WebContents);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://renderer/index.html#funnel')).toBe(false);
  });

  it('denies every new window, whatever its address', () => {
    const contents = new FakeContents();
    hardenContents(contents as unknown as WebContents);
    for (const url of [
      'https://github.com/WiseLibs/better-sqlite3',
      'https://evil.example/',
      'javascript:alert(1)',
      'app://renderer/x',
    ]) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('refuses to attach webviews', () => {
    const contents = new FakeContents();
    hardenContents(contents as unknown as WebContents);
    expect(navigate(contents, 'will-attach-webview', 'app://renderer/')).toBe(true);
  });

  it('recognises only our own app origin', () => {
    expect(isAppUrl('app://renderer/x')).toBe(true);
    expect(isAppUrl('app://renderer.evil/x')).toBe(false);
    expect(isAppUrl('app://other/x')).toBe(false);
  });

  it('creates windows with secure options that the caller cannot override', () => {
    class Recorder {
      constructor(readonly options: Record<string, unknown>) {}
    }
    const w = createSecureWindow(Recorder as never, '/p/preload.cjs', {
      width: 800,
      title: 'x',
    }) as unknown as Recorder;
    expect(w.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: '/p/preload.cjs',
      disableBlinkFeatures: 'Auxclick',
    });
    expect(w.options).toMatchObject({ width: 800, title: 'x', show: false });
  });
});
