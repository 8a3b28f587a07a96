import { describe, expect, it } from 'vitest';
import { catalogs, createI18n, errorMessage, resolveLocale } from '../../../src/shared/i18n';
import { LOCALES } from '../../../src/shared/domain/types';

function flatten(node: unknown, prefix = ''): Record<string, string> {
  if (typeof node === 'string') return { [prefix]: node };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>))
    Object.assign(out, flatten(v, prefix ? `${prefix}.${k}` : k));
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const en = flatten(catalogs.en);

  it.each(LOCALES.filter((l) => l !== 'en'))(
    '%s has exactly the keys of en.json, with the same placeholders',
    (locale) => {
      const other = flatten(catalogs[locale]);
      // Plural forms differ by language (ru has _few/_many, zh only _other): compare base keys.
      const base = (keys: string[]) =>
        [...new Set(keys.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
      expect(base(Object.keys(other))).toEqual(base(Object.keys(en)));
      for (const [key, text] of Object.entries(other)) {
        const pluralForm = /_(zero|one|two|few|many)$/.test(key);
        if (pluralForm) {
          // "One" covers 21 and 31 in Russian, so its form says the number where English's does not:
          // a plural form may use any placeholder of the English "other" form, and no other.
          const allowed = placeholders(en[key.replace(/_(zero|one|two|few|many)$/, '_other')] ?? text);
          expect(
            placeholders(text).filter((n) => !allowed.includes(n)),
            `${locale}:${key}`,
          ).toEqual([]);
        } else {
          expect(placeholders(text), `${locale}:${key}`).toEqual(placeholders(en[key] ?? text));
        }
      }
    },
  );

  it('has no empty messages', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(flatten(catalogs[locale])))
        expect(text.trim(), `${locale}:${key}`).not.toBe('');
    }
  });

  it('maps system language tags to shipped locales', () => {
    expect(resolveLocale('pt_PT.UTF-8')).toBe('pt-BR');
    expect(resolveLocale('es-MX')).toBe('es');
    expect(resolveLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(resolveLocale('ru_RU.UTF-8')).toBe('ru');
    expect(resolveLocale('de-DE')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });

  it('translates errors with their parameters, and falls back to the English text for unknown codes', () => {
    const t = createI18n('ru').t;
    expect(errorMessage(t, { code: 'workspace.notFound', params: { path: '/x.db' }, message: '' })).toBe(
      'Файл не найден: /x.db.',
    );
    expect(errorMessage(t, { code: 'no.such', params: {}, message: 'English text' })).toBe('English text');
  });
});
