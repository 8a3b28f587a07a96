import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../../src/shared/domain/types';
import { catalogs } from '../../../src/shared/i18n';
import { FIXED_TARGETS } from '../../../src/shared/imports/fields';
import { ENCODINGS } from '../../../src/renderer/screens/imports/labels';
import { WIZARD_STEPS } from '../../../src/renderer/screens/imports/wizard/state';

/**
 * The Imports screen's messages (namespace `importScreen`): every key its sources use exists in
 * every language, with every plural form the language needs and the same placeholders as English.
 */

type Node = Record<string, unknown>;

function flatten(node: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof node === 'string') out.set(prefix, node);
  else if (typeof node === 'object' && node !== null)
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const namespace = (locale: Locale) => flatten((catalogs[locale] as Node).importScreen, 'importScreen');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

// The screen's sources as text, to find the keys they use literally.
const sources = import.meta.glob<string>('../../../src/renderer/screens/imports/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const text of Object.values(sources))
    for (const m of text.matchAll(/'(importScreen(?:\.[\w-]+)+)'/g)) keys.add(m[1]!);
  // Keys built from a known set of values at run time.
  for (const step of WIZARD_STEPS) keys.add(`importScreen.steps.${step}`);
  for (const target of FIXED_TARGETS) keys.add(`importScreen.target.${target}`);
  for (const e of ENCODINGS) keys.add(`importScreen.encoding.names.${e}`);
  for (const group of ['lead', 'stageDates', 'status', 'history', 'other'])
    keys.add(`importScreen.targetGroup.${group}`);
  for (const basis of ['bom', 'utf8', 'detected', 'override']) keys.add(`importScreen.format.encoding_${basis}`);
  for (const kind of ['check', 'import'])
    for (const part of ['running', 'label', 'cancelNote']) keys.add(`importScreen.job.${part}_${kind}`);
  for (const mode of ['check', 'done']) keys.add(`importScreen.counts.${mode}.rowsRead`);
  for (const l of ['wide', 'long'])
    keys.add(`importScreen.mapping.layout_${l}`).add(`importScreen.mapping.layout_${l}Hint`);
  for (const m of ['stage', 'entered_at']) keys.add(`importScreen.problems.longIncomplete_${m}`);
  for (const b of ['preset', 'synonym', 'stageDate', 'eventTime', 'unmapped'])
    keys.add(`importScreen.mapping.basis.${b}`);
  for (const k of ['stages', 'reasons']) keys.add(`importScreen.unmapped.${k}`);
  for (const k of ['leads', 'events', 'updated']) keys.add(`importScreen.history.undoPart.${k}`);
  return keys;
}

describe('importScreen messages', () => {
  it('finds the keys its sources use (the scan itself works)', () => {
    const keys = usedKeys();
    expect(keys.size).toBeGreaterThan(150);
    expect(keys).toContain('importScreen.files.drop');
  });

  it.each(LOCALES)('%s has every key the screen uses', (locale) => {
    const present = new Set([...namespace(locale).keys()].map(base));
    expect([...usedKeys()].filter((k) => !present.has(k))).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))(
    '%s has the same keys as English, each with the same placeholders',
    (locale) => {
      const en = namespace('en');
      const other = namespace(locale);
      const enBases = new Map([...en].map(([k, v]) => [base(k), v]));
      const otherBases = new Map([...other].map(([k, v]) => [base(k), v]));
      expect([...otherBases.keys()].sort()).toEqual([...enBases.keys()].sort());
      for (const [key, text] of other) {
        const reference = placeholders(
          (PLURAL.test(key) ? en.get(`${base(key)}_other`) : en.get(key)) ?? enBases.get(base(key))!,
        );
        const used = placeholders(text);
        // A "one" form may leave the number out ("The row can be imported"); no form invents a value.
        expect(
          used.filter((p) => !reference.includes(p)),
          `${locale} ${key}`,
        ).toEqual([]);
        if (!key.endsWith('_one')) expect(used, `${locale} ${key}`).toEqual(reference);
      }
    },
  );

  it.each(LOCALES)('%s has every plural form its language needs', (locale) => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const keys = [...namespace(locale).keys()];
    const plurals = new Set(keys.filter((k) => PLURAL.test(k)).map(base));
    expect(plurals.size).toBeGreaterThan(20);
    for (const key of plurals)
      for (const category of needed) expect(keys, `${locale} ${key}`).toContain(`${key}_${category}`);
  });
});
