import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { TFunction } from '../../../src/shared/i18n';

/**
 * The Imports screen: the wizard, the history and the spend tab. Controls are found by their
 * accessible names in the language given (`t`), or by structure where a name would change with the
 * data; waits use selectors, never page functions (the CSP forbids eval in the page).
 */
export class ImportsPage {
  constructor(
    readonly page: Page,
    readonly t: TFunction,
  ) {}

  get screen(): Locator {
    return this.page.locator('.imports-screen');
  }

  get step(): Locator {
    return this.page.locator('.wizard-step');
  }

  get stepTitle(): Locator {
    return this.step.locator('.panel-header h2');
  }

  /** The primary button at the bottom right of the step in hand. */
  get next(): Locator {
    return this.step.locator('.wizard-footer-next .btn-primary');
  }

  /** The screen's tabs by position (the history tab's label carries a count). */
  tab(key: 'import' | 'history' | 'spend'): Locator {
    return this.screen.getByRole('tablist').getByRole('tab').nth(['import', 'history', 'spend'].indexOf(key));
  }

  async waitForStep(titleKey: string, t: TFunction = this.t): Promise<void> {
    await this.stepTitle.filter({ hasText: t(titleKey) }).waitFor();
  }

  /** Drops files on the screen the way a file manager does: a drop event carrying a DataTransfer of File objects. */
  async dropFiles(paths: readonly string[]): Promise<void> {
    const files = paths.map((p) => ({ name: path.basename(p), content: fs.readFileSync(p, 'utf8') }));
    // A string, not a function: this file is type-checked without the DOM library the page has.
    const transfer = await this.page.evaluateHandle(
      `(() => { const dt = new DataTransfer(); for (const f of ${JSON.stringify(files)}) dt.items.add(new File([f.content], f.name, { type: 'text/csv' })); return dt; })()`,
    );
    const target = this.screen;
    await target.dispatchEvent('dragenter', { dataTransfer: transfer });
    await this.page.locator('.drop-overlay').waitFor();
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await this.page.locator('.drop-overlay').waitFor({ state: 'detached' });
  }

  /** Clicks a chooser button; browser mode falls back to the page's file input, whose picker gets the files. */
  async chooseFiles(button: Locator, paths: readonly string[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await button.click();
    await (await chooser).setFiles([...paths]);
  }

  /** Waits until every chosen file is sent and read (the step's Next is enabled). */
  async waitFilesRead(count: number): Promise<void> {
    await this.step
      .locator('.file-row')
      .nth(count - 1)
      .waitFor();
    await this.step
      .locator('.file-row .file-detected')
      .nth(count - 1)
      .waitFor({ timeout: 120_000 });
    await this.page
      .locator('.wizard-step .wizard-footer-next .btn-primary:not([disabled])')
      .waitFor({ timeout: 120_000 });
  }

  /** From the files step: chooses the files, waits until they are read, and goes on to the mapping step as detected. */
  async chooseToMapping(paths: readonly string[]): Promise<void> {
    await this.chooseFiles(this.step.getByRole('button', { name: this.t('importScreen.files.choose') }), paths);
    await this.waitFilesRead(paths.length);
    await this.next.click();
    await this.waitForStep('importScreen.format.title');
    await this.next.click();
    await this.waitForStep('importScreen.mapping.title');
  }

  mapsTo(column: string): Locator {
    return this.step.getByLabel(this.t('importScreen.mapping.mapsTo', { column }), { exact: true });
  }

  async addUse(column: string, target: string): Promise<void> {
    // `has` takes a locator relative to the row, so it starts from the page, not from the step.
    const row = this.step.locator('tr.mapping-row', {
      has: this.page.getByLabel(this.t('importScreen.mapping.mapsTo', { column }), { exact: true }),
    });
    await row.getByRole('button', { name: this.t('importScreen.mapping.addUse') }).click();
    await row
      .getByLabel(this.t('importScreen.mapping.alsoMapsTo', { column }), { exact: true })
      .last()
      .selectOption(target);
  }

  fileTab(name: string): Locator {
    return this.step.getByRole('tab', { name });
  }

  count(key: string): Locator {
    return this.step.locator(`[data-count="${key}"]`);
  }

  flow(stage: string): Locator {
    return this.step.locator(`.flow-item[data-stage="${stage}"] .flow-value`);
  }

  /** Waits for a job's end: a count, a cancellation, a rejection or a failure is shown. */
  async waitJobEnd(timeout = 170_000): Promise<void> {
    await this.step
      .locator('.import-counts, .import-cancelled, .callout-warning, .callout-error, .callout-info')
      .first()
      .waitFor({ timeout });
  }

  historyRow(batch: number): Locator {
    return this.screen.locator(`tr.batch-row[data-batch="${batch}"]`);
  }
}
