import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../src/shared/i18n';
import { LOCALES } from '../../../src/shared/domain/types';
import { FILTER_FIELDS } from '../../../src/shared/metrics/types';
import { LEAD_COLUMNS } from '../../../src/shared/leads/columns';
import { WATERFALL_STEPS } from '../../../src/shared/metrics/types';
import { COMPARE_MODES } from '../../../src/renderer/analysis/scope';

function lookup(catalog: unknown, key: string): unknown {
  let node = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Keys the analysis screens build at run time from known sets of values. */
function dynamicKeys(): string[] {
  const keys: string[] = [];
  for (const f of FILTER_FIELDS) keys.push(`analysis.fields.${f}`);
  for (const k of ['week', 'month', 'quarter', 'custom']) keys.push(`analysis.period.${k}`);
  for (const m of COMPARE_MODES)
    keys.push(
      `analysis.compare.${m}`,
      `analysis.compare.short.${m}`,
      `analysis.compare.vs.${m}`,
      `analysis.compare.column.${m}`,
      `winloss.change.before.${m}`,
    );
  for (const s of ['start', 'end', ...WATERFALL_STEPS]) keys.push(`charts.waterfall.${s}`);
  for (const s of ['start', 'end']) keys.push(`funnel.waterfall.drill.${s}`);
  for (const c of [...LEAD_COLUMNS, 'currency']) keys.push(`leads.columns.${c}`);
  for (const c of ['handoff', 'assignment']) keys.push(`slaCompliance.clock.${c}`);
  for (const d of ['routing', 'rep']) keys.push(`slaCompliance.delay.${d}`);
  for (const s of ['met', 'breached', 'pending', 'denominator']) keys.push(`slaCompliance.side.${s}`);
  // The SLA section's tabs (screens/sla/tabs.ts; its components are not loaded here).
  for (const tab of ['compliance', 'agreement']) keys.push(`slaCompliance.tabs.${tab}`);
  for (const o of ['won', 'lost'])
    keys.push(
      `winloss.change.reason.${o}`,
      `winloss.drillAll.${o}`,
      `winloss.pareto.${o}`,
      `winloss.pareto.none.${o}`,
      `winloss.outcome.${o}`,
    );
  for (const w of ['qualification', 'close']) keys.push(`funnel.trend.explain.${w}`);
  keys.push(
    'leads.export.sheet',
    'jobs.leads.exporting',
    'errors.leads.notFound',
    'errors.leads.unknownStage',
    'errors.leads.tooManyRowsForXlsx',
  );
  return keys;
}

const PLURAL_KEYS = [
  'analysis.drill.count',
  'leads.count',
  'funnel.kpi.lifetimeNote',
  'slaCompliance.followup.pendingNote',
  'slaCompliance.arbitration.all',
];

describe('analysis messages', () => {
  it.each(LOCALES)('%s has every key built at run time', (locale) => {
    expect(dynamicKeys().filter((k) => typeof lookup(catalogs[locale], k) !== 'string')).toEqual([]);
  });

  it.each(LOCALES)('%s has every plural form its language needs', (locale) => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const key of PLURAL_KEYS)
      for (const c of needed)
        expect(typeof lookup(catalogs[locale], `${key}_${c}`), `${locale} ${key}_${c}`).toBe('string');
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s uses the same placeholders as English', (locale) => {
    const walk = (node: unknown, prefix: string, out: Map<string, string>) => {
      if (typeof node === 'string') out.set(prefix, node);
      else if (typeof node === 'object' && node !== null)
        for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k, out);
      return out;
    };
    const names = (s: string) =>
      [...s.matchAll(/{{(\w+)}}/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    for (const ns of ['analysis', 'charts', 'funnel', 'slaCompliance', 'winloss', 'leads']) {
      const en = walk(catalogs.en[ns], ns, new Map());
      const other = walk(catalogs[locale][ns], ns, new Map());
      for (const [key, text] of other) {
        const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
        const reference = en.get(key) ?? en.get(`${base}_other`) ?? en.get(base);
        expect(reference, `${locale} ${key} has no English`).toBeDefined();
        expect(names(text), `${locale} ${key}`).toBe(names(reference!));
      }
    }
  });
});
