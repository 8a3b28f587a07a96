import { inferDateOrder, type DateOrder } from './dates';
import { isDateTarget, isNumberTarget } from './fields';
import type { FileMapping } from './mapping';
import { inferDecimal } from './numbers';
import type { DateDecision, DecimalDecision } from './types';
import { findColumn } from './columns';

/** When nothing in the data tells, day-first: most of the world writes dates that way. */
export const DEFAULT_DATE_ORDER: DateOrder = 'dmy';

export interface FormatDecisions {
  readonly dates: readonly DateDecision[];
  readonly decimals: readonly DecimalDecision[];
}

/**
 * Settles each date column's day/month order and each number column's decimal separator from a
 * sample of rows (or from the mapping when it says), and records how, so the preview can say
 * "read as day/month because of 26/02/2018" or "assumed: no value tells".
 */
export function decideFormats(
  fileName: string,
  mapping: FileMapping,
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): FormatDecisions {
  const dates: DateDecision[] = [];
  const decimals: DecimalDecision[] = [];
  const seen = new Set<string>();
  for (const { column, target } of mapping.columns) {
    const index = findColumn(headers, column);
    if (index < 0 || seen.has(`${column}\u0000${isDateTarget(target) ? 'd' : 'n'}`)) continue;
    const values = () => rows.map((r) => r[index] ?? '').filter((v) => v.trim() !== '');
    if (isDateTarget(target)) {
      seen.add(`${column}\u0000d`);
      const inferred = inferDateOrder(values());
      if (mapping.dateOrder !== 'auto') {
        dates.push({
          file: fileName,
          column,
          order: mapping.dateOrder,
          basis: 'mapping',
          example: null,
          conflict: null,
        });
      } else if (inferred.order) {
        dates.push({
          file: fileName,
          column,
          order: inferred.order,
          basis: 'data',
          example: inferred.example,
          conflict: inferred.conflict,
        });
      } else {
        dates.push({
          file: fileName,
          column,
          order: DEFAULT_DATE_ORDER,
          basis: inferred.ambiguousFormat > 0 ? 'assumed' : 'notNeeded',
          example: null,
          conflict: null,
        });
      }
    } else if (isNumberTarget(target)) {
      seen.add(`${column}\u0000n`);
      if (mapping.decimalSeparator !== 'auto') {
        decimals.push({ file: fileName, column, decimal: mapping.decimalSeparator, basis: 'mapping', example: null });
      } else {
        const inferred = inferDecimal(values());
        decimals.push(
          inferred.decimal
            ? { file: fileName, column, decimal: inferred.decimal, basis: 'data', example: inferred.example }
            : { file: fileName, column, decimal: '.', basis: 'assumed', example: null },
        );
      }
    }
  }
  return { dates, decimals };
}
