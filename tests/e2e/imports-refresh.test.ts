import fs from 'node:fs';
import path from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceInfo } from '../../src/shared/domain/types';
import { createI18n } from '../../src/shared/i18n';
import type { Report } from '../../src/shared/metrics/types';
import { ImportsPage } from './pages/imports-page';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';
import { CHROMIUM, startBrowserApp, type BrowserApp } from './support/browser-app';
import { busyMarks, busyUnder, watchBusy } from './support/busy';

const hasChromium = fs.existsSync(CHROMIUM);
const title = hasChromium
  ? 'browser mode: the done step of an import into a workspace that already has data'
  : `imports-refresh e2e SKIPPED: ${CHROMIUM} does not exist (apt-get install -y chromium fonts-noto-cjk)`;

const en = createI18n('en').t;
const LEADS = 40;

/**
 * A wide export of the same 40 leads: created and MQL dates spread over January to March 2024,
 * and a won date for the leads `won` picks. The first and last MQL dates are the same in every
 * file, so a later import leaves the workspace's date range as it was.
 */
function leadsFile(file: string, won: (i: number) => boolean): void {
  const lines = ['lead_id,created_at,source,MQL date,Won date'];
  for (let i = 0; i < LEADS; i++) {
    const day = `2024-${String((i % 3) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    const wonDay = `2024-03-${String((i % 20) + 5).padStart(2, '0')}`;
    lines.push(`lead-${i},${day},${i % 2 ? 'web' : 'partner'},${day},${won(i) ? wonDay : ''}`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

describe.skipIf(!hasChromium)(title, () => {
  let app: BrowserApp;
  let imports: ImportsPage;

  const call = async <T>(wire: string, input: unknown = {}): Promise<T> => {
    const result = await app.dispatch(wire, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  /** What the done step shows, from the API: entries into each stage over the workspace's whole range. */
  const apiFlow = async (): Promise<Record<string, number>> => {
    const info = await call<WorkspaceInfo>('workspace.info');
    const day = (ms: number) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: info.timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(ms);
    const report = await call<Report>('metrics.report', {
      from: day(info.firstEventAt!),
      to: day(info.lastEventAt!),
      compare: false,
    });
    return report.flow;
  };
  /** Records the page's all-history reads (metrics.flow) from now until `stop`. */
  const watchReads = () => {
    const bodies: string[] = [];
    const seen = (request: Request) => {
      if (new URL(request.url()).pathname === '/api/metrics.flow') bodies.push(request.postData() ?? '');
    };
    app.page.on('request', seen);
    return { bodies, stop: () => app.page.off('request', seen) };
  };
  const flowShown = async (stage: string) => Number((await imports.flow(stage).textContent())?.replace(/,/g, ''));

  /** Files, format, mapping (as suggested) and check; leaves the Import button (the step's Next) to the caller. */
  const checkFile = async (file: string) => {
    await imports.chooseToMapping([file]);
    expect(await imports.mapsTo('MQL date').inputValue()).toBe('stage:mql');
    expect(await imports.mapsTo('Won date').inputValue()).toBe('stage:won');
    await imports.next.click();
    await imports.waitForStep('importScreen.check.title');
    await imports.waitJobEnd();
  };
  const importChecked = async () => {
    await imports.next.click();
    await imports.waitForStep('importScreen.done.title');
    await imports.waitJobEnd();
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    imports = new ImportsPage(app.page, en);
    await app.page.goto(app.server.url);
    const start = new StartPage(app.page);
    await start.waitUntilShown();
    await start.createWorkspace('Refresh', path.join(app.dataDir, 'Refresh.db'));
    const shell = new ShellPage(app.page);
    await shell.setLanguage('en');
    await shell.goTo('imports');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('reads the stage counts once per import, with the counts the import left, and shows the new ones', async () => {
    const first = path.join(app.dataDir, 'first.csv');
    const second = path.join(app.dataDir, 'second.csv');
    leadsFile(first, (i) => i % 10 === 0);
    leadsFile(second, (i) => i % 2 === 0);
    const flowSettled = app.page.locator('.workspace-flow[aria-busy="false"]');
    const history = (n: number) => en('importScreen.tabs.history', { n: String(n), count: n });

    await imports.waitForStep('importScreen.files.title');
    await checkFile(first);
    const firstReads = watchReads();
    await importChecked();
    await imports
      .tab('history')
      .filter({ hasText: history(1) })
      .waitFor();
    await flowSettled.waitFor();
    firstReads.stop();
    expect(firstReads.bodies).toHaveLength(1);
    expect(await flowShown('mql')).toBe(LEADS);
    expect(await flowShown('won')).toBe(4);
    expect(await flowShown('won')).toBe((await apiFlow()).won);
    const before = await call<WorkspaceInfo>('workspace.info');

    await imports.step.getByRole('button', { name: en('importScreen.done.more') }).click();
    await imports.waitForStep('importScreen.files.title');
    await checkFile(second);
    // The frame's counts are read again once the import has ended (workspace.info). Held back here,
    // as a slow read on a large workspace would be: the done step must not read the whole history
    // with the pre-import counts meanwhile (seconds of work, and old figures under the new heading).
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await app.page.route('**/api/workspace.info', async (route) => {
      await released;
      await route.continue();
    });
    const reads = watchReads();
    await importChecked();
    // The import's own counts are shown, in the render that ends the job; the frame's are the old ones.
    expect(await imports.tab('history').textContent()).toBe(history(1));
    const flowsWhileHeld = await app.page.locator('.workspace-flow').count();
    const loadingWhileHeld = await imports.step
      .getByRole('status', { name: en('common.loading'), exact: true })
      .count();

    await watchBusy(app.page, '.workspace-flow', '.imports-screen [role="tab"][id$="-history"]');
    release();
    await imports
      .tab('history')
      .filter({ hasText: history(2) })
      .waitFor();
    await flowSettled.waitFor();
    await app.page.unroute('**/api/workspace.info');
    reads.stop();
    // One read of the whole history, made with the refreshed counts.
    expect(reads.bodies).toHaveLength(1);
    expect(flowsWhileHeld).toBe(0);
    expect(loadingWhileHeld).toBe(1);
    // The flow appears only under the new counts, marked busy until its figures arrive.
    const marks = await busyMarks(app.page);
    expect(busyUnder(marks, history(1))).toEqual(['']);
    expect(busyUnder(marks, history(2)).filter((busy) => busy !== '')).toEqual(['true', 'false']);

    // The workspace gained stage events, not dates: the range the flow is read over is the same.
    const after = await call<WorkspaceInfo>('workspace.info');
    expect(after.counts.stageEvents).toBe(before.counts.stageEvents + 16);
    expect([after.firstEventAt, after.lastEventAt]).toEqual([before.firstEventAt, before.lastEventAt]);
    const flow = await apiFlow();
    expect(flow.won).toBe(20);
    expect(await flowShown('won')).toBe(flow.won);
    expect(await flowShown('mql')).toBe(flow.mql);
  });

  it('logged no console errors and threw no page errors', () => {
    expect(app.problems.page).toEqual([]);
    expect(app.problems.console).toEqual([]);
  });
});
