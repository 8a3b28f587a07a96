import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../src/shared/jobs/types';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { createI18n } from '../../src/shared/i18n';
import type { Locale, WorkspaceInfo } from '../../src/shared/domain/types';
import { APP_VERSION, CHROMIUM, SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from './support/browser-app';
import { StartPage } from './pages/start-page';
import { SECTIONS, ShellPage } from './pages/shell-page';
import { clippedTexts, cutValues, unfitted } from './support/clipping';
import { holdJobs } from '../helpers/hold-jobs';
import { inEveryWidthAndLanguage, labelled } from './support/widths-languages';

const hasChromium = fs.existsSync(CHROMIUM);
const title = hasChromium
  ? 'browser mode: the app frame in Chromium'
  : `browser mode e2e SKIPPED: ${CHROMIUM} does not exist (apt-get install -y chromium fonts-noto-cjk)`;

const en = createI18n('en').t;

describe.skipIf(!hasChromium)(title, () => {
  let app: BrowserApp;
  let start: StartPage;
  let shell: ShellPage;

  const shot = async (name: string) => {
    await app.page.screenshot({
      path: path.join(SCREENSHOT_DIR, `${name}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  };
  const info = async (): Promise<WorkspaceInfo> => {
    const result = await app.dispatch('workspace.info', {});
    if (!result.ok) throw new Error(result.error.message);
    return result.value as WorkspaceInfo;
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    start = new StartPage(app.page);
    shell = new ShellPage(app.page);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('refuses requests without the token and serves the page with the CSP header', async () => {
    const bare = await fetch(`${app.server.origin}/`);
    expect(bare.status).toBe(401);
    const api = await fetch(`${app.server.origin}/api/workspace.session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ ok: false, error: { code: 'server.unauthorized' } });

    const page = await fetch(app.server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('shows the start screen and takes the token out of the address bar', async () => {
    await app.page.goto(app.server.url);
    await start.waitUntilShown();
    expect(new URL(app.page.url()).searchParams.has('token')).toBe(false);
    expect(await app.page.evaluate("sessionStorage.getItem('funnel-review.token')")).toBe(app.server.token);
    expect(await app.page.locator('h1').textContent()).toBe(en('start.title'));
    await shot('en-light-start');
    await app.page.locator('.start .segmented [role="radio"]').nth(2).click();
    await app.page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
    await shot('en-dark-start');
    await app.page.locator('.start .segmented [role="radio"]').nth(1).click();
    await app.page.locator('html[data-theme="light"]').waitFor({ state: 'attached' });
    // Its language select, and the new and open workspace forms, show their values whole at both
    // sizes in every language. A file path is long by nature and scrolls in its box, as in any app.
    const setLanguage = async (locale: Locale) => {
      await start.root.locator('select').selectOption(locale);
      await app.page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
    };
    const cut = await inEveryWidthAndLanguage(app.page, setLanguage, async ({ t }) => {
      const found = labelled('start', await cutValues(app.page, '.start'));
      for (const [action, title] of [
        ['start.new.action', 'app.newWorkspace.title'],
        ['start.open.action', 'app.openWorkspace.title'],
      ] as const) {
        await start.root.getByRole('button', { name: t(action) }).click();
        const dialog = app.page.getByRole('dialog', { name: t(title) });
        await dialog.waitFor();
        found.push(...labelled(title, await cutValues(app.page, 'dialog[open]', 'input.mono')));
        await app.page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      }
      return found;
    });
    expect(cut).toEqual([]);
  });

  it('explains, in words, why a file cannot be opened', async () => {
    const missing = path.join(app.dataDir, 'nowhere', 'Missing.db');
    let dialog = await start.openWorkspaceDialog();
    await dialog.getByLabel('File').fill(missing);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain(en('errors.workspace.notFound', { path: missing }));
    await shot('en-light-open-error');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const notWorkspace = path.join(app.dataDir, 'notes.db');
    fs.writeFileSync(notWorkspace, 'these are plain notes, not a database\n');
    dialog = await start.openWorkspaceDialog();
    await dialog.getByLabel('File').fill(notWorkspace);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await dialog.getByRole('alert').waitFor();
    const text = (await dialog.getByRole('alert').textContent()) ?? '';
    expect(text).toContain(en('errors.workspace.notAWorkspace', { path: notWorkspace }));
    expect(text).not.toMatch(/workspace\.notAWorkspace|Error:|at \w+ \(/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('opens the sample workspace from the start screen', async () => {
    const outcome = await start.openSample();
    if (outcome === 'failed') throw new Error(`The sample did not open: ${(await start.failure.textContent()) ?? ''}`);
    const workspace = await info();
    expect(await shell.workspaceSwitcher.textContent()).toContain(workspace.name);
    expect(await shell.workspaceSwitcher.getAttribute('title')).toContain(workspace.path);
    expect(workspace.counts.leads).toBeGreaterThan(0);
    expect(await app.page.title()).toBe(`${workspace.name} — ${en('app.name')}`);
  });

  it("visits every section in English, in both themes, with the workspace's real counts", async () => {
    const workspace = await info();
    for (const theme of ['light', 'dark'] as const) {
      await shell.setTheme(theme);
      for (const section of SECTIONS) {
        await shell.goTo(section);
        expect(await shell.heading.textContent()).toBe(en(`nav.${section}`));
        await shot(`en-${theme}-${section}`);
      }
    }
    // The explorer counts every lead of the workspace when nothing filters it.
    await shell.goTo('leads');
    const n = new Intl.NumberFormat('en').format(workspace.counts.leads);
    await expect
      .poll(() => app.page.locator('.explorer-count').textContent(), { timeout: 30_000 })
      .toBe(en('leads.count', { count: workspace.counts.leads, n }));
    await shell.setTheme('light');
  });

  it('keeps the section across a reload', async () => {
    await shell.goTo('sla');
    await app.page.reload();
    await shell.waitUntilShown();
    expect(new URL(app.page.url()).hash).toBe('#/sla');
    expect(await shell.heading.textContent()).toBe(en('nav.sla'));
  });

  it('offers the File commands in its own workspace menu, and shows About with the version', async () => {
    const menu = await shell.openWorkspaceMenu();
    for (const key of [
      'app.menu.new',
      'app.menu.open',
      'app.menu.sample',
      'app.menu.import',
      'app.menu.presenter',
      'app.menu.close',
    ]) {
      expect(await menu.getByRole('menuitem', { name: en(key) }).count()).toBe(1);
    }
    // No screen offers an export yet, so the menu does not promise one.
    expect(await menu.getByRole('menuitem', { name: en('app.menu.export') }).count()).toBe(0);
    await shot('en-light-workspace-menu');
    await app.page.keyboard.press('Escape');
    await shell.sidebar.getByRole('button', { name: en('nav.about') }).click();
    const about = app.page.getByRole('dialog', { name: en('about.title') });
    await about.waitFor();
    expect(await about.textContent()).toContain(en('about.version', { version: APP_VERSION }));
    // The licences of the shipped packages (app.about), folded until asked for.
    await about.locator('summary').click();
    expect(
      await about
        .getByRole('row')
        .filter({ hasText: /^react19/ })
        .count(),
    ).toBeGreaterThan(0);
    expect(await about.getByRole('cell', { name: 'MIT', exact: true }).count()).toBeGreaterThan(10);
    await shot('en-light-about');
    await about
      .getByRole('button', { name: en('common.close') })
      .last()
      .click();
    await about.waitFor({ state: 'detached' });

    // Presenter mode: the frame steps aside for the meeting room screen; Escape brings it back.
    await app.page.getByRole('button', { name: en('app.menu.presenter') }).click();
    await shell.sidebar.waitFor({ state: 'detached' });
    await shot('en-light-presenter');
    await app.page.keyboard.press('Escape');
    await shell.waitUntilShown();
  });

  it('changes workspace settings through the API and lists time zones', async () => {
    await shell.goTo('settings');
    const zone = app.page.getByLabel(en('settings.workspace.timeZone'));
    expect(await zone.locator('option[value="Europe/Moscow"]').count()).toBe(1);
    expect(await zone.locator('option[value="America/Sao_Paulo"]').count()).toBe(1);
    await zone.selectOption('America/Sao_Paulo');
    await app.page.getByLabel(en('settings.workspace.currency')).selectOption('BRL');
    await app.page
      .locator('form', { has: zone })
      .getByRole('button', { name: en('common.save') })
      .click();
    await app.page.getByText(en('settings.saved')).first().waitFor();
    const workspace = await info();
    expect(workspace.timeZone).toBe('America/Sao_Paulo');
    expect(workspace.currency).toBe('BRL');
  });

  it('reads every time zone and currency whole at the 1,024 px minimum window, in every language', async () => {
    // Every option, not only the chosen one: "BAM — конвертируемая марка Боснии и Герцеговины" and
    // "America/North Dakota/New Salem (GMT-6)" are the longest, and the lists are the browser's own.
    await shell.goTo('settings');
    const cut = await inEveryWidthAndLanguage(
      app.page,
      (locale) => shell.setLanguage(locale),
      async ({ width, locale }) => {
        if (locale === 'ru' || locale === 'pt-BR') await shot(`${locale}-light-settings-${width}`);
        return [
          ...(await clippedTexts(app.page, '.settings-grid', 'all')),
          // Nor a value cut in its box: a holiday's date, a goal, a week start, a fiscal month.
          ...(await cutValues(app.page, '.content')),
          ...(width === 1024 ? await unfitted(app.page, '.content') : []),
        ];
      },
    );
    expect(cut).toEqual([]);
  });

  it('restores a backup after asking, keeping the state it replaces', async () => {
    const before = await app.dispatch('workspace.listBackups', {});
    if (!before.ok || !Array.isArray(before.value)) throw new Error('listBackups failed');
    expect(before.value.length).toBeGreaterThan(0);
    const table = app.page.locator('table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(before.value.length);
    await table
      .getByRole('button', { name: en('backups.restore') })
      .first()
      .click();
    const confirm = app.page.getByRole('dialog', { name: en('backups.confirmTitle') });
    await confirm.waitFor();
    await shot('en-light-restore-confirm');
    const currency = (await info()).currency;

    // A first restore is held before its first step, as a large workspace's takes seconds, and cancelled.
    const { restore } = holdJobs(app.runtime.jobs, 'workspace.restore');
    const progress = confirm.locator('.file-job-progress');
    try {
      await confirm.getByRole('button', { name: en('backups.restore') }).click();
      await progress.waitFor();
      expect(await progress.textContent()).toContain(en('jobs.phase.starting'));
      await shot('en-light-restore-progress');
      await progress.getByRole('button', { name: en('common.cancel') }).click();
      await confirm.getByRole('alert').waitFor();
      expect(await confirm.getByRole('alert').textContent()).toContain(en('errors.jobs.cancelled'));
      await progress.waitFor({ state: 'detached' });
    } finally {
      restore();
    }
    // Nothing changed: the same workspace, state and backups.
    expect((await info()).currency).toBe(currency);
    const after = await app.dispatch('workspace.listBackups', {});
    expect(after.ok && after.value).toEqual(before.value);

    await confirm.getByRole('button', { name: en('backups.restore') }).click();
    await confirm.waitFor({ state: 'detached' });
    // The restore wrote a backup of the replaced state first, so the list is one longer.
    await table.locator('tbody tr').nth(before.value.length).waitFor();
    expect(await table.getByText(en('backups.reason.restore')).count()).toBeGreaterThan(0);
    // The backup predates the settings change above.
    expect((await info()).currency).not.toBe('BRL');
  });

  for (const [locale, label] of [
    ['ru', 'Russian'],
    ['zh-CN', 'Chinese'],
    ['pt-BR', 'Portuguese'],
  ] as const) {
    it(`shows every section in ${label}`, async () => {
      const t = createI18n(locale).t;
      await shell.setLanguage(locale);
      for (const theme of ['light', 'dark'] as const) {
        await shell.setTheme(theme);
        for (const section of SECTIONS) {
          await shell.goTo(section);
          expect(await shell.heading.textContent()).toBe(t(`nav.${section}`));
          await shot(`${locale}-${theme}-${section}`);
        }
      }
      await shell.setTheme('light');
    });
  }

  it('shows the read-only banner with its reason, and the recent list on the start screen', async () => {
    await shell.setLanguage('en');
    const workspace = await info();
    const menu = await shell.openWorkspaceMenu();
    await menu.getByRole('menuitem', { name: en('app.menu.close') }).click();
    await start.waitUntilShown();
    const recent = start.recentItem(workspace.name);
    await recent.waitFor();
    await shot('en-light-start-recent');

    const dialog = await start.openWorkspaceDialog();
    await dialog.getByLabel('File').fill(workspace.path);
    await dialog.getByLabel(en('app.openWorkspace.readOnly')).check();
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    await shell.waitUntilShown();
    expect(await shell.readOnlyBanner.textContent()).toContain(en('errors.workspace.openedReadOnly'));
    await shell.goTo('settings');
    expect(await app.page.getByLabel(en('settings.workspace.name'), { exact: true }).isDisabled()).toBe(true);
    await shot('en-light-read-only-settings');
  });

  it('offers the latest backup when a workspace file is damaged, and restores it', async () => {
    const source = (await info()).path;
    const menu = await shell.openWorkspaceMenu();
    await menu.getByRole('menuitem', { name: en('app.menu.close') }).click();
    await start.waitUntilShown();

    // A copy that has been opened once (so it has a daily backup), then damaged on disk.
    const broken = path.join(app.dataDir, 'Damaged.db');
    fs.copyFileSync(source, broken);
    const opened = await app.dispatch('workspace.open', { path: broken });
    if (!opened.ok) throw new Error(opened.error.message);
    // The app writes the day's backup after the open has answered: the newest such job is this one.
    const copying = app.runtime.jobs.list().find((j) => j.kind === 'workspace.dailyBackup')!;
    expect((await app.runtime.jobs.wait(copying.id)).state).toBe('done');
    const closed = await app.dispatch('workspace.close', {});
    if (!closed.ok) throw new Error(closed.error.message);
    const fd = fs.openSync(broken, 'r+');
    const size = fs.fstatSync(fd).size;
    const garbage = Buffer.alloc(8192, 0x5a);
    for (const at of [4096 * 2, Math.floor(size / 2 / 4096) * 4096]) fs.writeSync(fd, garbage, 0, garbage.length, at);
    fs.closeSync(fd);

    const dialog = await start.openWorkspaceDialog();
    await dialog.getByLabel('File').fill(broken);
    await dialog.getByRole('button', { name: 'Open', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`${broken} is damaged`);
    await alert.getByText(en('backups.reason.daily'), { exact: false }).waitFor();
    await shot('en-light-damaged');
    await alert.getByRole('button', { name: en('app.failure.restore') }).click();
    const confirm = app.page.getByRole('dialog', { name: en('app.failure.restoreTitle') });
    await confirm.getByRole('button', { name: en('app.failure.restore') }).click();
    await shell.waitUntilShown();
    const restored = await info();
    expect(restored.path).toBe(broken);
    expect(restored.counts.leads).toBeGreaterThan(0);
  });

  it('creates a workspace in browser mode, and greys it out in the recent list once its file is gone', async () => {
    const gone = path.join(app.dataDir, 'Gone.db');
    const menu = await shell.openWorkspaceMenu();
    await menu.getByRole('menuitem', { name: en('app.menu.close') }).click();
    await start.waitUntilShown();
    await start.createWorkspace('Gone Ltd', gone);
    const created = await info();
    expect(created).toMatchObject({ path: gone, name: 'Gone Ltd' });
    expect(created.counts.leads).toBe(0);
    await shell.goTo('funnel');
    expect(await app.page.locator('.empty-status').textContent()).toBe(en('empty.funnel.noData'));
    await app.page.getByRole('button', { name: en('empty.actions.import') }).waitFor();
    await shot('en-light-funnel-empty-workspace');
    const close = await app.dispatch('workspace.close', {});
    if (!close.ok) throw new Error(close.error.message);
    fs.rmSync(gone);
    await app.page.reload();
    await start.waitUntilShown();
    const item = start.recentItem('Gone Ltd');
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('missing');
    expect(await item.textContent()).toContain(en('start.recent.missing'));
    expect(await item.getByRole('button', { name: /Gone Ltd/ }).isDisabled()).toBe(true);
    await shot('en-light-start-missing');
    await item.getByRole('button', { name: en('start.recent.forget') }).click();
    await item.waitFor({ state: 'detached' });
    const session = await app.dispatch('workspace.session', {});
    if (!session.ok) throw new Error(session.error.message);
    expect(JSON.stringify(session.value)).not.toContain('Gone.db');
  });

  it('says what an open is doing while it checks the file, wherever it was asked from', async () => {
    // The workspace restored above; the test before closed every workspace.
    const file = path.join(app.dataDir, 'Damaged.db');
    await start.waitUntilShown();
    // Held back, as an open of a large workspace (or one on a slow disk) takes seconds.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await app.page.route('**/api/workspace.open', async (route) => {
      await released;
      await route.continue();
    });
    const busy = app.page.locator('.session-busy[role="status"]');
    try {
      const dialog = await start.openWorkspaceDialog();
      await dialog.getByLabel('File').fill(file);
      await dialog.getByRole('button', { name: 'Open', exact: true }).click();
      await busy.waitFor();
      expect(await busy.textContent()).toBe(en('app.busy.open'));
      await shot('en-light-opening');
    } finally {
      release();
    }
    await shell.waitUntilShown();
    await app.page.unroute('**/api/workspace.open');
    await busy.waitFor({ state: 'detached' });
    expect((await info()).path).toBe(file);
  });

  it('shows what an open does with the file, and cancels it: the workspace open before stays open', async () => {
    const before = await info();
    const other = app.runtime.samplePath;
    expect(fs.existsSync(other) && other !== before.path, 'another workspace to open').toBe(true);
    // The open is held once it has read and checked the (small) file, where a large one takes seconds.
    const { restore } = holdJobs(app.runtime.jobs, 'workspace.open', 'end');
    // Shown in the dialog the open was asked from (a modal: the status behind it cannot be clicked).
    const reading = app.page.locator('dialog[open] .file-job-progress');
    try {
      const menu = await shell.openWorkspaceMenu();
      await menu.getByRole('menuitem', { name: en('app.menu.open') }).click();
      const dialog = app.page.getByRole('dialog', { name: en('app.openWorkspace.title') });
      await dialog.getByLabel('File').fill(other);
      await dialog.getByRole('button', { name: 'Open', exact: true }).click();
      await reading.waitFor();
      // Its last step, the check, has no amount to tell: the bar moves without a value.
      await expect.poll(() => reading.textContent()).toMatch(new RegExp(`^${en('jobs.workspace.checking')}`));
      expect(await reading.locator('progress').getAttribute('value')).toBeNull();
      await shot('en-light-opening-check');
      await reading.getByRole('button', { name: en('common.cancel') }).click();
      await dialog.getByRole('alert').waitFor();
      expect(await dialog.getByRole('alert').textContent()).toContain(en('errors.jobs.cancelled'));
      await reading.waitFor({ state: 'detached' });
      await app.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    } finally {
      restore();
    }
    expect((await info()).path).toBe(before.path);
    const list = await app.dispatch('jobs.list', {});
    if (!list.ok) throw new Error(list.error.message);
    expect((list.value as JobStatus[]).find((j) => j.kind === 'workspace.open')).toMatchObject({
      subject: other,
      state: 'cancelled',
    });
  });

  it('logged no console errors and threw no page errors', () => {
    expect(app.problems.page).toEqual([]);
    expect(app.problems.console).toEqual([]);
  });
});
