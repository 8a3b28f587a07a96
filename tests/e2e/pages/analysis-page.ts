import type { Locator, Page } from 'playwright-core';

/** Texts that must show whole: titles, explanations, tiles, buttons, tabs, table headers. */
const CLIP_SELECTORS = [
  '.figure-card h2',
  '.figure-explanation',
  '.tile-title',
  '.tile-value',
  '.tile-line',
  '.segment',
  '.btn',
  '.section-tab',
  '.table th',
  '.chip',
  '.period-label',
  '.compare-label',
  '.vt-head-text',
  '.page-header h1',
  '.terms-line',
];

/**
 * The analysis screens (Funnel, SLA, Win/loss) and the Leads explorer. Controls are found by
 * structure and by the texts of the catalog passed in, so the model works in every language.
 */
export class AnalysisPage {
  constructor(readonly page: Page) {}

  /** Goes to a section; the address then carries the scope after the section (`#/funnel?from=…`). */
  async goTo(section: string): Promise<void> {
    await this.page.locator(`nav.sidebar a[href="#/${section}"]`).click();
    await this.page.waitForURL((url) => url.hash === `#/${section}` || url.hash.startsWith(`#/${section}?`));
    await this.page.locator('.page-header h1').waitFor();
  }

  /** Goes to a section and waits until it is drawn: the Leads rows, or another section's figures. */
  async show(section: string): Promise<void> {
    await this.goTo(section);
    if (section === 'leads') await this.explorerRows.first().waitFor();
    else await this.waitForFigures();
  }

  get toolbar(): Locator {
    return this.page.locator('.analysis-toolbar');
  }

  get figures(): Locator {
    return this.page.locator('.analysis-figures');
  }

  get drillPanel(): Locator {
    return this.page.locator('dialog.drill-panel[open]');
  }

  card(title: string): Locator {
    return this.page.locator('.figure-card', { has: this.page.locator('h2', { hasText: title }) });
  }

  /** Waits for the figures of the current scope (no request in flight). */
  async waitForFigures(): Promise<void> {
    await this.page.locator('.analysis-figures[aria-busy="false"]').waitFor();
    await this.page.locator('.figure-card canvas').first().waitFor();
  }

  async choosePeriodKind(label: string): Promise<void> {
    await this.toolbar.getByRole('radio', { name: label, exact: true }).click();
  }

  async stepPeriod(label: string): Promise<void> {
    await this.toolbar.getByRole('button', { name: label }).click();
  }

  /** Opens a filter field's values and ticks the first one; returns the value's name. */
  async filterFirstValue(field: string): Promise<string> {
    await this.toolbar.locator('.filter-button', { hasText: field }).click();
    const option = this.page.locator('.popover .value-option').first();
    await option.waitFor();
    const value = (await option.locator('.value-name').textContent()) ?? '';
    await option.locator('input[type="checkbox"]').check();
    await this.page.keyboard.press('Escape');
    return value;
  }

  /**
   * Clicks a bar of a chart. Bars are drawn on a canvas, so the pointer is swept over it until
   * the canvas shows the hand cursor it shows over a bar, then clicked there.
   */
  async clickBar(canvas: Locator): Promise<void> {
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('chart not visible');
    for (const fy of [0.85, 0.75, 0.65, 0.55, 0.45, 0.35, 0.25]) {
      for (let fx = 0.05; fx < 0.98; fx += 0.02) {
        const x = box.x + box.width * fx;
        const y = box.y + box.height * fy;
        await this.page.mouse.move(x, y);
        if ((await canvas.getAttribute('style'))?.includes('cursor: pointer')) {
          await this.page.mouse.click(x, y);
          return;
        }
      }
    }
    throw new Error('no bar found on the chart');
  }

  /**
   * Clicks the `n`th bar from the left (0-based) of a chart whose bars float at different heights
   * (a waterfall; a bar only a few pixels high may be passed over): finds where the pointer shows
   * on a grid over the canvas, groups those points into bars by their x, and clicks one of them.
   * Chart.js sets the pointer on its next frame, so each look waits for one.
   */
  async clickNthBar(canvas: Locator, n: number): Promise<void> {
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('chart not visible');
    const step = 0.02;
    const bars: Array<Array<{ fx: number; x: number; y: number }>> = [];
    let lastHit = -1;
    for (let fx = 0.02; fx < 0.99; fx += step) {
      let hit: { fx: number; x: number; y: number } | null = null;
      // Inside the plot area only: Chart.js does not update the pointer over the axis labels.
      for (let fy = 0.8; fy > 0.1 && !hit; fy -= 0.07) {
        const x = box.x + box.width * fx;
        const y = box.y + box.height * fy;
        await this.page.mouse.move(x, y);
        await this.page.evaluate('new Promise((done) => requestAnimationFrame(() => done(null)))');
        if ((await canvas.getAttribute('style'))?.includes('cursor: pointer')) hit = { fx, x, y };
      }
      if (hit) {
        if (fx - lastHit < step * 1.5) bars.at(-1)!.push(hit);
        else bars.push([hit]);
        lastHit = fx;
      } else if (bars.length > n) break;
    }
    const bar = bars[n];
    if (!bar) throw new Error(`found ${bars.length} bars on the chart, not ${n + 1}`);
    const mid = bar[Math.floor(bar.length / 2)]!;
    await this.page.mouse.click(mid.x, mid.y);
  }

  /** Rows of the drill-down panel's lead list. */
  get drillRows(): Locator {
    return this.drillPanel.locator('table tbody tr');
  }

  async closeDrill(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.drillPanel.waitFor({ state: 'detached' });
  }

  get explorerRows(): Locator {
    return this.page.locator('.vt-row:not(.vt-row-loading)');
  }

  /** Visible texts that do not fit their box (cut off or overflowing), outside cells meant to ellipsize. */
  async clippedTexts(): Promise<string[]> {
    // A string, not a function: this file compiles without the DOM library.
    const found = await this.page.evaluate(`(() => {
      const selector = ${JSON.stringify(CLIP_SELECTORS.join(','))};
      const found = [];
      for (const el of document.querySelectorAll(selector)) {
        // Hidden, or inline (no box of its own to overflow).
        if (el.offsetParent === null || (el.clientWidth === 0 && el.clientHeight === 0)) continue;
        // Sideways only: a line cut off at its end (CJK glyphs may overhang a line box by a pixel).
        if (el.scrollWidth > el.clientWidth + 1) found.push(el.className + ': ' + (el.textContent || '').trim().slice(0, 60));
      }
      return found;
    })()`);
    return Array.isArray(found) ? found.map(String) : [];
  }
}
