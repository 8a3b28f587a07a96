import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { LOCALES, type Locale, type LocalizedText } from '../domain/types';
import type { ApiErrorPayload } from '../errors';
import en from './locales/en.json';
import ptBR from './locales/pt-BR.json';
import es from './locales/es.json';
import ru from './locales/ru.json';
import zhCN from './locales/zh-CN.json';

/** One catalog per locale, one JSON file each; English is the reference and the fallback. */
export const catalogs: Record<Locale, Record<string, unknown>> = {
  en,
  'pt-BR': ptBR,
  es,
  ru,
  'zh-CN': zhCN,
};

/** Maps a system or browser language tag (pt-PT, es-MX, zh-Hans-CN, ru_RU.UTF-8...) to a locale we ship. */
export function resolveLocale(tag: string | null | undefined): Locale {
  if (!tag) return 'en';
  const t = tag.replace('_', '-').split('.')[0]!.toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === t);
  if (exact) return exact;
  const lang = t.split('-')[0];
  if (lang === 'pt') return 'pt-BR';
  if (lang === 'zh') return 'zh-CN';
  return LOCALES.find((l) => l.split('-')[0] === lang) ?? 'en';
}

export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance({
    resources: Object.fromEntries(Object.entries(catalogs).map(([l, c]) => [l, { translation: c }])),
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  void instance.init();
  return instance;
}

/** The message of an API error in the user's language (falls back to its English rendering). */
export function errorMessage(t: TFunction, error: ApiErrorPayload): string {
  const key = `errors.${error.code}`;
  const text = t(key, { ...error.params, defaultValue: '' });
  return text || error.message;
}

/** The message of one validation issue, e.g. "name: expected string". */
export function issueMessage(
  t: TFunction,
  issue: { path: string; code: string; params: Record<string, string | number> },
): string {
  const text = t(`errors.validationIssue.${issue.code}`, { ...issue.params, defaultValue: '' }) || issue.code;
  return `${issue.path}: ${text}`;
}

/** A stage's (or reason's) label in the given locale, falling back to English. */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale] ?? text.en;
}

export type { I18n, TFunction };
