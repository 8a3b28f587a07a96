import type { Locale, Stage } from '../../../shared/domain/types';
import { localized, type TFunction } from '../../../shared/i18n';
import { CUSTOM_TARGET_PREFIX, STAGE_TARGET_PREFIX, type Target } from '../../../shared/imports/fields';
import { isPresetId } from '../../../shared/imports/presets';
import type { DateDecision, DecimalDecision } from '../../../shared/imports/types';

/** How the wizard names what it shows: targets, presets, encodings, and the reading of dates and numbers. */

/** Encodings offered as overrides, as the services name them (GBK files are read as its superset GB18030). */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1251', 'windows-1252', 'gbk', 'gb18030'] as const;

export function stageLabel(stages: readonly Stage[], key: string, locale: Locale): string {
  const stage = stages.find((s) => s.key === key);
  return stage ? localized(stage.labels, locale) : key;
}

export function targetLabel(t: TFunction, target: Target, stages: readonly Stage[], locale: Locale): string {
  if (target.startsWith(STAGE_TARGET_PREFIX)) {
    return t('importScreen.target.stageDate', {
      stage: stageLabel(stages, target.slice(STAGE_TARGET_PREFIX.length), locale),
    });
  }
  if (target.startsWith(CUSTOM_TARGET_PREFIX))
    return t('importScreen.target.custom', { name: target.slice(CUSTOM_TARGET_PREFIX.length) });
  return t(`importScreen.target.${target}`);
}

/** A built-in preset by its product's name; a saved one by the name the user gave it. */
export function presetLabel(t: TFunction, preset: string): string {
  return isPresetId(preset) ? t(`imports.presets.${preset}`) : preset;
}

export function encodingLabel(t: TFunction, encoding: string): string {
  return t(`importScreen.encoding.names.${encoding}`, { defaultValue: encoding.toUpperCase() });
}

export function delimiterLabel(t: TFunction, delimiter: string | null): string {
  const key = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }[delimiter ?? ''];
  return key ? t(`importScreen.delimiter.${key}`) : t('importScreen.delimiter.none');
}

export function quoteLabel(t: TFunction, quote: string | null): string {
  if (quote === '"') return t('importScreen.quote.double');
  if (quote === "'") return t('importScreen.quote.single');
  return t('importScreen.quote.none');
}

/** "dates read as day/month/year because 23/04/2024 appears", and the other ways the order was settled. */
export function dateDecisionText(t: TFunction, d: DateDecision): string {
  const order = t(`importScreen.dateOrder.${d.order}`);
  if (d.conflict)
    return t('importScreen.dates.conflict', { column: d.column, example: d.example ?? '', conflict: d.conflict });
  switch (d.basis) {
    case 'data':
      return t('importScreen.dates.data', { column: d.column, order, example: d.example ?? '' });
    case 'mapping':
      return t('importScreen.dates.chosen', { column: d.column, order });
    case 'assumed':
      return t('importScreen.dates.assumed', { column: d.column, order });
    case 'notNeeded':
      return t('importScreen.dates.notNeeded', { column: d.column });
  }
}

export function decimalDecisionText(t: TFunction, d: DecimalDecision): string {
  const separator = t(d.decimal === ',' ? 'importScreen.decimal.comma' : 'importScreen.decimal.point');
  switch (d.basis) {
    case 'data':
      return t('importScreen.numbers.data', { column: d.column, separator, example: d.example ?? '' });
    case 'mapping':
      return t('importScreen.numbers.chosen', { column: d.column, separator });
    case 'assumed':
      return t('importScreen.numbers.assumed', { column: d.column, separator });
  }
}
