import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { AppError } from '../../shared/errors';
import type { PdfEngine, PrintOptions } from './pdf-engine';

/** Where Debian, Ubuntu and Fedora put Chromium (or Chrome); FUNNEL_REVIEW_CHROMIUM overrides. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env.FUNNEL_REVIEW_CHROMIUM;
  if (override) return fs.existsSync(override) ? override : null;
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

/**
 * A quiet, offline Chromium: no sandbox (it runs as the user's own process on local HTML), no GPU,
 * no network side channels, and a fresh profile per print so nothing leaks between documents.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const mm = (v: number): string => `${v}mm`;

export class ChromiumPdfEngine implements PdfEngine {
  constructor(private readonly executablePath: string | null = findChromium()) {}

  async print(html: string, options: PrintOptions): Promise<Uint8Array> {
    if (!this.executablePath) throw new AppError('documents.noPdfEngine');
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'funnel-review-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: this.executablePath,
      headless: true,
      // The profile folder becomes --user-data-dir (playwright refuses it among the args).
      args: ARGS,
      offline: true,
      javaScriptEnabled: false,
    });
    try {
      const page = await context.newPage();
      // The document is self-contained; refusing every request keeps printing offline and deterministic.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      const decorated = options.headerHtml !== undefined || options.footerHtml !== undefined;
      const pdf = await page.pdf({
        width: mm(options.widthMm),
        height: mm(options.heightMm),
        margin: {
          top: mm(options.marginsMm.top),
          right: mm(options.marginsMm.right),
          bottom: mm(options.marginsMm.bottom),
          left: mm(options.marginsMm.left),
        },
        printBackground: true,
        displayHeaderFooter: decorated,
        headerTemplate: options.headerHtml ?? '<span></span>',
        footerTemplate: options.footerHtml ?? '<span></span>',
        tagged: true,
        outline: false,
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  }
}
