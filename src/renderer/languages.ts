import type { Locale } from '../shared/domain/types';

/**
 * Each language named in itself, not translated: someone who cannot read the current language
 * must still recognise their own in the list.
 */
export const LANGUAGE_ENDONYMS: Record<Locale, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
  ru: 'Русский',
  'zh-CN': '简体中文',
};
