import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const AGREEMENT_STEPS = ['plan', 'document', 'identities', 'sign', 'verify'] as const;
export type AgreementStepKey = (typeof AGREEMENT_STEPS)[number];

/**
 * The SLA section's Agreement tab. Elements are found by test ids and structure, so the model works
 * in every language; files go in through the page's file inputs or a drop, and come out through
 * the browser's downloads, as they do for a user in browser mode.
 */
export class SlaAgreementPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('.agreement');
  }

  /** The SLA section (its address carries the analysis scope after `#/sla?`), then its Agreement tab. */
  async open(): Promise<void> {
    await this.page.locator('nav.sidebar a[href="#/sla"]').click();
    await this.page.locator('#sla-tab-agreement').click();
    await this.root.waitFor();
  }

  async step(key: AgreementStepKey): Promise<void> {
    await this.root.locator(`.agreement-step[data-step="${key}"]`).click();
    await this.root.locator(`.agreement-step[data-step="${key}"][aria-current="step"]`).waitFor();
  }

  byTestId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  /** The rates row of one step of the chain, e.g. `lead>mql`. */
  rateRow(step: string): Locator {
    return this.byTestId('planner-rates').locator(`tr[data-step="${step}"]`);
  }

  async lookback(): Promise<{ from: string; to: string }> {
    const inputs = this.byTestId('planner-lookback').locator('input[type="date"]');
    return { from: await inputs.nth(0).inputValue(), to: await inputs.nth(1).inputValue() };
  }

  /** The document preview's page (inside its shadow root; Playwright's CSS locators pierce it). */
  get sheet(): Locator {
    return this.byTestId('document-preview').locator('.sheet');
  }

  /** Starts a download with `click` and saves the file at `target`. */
  async download(click: () => Promise<void>, target: string): Promise<string> {
    const started = this.page.waitForEvent('download');
    await click();
    const download = await started;
    await download.saveAs(target);
    return target;
  }

  /** Gives a file to a FileDrop's input (its chooser in browser mode). */
  async chooseFile(dropTestId: string, file: string): Promise<void> {
    await this.byTestId(`${dropTestId}-input`).setInputFiles(file);
  }

  /** Drops a file on a FileDrop the way a file manager does. */
  async dropFile(dropTestId: string, file: string, type = 'application/pdf'): Promise<void> {
    const content = fs.readFileSync(file).toString('base64');
    // A string, not a function: this file is type-checked without the DOM library the page has.
    const transfer = await this.page.evaluateHandle(
      `(() => { const dt = new DataTransfer(); const bytes = Uint8Array.from(atob(${JSON.stringify(content)}), (c) => c.charCodeAt(0)); dt.items.add(new File([bytes], ${JSON.stringify(path.basename(file))}, { type: ${JSON.stringify(type)} })); return dt; })()`,
    );
    const target = this.byTestId(dropTestId);
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await target.dispatchEvent('drop', { dataTransfer: transfer });
  }

  async createIdentity(
    person: { name: string; role: string; email: string },
    passphrase: string,
    target: string,
  ): Promise<string> {
    const form = this.byTestId('identity-create');
    await form.getByTestId('identity-name').fill(person.name);
    await form.getByTestId('identity-role').fill(person.role);
    await form.getByTestId('identity-email').fill(person.email);
    await form.getByTestId('identity-passphrase').fill(passphrase);
    await form.getByTestId('identity-repeat').fill(passphrase);
    const saved = await this.download(() => form.getByTestId('identity-create-submit').click(), target);
    await form.getByTestId('identity-created').waitFor();
    return saved;
  }

  get verdict(): Locator {
    return this.page.getByTestId('verdict');
  }
}
