import type { Db } from '../db/driver';
import { RULE_SQL_FUNCTIONS } from '../../shared/definitions/sql';
import { boolForm, numberForm, textForm } from '../../shared/definitions/values';

const registered = new WeakSet<Db>();

/** Lead fields repeat a few values a million times (segments, countries, owners): fold each once. */
const MAX_CACHED = 50_000;
const folded = new Map<string, string | null>();

function cachedText(v: unknown): string | null {
  if (typeof v !== 'string') return textForm(v);
  let hit = folded.get(v);
  if (hit === undefined) {
    if (folded.size >= MAX_CACHED) folded.clear();
    hit = textForm(v);
    folded.set(v, hit);
  }
  return hit;
}

/**
 * Registers the value readers compiled rules call (see src/shared/definitions/sql.ts). They are
 * the very functions the JavaScript evaluator uses, so SQL and JS read every value alike.
 */
export function registerRuleFunctions(db: Db): void {
  if (registered.has(db)) return;
  db.function(RULE_SQL_FUNCTIONS.text, { deterministic: true }, (v: unknown) => cachedText(v));
  db.function(RULE_SQL_FUNCTIONS.num, { deterministic: true }, (v: unknown) => numberForm(v));
  db.function(RULE_SQL_FUNCTIONS.bool, { deterministic: true }, (v: unknown) => boolForm(v));
  registered.add(db);
}
