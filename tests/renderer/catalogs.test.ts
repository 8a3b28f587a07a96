import { describe, expect, it } from 'vitest';
import { BACKUP_REASONS, LOCALES, type WorkspaceCounts } from '../../src/shared/domain/types';
import { catalogs, createI18n } from '../../src/shared/i18n';
import { SECTIONS } from '../../src/renderer/state/sections';

function lookup(catalog: unknown, key: string): unknown {
  let node = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A key exists when its text or, for plurals, its `_other` form does. */
const exists = (locale: (typeof LOCALES)[number], key: string) =>
  typeof lookup(catalogs[locale], key) === 'string' || typeof lookup(catalogs[locale], `${key}_other`) === 'string';

// Every renderer source file, as text, to find the message keys it uses literally.
const sources = import.meta.glob<string>('../../src/renderer/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const text of Object.values(sources)) {
    for (const m of text.matchAll(/\b(?:t|notify)\(\s*'([a-z][\w-]*(?:\.[\w-]+)+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

const COUNT_KEYS = [
  'leads',
  'stageEvents',
  'touches',
  'meetings',
  'decisions',
  'actionItems',
  'definitions',
  'definitionRevisions',
  'importBatches',
] satisfies (keyof WorkspaceCounts)[];

/** Keys the renderer builds at run time from a known set of values. */
function dynamicKeys(): string[] {
  const keys: string[] = [];
  for (const section of SECTIONS) keys.push(`nav.${section}`);
  for (const section of SECTIONS.filter((s) => s !== 'settings')) {
    for (const part of ['summary', 'title', 'description', 'noData', 'withData']) keys.push(`empty.${section}.${part}`);
  }
  for (const theme of ['system', 'light', 'dark']) keys.push(`theme.${theme}`);
  for (const reason of BACKUP_REASONS) keys.push(`backups.reason.${reason}`);
  for (const host of ['electron', 'browser', 'cli']) keys.push(`about.host.${host}`);
  for (const count of COUNT_KEYS) keys.push(`counts.${count}`);
  for (const reason of ['workspace.openedReadOnly', 'workspace.readOnlyPath']) keys.push(`errors.${reason}`);
  return keys;
}

describe('renderer messages', () => {
  it('finds the keys it checks (the scan itself works)', () => {
    const keys = literalKeys();
    expect(keys.size).toBeGreaterThan(60);
    expect(keys).toContain('start.sample.action');
  });

  it.each(LOCALES)('%s holds every key the renderer uses', (locale) => {
    const missing = [...literalKeys(), ...dynamicKeys()].filter((key) => !exists(locale, key));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s has every plural form its language needs', (locale) => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const section of SECTIONS.filter((s) => s !== 'settings')) {
      for (const category of needed) {
        expect(
          typeof lookup(catalogs[locale], `empty.${section}.withData_${category}`),
          `${locale} ${section} ${category}`,
        ).toBe('string');
      }
    }
  });

  it('chooses the plural form by count and shows the formatted number', () => {
    const ru = createI18n('ru').t;
    expect(ru('empty.leads.withData', { count: 1, n: '1' })).toMatch(/^1 лид /);
    expect(ru('empty.leads.withData', { count: 3, n: '3' })).toMatch(/^3 лида /);
    expect(ru('empty.leads.withData', { count: 5000, n: '5 000' })).toMatch(/^5 000 лидов /);
    const en = createI18n('en').t;
    expect(en('empty.funnel.withData', { count: 5000, n: '5,000' })).toBe(
      "The figures for this workspace's 5,000 leads are computed in this view.",
    );
  });
});
