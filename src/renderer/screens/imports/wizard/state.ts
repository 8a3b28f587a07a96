import type { FileRef } from '../../../../shared/domain/types';
import type { ApiErrorPayload } from '../../../../shared/errors';
import { mappingForFile, type FileMapping, type ImportMapping } from '../../../../shared/imports/mapping';
import type {
  ImportProgress,
  ImportResult,
  OnInvalid,
  PreviewResult,
  UnmappedValue,
} from '../../../../shared/imports/types';
import type { JobState } from '../../../../shared/jobs/types';
import { layoutOf, switchLayout, type Layout } from './mapping-editor';

/**
 * The import wizard as data: which files were chosen and sent, how they are read, the mapping being
 * edited, and the two jobs (the check, a dry run; the import itself). Pure, so every transition is
 * tested without a browser; the effects (uploads, API calls, polling) live in use-import-wizard.
 */

export const WIZARD_STEPS = ['files', 'format', 'mapping', 'check', 'import'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How a file is read, when the user overrides what was detected. */
export interface FileOptions {
  readonly encoding?: string;
  readonly delimiter?: Delimiter;
  readonly sheet?: string;
}

export interface ChosenFile {
  /** Local identity: the same name may be chosen twice. */
  readonly key: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly sentBytes: number;
  /** The services' reference once the upload finished. */
  readonly ref: FileRef | null;
  readonly error: ApiErrorPayload | null;
  readonly options: FileOptions;
}

export type JobKind = 'check' | 'import';

/** A job as the wizard shows it; `cancelling` is the wait between the click and the job's rollback. */
export interface JobView {
  readonly kind: JobKind;
  readonly jobId: string | null;
  readonly state: JobState | 'starting' | 'cancelling';
  readonly progress: ImportProgress | null;
  readonly result: ImportResult | null;
  readonly error: ApiErrorPayload | null;
  /**
   * The frame's workspace info (counts, event dates) was read again after this import applied:
   * figures read from it before then would be the pre-import ones.
   */
  readonly workspaceRefreshed: boolean;
}

/** A request for a fresh preview; `keepMapping` re-reads with the draft instead of new suggestions. */
export interface PreviewRequest {
  readonly seq: number;
  readonly keepMapping: boolean;
}

export interface WizardState {
  readonly step: WizardStep;
  readonly files: readonly ChosenFile[];
  /** A built-in preset id or a saved preset's name; null lets the services detect one. */
  readonly preset: string | null;
  readonly preview: PreviewResult | null;
  readonly previewRequest: PreviewRequest | null;
  /** The request the shown preview answered. */
  readonly previewSeq: number;
  readonly previewError: ApiErrorPayload | null;
  /** The mapping being edited: one entry per chosen file, in the files' order. */
  readonly mapping: ImportMapping | null;
  /** Layouts the user chose per file (a long reading may lack its columns for a moment). */
  readonly layouts: ReadonlyArray<Layout | null>;
  /** The file shown on the format and mapping steps. */
  readonly activeFile: number;
  readonly job: JobView | null;
  /**
   * Stage values without a stage and reasons without a code that checks found anywhere in the files
   * (the preview reads only the first rows); kept after the mapping changes so they stay listed.
   */
  readonly found: { readonly stages: readonly UnmappedValue[]; readonly reasons: readonly UnmappedValue[] };
  readonly onInvalid: OnInvalid;
  /** After "fix the file first": the mapping to reuse when the corrected files come back. */
  readonly keptMapping: ImportMapping | null;
}

export const initialWizardState: WizardState = {
  step: 'files',
  files: [],
  preset: null,
  preview: null,
  previewRequest: null,
  previewSeq: 0,
  previewError: null,
  mapping: null,
  layouts: [],
  activeFile: 0,
  job: null,
  found: { stages: [], reasons: [] },
  onInvalid: 'skipInvalid',
  keptMapping: null,
};

export type WizardAction =
  | {
      readonly type: 'filesAdded';
      readonly files: ReadonlyArray<{ key: string; name: string; sizeBytes: number; ref?: FileRef }>;
    }
  | { readonly type: 'uploadProgress'; readonly key: string; readonly sentBytes: number }
  | { readonly type: 'uploadDone'; readonly key: string; readonly ref: FileRef }
  | { readonly type: 'uploadFailed'; readonly key: string; readonly error: ApiErrorPayload }
  | { readonly type: 'fileRemoved'; readonly key: string }
  | { readonly type: 'fileOptions'; readonly key: string; readonly options: FileOptions }
  | { readonly type: 'presetChosen'; readonly preset: string | null }
  | { readonly type: 'previewLoaded'; readonly seq: number; readonly preview: PreviewResult }
  | { readonly type: 'previewFailed'; readonly seq: number; readonly error: ApiErrorPayload }
  | { readonly type: 'fileMappingEdited'; readonly index: number; readonly fileMapping: FileMapping }
  | { readonly type: 'layoutChosen'; readonly index: number; readonly layout: Layout }
  | { readonly type: 'activeFile'; readonly index: number }
  | { readonly type: 'goTo'; readonly step: WizardStep }
  | { readonly type: 'jobStarting'; readonly kind: JobKind }
  | { readonly type: 'jobStarted'; readonly jobId: string }
  /** An import already running when the screen opened (the user left it and came back). */
  | { readonly type: 'jobAttached'; readonly jobId: string }
  | {
      readonly type: 'jobUpdate';
      readonly jobId: string;
      readonly state: JobState;
      readonly progress: ImportProgress | null;
      readonly result: ImportResult | null;
      readonly error: ApiErrorPayload | null;
    }
  | { readonly type: 'jobFailedToStart'; readonly error: ApiErrorPayload }
  | { readonly type: 'workspaceRefreshed'; readonly jobId: string }
  | { readonly type: 'cancelRequested' }
  | { readonly type: 'onInvalid'; readonly onInvalid: OnInvalid }
  | { readonly type: 'fixFileFirst' }
  | { readonly type: 'reset' };

/** Every chosen file is uploaded (and none failed): the files can be read. */
export function filesReady(state: WizardState): boolean {
  return state.files.length > 0 && state.files.every((f) => f.ref !== null && f.error === null);
}

export function isUploading(state: WizardState): boolean {
  return state.files.some((f) => f.ref === null && f.error === null);
}

/** Bytes sent over bytes chosen, for the overall upload bar. */
export function uploadShare(state: WizardState): number {
  const total = state.files.reduce((sum, f) => sum + f.sizeBytes, 0);
  if (total === 0) return state.files.length > 0 && filesReady(state) ? 1 : 0;
  return state.files.reduce((sum, f) => sum + (f.ref ? f.sizeBytes : f.sentBytes), 0) / total;
}

export function jobRunning(state: WizardState): boolean {
  const s = state.job?.state;
  return s === 'starting' || s === 'running' || s === 'cancelling';
}

/** How file `index` is read: as the user chose, else as its mapping says. */
export function fileLayout(state: WizardState, index: number): Layout {
  const fm = state.mapping?.files[index];
  return state.layouts[index] ?? (fm ? layoutOf(fm) : 'wide');
}

/** A preview was asked for and has not arrived (nor failed). */
export function previewLoading(state: WizardState): boolean {
  return state.previewRequest !== null && state.previewRequest.seq !== state.previewSeq && state.previewError === null;
}

/**
 * The preview and the draft describe the files as now chosen and read. A refresh after a mapping
 * edit does not count against it: the files and their reading are unchanged.
 */
export function previewCurrent(state: WizardState): boolean {
  if (!filesReady(state) || !state.preview || !state.mapping || !state.previewRequest) return false;
  if (state.previewRequest.keepMapping) return true;
  return state.previewRequest.seq === state.previewSeq && state.previewError === null;
}

/** The furthest step the user may open now (earlier steps stay reachable from the step list). */
export function furthestStep(state: WizardState): WizardStep {
  if (!previewCurrent(state)) return state.preview && filesReady(state) ? 'format' : 'files';
  if (state.job?.kind === 'import') return 'import';
  if (state.job?.kind === 'check') return 'check';
  return 'mapping';
}

/** A new wizard that still numbers its preview requests after the old one's (late answers are ignored). */
function fresh(state: WizardState, keep: Partial<WizardState> = {}): WizardState {
  return { ...initialWizardState, previewSeq: Math.max(state.previewSeq, state.previewRequest?.seq ?? 0), ...keep };
}

function request(state: WizardState, keepMapping: boolean): PreviewRequest {
  return { seq: Math.max(state.previewRequest?.seq ?? 0, state.previewSeq) + 1, keepMapping };
}

/** A change of files or of how they are read: earlier answers no longer hold. */
function filesChanged(state: WizardState, files: readonly ChosenFile[]): WizardState {
  const next: WizardState = {
    ...state,
    files,
    job: null,
    found: initialWizardState.found,
    previewError: null,
    activeFile: Math.min(state.activeFile, Math.max(0, files.length - 1)),
  };
  if (files.length === 0) return { ...next, preview: null, mapping: null, previewRequest: null, step: 'files' };
  const ready = files.every((f) => f.ref !== null && f.error === null);
  return ready ? { ...next, previewRequest: request(state, false) } : { ...next, previewRequest: null };
}

function updateFile(state: WizardState, key: string, change: (f: ChosenFile) => ChosenFile): readonly ChosenFile[] {
  return state.files.map((f) => (f.key === key ? change(f) : f));
}

/**
 * Puts the entries of a mapping (a saved preset may pick files by name) in the order of the files,
 * so entry i is file i's; a file the mapping has no entry for gets its suggestion.
 */
export function mappingInFileOrder(mapping: ImportMapping, preview: PreviewResult): ImportMapping {
  const names = preview.files.map((f) => f.name);
  const files = preview.files.map((f, i) => {
    const entry = mappingForFile(mapping, names, i) ?? f.suggested;
    // The draft is positional from here on; a leftover name pattern could pick another entry.
    const { match: _match, ...rest } = entry;
    return rest;
  });
  return { ...mapping, files };
}

/** The values of `more` replace those of `known` with the same file, column and value (a later count is the truer one). */
export function mergeValues(known: readonly UnmappedValue[], more: readonly UnmappedValue[]): UnmappedValue[] {
  const key = (v: UnmappedValue) => `${v.file}\u0000${v.column}\u0000${v.value}`;
  const byKey = new Map(known.map((v) => [key(v), v]));
  for (const v of more) byKey.set(key(v), v);
  return [...byKey.values()];
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'filesAdded': {
      const added: ChosenFile[] = action.files.map((f) => ({
        key: f.key,
        name: f.name,
        sizeBytes: f.sizeBytes,
        sentBytes: f.ref ? f.sizeBytes : 0,
        ref: f.ref ?? null,
        error: null,
        options: {},
      }));
      // Files added after an import finished start a new import.
      if (jobRunning(state)) return state;
      const base =
        state.job?.kind === 'import' ? fresh(state, { keptMapping: state.keptMapping, preset: state.preset }) : state;
      return { ...filesChanged(base, [...base.files, ...added]), step: 'files' };
    }
    case 'uploadProgress':
      return { ...state, files: updateFile(state, action.key, (f) => ({ ...f, sentBytes: action.sentBytes })) };
    case 'uploadDone': {
      if (!state.files.some((f) => f.key === action.key)) return state;
      return filesChanged(
        state,
        updateFile(state, action.key, (f) => ({ ...f, ref: action.ref, sentBytes: f.sizeBytes })),
      );
    }
    case 'uploadFailed':
      return { ...state, files: updateFile(state, action.key, (f) => ({ ...f, error: action.error })) };
    case 'fileRemoved': {
      if (jobRunning(state)) return state;
      return filesChanged(
        state,
        state.files.filter((f) => f.key !== action.key),
      );
    }
    case 'fileOptions':
      if (jobRunning(state)) return state;
      return filesChanged(
        state,
        updateFile(state, action.key, (f) => ({ ...f, options: action.options })),
      );
    case 'presetChosen':
      if (jobRunning(state)) return state;
      return {
        ...state,
        preset: action.preset,
        job: null,
        keptMapping: null,
        previewRequest: filesReady(state) ? request(state, false) : null,
      };
    case 'previewLoaded': {
      if (action.seq !== state.previewRequest?.seq) return state;
      const keep = state.previewRequest.keepMapping && state.mapping !== null;
      const kept =
        state.keptMapping && state.keptMapping.files.length === action.preview.files.length ? state.keptMapping : null;
      const mapping = keep ? state.mapping! : mappingInFileOrder(kept ?? action.preview.mapping, action.preview);
      return {
        ...state,
        preview: action.preview,
        previewSeq: action.seq,
        mapping,
        layouts: keep ? state.layouts : [],
        previewError: null,
      };
    }
    case 'previewFailed':
      if (action.seq !== state.previewRequest?.seq) return state;
      return { ...state, previewError: action.error };
    case 'fileMappingEdited': {
      if (!state.mapping || jobRunning(state)) return state;
      const files = state.mapping.files.map((f, i) => (i === action.index ? action.fileMapping : f));
      // The check's figures were for the old mapping.
      return { ...state, mapping: { ...state.mapping, files }, job: null, previewRequest: request(state, true) };
    }
    case 'layoutChosen': {
      const current = state.mapping?.files[action.index];
      if (!state.mapping || !current || jobRunning(state)) return state;
      const edited = wizardReducer(state, {
        type: 'fileMappingEdited',
        index: action.index,
        fileMapping: switchLayout(current, action.layout),
      });
      const layouts = state.files.map((_f, i) => (i === action.index ? action.layout : (state.layouts[i] ?? null)));
      return { ...edited, layouts };
    }
    case 'activeFile':
      return { ...state, activeFile: Math.max(0, Math.min(action.index, state.files.length - 1)) };
    case 'goTo': {
      if (jobRunning(state)) return state;
      if (WIZARD_STEPS.indexOf(action.step) > WIZARD_STEPS.indexOf(furthestStep(state))) return state;
      return { ...state, step: action.step };
    }
    case 'jobStarting':
      if (jobRunning(state) || !previewCurrent(state)) return state;
      return {
        ...state,
        step: action.kind === 'check' ? 'check' : 'import',
        job: {
          kind: action.kind,
          jobId: null,
          state: 'starting',
          progress: null,
          result: null,
          error: null,
          workspaceRefreshed: false,
        },
      };
    case 'jobAttached':
      if (state.job || state.files.length > 0) return state;
      return {
        ...state,
        step: 'import',
        job: {
          kind: 'import',
          jobId: action.jobId,
          state: 'running',
          progress: null,
          result: null,
          error: null,
          workspaceRefreshed: false,
        },
      };
    case 'jobStarted':
      return state.job
        ? {
            ...state,
            job: {
              ...state.job,
              jobId: action.jobId,
              state: state.job.state === 'cancelling' ? 'cancelling' : 'running',
            },
          }
        : state;
    case 'jobUpdate': {
      if (!state.job || state.job.jobId !== action.jobId) return state;
      // Still running after a cancel click: keep saying that it is being cancelled.
      const shown = action.state === 'running' && state.job.state === 'cancelling' ? 'cancelling' : action.state;
      const found = action.result
        ? {
            stages: mergeValues(state.found.stages, action.result.unmappedStages),
            reasons: mergeValues(state.found.reasons, action.result.unknownReasons),
          }
        : state.found;
      return {
        ...state,
        found,
        job: {
          ...state.job,
          state: shown,
          progress: action.progress ?? state.job.progress,
          result: action.result,
          error: action.error,
        },
      };
    }
    case 'jobFailedToStart':
      return state.job ? { ...state, job: { ...state.job, state: 'failed', error: action.error } } : state;
    case 'workspaceRefreshed':
      if (!state.job || state.job.jobId !== action.jobId) return state;
      return { ...state, job: { ...state.job, workspaceRefreshed: true } };
    case 'cancelRequested':
      return state.job && (state.job.state === 'running' || state.job.state === 'starting')
        ? { ...state, job: { ...state.job, state: 'cancelling' } }
        : state;
    case 'onInvalid':
      return { ...state, onInvalid: action.onInvalid };
    case 'fixFileFirst':
      return fresh(state, { keptMapping: state.mapping, preset: state.preset });
    case 'reset':
      return fresh(state);
  }
}

/** The input of `imports.validate` / `imports.apply` for the current files and mapping. */
/** The input of `imports.validate` / `imports.apply`: the draft says everything (it names its built-in preset itself). */
export function runInput(state: WizardState): {
  files: Array<{ fileId: string; encoding?: string; delimiter?: Delimiter; sheet?: string }>;
  mapping: ImportMapping;
} | null {
  if (!filesReady(state) || !state.mapping) return null;
  return { files: state.files.map((f) => ({ fileId: f.ref!.id, ...f.options })), mapping: state.mapping };
}

/** The input of `imports.preview` for a request. */
export function previewInput(
  state: WizardState,
  keepMapping: boolean,
): {
  files: Array<{ fileId: string; encoding?: string; delimiter?: Delimiter; sheet?: string }>;
  rows: number;
  mapping?: ImportMapping;
  preset?: string;
} | null {
  if (!filesReady(state)) return null;
  const kept =
    !keepMapping && state.keptMapping && state.keptMapping.files.length === state.files.length
      ? state.keptMapping
      : null;
  const mapping = keepMapping ? state.mapping : kept;
  return {
    files: state.files.map((f) => ({ fileId: f.ref!.id, ...f.options })),
    rows: 12,
    ...(mapping ? { mapping } : state.preset ? { preset: state.preset } : {}),
  };
}
