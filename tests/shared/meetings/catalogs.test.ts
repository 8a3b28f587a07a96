import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../src/shared/i18n';
import { LOCALES } from '../../../src/shared/domain/types';
import { WATERFALL_MOVEMENTS, WINLOSS_BREAKDOWNS } from '../../../src/shared/metrics/types';
import {
  ATTENDEE_ROLES,
  DECISION_STATUSES,
  ITEM_STATUSES,
  MEETING_STATUSES,
  REVIEW_OUTCOMES,
  STEP_KINDS,
} from '../../../src/shared/meetings/model';

/** Every source file of the meetings feature, as text. */
function sources(): string[] {
  const roots = ['src/shared/meetings', 'src/main/meetings', 'src/main/cli/commands/meeting.ts'];
  const files: string[] = [];
  const walk = (p: string) => {
    if (fs.statSync(p).isDirectory()) for (const f of fs.readdirSync(p)) walk(path.join(p, f));
    else if (p.endsWith('.ts')) files.push(p);
  };
  roots.forEach(walk);
  return files.map((f) => fs.readFileSync(f, 'utf8'));
}

function lookup(catalog: unknown, key: string): unknown {
  let node = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Keys used literally (t('meetings.x'), AppError('meetings.y') as errors.meetings.y), across line breaks. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const text of sources()) {
    for (const m of text.matchAll(/\bt\(\s*'((?:meetings|minutes)\.[\w.]+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/AppError\(\s*'(meetings\.\w+)'/g)) keys.add(`errors.${m[1]!}`);
    for (const m of text.matchAll(/'(meetings\.(?:marketing|sales)LeadMissing)'/g)) keys.add(`errors.${m[1]!}`);
  }
  return keys;
}

/** Keys built at run time from a known set of values. */
function dynamicKeys(): string[] {
  return [
    ...STEP_KINDS.map((k) => `meetings.step.${k}`),
    ...ATTENDEE_ROLES.map((k) => `meetings.role.${k}`),
    ...MEETING_STATUSES.map((k) => `meetings.status.${k}`),
    ...ITEM_STATUSES.map((k) => `meetings.itemStatus.${k}`),
    ...DECISION_STATUSES.map((k) => `meetings.decisionStatus.${k}`),
    ...REVIEW_OUTCOMES.map((k) => `meetings.outcome.${k}`),
    ...['volume', 'quality', 'followup', 'recycling'].map((k) => `meetings.measure.${k}`),
    ...['met', 'missed', 'no_data'].map((k) => `meetings.cellStatus.${k}`),
    ...['denominator', 'numerator', 'open', 'met', 'breached', 'pending'].map((k) => `meetings.side.${k}`),
    ...WATERFALL_MOVEMENTS.map((k) => `meetings.movement.${k}`),
    ...WINLOSS_BREAKDOWNS.map((k) => `meetings.by.${k}`),
    'meetings.figure.won',
    'meetings.figure.lost',
  ];
}

describe('meetings and minutes messages', () => {
  it('finds the keys it checks (the scan itself works)', () => {
    const keys = literalKeys();
    expect(keys.size).toBeGreaterThan(90);
    expect(keys).toContain('minutes.decisions');
    expect(keys).toContain('errors.meetings.ended');
    expect(keys).toContain('errors.meetings.salesLeadMissing');
  });

  it.each(LOCALES)('%s has every key the meetings feature uses', (locale) => {
    const missing = [...literalKeys(), ...dynamicKeys()].filter(
      (key) => typeof lookup(catalogs[locale], key) !== 'string',
    );
    expect(missing).toEqual([]);
  });
});
