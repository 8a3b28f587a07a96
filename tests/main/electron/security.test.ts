import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { hardenContents, isAllowedExternalUrl, isAppUrl, secureWindowOptions } from '../../../src/main/electron/security';
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
    hardenContents(contents as unknown as WebContents, () => undefined);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1:1/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://renderer/index.html#funnel')).toBe(false);
  });

  it('denies every new window; allowed links go to the system browser instead', () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenContents(contents as unknown as WebContents, (url) => opened.push(url));
    expect(contents.openHandler!({ url: 'https://github.com/WiseLibs/better-sqlite3' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://github.com/WiseLibs/better-sqlite3']);
  });

  it('refuses to attach webviews', () => {
    const contents = new FakeContents();
    hardenContents(contents as unknown as WebContents, () => undefined);
    expect(navigate(contents, 'will-attach-webview', 'app://renderer/')).toBe(true);
  });

  it('allows external links only over https to listed sites', () => {
    expect(isAllowedExternalUrl('https://github.com/x')).toBe(true);
    expect(isAllowedExternalUrl('http://github.com/x')).toBe(false);
    expect(isAllowedExternalUrl('https://github.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
    expect(isAppUrl('app://renderer/x')).toBe(true);
    expect(isAppUrl('app://other/x')).toBe(false);
  });

  it('has secure defaults in the window options', () => {
    const o = secureWindowOptions('/p/preload.cjs');
    expect(o.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/p/preload.cjs' });
  });
});
