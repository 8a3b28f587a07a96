import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatch, toIssues } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { methods } from '../../../src/shared/contract';
import { calendarSettings, isoDate, timeZoneName } from '../../../src/shared/calendar/model';
import { definitionsExport, DEFINITIONS_FORMAT } from '../../../src/shared/definitions/exchange';
import { party, period, termsDocument } from '../../../src/shared/documents/terms';
import type { ValidationIssue } from '../../../src/shared/errors';
import { catalogs, createI18n, issueMessage } from '../../../src/shared/i18n';
import { columnMappingSchema } from '../../../src/shared/imports/mapping';
import { columnIdSchema, facetFieldSchema } from '../../../src/shared/leads/types';
import { agendaTemplateSchema, attendeesSchema } from '../../../src/shared/meetings/model';
import { isoWeekSchema } from '../../../src/shared/meetings/week';
import { checkMessage } from '../../../src/shared/validation/checks';
import { scanShared } from '../../helpers/check-sites';
import { tmpDir } from '../../helpers/tmp';

const enChecks = (catalogs.en as { errors: { validationIssue: { check: Record<string, string> } } }).errors
  .validationIssue.check;
const OTHER_LOCALES = ['pt-BR', 'ru', 'es', 'zh-CN'] as const;
const t = Object.fromEntries((['en', ...OTHER_LOCALES] as const).map((l) => [l, createI18n(l).t])) as Record<
  'en' | (typeof OTHER_LOCALES)[number],
  ReturnType<typeof createI18n>['t']
>;

const input = (wire: string): z.ZodType => {
  const entry = methods.find((m) => m.wire === wire);
  if (!entry) throw new Error(`no method ${wire}`);
  return entry.spec.input as z.ZodType;
};
const definitionInForce = termsDocument.shape.definitions.element;
const UUID = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
const shift = { start: '09:00', end: '18:00' };
const calendar = (patch: object) => ({ workingDays: [1, 2, 3, 4, 5], shifts: [shift], ...patch });
const revision = (version: number, body: unknown) => ({
  version,
  status: 'approved',
  effectiveFrom: null,
  rationale: '',
  author: 'Ana',
  createdAt: 0,
  approvals: { marketing: null, sales: null },
  body,
});
const definition = (patch: object) => ({
  kind: 'market',
  key: 'market',
  title: 'Market',
  stageKey: null,
  inForceVersion: null,
  revisions: [revision(1, { text: 'Who we sell to' })],
  ...patch,
});
const exported = (...definitions: object[]) => ({
  format: DEFINITIONS_FORMAT,
  exportedAt: 0,
  workspace: 'Acme',
  definitions,
});

/**
 * One invalid input per custom check of src/shared, named by the file that holds the check and
 * its catalog key (the scan below holds the list to every `checkMessage` call there is).
 */
const cases: Array<{ site: string; schema: z.ZodType; value: unknown }> = [
  { site: 'calendar/model.ts:notCalendarDate', schema: isoDate, value: '2026-02-30' },
  { site: 'calendar/model.ts:unknownTimeZone', schema: timeZoneName, value: 'Mars/Olympus_Mons' },
  { site: 'calendar/model.ts:duplicateWeekday', schema: calendarSettings, value: calendar({ workingDays: [1, 1] }) },
  {
    site: 'calendar/model.ts:shiftEndsBeforeStart',
    schema: calendarSettings,
    value: calendar({ shifts: [{ start: '18:00', end: '09:00' }] }),
  },
  {
    site: 'calendar/model.ts:shiftsOverlap',
    schema: calendarSettings,
    value: calendar({
      shifts: [
        { start: '09:00', end: '14:00' },
        { start: '13:00', end: '18:00' },
      ],
    }),
  },
  {
    site: 'calendar/model.ts:duplicateHoliday',
    schema: calendarSettings,
    value: calendar({ holidays: [{ date: '2026-01-01' }, { date: '2026-01-01', name: 'again' }] }),
  },
  {
    site: 'calendar/contract.ts:yearRange',
    schema: input('calendar.preset'),
    value: { preset: 'BR', fromYear: 2026, toYear: 2020 },
  },
  { site: 'documents/terms.ts:notCalendarDate', schema: period, value: { from: '2026-13-01', to: '2026-12-31' } },
  {
    site: 'documents/terms.ts:emailExpected',
    schema: party,
    value: { name: 'Ana', title: 'CMO', email: 'ana at acme' },
  },
  {
    site: 'documents/terms.ts:periodEndsBeforeStart',
    schema: period,
    value: { from: '2026-02-01', to: '2026-01-01' },
  },
  {
    site: 'documents/terms.ts:notKindBody',
    schema: definitionInForce,
    value: {
      kind: 'market',
      key: 'market',
      title: 'Market',
      stageKey: null,
      revisionId: 1,
      version: 1,
      effectiveFrom: null,
      approvedBy: { marketing: null, sales: null },
      body: { text: 1 },
    },
  },
  { site: 'documents/contract.ts:identityOrVault', schema: input('documents.sign'), value: { file: UUID } },
  {
    site: 'documents/contract.ts:identityNeedsPassphrase',
    schema: input('documents.sign'),
    value: { file: UUID, identity: UUID },
  },
  {
    site: 'definitions/exchange.ts:notKindBody',
    schema: definitionsExport,
    value: exported(definition({ revisions: [revision(1, { rule: 'x' })] })),
  },
  {
    site: 'definitions/exchange.ts:noRevisionWithVersion',
    schema: definitionsExport,
    value: exported(definition({ inForceVersion: 7 })),
  },
  {
    site: 'definitions/exchange.ts:stageCriteriaNeedStage',
    schema: definitionsExport,
    value: exported(definition({ kind: 'stage_criteria', revisions: [] })),
  },
  {
    site: 'definitions/exchange.ts:duplicateDefinitionKey',
    schema: definitionsExport,
    value: exported(definition({}), definition({ title: 'Again' })),
  },
  { site: 'meetings/week.ts:isoWeekExpected', schema: isoWeekSchema, value: '2026-W54' },
  {
    site: 'meetings/model.ts:attendeeNamesDistinct',
    schema: attendeesSchema,
    value: [
      { name: 'Ana', role: 'marketing_lead' },
      { name: 'ana', role: 'sales_lead' },
    ],
  },
  {
    site: 'meetings/model.ts:stepKindOnce',
    schema: agendaTemplateSchema,
    value: {
      steps: [
        { kind: 'sla', minutes: 5 },
        { kind: 'sla', minutes: 10 },
      ],
    },
  },
  {
    site: 'workspace/contract.ts:absolutePathExpected',
    schema: input('workspace.open'),
    value: { path: 'relative.db' },
  },
  { site: 'workspace/contract.ts:pathHasNul', schema: input('workspace.open'), value: { path: '/tmp/a\0b.db' } },
  {
    site: 'workspace/contract.ts:notCalendarDate',
    schema: input('workspace.openSample'),
    value: { end: '2026-13-40' },
  },
  { site: 'leads/types.ts:customFieldId', schema: columnIdSchema, value: 'custom.' },
  { site: 'leads/types.ts:customFieldId', schema: facetFieldSchema, value: 'custom.a/b' },
  {
    site: 'imports/mapping.ts:unknownTarget',
    schema: columnMappingSchema,
    value: { column: 'Stage', target: 'lead.nonsense' },
  },
];

function checkIssue(schema: z.ZodType, value: unknown, key: string): ValidationIssue {
  const parsed = schema.safeParse(value);
  expect(parsed.success, 'the input is invalid').toBe(false);
  const issues = toIssues(parsed.error!);
  const issue = issues.find((i) => i.code === `check.${key}`);
  expect(issue, `check.${key} among ${JSON.stringify(issues)}`).toBeDefined();
  return issue!;
}

const text = (locale: keyof typeof t, issue: ValidationIssue) =>
  issueMessage(t[locale], { ...issue, params: { ...issue.params } });

describe('custom check issues', () => {
  it('has one invalid input for every checkMessage call in src/shared, and one for every catalog key', () => {
    const scan = scanShared(enChecks);
    const calls = scan.sites.map((s) => `${s.file}:${s.key}`).sort();
    expect(cases.map((c) => c.site).sort()).toEqual(calls);
    expect([...new Set(cases.map((c) => c.site.split(':')[1]))].sort()).toEqual(Object.keys(enChecks).sort());
  });

  it.each(cases)(
    '$site reads in English as its zod message, and is translated elsewhere',
    ({ site, schema, value }) => {
      const key = site.split(':')[1]!;
      const issue = checkIssue(schema, value, key);
      // English: the catalog text is the message zod carries (what logs and error.message show).
      const english = text('en', issue);
      expect(english).toBe(`${issue.path}: ${issue.params.message}`);
      const values = Object.entries(issue.params)
        .filter(([name]) => name !== 'message')
        .map(([, v]) => String(v));
      for (const locale of OTHER_LOCALES) {
        const translated = text(locale, issue);
        expect(translated, locale).not.toBe(english);
        expect(translated, locale).not.toContain('{{');
        expect(translated, locale).not.toContain(`check.${key}`);
        expect(translated.startsWith(`${issue.path}: `), locale).toBe(true);
        for (const v of values) expect(translated, `${locale} shows ${v}`).toContain(v);
      }
    },
  );

  it('keeps the values a message names, e.g. the duplicate holiday and the unknown zone', () => {
    const holiday = checkIssue(
      calendarSettings,
      calendar({ holidays: [{ date: '2026-05-01' }, { date: '2026-05-01' }] }),
      'duplicateHoliday',
    );
    expect(holiday).toEqual({
      path: 'holidays.1',
      code: 'check.duplicateHoliday',
      params: { date: '2026-05-01', message: 'duplicate holiday: 2026-05-01' },
    });
    expect(text('pt-BR', holiday)).toBe('holidays.1: feriado repetido: 2026-05-01');
    const zone = checkIssue(timeZoneName, 'Mars/Olympus_Mons', 'unknownTimeZone');
    expect(text('ru', zone)).toBe('(input): неизвестный часовой пояс: Mars/Olympus_Mons');
  });

  it('still shows a custom message without a catalog key, or with a key the catalogs lack, as it is', () => {
    const legacy = z.object({ a: z.string().refine(() => false, 'some legacy words') });
    const [plain] = toIssues(legacy.safeParse({ a: 'x' }).error!);
    expect(plain).toEqual({ path: 'a', code: 'custom', params: { message: 'some legacy words' } });
    expect(text('pt-BR', plain!)).toBe('a: some legacy words');

    const unknown = z.string().refine(() => false, { message: 'odd words', params: { check: 'noSuchCheck', n: 1 } });
    const [odd] = toIssues(unknown.safeParse('x').error!);
    expect(odd).toEqual({ path: '(input)', code: 'custom', params: { message: 'odd words' } });
    expect(text('ru', odd!)).toBe('(input): odd words');

    // A key inherited from Object.prototype is not a catalog key.
    const proto = z.string().refine(() => false, { message: 'proto', params: { check: 'toString' } });
    expect(toIssues(proto.safeParse('x').error!)[0]?.code).toBe('custom');
  });

  it("leaves zod's own issue codes as they were", () => {
    const schema = z.object({ n: z.number().max(3), s: z.string() }).strict();
    const issues = toIssues(schema.safeParse({ n: 9, s: 1, extra: true }).error!);
    expect(issues.map((i) => i.code).sort()).toEqual(['invalid_type', 'too_big', 'unrecognized_keys']);
    expect(issues.map((i) => text('pt-BR', i)).sort()).toEqual([
      '(input): campo(s) desconhecido(s): extra',
      'n: deve ser no máximo 3',
      's: esperado string',
    ]);
  });

  it('reaches a client through dispatch as a translatable issue', async () => {
    const dir = tmpDir();
    const runtime = new Runtime({ dataDir: path.join(dir, 'data'), host: 'cli', appVersion: 'test' });
    const dispatch = createDispatch(runtime, handlers, () => undefined);
    const r = await dispatch('workspace.create', { path: 'relative.db' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('Invalid input for workspace.create: absolute path expected');
    const issue = r.error.issues?.find((i) => i.path === 'path');
    expect(issue?.code).toBe('check.absolutePathExpected');
    expect(text('ru', issue!)).toBe('path: ожидается абсолютный путь');
    expect(text('zh-CN', issue!)).toBe('path: 应为绝对路径');
  });

  it('checkMessage values and the English text agree with en.json for a message with values', () => {
    const { message, params } = checkMessage('unknownTarget', 'unknown target: x', { target: 'x' });
    expect(t.en(`errors.validationIssue.check.${params.check}`, params)).toBe(message);
  });
});
