import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/shared/domain/types';
import { catalogs, createI18n, errorMessage } from '../../../src/shared/i18n';
import { DEFINITION_KINDS, REVISION_STATUSES, RULE_OPERATORS } from '../../../src/shared/definitions/model';
import { LEAD_FIELDS } from '../../../src/shared/definitions/fields';
import { RULE_PROBLEMS } from '../../../src/shared/definitions/check';
import { TIMELINE_EVENTS } from '../../../src/shared/definitions/types';

function lookup(catalog: unknown, key: string): unknown {
  let node = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
const exists = (locale: (typeof LOCALES)[number], key: string) =>
  typeof lookup(catalogs[locale], key) === 'string' || typeof lookup(catalogs[locale], `${key}_other`) === 'string';

function flatten(node: unknown, prefix: string, out: Record<string, string>): Record<string, string> {
  if (typeof node === 'string') out[prefix] = node;
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) flatten(v, `${prefix}.${k}`, out);
  return out;
}

const sources = import.meta.glob<string>(
  ['../../../src/renderer/screens/definitions/**/*.{ts,tsx}', '../../../src/main/cli/commands/definitions.ts'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

/** Every literal key given to `t(`, including both branches of `t(cond ? 'a' : 'b')`. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(/(?:\bt\(\s*|\?\s*|\s:\s*)'((?:definitions|errors\.definitions)\.[\w.-]+)'/g))
      keys.add(m[1]!);
  }
  return keys;
}

/** Keys built at run time from known values. */
function dynamicKeys(): string[] {
  const keys: string[] = [];
  for (const k of DEFINITION_KINDS) keys.push(`definitions.kind.${k}`, `definitions.kindPlural.${k}`);
  for (const s of REVISION_STATUSES) keys.push(`definitions.status.${s}`);
  for (const o of RULE_OPERATORS) keys.push(`definitions.operators.${o}`);
  for (const f of [...LEAD_FIELDS, 'custom']) keys.push(`definitions.fields.${f}`);
  for (const p of RULE_PROBLEMS) keys.push(`errors.definitions.rule.${p}`);
  for (const side of ['marketing', 'sales'])
    keys.push(
      `definitions.side.${side}`,
      `definitions.actions.approve.${side}`,
      `definitions.approve.title.${side}`,
      `definitions.history.approved.${side}`,
      `errors.definitions.alreadyApproved.${side}`,
    );
  for (const e of TIMELINE_EVENTS.filter((x) => x !== 'approved')) keys.push(`definitions.history.${e}`);
  for (const tab of ['overview', 'history', 'compare', 'edit', 'impact', 'compliance'])
    keys.push(`definitions.tabs.${tab}`);
  for (const k of ['win', 'loss', 'rejection', 'recycle']) keys.push(`definitions.reasons.kinds.${k}`);
  for (const k of ['number', 'text']) keys.push(`definitions.valueTypes.${k}`);
  for (const k of ['same', 'changed', 'added', 'removed']) keys.push(`definitions.compare.status.${k}`);
  for (const k of ['rejected', 'withdrawn']) keys.push(`definitions.revision.decided.${k}`);
  for (const k of ['problem', 'audience', 'promise', 'proof']) keys.push(`definitions.market.${k}`);
  for (const k of ['handoffStage', 'acceptedStage', 'followUp', 'clockStart', 'weeklyVolume', 'salRate', 'recycling'])
    keys.push(`definitions.terms.${k}`);
  return keys;
}

describe('definitions messages', () => {
  it('finds the keys it checks (the scan itself works)', () => {
    expect(literalKeys().size).toBeGreaterThan(150);
    expect(literalKeys()).toContain('definitions.builder.ruleHintIcp');
  });

  it.each(LOCALES)('%s holds every key the definitions screen and CLI use', (locale) => {
    expect([...literalKeys(), ...dynamicKeys()].filter((key) => !exists(locale, key))).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has the keys and placeholders of en under definitions', (locale) => {
    const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1]).sort();
    for (const root of ['definitions', 'errors.definitions']) {
      const en = flatten(lookup(catalogs.en, root), root, {});
      const other = flatten(lookup(catalogs[locale], root), root, {});
      expect([...new Set(Object.keys(other).map(base))].sort()).toEqual([...new Set(Object.keys(en).map(base))].sort());
      for (const [key, text] of Object.entries(other)) {
        const reference = en[key] ?? en[`${base(key)}_other`] ?? en[base(key)] ?? '';
        expect(placeholders(text), `${locale}:${key}`).toEqual(placeholders(reference));
      }
    }
  });

  it('renders rule problems and dates inside errors in each language', () => {
    for (const locale of LOCALES) {
      const t = createI18n(locale).t;
      const text = errorMessage(t, {
        code: 'definitions.rule.typeMismatch',
        params: { at: '2.1', field: 'score', value: '“high”', expected: 'number', operator: 'gte' },
        message: '',
      });
      expect(text).toContain('2.1');
      expect(text).not.toContain('$t(');
      expect(text).not.toContain('{{');
      const dated = errorMessage(t, {
        code: 'definitions.effectiveInPast',
        params: { date: Date.UTC(2026, 6, 20, 12) },
        message: '',
      });
      expect(dated).toContain('2026');
      expect(dated).not.toContain('1784');
    }
    expect(
      errorMessage(createI18n('ru').t, {
        code: 'definitions.rule.typeMismatch',
        params: { at: '1', field: 'score', value: '“x”', expected: 'number', operator: 'gte' },
        message: '',
      }),
    ).toContain('числом');
  });
});
