import type { FileMapping } from '../../../../shared/imports/mapping';
import { normalizeLabel } from '../../../../shared/imports/text';
import type { FilePreview, UnmappedValue } from '../../../../shared/imports/types';
import { explicitReason, explicitStage } from './mapping-editor';

/** A CRM stage value and what it becomes: a stage key, null (no stage event) or undefined (nobody mapped it). */
export interface StageRow {
  readonly column: string;
  readonly value: string;
  /** Rows with the value: in the whole file once checked, else in the rows the preview read. */
  readonly count: number | null;
  readonly stage: string | null | undefined;
}

export interface ReasonRow {
  readonly column: string;
  readonly value: string;
  readonly count: number | null;
  readonly code: string | null;
}

const keyOf = (column: string, value: string) => `${column}\u0000${normalizeLabel(value)}`;

/**
 * The stage values to show for one file: those the preview saw and those the last check found
 * unmapped anywhere in the file (beyond the preview's rows), each once; what the user mapped here
 * wins over what the services recognised. Unmapped values first, then the most frequent.
 */
export function stageRows(preview: FilePreview, fm: FileMapping, unmapped: readonly UnmappedValue[]): StageRow[] {
  const rows = new Map<string, StageRow>();
  for (const v of preview.stageValues) {
    const explicit = explicitStage(fm, v.value);
    rows.set(keyOf(v.column, v.value), {
      column: v.column,
      value: v.value,
      count: v.count,
      stage: explicit !== undefined ? explicit : v.mapped ? v.stage : undefined,
    });
  }
  for (const u of unmapped) {
    if (u.file !== preview.name) continue;
    const explicit = explicitStage(fm, u.value);
    rows.set(keyOf(u.column, u.value), { column: u.column, value: u.value, count: u.count, stage: explicit });
  }
  return [...rows.values()].sort(
    (a, b) => Number(a.stage !== undefined) - Number(b.stage !== undefined) || (b.count ?? 0) - (a.count ?? 0),
  );
}

/** The free-text reasons to show for one file, with the code each gets (null: the text is kept without one). */
export function reasonRows(preview: FilePreview, fm: FileMapping, unknown: readonly UnmappedValue[]): ReasonRow[] {
  const rows = new Map<string, ReasonRow>();
  for (const v of preview.reasonValues) {
    rows.set(keyOf(v.column, v.value), {
      column: v.column,
      value: v.value,
      count: v.count,
      code: explicitReason(fm, v.value) ?? v.code,
    });
  }
  for (const u of unknown) {
    if (u.file !== preview.name) continue;
    rows.set(keyOf(u.column, u.value), {
      column: u.column,
      value: u.value,
      count: u.count,
      code: explicitReason(fm, u.value) ?? null,
    });
  }
  return [...rows.values()].sort(
    (a, b) => Number(a.code !== null) - Number(b.code !== null) || (b.count ?? 0) - (a.count ?? 0),
  );
}
