import type { Locator, Page } from 'playwright-core';

export const SECTIONS = ['review', 'funnel', 'sla', 'win-loss', 'definitions', 'leads', 'imports', 'settings'] as const;
export type SectionKey = (typeof SECTIONS)[number];
export type ThemeChoice = 'system' | 'light' | 'dark';

/**
 * The frame around an open workspace. Navigation and switches are found by structure (links by
 * hash, the header's language select, theme radios by position) so the model works in every
 * language. Waits use selectors and the URL, not page functions: the CSP forbids eval in the page.
 */
export class ShellPage {
  constructor(readonly page: Page) {}

  get sidebar(): Locator {
    return this.page.locator('nav.sidebar');
  }

  get heading(): Locator {
    return this.page.locator('.page-header h1');
  }

  get workspaceSwitcher(): Locator {
    return this.page.locator('.topbar .workspace-switcher');
  }

  get readOnlyBanner(): Locator {
    return this.page.locator('.banner-warning');
  }

  async waitUntilShown(): Promise<void> {
    await this.sidebar.waitFor({ state: 'visible' });
  }

  async goTo(section: SectionKey): Promise<void> {
    await this.sidebar.locator(`a[href="#/${section}"]`).click();
    await this.page.waitForURL((url) => url.hash === `#/${section}`);
    await this.heading.waitFor();
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    const index = { system: 0, light: 1, dark: 2 }[theme];
    await this.page.locator('.topbar .segmented [role="radio"]').nth(index).click();
    await this.page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' });
  }

  async setLanguage(locale: string): Promise<void> {
    await this.page.locator('.topbar select').selectOption(locale);
    await this.page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
  }

  async openWorkspaceMenu(): Promise<Locator> {
    await this.workspaceSwitcher.click();
    const menu = this.page.getByRole('menu');
    await menu.waitFor();
    return menu;
  }
}
