import type { Download, Locator, Page } from 'playwright-core';

/** Texts the model clicks by, from the catalog of the language on screen. */
type T = (key: string, params?: Record<string, unknown>) => string;

/**
 * The review meeting screens: the meetings home, a planned meeting, and a held (running or ended)
 * meeting with its agenda, steps, records and presenter mode. Controls are found by structure and
 * by catalog texts passed in, so the model works in every language.
 */
export class MeetingPage {
  constructor(
    readonly page: Page,
    readonly t: T,
  ) {}

  async goToReview(): Promise<void> {
    await this.page.locator('nav.sidebar a[href="#/review"]').click();
    await this.page.waitForURL((url) => url.hash.startsWith('#/review'));
    await this.page.locator('.review-home').waitFor();
  }

  get home(): Locator {
    return this.page.locator('.review-home');
  }

  get dialog(): Locator {
    return this.page.locator('dialog[open]');
  }

  /** Plans the next meeting with the form's defaults (week, attendees of the last meeting). */
  async planNext(): Promise<void> {
    await this.home.getByRole('button', { name: this.t('review.home.plan') }).click();
    await this.dialog.waitFor();
    await this.dialog.getByRole('button', { name: this.t('review.plan.submit') }).click();
    await this.planned.waitFor();
  }

  get planned(): Locator {
    return this.page.locator('.review-planned');
  }

  get meeting(): Locator {
    return this.page.locator('.meeting');
  }

  /** Starts the planned meeting on screen; resolves on step 0 with the snapshot loaded. */
  async start(): Promise<void> {
    await this.planned.getByRole('button', { name: this.t('review.planned.start') }).click();
    await this.meeting.locator('.step-title').waitFor({ timeout: 120_000 });
  }

  get stepTitle(): Locator {
    return this.meeting.locator('.step-title');
  }

  agendaStep(index: number): Locator {
    return this.meeting.locator('.agenda-nav li').nth(index).locator('button');
  }

  /** Shows agenda step `index` by clicking it; waits for its title. */
  async showStep(index: number): Promise<void> {
    const name = (await this.agendaStep(index).locator('.agenda-name').textContent()) ?? '';
    await this.agendaStep(index).click();
    await this.meeting.locator('.step-title', { hasText: name }).waitFor();
    await this.waitForFigures();
  }

  /** Waits for the step's charts (if any) and anything loading in it. */
  async waitForFigures(): Promise<void> {
    const charts = this.meeting.locator('.step-body canvas');
    if ((await charts.count()) > 0) await charts.first().waitFor();
    await this.meeting.locator('.step-body .spinner').first().waitFor({ state: 'detached', timeout: 120_000 });
  }

  /** The funnel step's note on where its trend and breakdowns come from (frozen, or read as of the start). */
  get funnelNote(): Locator {
    return this.meeting.locator('.step-body > .review-drill-note');
  }

  /** The funnel step's breakdown card, by the field it is broken down by. */
  breakdownCard(field: string): Locator {
    const title = this.t('funnel.breakdown.title', { field: this.t(`analysis.fields.${field}`) });
    return this.meeting.getByRole('region', { name: title, exact: true });
  }

  get drillPanel(): Locator {
    return this.page.locator('dialog.drill-panel[open]');
  }

  /** The records forms of step 5 (or the capture dialog). */
  form(name: string, within: Locator = this.meeting): Locator {
    return within.getByRole('form', { name });
  }

  async addDecision(text: string, within: Locator = this.meeting): Promise<void> {
    const form = this.form(this.t('review.records.decisionForm'), within);
    await form.getByLabel(this.t('review.records.decisionText')).fill(text);
    await form.getByRole('button', { name: this.t('review.records.addDecision') }).click();
  }

  async addItem(
    item: { text: string; owner: string; due: string; link?: string },
    within: Locator = this.meeting,
  ): Promise<void> {
    const form = this.form(this.t('review.records.itemForm'), within);
    await form.getByLabel(this.t('review.records.itemText')).fill(item.text);
    await form.getByLabel(this.t('review.records.owner'), { exact: true }).fill(item.owner);
    await form.getByLabel(this.t('review.records.due')).fill(item.due);
    if (item.link) await form.getByLabel(this.t('review.records.link')).selectOption({ label: item.link });
    await form.getByRole('button', { name: this.t('review.records.addItem') }).click();
    await this.meeting.locator('.review-record-text', { hasText: item.text }).waitFor();
  }

  /** Clicks one of the meeting's file buttons and returns the download. */
  async download(label: string): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.meeting.locator('.review-exports').getByRole('button', { name: label, exact: true }).click(),
    ]);
    return download;
  }

  async enterPresenter(): Promise<void> {
    await this.meeting.getByRole('button', { name: this.t('review.meeting.presenter') }).click();
    await this.page.locator('.meeting-presenter').waitFor();
  }

  /** Presses a key in presenter mode and waits for step `index` to show. */
  async pressForStep(key: string, index: number): Promise<void> {
    const name = (await this.agendaStep(index).locator('.agenda-name').textContent()) ?? '';
    await this.page.keyboard.press(key);
    await this.meeting.locator('.agenda-step.shown .agenda-number', { hasText: String(index) }).waitFor();
    await this.meeting.locator('.step-title', { hasText: name }).waitFor();
    await this.waitForFigures();
  }
}
