import fs from 'node:fs';
import type { Request, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/shared/i18n';
import { DEFAULT_SORT, type LeadPage } from '../../src/shared/leads/types';
import { CHROMIUM, startBrowserApp, type BrowserApp } from './support/browser-app';
import { StartPage } from './pages/start-page';
import { ShellPage } from './pages/shell-page';
import { cutValues } from './support/clipping';
import { inEveryWidthAndLanguage } from './support/widths-languages';

const hasChromium = fs.existsSync(CHROMIUM);
const title = hasChromium
  ? 'browser mode: the Leads explorer count on the sample workspace'
  : `leads e2e SKIPPED: ${CHROMIUM} does not exist (apt-get install -y chromium fonts-noto-cjk)`;

const en = createI18n('en').t;
/** Two searches of sample lead ids (ACME-0000001…) with different totals. */
const FIRST = 'ACME-00001';
const SECOND = 'ACME-000012';

describe.skipIf(!hasChromium)(title, () => {
  let app: BrowserApp;
  let shell: ShellPage;

  const total = async (search: string): Promise<number> => {
    const result = await app.dispatch('leads.list', {
      filters: {},
      ...(search ? { search } : {}),
      sort: DEFAULT_SORT,
      offset: 0,
      limit: 1,
    });
    if (!result.ok) throw new Error(result.error.message);
    return (result.value as LeadPage).total;
  };
  const countText = (n: number) => en('leads.count', { count: n, n: new Intl.NumberFormat('en-US').format(n) });
  const count = () => app.page.locator('.explorer-count');
  const search = async (text: string) => {
    const box = app.page.getByLabel(en('leads.search'));
    await box.fill(text);
    await box.press('Enter');
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    await app.page.goto(app.server.url);
    const start = new StartPage(app.page);
    await start.waitUntilShown();
    if ((await start.openSample()) === 'failed')
      throw new Error(`The sample did not open: ${(await start.failure.textContent()) ?? ''}`);
    shell = new ShellPage(app.page);
    await shell.setLanguage('en');
    await shell.goTo('leads');
  });

  afterAll(async () => {
    await app?.close();
  });

  it("keeps the count of the current search when a page of the previous search's answers late", async () => {
    const [all, first, second] = [await total(''), await total(FIRST), await total(SECOND)];
    expect(new Set([all, first, second]).size).toBe(3);
    await count()
      .filter({ hasText: countText(all) })
      .waitFor();

    // The first search's page is answered by the server at once but handed to the page only once
    // the second search's count is shown: the order a slow answer over a busy connection gives.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let held: (request: Request) => void = () => {};
    const heldRequest = new Promise<Request>((resolve) => (held = resolve));
    const hold = async (route: Route) => {
      const body = route.request().postDataJSON() as { search?: string };
      if (body.search !== FIRST) return route.continue();
      held(route.request());
      const response = await route.fetch();
      await released;
      await route.fulfill({ response });
    };
    await app.page.route('**/api/leads.list', hold);

    await search(FIRST);
    const request = await heldRequest;
    await count()
      .filter({ hasText: en('common.loading') })
      .waitFor();
    await search(SECOND);
    await count()
      .filter({ hasText: countText(second) })
      .waitFor();

    const finished = app.page.waitForEvent('requestfinished', (r) => r === request);
    release();
    await finished;
    // The late page has reached the page's code; give it a few frames to show what it would.
    await app.page.waitForTimeout(500);
    await app.page.unroute('**/api/leads.list', hold);
    expect(await count().textContent()).toBe(countText(second));
    expect(await app.page.locator('.vt').getAttribute('aria-rowcount')).toBe(String(second + 1));
    expect((await app.page.getByLabel(en('leads.search')).inputValue()).trim()).toBe(SECOND);
  });

  it('shows the search and every filter value whole at 1,024 and 1,366 px, in every language', async () => {
    const cut = await inEveryWidthAndLanguage(
      app.page,
      (locale) => shell.setLanguage(locale),
      async () => {
        await app.page.locator('.explorer-count').waitFor();
        return cutValues(app.page, '.content');
      },
    );
    expect(cut).toEqual([]);
  });

  it('logged no console errors and threw no page errors', () => {
    expect(app.problems.page).toEqual([]);
    expect(app.problems.console).toEqual([]);
  });
});
