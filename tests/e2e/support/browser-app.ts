import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createDispatch, type Dispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { rendererDist } from '../../../src/main/runtime/paths';
import { startServer, type RunningServer } from '../../../src/main/server/server';

export const CHROMIUM = '/usr/bin/chromium';
export const APP_VERSION = '0.1.0-e2e';
export const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots');

/** Problems the page reported: console errors and uncaught exceptions. */
export interface PageProblems {
  readonly console: string[];
  readonly page: string[];
}

export interface BrowserApp {
  readonly dataDir: string;
  readonly runtime: Runtime;
  readonly dispatch: Dispatch;
  readonly server: RunningServer;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: PageProblems;
  close(): Promise<void>;
}

/**
 * The real local server in-process (its own data folder) and a fresh headless Chromium profile,
 * the way a user runs browser mode.
 */
export async function startBrowserApp(): Promise<BrowserApp> {
  if (!fs.existsSync(path.join(rendererDist, 'index.html'))) {
    throw new Error(`${rendererDist} is missing: run "npm run build:renderer" (npm test does it first).`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-review-e2e-'));
  const profileDir = path.join(dataDir, 'chromium-profile');
  const runtime = new Runtime({ dataDir: path.join(dataDir, 'data'), host: 'browser', appVersion: APP_VERSION });
  const dispatch = createDispatch(runtime, handlers);
  const server = await startServer({ runtime, dispatch, rendererDir: rendererDist });
  // A persistent context is how Playwright takes a fresh --user-data-dir of our own.
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    viewport: { width: 1366, height: 768 },
    locale: 'en-US',
    colorScheme: 'light',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: PageProblems = { console: [], page: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.page.push(error.stack ?? error.message));
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    dataDir,
    runtime,
    dispatch,
    server,
    context,
    page,
    problems,
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      runtime.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
