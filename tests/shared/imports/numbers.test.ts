import { describe, expect, it } from 'vitest';
import { currencyCode, inferDecimal, parseNumber } from '../../../src/shared/imports/numbers';

describe('number parsing', () => {
  it('reads grouping and decimal styles of the five locales', () => {
    expect(parseNumber('1234.56', '.')).toEqual({ value: 1234.56, currency: null });
    expect(parseNumber('1,234.56', '.')?.value).toBe(1234.56);
    expect(parseNumber('1.234,56', ',')?.value).toBe(1234.56);
    expect(parseNumber('1 234,56', ',')?.value).toBe(1234.56);
    expect(parseNumber('1\u00a0234,56', ',')?.value).toBe(1234.56);
    expect(parseNumber('1\u202f234,56', ',')?.value).toBe(1234.56);
    expect(parseNumber("1'234.56", '.')?.value).toBe(1234.56);
    expect(parseNumber('12,5', ',')?.value).toBe(12.5);
    expect(parseNumber('1e+21', '.')?.value).toBe(1e21);
    expect(parseNumber('75%', '.')?.value).toBe(75);
  });

  it('reads negatives written with a minus, a Unicode minus or parentheses', () => {
    expect(parseNumber('-5', '.')?.value).toBe(-5);
    expect(parseNumber('−1.234,50', ',')?.value).toBe(-1234.5);
    expect(parseNumber('(1,234.00)', '.')?.value).toBe(-1234);
    expect(parseNumber('($1,234.00)', '.')).toEqual({ value: -1234, currency: 'USD' });
  });

  it('strips currency symbols and codes into the currency', () => {
    expect(parseNumber('R$ 1.234,56', ',')).toEqual({ value: 1234.56, currency: 'BRL' });
    expect(parseNumber('€1.234,56', ',')).toEqual({ value: 1234.56, currency: 'EUR' });
    expect(parseNumber('1 234,56 ₽', ',')).toEqual({ value: 1234.56, currency: 'RUB' });
    expect(parseNumber('1 234 руб.', ',')).toEqual({ value: 1234, currency: 'RUB' });
    expect(parseNumber('¥12,000', '.')).toEqual({ value: 12000, currency: 'CNY' });
    expect(parseNumber('USD 1,000.00', '.')).toEqual({ value: 1000, currency: 'USD' });
    expect(parseNumber('1.000,00 EUR', ',')).toEqual({ value: 1000, currency: 'EUR' });
    expect(parseNumber('$1,000', '.', 'MXN')).toEqual({ value: 1000, currency: 'MXN' });
    expect(parseNumber('$1,000', '.', 'BRL')).toEqual({ value: 1000, currency: 'USD' });
  });

  it('refuses text, and grouping that contradicts the decimal separator', () => {
    for (const bad of ['abc', '', '1,2,3', '12.34.56', '1.234,56', '--5', '5-', '1 23'])
      expect(parseNumber(bad, '.'), bad).toBeNull();
    expect(parseNumber('1,234.56', ',')).toBeNull();
  });

  it('recognises currency cells', () => {
    expect(currencyCode('usd')).toBe('USD');
    expect(currencyCode('R$')).toBe('BRL');
    expect(currencyCode('€')).toBe('EUR');
    expect(currencyCode('dollars')).toBeNull();
  });
});

describe('decimal separator inference', () => {
  it('decides from values that can only be one way', () => {
    expect(inferDecimal(['1.234,56', '12'])).toEqual({ decimal: ',', example: '1.234,56' });
    expect(inferDecimal(['1,234.56'])).toEqual({ decimal: '.', example: '1,234.56' });
    expect(inferDecimal(['12,5', '3'])).toEqual({ decimal: ',', example: '12,5' });
    expect(inferDecimal(['0.0', '100.0'])).toEqual({ decimal: '.', example: '0.0' });
  });

  it('says nothing when every value could be either', () => {
    expect(inferDecimal(['1,234', '5,000', '7'])).toEqual({ decimal: null, example: null });
  });
});
