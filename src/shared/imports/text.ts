/**
 * Header and value comparison: case, accents, punctuation and spacing do not matter, so
 * "Data de Conversão", "data_de_conversao" and "DATA DE CONVERSAO" are the same header. Letters of
 * every script are kept (Cyrillic and Chinese headers compare as written).
 */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when every word of `needle` appears, in order, as whole words of `haystack` (both normalised). */
export function containsWords(haystack: string, needle: string): boolean {
  if (needle === '') return false;
  // CJK text has no spaces between words: compare as plain substrings.
  if (/[\p{Script=Han}]/u.test(needle)) return haystack.includes(needle);
  return ` ${haystack} `.includes(` ${needle} `);
}
