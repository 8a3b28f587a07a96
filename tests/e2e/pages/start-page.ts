import type { Locator, Page } from 'playwright-core';

/** The start screen: shown while no workspace is open. Labels are the English ones. */
export class StartPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('.start');
  }

  get sampleButton(): Locator {
    return this.page.getByRole('button', { name: 'Open the sample workspace' });
  }

  get failure(): Locator {
    return this.root.getByRole('alert');
  }

  recentItem(name: string): Locator {
    return this.root.locator('.recent-item', { hasText: name });
  }

  async waitUntilShown(): Promise<void> {
    await this.root.waitFor({ state: 'visible' });
  }

  /** Clicks the sample button; resolves once the shell or an error is showing. */
  async openSample(timeoutMs = 120_000): Promise<'opened' | 'failed'> {
    await this.sampleButton.click();
    const shell = this.page.locator('nav.sidebar');
    await Promise.race([shell.waitFor({ timeout: timeoutMs }), this.failure.waitFor({ timeout: timeoutMs })]);
    return (await shell.isVisible()) ? 'opened' : 'failed';
  }

  /** Browser mode has no native dialog: the create button opens a form with name and path. */
  async createWorkspace(name: string, file: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Create workspace…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New workspace' });
    await dialog.getByLabel('Workspace name').fill(name);
    await dialog.getByLabel('File').fill(file);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await this.page.locator('nav.sidebar').waitFor();
  }

  async openWorkspaceDialog(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Open workspace…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Open a workspace' });
    await dialog.waitFor();
    return dialog;
  }
}
