import type { Locator, Page } from 'playwright-core';
import { clippedTexts } from '../support/clipping';

export type DefinitionsTab = 'overview' | 'history' | 'compare' | 'edit' | 'impact' | 'compliance';

/**
 * The Definitions screen. Structure (ids, classes, roles) finds things in every language; the
 * only words used are data from the workspace (definition titles, people's names).
 */
export class DefinitionsPage {
  constructor(readonly page: Page) {}

  get list(): Locator {
    return this.page.locator('.defs-list');
  }

  get detail(): Locator {
    return this.page.locator('.defs-detail');
  }

  get panel(): Locator {
    return this.page.locator('#defs-tabpanel');
  }

  get liveCount(): Locator {
    return this.page.getByTestId('live-count');
  }

  async select(title: string): Promise<void> {
    await this.list.locator('.defs-list-item', { hasText: title }).click();
    await this.detail.locator('.defs-detail-title', { hasText: title }).waitFor();
  }

  async tab(name: DefinitionsTab): Promise<void> {
    await this.page.locator(`#defs-tab-${name}`).click();
    await this.page.locator(`#defs-tab-${name}[aria-selected="true"]`).waitFor();
  }

  /** A revision card in the overview, by its version number. */
  revision(version: number): Locator {
    return this.panel.locator('.defs-revision', {
      has: this.page.locator('h3', { hasText: new RegExp(`\\b${version}\\b`) }),
    });
  }

  /** The live count's first number (matching leads), once no count is in flight. */
  async matchingCount(): Promise<number> {
    await this.page.locator('[data-testid="live-count"]:not([aria-busy])').waitFor();
    const text = (await this.liveCount.locator('.defs-count-main span').first().textContent()) ?? '';
    return Number((text.match(/[\d\s,.\u00a0\u202f]+/)?.[0] ?? '').replace(/[^\d]/g, ''));
  }

  /** The rule builder's conditions, in order. */
  conditions(): Locator {
    return this.panel.locator('.defs-cond');
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /**
   * Elements in the screen whose text is cut: wider content than box with overflow hidden, or an
   * ellipsis, or past the window's edge; and selects showing their chosen option cut off.
   */
  async clipped(): Promise<string[]> {
    return clippedTexts(this.page, '.defs-layout, .page-header, dialog');
  }
}
