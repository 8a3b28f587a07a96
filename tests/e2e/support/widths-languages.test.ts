import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../src/shared/domain/types';
import { inEveryWidthAndLanguage, labelled } from './widths-languages';

/** A page that only records the window sizes it is given: the sweep needs nothing else of it. */
function recordingPage(): { page: Page; sizes: number[] } {
  const sizes: number[] = [];
  const page = { setViewportSize: async ({ width }: { width: number }) => void sizes.push(width) } as unknown as Page;
  return { page, sizes };
}

describe('inEveryWidthAndLanguage', () => {
  it('looks at both widths in every language, hands back what it found tagged, and ends in English at 1,366 px', async () => {
    const { page, sizes } = recordingPage();
    const languages: Locale[] = [];
    const seen: string[] = [];
    const found = await inEveryWidthAndLanguage(
      page,
      async (locale) => void languages.push(locale),
      async ({ width, locale, t }) => {
        seen.push(`${locale} ${width}`);
        expect(t('common.cancel')).not.toBe('common.cancel');
        return locale === 'ru' && width === 1024 ? labelled('plan', ['a cut value']) : [];
      },
    );
    expect(found).toEqual(['ru 1024 plan: a cut value']);
    expect(seen).toEqual([1024, 1366].flatMap((w) => LOCALES.map((l) => `${l} ${w}`)));
    expect(sizes.at(-1)).toBe(1366);
    expect(languages.at(-1)).toBe('en');
  });

  it('puts English at 1,366 px back when a look fails', async () => {
    const { page, sizes } = recordingPage();
    const languages: Locale[] = [];
    const failing = inEveryWidthAndLanguage(
      page,
      async (locale) => void languages.push(locale),
      async () => {
        throw new Error('the dialog did not open');
      },
    );
    await expect(failing).rejects.toThrow('the dialog did not open');
    expect([sizes.at(-1), languages.at(-1)]).toEqual([1366, 'en']);
  });
});
