import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalogs } from '../../../src/shared/i18n';
import { LOCALES } from '../../../src/shared/domain/types';
import { CHECK_PARAM, checkMessage } from '../../../src/shared/validation/checks';
import { scanShared, scanSource } from '../../helpers/check-sites';

const enChecks = (catalogs.en as { errors: { validationIssue: { check: Record<string, string> } } }).errors
  .validationIssue.check;

describe('custom schema checks in src/shared', () => {
  it('all take their text from the catalogs: no refine, addIssue or message: with English of its own', () => {
    const scan = scanShared(enChecks);
    expect(scan.files).toBeGreaterThan(50);
    expect(scan.sites.length).toBeGreaterThanOrEqual(20);
    expect(scan.violations).toEqual([]);
  });

  it('use every key of errors.validationIssue.check, and each locale has them all', () => {
    const used = new Set(scanShared(enChecks).sites.map((s) => s.key));
    expect([...used].sort()).toEqual(Object.keys(enChecks).sort());
    for (const locale of LOCALES) {
      const checks = (catalogs[locale] as typeof catalogs.en & { errors: { validationIssue: { check: object } } })
        .errors.validationIssue.check;
      expect(Object.keys(checks).sort(), locale).toEqual(Object.keys(enChecks).sort());
    }
  });

  it('the scan finds English text where it is (the check itself works)', () => {
    const probe = `import { z } from 'zod';
import { checkMessage } from '../validation/checks';
export const a = z.string().refine((s) => s.length > 1, 'too short');
export const b = z.string().refine((s) => s.length > 1, { message: 'too short', path: ['x'] });
export const c = z.string().refine((s) => s.length > 1);
export const d = z.object({ x: z.string() }).superRefine((v, ctx) => {
  ctx.addIssue({ code: 'custom', path: ['x'], message: \`bad \${v.x}\` });
  ctx.addIssue({ code: 'custom', ...checkMessage('duplicateHoliday', \`duplicate holiday: \${v.x}\`, { date: v.x }) });
  ctx.addIssue({ code: 'custom', ...checkMessage('duplicateHoliday', 'duplicate holiday', {}) });
  ctx.addIssue({ code: 'custom', ...checkMessage('noSuchKey', 'x') });
});
export const e = z.string().refine(Boolean, { ...checkMessage('absolutePathExpected', 'absolute path expected'), message: 'x' });
export const f = z.string().refine(Boolean, checkMessage('absolutePathExpected', 'a path'));
`;
    const { sites, violations } = scanSource('probe.ts', probe, enChecks);
    expect(sites.map((s) => `${s.line}:${s.key}`)).toEqual([
      '8:duplicateHoliday',
      '9:duplicateHoliday',
      '10:noSuchKey',
      '12:absolutePathExpected',
      '13:absolutePathExpected',
    ]);
    expect(violations).toEqual([
      'probe.ts:3: .refine() without checkMessage(...)',
      'probe.ts:4: .refine() without checkMessage(...)',
      "probe.ts:4: message: 'too short' bypasses the catalogs",
      'probe.ts:5: .refine() without checkMessage(...)',
      'probe.ts:7: addIssue() without checkMessage(...)',
      'probe.ts:9: duplicateHoliday: values [] but en.json names [date]',
      'probe.ts:9: duplicateHoliday: English message "duplicate holiday" is not en.json\'s',
      'probe.ts:10: no errors.validationIssue.check.noSuchKey in en.json',
      'probe.ts:12: .refine() without checkMessage(...)',
      "probe.ts:12: message: 'x' bypasses the catalogs",
      'probe.ts:13: absolutePathExpected: English message "a path" is not en.json\'s',
    ]);
  });

  it('checkMessage puts the key and values in the issue params, and the English text in its message', () => {
    const schema = z.object({ date: z.string() }).superRefine((v, ctx) =>
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        ...checkMessage('duplicateHoliday', `duplicate holiday: ${v.date}`, { date: v.date }),
      }),
    );
    const issue = schema.safeParse({ date: '2026-01-01' }).error?.issues[0];
    expect(issue).toMatchObject({
      code: 'custom',
      path: ['date'],
      message: 'duplicate holiday: 2026-01-01',
      params: { [CHECK_PARAM]: 'duplicateHoliday', date: '2026-01-01' },
    });
    const refined = z.string().refine(() => false, checkMessage('notCalendarDate', 'not a calendar date'));
    expect(refined.safeParse('x').error?.issues[0]).toMatchObject({
      message: 'not a calendar date',
      params: { [CHECK_PARAM]: 'notCalendarDate' },
    });
  });
});
