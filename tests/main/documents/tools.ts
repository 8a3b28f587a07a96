import fs from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { findChromium } from '../../../src/main/documents/chromium-engine';

/** The external programs the document tests lean on, and a clear reason when one is missing. */
export const chromiumPath = findChromium();
export const CHROMIUM_MISSING =
  'Chromium not found (/usr/bin/chromium or FUNNEL_REVIEW_CHROMIUM): rendering and signing tests are skipped';

function has(tool: string): boolean {
  return spawnSync('which', [tool], { stdio: 'ignore' }).status === 0;
}
export const poppler = { pdfsig: has('pdfsig'), pdftotext: has('pdftotext'), pdftoppm: has('pdftoppm') };
export const POPPLER_MISSING =
  'poppler-utils (pdfsig, pdftotext, pdftoppm) not installed: the cross-checks with poppler are skipped';

if (!chromiumPath) console.warn(CHROMIUM_MISSING);
if (!poppler.pdfsig || !poppler.pdftotext || !poppler.pdftoppm) console.warn(POPPLER_MISSING);

/** pdfsig's report. It exits 0 even on a digest mismatch, so callers read the text, never the code. */
export function pdfsig(file: string): string {
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

export function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Page `page` as a PNG at `png` (pdftoppm adds nothing to the name with -singlefile). */
export function pageToPng(file: string, page: number, png: string, dpi = 110): void {
  fs.mkdirSync(png.replace(/\/[^/]+$/, ''), { recursive: true });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    png.replace(/\.png$/, ''),
  ]);
}

/** Whitespace-free text, so a phrase broken across lines (or spaced CJK) still matches. */
export const squash = (s: string): string => s.replace(/\s+/g, '');
