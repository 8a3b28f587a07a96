import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDate,
  formatDateRange,
  formatDecimal,
  formatInteger,
  formatLanguageName,
  formatPercent,
  formatZoneOffset,
} from '../../src/renderer/format';

// ICU puts (narrow) no-break and thin spaces in some outputs; compare them as plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u2009\u202f]/g, ' ');

describe('locale formatting', () => {
  it('groups integers the way each locale does', () => {
    expect(formatInteger('en', 12345)).toBe('12,345');
    expect(formatInteger('pt-BR', 12345)).toBe('12.345');
    expect(plain(formatInteger('ru', 12345))).toBe('12 345');
    expect(formatInteger('zh-CN', 12345)).toBe('12,345');
  });

  it('shows decimals and percentages with the requested digits', () => {
    expect(formatDecimal('en', 2.25, 1)).toBe('2.3');
    expect(formatDecimal('pt-BR', 2.25, 1)).toBe('2,3');
    expect(formatPercent('en', 0.3456)).toBe('34.6%');
    expect(plain(formatPercent('es', 0.3456))).toBe('34,6 %');
  });

  it('picks a readable unit for sizes', () => {
    expect(formatBytes('en', 512)).toBe('512 byte');
    expect(formatBytes('en', 2_100_000)).toBe('2.1 MB');
    expect(plain(formatBytes('ru', 2_100_000))).toBe('2,1 МБ');
  });

  it('formats dates in the given time zone', () => {
    const lateEvening = Date.UTC(2026, 0, 31, 23, 30);
    expect(formatDate('en', lateEvening, 'UTC')).toBe('Jan 31, 2026');
    expect(formatDate('en', lateEvening, 'Europe/Moscow')).toBe('Feb 1, 2026');
    expect(formatDate('pt-BR', lateEvening, 'UTC')).toBe('31 de jan. de 2026');
  });

  it('collapses a date range and accepts its ends in either order', () => {
    const a = Date.UTC(2026, 0, 3, 12);
    const b = Date.UTC(2026, 11, 28, 12);
    const forward = formatDateRange('en', a, b, 'UTC');
    expect(plain(forward)).toBe('Jan 3 – Dec 28, 2026');
    expect(formatDateRange('en', b, a, 'UTC')).toBe(forward);
  });

  it('names languages as labels, capitalised where the language writes them in lower case', () => {
    expect(formatLanguageName('en', 'pt-BR')).toBe('Brazilian Portuguese');
    expect(formatLanguageName('ru', 'en')).toBe('Английский');
    expect(formatLanguageName('pt-BR', 'es')).toBe('Espanhol');
    expect(formatLanguageName('zh-CN', 'ru')).toBe('俄语');
  });

  it('labels time zones by their current offset', () => {
    const june = Date.UTC(2026, 5, 1);
    expect(formatZoneOffset('en', 'Europe/Moscow', june)).toBe('GMT+3');
    expect(formatZoneOffset('en', 'America/Sao_Paulo', june)).toBe('GMT-3');
  });
});
