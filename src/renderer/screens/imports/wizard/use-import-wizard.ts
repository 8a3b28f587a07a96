import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { FileRef } from '../../../../shared/domain/types';
import type { FileMapping } from '../../../../shared/imports/mapping';
import type { ImportResult, OnInvalid } from '../../../../shared/imports/types';
import type { JobStatus } from '../../../../shared/jobs/types';
import { useApi, useApp, useTransport } from '../../../app-context';
import { asAppError } from '../../../transport/envelope';
import { followJob, isImportResult } from '../jobs';
import type { Layout } from './mapping-editor';
import {
  initialWizardState,
  previewInput,
  runInput,
  wizardReducer,
  type FileOptions,
  type JobKind,
  type WizardState,
  type WizardStep,
} from './state';

/** Mapping edits come in bursts (a select per column): the preview is read again once they pause. */
const REFRESH_DELAY_MS = 400;

export interface ImportWizard {
  readonly state: WizardState;
  addFiles(files: readonly File[]): void;
  /** Files the native dialog registered on the services' side: nothing to upload. */
  addRefs(refs: readonly FileRef[]): void;
  removeFile(key: string): void;
  setFileOptions(key: string, options: FileOptions): void;
  choosePreset(preset: string | null): void;
  editFileMapping(index: number, fileMapping: FileMapping): void;
  chooseLayout(index: number, layout: Layout): void;
  showFile(index: number): void;
  goTo(step: WizardStep): void;
  /** Starts the check or the import; an import started without a check rejects the batch on any problem. */
  start(kind: JobKind, onInvalid?: OnInvalid): void;
  cancel(): void;
  setOnInvalid(onInvalid: OnInvalid): void;
  fixFileFirst(): void;
  reset(): void;
}

let localKeys = 0;
const nextKey = () => `file-${++localKeys}`;

/** The wizard's effects: uploads, previews, the check and import jobs, and what an import changes in the frame. */
export function useImportWizard(onImported: () => void): ImportWizard {
  const api = useApi();
  const transport = useTransport();
  const model = useApp();
  const [state, dispatch] = useReducer(wizardReducer, initialWizardState);
  const stateRef = useRef(state);
  const onImportedRef = useRef(onImported);
  useEffect(() => {
    stateRef.current = state;
    onImportedRef.current = onImported;
  });
  // Polling stops when the screen goes away; the job itself runs to its end on the services' side.
  const alive = useRef<AbortController>(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    alive.current = controller;
    return () => controller.abort();
  }, []);
  const cancelWanted = useRef(false);

  const addFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return;
      const keyed = files.map((file) => ({ key: nextKey(), file }));
      dispatch({
        type: 'filesAdded',
        files: keyed.map(({ key, file }) => ({ key, name: file.name, sizeBytes: file.size })),
      });
      // One at a time: the chunks of two large files would only compete for the same connection.
      void (async () => {
        for (const { key, file } of keyed) {
          try {
            const ref = await transport.upload(file, (sentBytes) =>
              dispatch({ type: 'uploadProgress', key, sentBytes }),
            );
            dispatch({ type: 'uploadDone', key, ref });
          } catch (e) {
            dispatch({ type: 'uploadFailed', key, error: asAppError(e).toPayload() });
          }
        }
      })();
    },
    [api],
  );

  const addRefs = useCallback((refs: readonly FileRef[]) => {
    dispatch({
      type: 'filesAdded',
      files: refs.map((ref) => ({ key: nextKey(), name: ref.name, sizeBytes: ref.sizeBytes, ref })),
    });
  }, []);

  // Reads the files again whenever the reducer asks; a late answer to an older request is ignored there.
  const request = state.previewRequest;
  useEffect(() => {
    if (!request) return;
    const input = previewInput(stateRef.current, request.keepMapping);
    if (!input) return;
    let stale = false;
    const timer = setTimeout(
      () => {
        api.imports.preview(input).then(
          (preview) => {
            if (!stale) dispatch({ type: 'previewLoaded', seq: request.seq, preview });
          },
          (e: unknown) => {
            if (!stale) dispatch({ type: 'previewFailed', seq: request.seq, error: asAppError(e).toPayload() });
          },
        );
      },
      request.keepMapping ? REFRESH_DELAY_MS : 0,
    );
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [api, request]);

  /** Follows a job to its end; an import that applied refreshes the frame's counts and the history. */
  const follow = useCallback(
    async (kind: JobKind, first: JobStatus<ImportResult>, signal: AbortSignal) => {
      const last = await followJob(
        api,
        first,
        isImportResult,
        (s) =>
          dispatch({
            type: 'jobUpdate',
            jobId: s.jobId,
            state: s.state,
            progress: s.progress,
            result: s.result,
            error: s.error,
          }),
        signal,
        { importProgress: true },
      );
      if (kind === 'import' && last.result?.status === 'applied') {
        await model.session.getState().refreshWorkspace();
        // The done step reads the workspace's figures only now, once, with the post-import counts.
        dispatch({ type: 'workspaceRefreshed', jobId: first.id });
        onImportedRef.current();
      }
    },
    [api, model],
  );

  // An import left running when the screen was closed is shown again, with its progress and Cancel.
  useEffect(() => {
    const signal = alive.current.signal;
    api.jobs.list({}).then(
      (jobs) => {
        const running = jobs.find((j) => j.state === 'running' && j.kind === 'imports.apply');
        if (!running || signal.aborted || stateRef.current.job || stateRef.current.files.length > 0) return;
        dispatch({ type: 'jobAttached', jobId: running.id });
        void follow('import', { ...running, result: null }, signal);
      },
      () => undefined,
    );
  }, [api, follow]);

  const start = useCallback(
    (kind: JobKind, onInvalid?: OnInvalid) => {
      const current = stateRef.current;
      const input = runInput(current);
      if (!input) return;
      cancelWanted.current = false;
      dispatch({ type: 'jobStarting', kind });
      const signal = alive.current.signal;
      void (async () => {
        try {
          const first =
            kind === 'check'
              ? await api.imports.validate(input)
              : await api.imports.apply({ ...input, onInvalid: onInvalid ?? current.onInvalid });
          dispatch({ type: 'jobStarted', jobId: first.id });
          if (cancelWanted.current) await api.jobs.cancel({ id: first.id });
          await follow(kind, first, signal);
        } catch (e) {
          dispatch({ type: 'jobFailedToStart', error: asAppError(e).toPayload() });
        }
      })();
    },
    [api, follow],
  );

  const cancel = useCallback(() => {
    const job = stateRef.current.job;
    if (!job) return;
    cancelWanted.current = true;
    dispatch({ type: 'cancelRequested' });
    if (job.jobId) {
      api.jobs
        .cancel({ id: job.jobId })
        .catch((e: unknown) => model.ui.getState().notifyError(asAppError(e).toPayload()));
    }
  }, [api, model]);

  return useMemo(
    () => ({
      state,
      addFiles,
      addRefs,
      removeFile: (key) => dispatch({ type: 'fileRemoved', key }),
      setFileOptions: (key, options) => dispatch({ type: 'fileOptions', key, options }),
      choosePreset: (preset) => dispatch({ type: 'presetChosen', preset }),
      editFileMapping: (index, fileMapping) => dispatch({ type: 'fileMappingEdited', index, fileMapping }),
      chooseLayout: (index, layout) => dispatch({ type: 'layoutChosen', index, layout }),
      showFile: (index) => dispatch({ type: 'activeFile', index }),
      goTo: (step) => dispatch({ type: 'goTo', step }),
      start,
      cancel,
      setOnInvalid: (onInvalid) => dispatch({ type: 'onInvalid', onInvalid }),
      fixFileFirst: () => dispatch({ type: 'fixFileFirst' }),
      reset: () => dispatch({ type: 'reset' }),
    }),
    [state, addFiles, addRefs, start, cancel],
  );
}
