import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { BrowserWindowConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createElectronMock } from '../electron/electron-mock';
import { pdfEngine } from '../../../src/main/documents/pdf-engine';
import { ElectronPdfEngine, type ElectronPrintOptions } from '../../../src/main/documents/electron-engine';
import { PRINT_PARTITION, printWindowOpener, type PrintWindow } from '../../../src/main/documents/print-window';
import { PAGE } from '../../../src/shared/documents/template';
import type { VaultState } from '../../../src/shared/documents/types';

/**
 * The desktop entry's two documents insertions, with Electron mocked: printing goes through a
 * hidden, locked-down window, and the key vault is safeStorage under the user's data folder.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-electron-documents-'));
const appPath = path.join(root, 'app');
fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
fs.writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>x</title>');

interface WindowRecord {
  options: Record<string, unknown>;
  loaded: string[];
  printed: ElectronPrintOptions[];
  destroyed: boolean;
  navigate?: (event: { preventDefault(): void }, url: string) => void;
  openHandler?: () => { action: 'deny' };
  beforeRequest?: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void;
}

const base = createElectronMock(appPath);
const records: WindowRecord[] = [];

class RecordingWindow extends base.electron.BrowserWindow {
  readonly rec: WindowRecord;
  readonly webContents: PrintWindow['webContents'];
  constructor(given: BrowserWindowConstructorOptions) {
    const options: Record<string, unknown> = { ...given };
    super(options);
    const rec: WindowRecord = { options, loaded: this.record.loaded, printed: [], destroyed: false };
    this.rec = rec;
    records.push(rec);
    this.webContents = {
      printToPDF: async (o) => {
        rec.printed.push(o);
        return new TextEncoder().encode('%PDF-1.7 printed');
      },
      on: (_event, listener) => {
        rec.navigate = listener;
      },
      setWindowOpenHandler: (handler) => {
        rec.openHandler = handler;
      },
      session: { webRequest: { onBeforeRequest: (listener) => void (rec.beforeRequest = listener) } },
    };
  }
  destroy() {
    this.rec.destroyed = true;
  }
  override isDestroyed() {
    return this.rec.destroyed;
  }
}

const sealed = (s: string) => Buffer.from(`sealed:${Buffer.from(s).toString('base64')}`);
const electron = {
  ...base.electron,
  app: { ...base.electron.app, getPath: (name: string) => path.join(root, 'user', name) },
  BrowserWindow: RecordingWindow,
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: sealed,
    decryptString: (b: Buffer) => {
      const text = b.toString();
      if (!text.startsWith('sealed:')) throw new Error('not sealed here');
      return Buffer.from(text.slice(7), 'base64').toString();
    },
  },
};
vi.mock('electron', () => electron);

beforeAll(async () => {
  const require = createRequire(import.meta.url);
  process.env.FUNNEL_REVIEW_NATIVE = path.join(
    path.dirname(require.resolve('better-sqlite3/package.json')),
    'build',
    'Release',
    'better_sqlite3.node',
  );
  await import('../../../src/main/electron/main');
  await vi.waitFor(() => expect(records.length).toBeGreaterThanOrEqual(1));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('Electron entry: documents wiring', () => {
  it('injects the Electron PDF engine: a hidden, sandboxed window without JavaScript or preload, closed after printing', async () => {
    const engine = await pdfEngine();
    expect(engine).toBeInstanceOf(ElectronPdfEngine);
    const before = records.length;
    const html = '<!doctype html><p>Acuerdo — Соглашение — 协议</p>';
    const bytes = await engine.print(html, { ...PAGE, footerHtml: '<span class="pageNumber"></span>' });
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7 printed');
    expect(records).toHaveLength(before + 1);
    const win = records.at(-1)!;
    expect(win.options.show).toBe(false);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webviewTag: false,
      partition: PRINT_PARTITION,
    });
    expect(prefs.preload).toBeUndefined();
    expect(win.loaded).toHaveLength(1);
    const url = win.loaded[0]!;
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')).toBe(html);
    expect(win.printed).toHaveLength(1);
    expect(win.printed[0]).toMatchObject({
      displayHeaderFooter: true,
      printBackground: true,
      footerTemplate: '<span class="pageNumber"></span>',
    });
    expect(win.printed[0]!.pageSize.width).toBeCloseTo(210 / 25.4, 6);
    expect(win.destroyed).toBe(true);

    let prevented = false;
    win.navigate!({ preventDefault: () => (prevented = true) }, 'https://example.com/');
    expect(prevented).toBe(true);
    expect(win.openHandler!()).toEqual({ action: 'deny' });
    const answers: boolean[] = [];
    win.beforeRequest!({ url: 'https://example.com/font.woff2' }, (r) => answers.push(r.cancel));
    win.beforeRequest!({ url: url }, (r) => answers.push(r.cancel));
    expect(answers).toEqual([true, false]);
  });

  it('closes the print window when loading fails, and refuses a document too large for one URL', async () => {
    const failing = printWindowOpener(
      class extends RecordingWindow {
        override loadURL(): Promise<void> {
          return Promise.reject(new Error('load failed'));
        }
      },
    );
    await expect(failing('<p>x</p>')).rejects.toThrow('load failed');
    expect(records.at(-1)!.destroyed).toBe(true);
    const count = records.length;
    await expect(printWindowOpener(RecordingWindow)('x'.repeat(2 * 1024 * 1024))).rejects.toMatchObject({
      code: 'documents.tooLargeToPrint',
    });
    expect(records).toHaveLength(count);
  });

  it('keeps signing identities in a safeStorage vault in the user data folder, reachable over IPC', async () => {
    const handler = base.calls.ipcHandlers.get('api:documents.vault')!;
    const frame = { senderFrame: { url: 'app://renderer/index.html' } };
    expect(await handler(frame, {})).toEqual({
      ok: true,
      value: { kind: 'safeStorage', available: true, reason: null, identities: [] },
    });
    const create = base.calls.ipcHandlers.get('api:documents.createVaultIdentity')!;
    const created = (await create(frame, { name: 'Ana Souza', role: 'CMO', email: 'ana@acme.example' })) as {
      ok: boolean;
      value: { id: string };
    };
    expect(created.ok).toBe(true);
    const file = path.join(root, 'user', 'userData', 'identities', `${created.value.id}.identity.json`);
    expect(fs.readFileSync(file, 'utf8')).toContain('"sealedKey": "');
    const state = (await handler(frame, {})) as { value: VaultState };
    expect(state.value.identities.map((i) => i.name)).toEqual(['Ana Souza']);
  });
});
