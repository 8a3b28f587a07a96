import type { Db } from '../db/driver';
import { RULE_SQL_FUNCTIONS } from '../../shared/definitions/sql';
import { boolForm, numberForm, textForm } from '../../shared/definitions/values';

const registered = new WeakSet<Db>();

/**
 * Registers the value readers compiled rules call (see src/shared/definitions/sql.ts). They are
 * the very functions the JavaScript evaluator uses, so SQL and JS read every value alike.
 */
export function registerRuleFunctions(db: Db): void {
  if (registered.has(db)) return;
  db.function(RULE_SQL_FUNCTIONS.text, { deterministic: true }, (v: unknown) => textForm(v));
  db.function(RULE_SQL_FUNCTIONS.num, { deterministic: true }, (v: unknown) => numberForm(v));
  db.function(RULE_SQL_FUNCTIONS.bool, { deterministic: true }, (v: unknown) => boolForm(v));
  registered.add(db);
}
