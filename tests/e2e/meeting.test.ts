import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/shared/i18n';
import { LOCALES, type Locale, type WorkspaceInfo } from '../../src/shared/domain/types';
import type { JobStatus } from '../../src/shared/jobs/types';
import type { MeetingDetail, MeetingSummary, Snapshot } from '../../src/shared/meetings/types';
import type { Report } from '../../src/shared/metrics/types';
import { PEOPLE } from '../../src/main/sample/catalog';
import { CHROMIUM, SCREENSHOT_DIR, startBrowserApp, type BrowserApp } from './support/browser-app';
import { MeetingPage } from './pages/meeting-page';
import { ShellPage } from './pages/shell-page';
import { StartPage } from './pages/start-page';
import { brokenFigures, clippedTexts, cutValues, unfitted } from './support/clipping';
import { holdJobs } from '../helpers/hold-jobs';
import { inEveryWidthAndLanguage, labelled } from './support/widths-languages';

const hasChromium = fs.existsSync(CHROMIUM);
const title = hasChromium
  ? 'browser mode: a whole review meeting in Chromium'
  : `browser mode e2e SKIPPED: ${CHROMIUM} does not exist (apt-get install -y chromium fonts-noto-cjk)`;

const en = createI18n('en').t;
const SHOTS = path.join(SCREENSHOT_DIR, 'meeting');
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
] as const;
const PRESENTER_LOCALES: readonly Locale[] = ['en', 'ru', 'zh-CN'];

const DECISION = 'Breached follow-ups are reassigned to the team lead the same day.';
const ITEMS = [
  { text: 'Check the routing rules for leads created at night', owner: PEOPLE.salesLead, due: '2026-12-04' },
  { text: 'Send the arbiter list every Monday morning', owner: PEOPLE.ops, due: '2026-12-07' },
] as const;

describe.skipIf(!hasChromium)(title, () => {
  let app: BrowserApp;
  let meetings: MeetingPage;
  let shell: ShellPage;
  let meetingId = 0;

  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await app.dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  const shot = async (name: string, fullPage = true) => {
    // From the top: a full-page capture of a scrolled page repeats the sticky header mid-page.
    if (fullPage) await app.page.evaluate('window.scrollTo(0, 0)');
    await app.page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage, animations: 'disabled' });
  };

  beforeAll(async () => {
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
    app = await startBrowserApp();
    meetings = new MeetingPage(app.page, en);
    shell = new ShellPage(app.page);
    await app.page.goto(app.server.url);
    const start = new StartPage(app.page);
    await start.waitUntilShown();
    expect(await start.openSample()).toBe('opened');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the past meetings and plans the next one with the last attendees and the items it left', async () => {
    await meetings.goToReview();
    const past = meetings.home.locator('.review-past tbody tr');
    expect(await past.count()).toBe(3);
    await shot('home');
    // The plan dialog shows its week, time and every attendee's name and role whole, at both sizes in
    // every language.
    const setLanguage = (locale: Locale) => shell.setLanguage(locale);
    const cut = await inEveryWidthAndLanguage(app.page, setLanguage, async ({ width, locale, t }) => {
      await meetings.home.getByRole('button', { name: t('review.home.plan') }).click();
      await meetings.dialog.waitFor();
      const found = labelled('plan', await cutValues(app.page, 'dialog[open]'));
      if (locale === 'ru' && width === 1024) await shot('plan-dialog-ru-1024');
      await app.page.keyboard.press('Escape');
      await meetings.dialog.waitFor({ state: 'detached' });
      return found;
    });
    await meetings.planNext();
    const planned = (await call<MeetingSummary[]>('meetings.list')).find((m) => m.status === 'planned')!;
    meetingId = planned.id;
    expect(planned.attendees.map((a) => a.name)).toEqual([PEOPLE.marketingLead, PEOPLE.salesLead, PEOPLE.ops]);
    // The sample's last meeting left its open items for the next one.
    expect(await meetings.planned.locator('.review-record').count()).toBeGreaterThan(0);
    // Every attendee's name shows whole in the planned meeting's narrow card, beside its role; and
    // every other value of the card (its week, its time, the carried items' owners and dates).
    cut.push(
      ...(await inEveryWidthAndLanguage(app.page, setLanguage, async ({ width, locale }) => {
        await meetings.planned.waitFor();
        const found = labelled('planned', await cutValues(app.page, '.content'));
        if ((locale === 'ru' || locale === 'pt-BR') && width === 1024) await shot(`planned-${locale}-1024`);
        return found;
      })),
    );
    expect(cut).toEqual([]);
    await shot('planned');
  });

  it('starts the meeting as a job the user follows and may cancel, then works through step 0', async () => {
    // A start on a large workspace reads for seconds. Held here, in the server, before any read:
    // the page says what it is doing, shows the job's progress and offers to cancel it.
    const { release, restore } = holdJobs(app.runtime.jobs, 'meetings.start');
    const status = meetings.planned.locator('.review-start [role="status"]');
    const progress = meetings.planned.locator('.review-start-progress');
    const cancel = meetings.planned.locator('.review-start').getByRole('button', { name: en('common.cancel') });
    try {
      expect(await status.textContent()).toBe(en('review.planned.startHint'));
      await meetings.planned.getByRole('button', { name: en('review.planned.start') }).click();
      await expect.poll(() => status.textContent()).toBe(en('review.planned.startingHint'));
      await progress.waitFor();
      expect(await progress.textContent()).toBe(en('jobs.phase.starting'));
      await shot('starting');
      // Cancelled: the page says so, and the meeting stays planned with nothing frozen.
      await cancel.click();
      await expect.poll(() => status.textContent()).toBe(en('review.planned.startCancelled'));
      await progress.waitFor({ state: 'detached' });
      const kept = await call<MeetingDetail>('meetings.get', { id: meetingId });
      expect([kept.status, kept.snapshotTakenAt]).toEqual(['planned', null]);
      expect((await call<JobStatus[]>('jobs.list'))[0]).toMatchObject({ kind: 'meetings.start', state: 'cancelled' });
      await shot('start-cancelled');
      // Started again; the page reloaded meanwhile finds the running start, follows it and can
      // still cancel it; let through, it moves on to the meeting.
      const started = meetings.start();
      await progress.waitFor();
      await app.page.reload();
      await progress.waitFor();
      await expect.poll(() => status.textContent()).toBe(en('review.planned.startingHint'));
      await cancel.waitFor();
      await shot('start-followed-after-reload');
      expect((await call<JobStatus[]>('jobs.list')).filter((j) => j.state === 'running')).toMatchObject([
        { kind: 'meetings.start', subject: `meeting ${meetingId}` },
      ]);
      release();
      await started;
    } finally {
      restore();
    }
    expect(await meetings.stepTitle.textContent()).toBe(en('meetings.step.since_last'));
    const detail = await call<MeetingDetail>('meetings.get', { id: meetingId });
    expect(detail.status).toBe('in_progress');
    expect(detail.snapshotTakenAt).not.toBeNull();
    // The first carried item is marked done.
    const carried = detail.actionItems.find((i) => i.carriedFromId !== null)!;
    await meetings.meeting
      .getByLabel(en('review.records.itemStatus', { item: carried.text }))
      .selectOption(carried.status === 'open' ? 'done' : 'open');
    await expect
      .poll(
        async () =>
          (await call<MeetingDetail>('meetings.get', { id: meetingId })).actionItems.find((i) => i.id === carried.id)
            ?.status,
      )
      .toBe('done');
    await expect.poll(() => meetings.meeting.locator('.scorecard-tile').count()).toBe(4);
    await shot('step-0-since-last');
  });

  it('decides on a figure from its drill-down, with the link filled in', async () => {
    await meetings.showStep(1);
    await meetings.meeting.locator('.step-body .tile-main').first().click();
    await meetings.drillPanel.waitFor();
    await meetings.drillPanel.locator('.review-drill-note').waitFor();
    await meetings.drillPanel.getByRole('button', { name: en('review.drill.decide') }).click();
    const capture = app.page.getByRole('dialog', { name: en('review.capture.title') });
    await capture.waitFor();
    // The figure it was opened from shows whole in the capture form's link select.
    expect(await cutValues(app.page, 'dialog[open]')).toEqual([]);
    await meetings.addDecision(DECISION, capture);
    await capture.waitFor({ state: 'detached' });
    const detail = await call<MeetingDetail>('meetings.get', { id: meetingId });
    expect(detail.decisions.map((d) => [d.text, d.link?.type])).toEqual([[DECISION, 'figure']]);
    await shot('step-1-sla');
  });

  it('shows conversion and win/loss from the snapshot, and compares with the previous meeting', async () => {
    await meetings.showStep(2);
    // The trend and the breakdowns come from the snapshot too, and the step says so.
    const [frozenBefore, frozenAfter] = en('review.funnel.frozenNote', { asOf: '\u0000' }).split('\u0000');
    const note = (await meetings.funnelNote.textContent()) ?? '';
    expect(note.startsWith(frozenBefore!) && note.endsWith(frozenAfter!), note).toBe(true);
    await meetings.meeting.getByRole('button', { name: en('review.step.showPreviousMeeting') }).click();
    await meetings.meeting.locator('.review-compare tbody tr').first().waitFor();
    await shot('step-2-funnel');
    await meetings.showStep(3);
    await shot('step-3-winloss');
  });

  it('approves the proposed MQL revision with both leaders named', async () => {
    await meetings.showStep(4);
    const card = meetings.meeting.locator('.review-proposal', { hasText: 'MQL' });
    await card.getByRole('button', { name: en('review.defs.action.approve') }).click();
    await meetings.dialog.waitFor();
    // Both leaders' names show whole in the approval dialog.
    expect(await cutValues(app.page, 'dialog[open]')).toEqual([]);
    await meetings.dialog.getByRole('button', { name: en('review.defs.action.approve') }).click();
    await card.locator('.review-outcome-approve').waitFor();
    expect(await card.locator('.review-outcome-approve').textContent()).toContain(
      en('review.defs.recordedWith', { marketing: PEOPLE.marketingLead, sales: PEOPLE.salesLead }),
    );
    await shot('step-4-definitions');
  });

  it('captures two action items, one linked to a figure', async () => {
    await meetings.showStep(5);
    await meetings.addItem(ITEMS[0]);
    await meetings.addItem({
      ...ITEMS[1],
      link: en('meetings.figure.arbitration'),
    });
    const detail = await call<MeetingDetail>('meetings.get', { id: meetingId });
    const mine = detail.actionItems.filter((i) => i.carriedFromId === null);
    expect(mine.map((i) => [i.text, i.owner, i.dueDate])).toEqual(ITEMS.map((i) => [i.text, i.owner, i.due]));
    expect(mine[1]!.link).toEqual({ type: 'figure', figure: { type: 'arbitration' } });
    await shot('step-5-actions');
  });

  it('reads every figure a record can link to whole at the 1,024 px minimum window, in every language', async () => {
    // Every option of the "prompted by" selects: the figures of the week, named by the catalog and by
    // the workspace's own stage names. Those (and the owners and reasons a drill-down may hand over)
    // are user data of any length: a name too long for the window is cut by a select that fills its
    // panel, and carried whole in its title. The sample's names all fit.
    const links = meetings.meeting.locator('.review-actions .review-record-form select');
    // An action item being written down: its owner and due date show whole in the form.
    const itemForm = meetings.form(en('review.records.itemForm'));
    await itemForm.getByLabel(en('review.records.owner'), { exact: true }).fill(PEOPLE.salesLead);
    await itemForm.getByLabel(en('review.records.due')).fill('2026-12-04');
    const cut = await inEveryWidthAndLanguage(
      app.page,
      (locale) => shell.setLanguage(locale),
      async ({ width, locale }) => {
        await links.first().waitFor();
        for (const link of await links.all())
          expect(await link.getAttribute('title')).toBe((await link.locator('option:checked').textContent())!);
        if (locale === 'ru' || locale === 'pt-BR') await shot(`step-5-actions-${locale}-${width}`);
        return [
          ...(await clippedTexts(app.page, '.review-actions', 'all')),
          // Nor a value of the capture forms or of the items listed: an owner, a due date, a status.
          ...(await cutValues(app.page, '.content')),
          // The meeting around them too: no table or panel past its box, no step or button cutting its label.
          ...(width === 1024 ? await unfitted(app.page, '.content') : []),
        ];
      },
    );
    await itemForm.getByLabel(en('review.records.owner'), { exact: true }).fill('');
    await itemForm.getByLabel(en('review.records.due')).fill('');
    expect(cut).toEqual([]);
  });

  it('shows every step in presenter mode, keyboard only, at both projector sizes in three languages', async () => {
    const page = app.page;
    for (const locale of PRESENTER_LOCALES) {
      await shell.setLanguage(locale);
      const t = createI18n(locale).t;
      const model = new MeetingPage(page, t);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await model.enterPresenter();
        const steps = await model.meeting.locator('.agenda-nav li').count();
        expect(steps).toBe(7);
        for (let i = 0; i < steps; i++) {
          await model.pressForStep(String(i), i);
          await shot(`presenter-${locale}-${size.width}x${size.height}-step-${i}`, false);
          // Nothing in the step's header or scorecard is cut off.
          for (const selector of ['.step-title', '.scorecard-name', '.agenda-name', '.step-timer-status']) {
            const clipped = await model.meeting
              .locator(selector)
              .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
            expect(clipped, `${locale} ${size.width} step ${i} ${selector}`).toBe(0);
          }
        }
        // Arrows move one step, never past the ends.
        await model.pressForStep('ArrowLeft', steps - 2);
        await model.pressForStep('ArrowRight', steps - 1);
        await page.keyboard.press('ArrowRight');
        expect(await model.meeting.locator('.agenda-step.shown .agenda-number').textContent()).toBe(String(steps - 1));
        if (size.width === 1366) {
          await page.keyboard.press('?');
          await page.locator('.key-help').waitFor();
          await shot(`presenter-${locale}-${size.width}x${size.height}-keys`, false);
          await page.keyboard.press('Escape');
          await page.locator('.key-help').waitFor({ state: 'detached' });
          expect(await page.locator('.meeting-presenter').count()).toBe(1);
        }
        await page.keyboard.press('Escape');
        await page.locator('.meeting-presenter').waitFor({ state: 'detached' });
      }
    }
    await shell.setLanguage('en');
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('wraps up: ratings, minutes in the workspace language as PDF and Markdown, items as CSV and .ics', async () => {
    await meetings.showStep(6);
    for (const [name, rating] of [
      [PEOPLE.marketingLead, 8],
      [PEOPLE.salesLead, 7],
    ] as const) {
      await meetings.meeting
        .getByRole('radiogroup', { name: en('review.wrap.ratingOf', { name }) })
        .getByRole('radio', { name: String(rating), exact: true })
        .click();
      await meetings.meeting
        .getByRole('radiogroup', { name: en('review.wrap.ratingOf', { name }) })
        .locator('[aria-checked="true"]')
        .waitFor();
    }
    await shot('step-6-wrap-up');
    const workspace = await call<WorkspaceInfo>('workspace.info');
    const wt = createI18n(workspace.locale).t;
    const dir = fs.mkdtempSync(path.join(app.dataDir, 'downloads-'));
    const save = async (label: string, name: string) => {
      const download = await meetings.download(label);
      const file = path.join(dir, name);
      await download.saveAs(file);
      return file;
    };
    const pdf = await save(en('review.exports.pdf'), 'minutes.pdf');
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain(wt('minutes.decisions'));
    expect(text).toContain(wt('minutes.actionItems'));
    for (const words of [DECISION, ...ITEMS.map((i) => i.text)]) expect(text).toContain(words);
    const md = fs.readFileSync(await save(en('review.exports.md'), 'minutes.md'), 'utf8');
    for (const words of [DECISION, ...ITEMS.map((i) => i.text)]) expect(md).toContain(words);
    const csv = fs.readFileSync(await save(en('review.exports.csv'), 'items.csv'), 'utf8');
    for (const item of ITEMS) expect(csv).toContain(item.text);
    const ics = fs.readFileSync(await save(en('review.exports.ics'), 'items.ics'), 'utf8');
    expect(ics).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain(ITEMS[0].text);
  });

  it('ends the meeting, which then opens read only with every input disabled', async () => {
    await meetings.meeting.getByRole('button', { name: en('review.wrap.end') }).click();
    await meetings.dialog.getByRole('button', { name: en('review.wrap.end') }).click();
    await meetings.meeting.locator('.review-readonly').waitFor();
    const detail = await call<MeetingDetail>('meetings.get', { id: meetingId });
    expect(detail.status).toBe('ended');
    expect(detail.actionItems.filter((i) => ITEMS.some((x) => x.text === i.text)).map((i) => i.status)).toEqual([
      'carried',
      'carried',
    ]);
    // Reopened from the list of past meetings.
    await meetings.meeting.getByRole('button', { name: en('review.meeting.back') }).click();
    await meetings.home.getByRole('button', { name: en('review.home.openPast', { title: detail.title }) }).click();
    await meetings.meeting.locator('.review-readonly').waitFor();
    expect(await meetings.meeting.locator('.review-readonly').textContent()).toContain(en('review.readOnly.title'));
    for (let i = 0; i < 7; i++) {
      await meetings.showStep(i);
      const enabled = await meetings.meeting
        .locator('.meeting-main')
        .locator('input:enabled, textarea:enabled, select:enabled, .review-score:enabled')
        .count();
      expect(enabled, `step ${i}`).toBe(0);
      if (i === 0 || i === 5) await shot(`read-only-step-${i}`);
    }
  });

  it('fits every step in the 1,024 px minimum window, in every language', async () => {
    const size = app.page.viewportSize()!;
    await app.page.setViewportSize({ width: 1024, height: 768 });
    const problems: string[] = [];
    for (const locale of LOCALES) {
      await shell.setLanguage(locale);
      for (let i = 0; i < 7; i++) {
        await meetings.showStep(i);
        for (const what of await unfitted(app.page, '.content')) problems.push(`${locale} step ${i}: ${what}`);
        // Nor an item's due date broken in two ("4 дек." over "2026 г.").
        for (const what of await brokenFigures(app.page, '.review-record-due'))
          problems.push(`${locale} step ${i}: ${what}`);
        // Nor a value cut in its box: an item's status, a decision's link, a rating.
        for (const what of await cutValues(app.page, '.content')) problems.push(`${locale} step ${i}: ${what}`);
      }
      if (locale === 'ru') await shot('read-only-step-6-ru-1024');
    }
    // The values at 1,366 px too.
    await app.page.setViewportSize({ width: 1366, height: 768 });
    for (const locale of LOCALES) {
      await shell.setLanguage(locale);
      for (let i = 0; i < 7; i++) {
        await meetings.showStep(i);
        for (const what of await cutValues(app.page, '.content')) problems.push(`${locale} 1366 step ${i}: ${what}`);
      }
    }
    await shell.setLanguage('en');
    await app.page.setViewportSize(size);
    expect(problems).toEqual([]);
  });

  it('keeps the snapshot when a new batch is imported, and reads the live figures apart', async () => {
    const before = await call<Snapshot>('meetings.snapshot', { id: meetingId });
    await meetings.showStep(1);
    const scorecardBefore = await meetings.meeting.locator('.scorecard-strip').textContent();
    const tilesBefore = await meetings.meeting.locator('.step-body .tiles').first().textContent();
    await meetings.showStep(2);
    const breakdownBefore = await meetings.breakdownCard('source').textContent();
    // Six leads handed over during the reviewed week, exported late: back-dated history.
    const { from } = before.week;
    const dir = fs.mkdtempSync(path.join(app.dataDir, 'late-batch-'));
    const ids = Array.from({ length: 6 }, (_, i) => `LATE-${i + 1}`);
    const leadsCsv = [
      'lead_id,created_at,source,campaign,segment,country,owner,score,amount,currency,first_touch_at,assigned_at,outcome_reason',
      ...ids.map((id) => `${id},${from}T09:00:00Z,Webinar,,Mid-market,BR,Ana Ribeiro,80,,,,,`),
    ].join('\n');
    const eventsCsv = [
      'lead_id,stage,entered_at',
      ...ids.flatMap((id) => [`${id},lead,${from}T09:00:00Z`, `${id},mql,${from}T10:00:00Z`]),
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'leads.csv'), `${leadsCsv}\n`);
    fs.writeFileSync(path.join(dir, 'stage_events.csv'), `${eventsCsv}\n`);
    let job = await call<JobStatus>('imports.apply', {
      files: ['leads.csv', 'stage_events.csv'].map((f) => ({
        fileId: app.runtime.files.registerPath(path.join(dir, f)).id,
      })),
      preset: 'native',
    });
    while (job.state === 'running')
      job = await new Promise((resolve) => setTimeout(resolve, 200)).then(() =>
        call<JobStatus>('jobs.get', { id: job.id }),
      );
    expect(job.state, JSON.stringify(job.error)).toBe('done');

    const after = await call<Snapshot>('meetings.snapshot', { id: meetingId });
    expect(after).toEqual(before);
    const live = await call<Report>('metrics.report', {
      from: before.week.from,
      to: before.week.to,
      asOf: before.asOf,
    });
    const mql = before.report.sla.handoff_stage;
    expect(live.flow[mql]).toBe((before.report.flow[mql] ?? 0) + ids.length);

    await app.page.reload();
    await meetings.meeting.locator('.review-readonly').waitFor();
    await meetings.showStep(1);
    expect(await meetings.meeting.locator('.scorecard-strip').textContent()).toBe(scorecardBefore);
    expect(await meetings.meeting.locator('.step-body .tiles').first().textContent()).toBe(tilesBefore);
    // The late leads are Webinar hand-offs of the reviewed week: the frozen breakdown leaves them out.
    await meetings.showStep(2);
    expect(await meetings.breakdownCard('source').textContent()).toBe(breakdownBefore);
  });

  it('shows the carried items in the next meeting', async () => {
    await meetings.meeting.getByRole('button', { name: en('review.meeting.back') }).click();
    await meetings.planNext();
    const texts = await meetings.planned.locator('.review-record-text').allTextContents();
    for (const item of ITEMS) expect(texts).toContain(item.text);
    await shot('next-meeting-planned');
    expect(app.problems.page).toEqual([]);
    expect(app.problems.console).toEqual([]);
  });
});
