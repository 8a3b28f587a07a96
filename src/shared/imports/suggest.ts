import { customTarget, isRepeatable, stageTarget, type Target } from './fields';
import { fileMapping, type ColumnMapping, type FileMapping } from './mapping';
import { detectPreset, presetSuggestion, type PresetId } from './presets';
import type { StageRef } from './stages';
import { fieldForHeader, isEventTimeHeader, stageForDateHeader } from './synonyms';

/** Why a column got its target, so the wizard can show which guesses deserve a look. */
export type SuggestionBasis = 'preset' | 'synonym' | 'stageDate' | 'eventTime' | 'unmapped';

export interface ColumnSuggestion {
  readonly column: string;
  readonly target: Target;
  readonly basis: SuggestionBasis;
}

export interface FileSuggestion {
  readonly mapping: FileMapping;
  readonly columns: readonly ColumnSuggestion[];
  /** The preset used: the one asked for, or the one the headers look like. */
  readonly preset: PresetId | null;
}

/**
 * Suggests a mapping for one file from its headers: the preset's labels first (asked for, or
 * detected), then header synonyms in five languages, then stage-date headers ("MQL date",
 * `Date entered "…"`). A target goes to one column only (the better-named one); a file with a stage
 * column and a plain date column is read as a long file (one row per stage change).
 */
export function suggestFileMapping(
  headers: readonly string[],
  stages: readonly StageRef[],
  presetId?: PresetId | null,
): FileSuggestion {
  let preset = presetId === undefined ? detectPreset(headers) : presetId;
  // A file that looks native but has stage-date columns is a wide export, not our format.
  if (presetId === undefined && preset === 'native' && headers.some((h) => stageForDateHeader(h, stages) !== null))
    preset = null;
  const fromPreset = preset ? presetSuggestion(preset, headers, stages) : null;
  const chosen = new Map<string, { target: Target; basis: SuggestionBasis; rank: number }>();
  const taken = new Map<Target, string>();

  const claim = (column: string, target: Target, basis: SuggestionBasis, rank: number): void => {
    const holder = taken.get(target);
    if (holder !== undefined && !isRepeatable(target) && !target.startsWith('stage:')) {
      const held = chosen.get(holder)!;
      if (held.rank <= rank) return;
      chosen.delete(holder);
    }
    chosen.set(column, { target, basis, rank });
    taken.set(target, column);
  };

  if (fromPreset)
    for (const [column, { target, rank }] of fromPreset.known) claim(column, target, 'preset', rank - 1000);

  const rest = headers.filter((h) => !chosen.has(h));
  const fields = rest.map((h) => ({ h, f: fieldForHeader(h) }));
  const hasStageColumn =
    fields.some(({ f }) => f?.target === 'status') ||
    [...chosen.values()].some((c) => c.target === 'status' || c.target === 'stage');
  const longLayout =
    hasStageColumn &&
    !taken.has('status_at') &&
    rest.some((h) => isEventTimeHeader(h)) &&
    ![...taken.keys()].some((t) => t.startsWith('stage:'));

  for (const { h, f } of fields) {
    if (f) {
      let target: Target = f.target;
      if (longLayout && target === 'status') target = 'stage';
      if (longLayout && target === 'outcome_reason') target = 'event_reason';
      claim(h, target, 'synonym', f.rank);
      continue;
    }
    const stage = stageForDateHeader(h, stages);
    if (stage) claim(h, stageTarget(stage.key), 'stageDate', 0);
    else if (longLayout && isEventTimeHeader(h) && !taken.has('entered_at')) claim(h, 'entered_at', 'eventTime', 0);
  }
  // Long files: stage changes carry the reason, and a lone "date" column is the change time.
  const unmappedAs = fromPreset?.base.unmappedColumns ?? 'ignore';
  const columns: ColumnSuggestion[] = headers.map((h) => {
    const c = chosen.get(h);
    if (c) return { column: h, target: c.target, basis: c.basis };
    return { column: h, target: unmappedAs === 'custom' ? customTarget(h.trim()) : 'ignore', basis: 'unmapped' };
  });
  const mappingColumns: ColumnMapping[] = columns
    .filter((c) => c.target !== 'ignore')
    .map((c) => ({ column: c.column, target: c.target }));
  const mapping = fileMapping({ ...(fromPreset?.base ?? {}), columns: mappingColumns });
  return { mapping, columns, preset };
}
