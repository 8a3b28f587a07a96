import type { Page } from 'playwright-core';
import { createI18n } from '../../../src/shared/i18n';
import { LOCALES, type Locale } from '../../../src/shared/domain/types';

/** The window widths checked: the app's 1,024 px minimum and a common laptop's 1,366 px. */
export const WIDTHS = [1024, 1366] as const;

export interface WidthAndLanguage {
  readonly width: (typeof WIDTHS)[number];
  readonly locale: Locale;
  readonly t: ReturnType<typeof createI18n>['t'];
}

/**
 * Shows the page at every width in every language and lets `look` list what it finds cut or out
 * of place there; each finding comes back tagged `ru 1024 …`. English at 1,366 px is put back
 * afterwards, whatever happened.
 */
export async function inEveryWidthAndLanguage(
  page: Page,
  setLanguage: (locale: Locale) => Promise<void>,
  look: (at: WidthAndLanguage) => Promise<readonly string[]>,
): Promise<string[]> {
  const found: string[] = [];
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 768 });
      for (const locale of LOCALES) {
        await setLanguage(locale);
        for (const what of await look({ width, locale, t: createI18n(locale).t }))
          found.push(`${locale} ${width} ${what}`);
      }
    }
  } finally {
    await setLanguage('en');
    await page.setViewportSize({ width: 1366, height: 768 });
  }
  return found;
}

/** Each of `found` under a label, for a look that checks several things. */
export const labelled = (label: string, found: readonly string[]): string[] => found.map((what) => `${label}: ${what}`);
