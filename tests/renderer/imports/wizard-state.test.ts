import { describe, expect, it } from 'vitest';
import { fileMapping } from '../../../src/shared/imports/mapping';
import {
  fileLayout,
  filesReady,
  furthestStep,
  initialWizardState,
  jobRunning,
  mappingInFileOrder,
  previewCurrent,
  previewInput,
  previewLoading,
  runInput,
  uploadShare,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from '../../../src/renderer/screens/imports/wizard/state';
import { fileRef, filePreview, importResult, previewOf } from './fixtures';

const run = (actions: WizardAction[], from: WizardState = initialWizardState): WizardState =>
  actions.reduce(wizardReducer, from);

const leadsPreview = filePreview('id-leads', 'leads.csv', ['mql_id', 'first_contact_date', 'origin'], {
  columns: [
    { column: 'mql_id', target: 'lead_id' },
    { column: 'origin', target: 'source' },
  ],
});
const dealsPreview = filePreview('id-deals', 'deals.csv', ['mql_id', 'won_date', 'status'], {
  columns: [
    { column: 'mql_id', target: 'lead_id' },
    { column: 'won_date', target: 'stage:won' },
  ],
});

/** Two files chosen and sent, and the preview of both loaded. */
function loaded(): WizardState {
  const sent = run([
    {
      type: 'filesAdded',
      files: [
        { key: 'a', name: 'leads.csv', sizeBytes: 300 },
        { key: 'b', name: 'deals.csv', sizeBytes: 100 },
      ],
    },
    { type: 'uploadDone', key: 'a', ref: fileRef('id-leads', 'leads.csv', 300) },
    { type: 'uploadDone', key: 'b', ref: fileRef('id-deals', 'deals.csv', 100) },
  ]);
  return wizardReducer(sent, {
    type: 'previewLoaded',
    seq: sent.previewRequest!.seq,
    preview: previewOf([leadsPreview, dealsPreview]),
  });
}

describe('choosing and sending files', () => {
  it('asks for a preview only once every file has arrived, and counts the bytes sent', () => {
    let s = run([
      {
        type: 'filesAdded',
        files: [
          { key: 'a', name: 'leads.csv', sizeBytes: 300 },
          { key: 'b', name: 'deals.csv', sizeBytes: 100 },
        ],
      },
    ]);
    expect(s.files.map((f) => f.name)).toEqual(['leads.csv', 'deals.csv']);
    expect(uploadShare(s)).toBe(0);
    s = run([{ type: 'uploadProgress', key: 'a', sentBytes: 150 }], s);
    expect(uploadShare(s)).toBe(150 / 400);
    s = run([{ type: 'uploadDone', key: 'a', ref: fileRef('id-leads', 'leads.csv', 300) }], s);
    expect(uploadShare(s)).toBe(300 / 400);
    expect(filesReady(s)).toBe(false);
    expect(s.previewRequest).toBeNull();
    s = run([{ type: 'uploadDone', key: 'b', ref: fileRef('id-deals', 'deals.csv', 100) }], s);
    expect(filesReady(s)).toBe(true);
    expect(s.previewRequest).toEqual({ seq: 1, keepMapping: false });
    expect(previewLoading(s)).toBe(true);
    expect(furthestStep(s)).toBe('files');
  });

  it('keeps a failed upload in the list, with its error, and does not read the files', () => {
    const s = run([
      { type: 'filesAdded', files: [{ key: 'a', name: 'big.csv', sizeBytes: 10 }] },
      { type: 'uploadFailed', key: 'a', error: { code: 'files.badChunk', params: {}, message: 'x' } },
    ]);
    expect(s.files[0]?.error?.code).toBe('files.badChunk');
    expect(filesReady(s)).toBe(false);
    expect(s.previewRequest).toBeNull();
    expect(run([{ type: 'fileRemoved', key: 'a' }], s)).toMatchObject({ files: [], step: 'files', preview: null });
  });

  it('takes files the desktop dialog registered as already sent', () => {
    const s = run([
      {
        type: 'filesAdded',
        files: [{ key: 'a', name: 'leads.csv', sizeBytes: 5, ref: fileRef('id-leads', 'leads.csv', 5) }],
      },
    ]);
    expect(filesReady(s)).toBe(true);
    expect(uploadShare(s)).toBe(1);
    expect(s.previewRequest?.keepMapping).toBe(false);
  });
});

describe('previews', () => {
  it('ignores an answer to an older request, and takes the current one with its mapping', () => {
    const sent = run([
      {
        type: 'filesAdded',
        files: [{ key: 'a', name: 'leads.csv', sizeBytes: 5, ref: fileRef('id-leads', 'leads.csv') }],
      },
    ]);
    const again = run([{ type: 'fileOptions', key: 'a', options: { encoding: 'windows-1251' } }], sent);
    expect(again.previewRequest?.seq).toBe(2);
    const stale = run([{ type: 'previewLoaded', seq: 1, preview: previewOf([leadsPreview]) }], again);
    expect(stale.preview).toBeNull();
    const current = run([{ type: 'previewLoaded', seq: 2, preview: previewOf([leadsPreview]) }], again);
    expect(current.mapping?.files[0]?.columns).toEqual(leadsPreview.suggested.columns);
    expect(previewCurrent(current)).toBe(true);
    expect(furthestStep(current)).toBe('mapping');
  });

  it('puts a saved preset that picks files by name in the order of the files, without the name patterns', () => {
    const saved = {
      version: 1 as const,
      name: 'Olist',
      files: [
        fileMapping({ match: 'deals', columns: [{ column: 'mql_id', target: 'lead_id' }] }),
        fileMapping({ match: 'leads', columns: [{ column: 'origin', target: 'source' }] }),
      ],
    };
    const ordered = mappingInFileOrder(saved, previewOf([leadsPreview, dealsPreview], saved));
    expect(ordered.files.map((f) => f.columns[0]?.column)).toEqual(['origin', 'mql_id']);
    expect(ordered.files.every((f) => f.match === undefined)).toBe(true);
    expect(ordered.name).toBe('Olist');
  });

  it('refreshes after a mapping edit without losing the draft, and blocks the next steps while the reading changes', () => {
    const s = loaded();
    const edited = run(
      [{ type: 'fileMappingEdited', index: 0, fileMapping: { ...s.mapping!.files[0]!, dateOrder: 'mdy' } }],
      s,
    );
    expect(edited.previewRequest?.keepMapping).toBe(true);
    expect(previewCurrent(edited)).toBe(true);
    const refreshed = run(
      [{ type: 'previewLoaded', seq: edited.previewRequest!.seq, preview: previewOf([leadsPreview, dealsPreview]) }],
      edited,
    );
    expect(refreshed.mapping?.files[0]?.dateOrder).toBe('mdy');

    const rereading = run([{ type: 'fileOptions', key: 'a', options: { delimiter: ';' } }], refreshed);
    expect(previewCurrent(rereading)).toBe(false);
    expect(furthestStep(rereading)).toBe('format');
    expect(run([{ type: 'goTo', step: 'mapping' }], rereading).step).toBe(rereading.step);
    expect(run([{ type: 'jobStarting', kind: 'check' }], rereading).job).toBeNull();
  });

  it('sends the draft to a refresh and the preset to a fresh read', () => {
    const s = run([{ type: 'presetChosen', preset: 'hubspot-contacts' }], loaded());
    expect(previewInput(s, false)).toMatchObject({
      preset: 'hubspot-contacts',
      files: [{ fileId: 'id-leads' }, { fileId: 'id-deals' }],
    });
    expect(previewInput(s, false)).not.toHaveProperty('mapping');
    expect(previewInput(s, true)?.mapping).toBe(s.mapping);
  });
});

describe('steps and jobs', () => {
  it('opens no step beyond what is ready', () => {
    const s = loaded();
    expect(run([{ type: 'goTo', step: 'check' }], s).step).toBe('files');
    expect(run([{ type: 'goTo', step: 'mapping' }], s).step).toBe('mapping');
  });

  it('runs a check, keeps saying it is cancelling until the job ends, and ignores other jobs', () => {
    let s = run(
      [
        { type: 'goTo', step: 'mapping' },
        { type: 'jobStarting', kind: 'check' },
      ],
      loaded(),
    );
    expect(s.step).toBe('check');
    expect(jobRunning(s)).toBe(true);
    s = run([{ type: 'jobStarted', jobId: 'job-1' }], s);
    s = run(
      [
        {
          type: 'jobUpdate',
          jobId: 'job-2',
          state: 'done',
          progress: null,
          result: importResult('validated'),
          error: null,
        },
      ],
      s,
    );
    expect(s.job?.state).toBe('running');
    s = run([{ type: 'cancelRequested' }], s);
    s = run([{ type: 'jobUpdate', jobId: 'job-1', state: 'running', progress: null, result: null, error: null }], s);
    expect(s.job?.state).toBe('cancelling');
    // Nothing can be changed under a running job.
    expect(run([{ type: 'fileRemoved', key: 'a' }], s).files).toHaveLength(2);
    expect(run([{ type: 'goTo', step: 'mapping' }], s).step).toBe('check');
    s = run([{ type: 'jobUpdate', jobId: 'job-1', state: 'cancelled', progress: null, result: null, error: null }], s);
    expect(s.job?.state).toBe('cancelled');
    expect(jobRunning(s)).toBe(false);
  });

  it('shows an import that was already running when the screen opened, but never over a wizard in use', () => {
    const attached = run([{ type: 'jobAttached', jobId: 'running-1' }]);
    expect(attached.step).toBe('import');
    expect(attached.job).toMatchObject({ kind: 'import', jobId: 'running-1', state: 'running' });
    expect(jobRunning(attached)).toBe(true);
    const done = run(
      [
        {
          type: 'jobUpdate',
          jobId: 'running-1',
          state: 'done',
          progress: null,
          result: importResult('applied'),
          error: null,
        },
      ],
      attached,
    );
    expect(done.job?.result?.status).toBe('applied');
    expect(run([{ type: 'jobAttached', jobId: 'other' }], loaded()).job).toBeNull();
  });

  it('marks the workspace info refreshed only for its own applied import, and forgets it with the next job', () => {
    const applied = run(
      [
        { type: 'jobStarting', kind: 'import' },
        { type: 'jobStarted', jobId: 'job-1' },
        {
          type: 'jobUpdate',
          jobId: 'job-1',
          state: 'done',
          progress: null,
          result: importResult('applied'),
          error: null,
        },
      ],
      loaded(),
    );
    // The done step reads the workspace's figures only from refreshed info (see StepImport).
    expect(applied.job?.workspaceRefreshed).toBe(false);
    expect(run([{ type: 'workspaceRefreshed', jobId: 'job-0' }], applied).job?.workspaceRefreshed).toBe(false);
    const refreshed = run([{ type: 'workspaceRefreshed', jobId: 'job-1' }], applied);
    expect(refreshed.job?.workspaceRefreshed).toBe(true);
    const next = run([{ type: 'jobStarting', kind: 'check' }], refreshed);
    expect(next.job).toMatchObject({ kind: 'check', state: 'starting', workspaceRefreshed: false });
  });

  it('keeps the stage values and reasons checks found, through mapping edits, until the files change', () => {
    const found = importResult('validated', {
      unmappedStages: [{ file: 'deals.csv', column: 'status', value: 'Parked', count: 40 }],
      unknownReasons: [{ file: 'deals.csv', column: 'reason', value: 'too dear', count: 3 }],
    });
    let s = run(
      [
        { type: 'jobStarting', kind: 'check' },
        { type: 'jobStarted', jobId: 'j' },
      ],
      loaded(),
    );
    s = run([{ type: 'jobUpdate', jobId: 'j', state: 'done', progress: null, result: found, error: null }], s);
    s = run(
      [
        {
          type: 'fileMappingEdited',
          index: 1,
          fileMapping: { ...s.mapping!.files[1]!, stageValues: { Parked: null } },
        },
      ],
      s,
    );
    expect(s.job).toBeNull();
    expect(s.found.stages).toEqual(found.unmappedStages);
    expect(s.found.reasons).toEqual(found.unknownReasons);
    s = run([{ type: 'fileOptions', key: 'b', options: { encoding: 'utf-8' } }], s);
    expect(s.found).toEqual({ stages: [], reasons: [] });
  });

  it('builds the run input from the sent files, their reading options and the draft', () => {
    const s = run([{ type: 'fileOptions', key: 'a', options: { encoding: 'windows-1251', delimiter: ';' } }], loaded());
    const ready = run(
      [{ type: 'previewLoaded', seq: s.previewRequest!.seq, preview: previewOf([leadsPreview, dealsPreview]) }],
      s,
    );
    expect(runInput(ready)).toEqual({
      files: [{ fileId: 'id-leads', encoding: 'windows-1251', delimiter: ';' }, { fileId: 'id-deals' }],
      mapping: ready.mapping,
    });
    expect(runInput(initialWizardState)).toBeNull();
  });
});

describe('after a run', () => {
  it('"fix the file first" starts over but keeps the mapping for the corrected files', () => {
    const s = loaded();
    const edited = run(
      [{ type: 'fileMappingEdited', index: 0, fileMapping: { ...s.mapping!.files[0]!, nullValues: ['n/a'] } }],
      s,
    );
    let next = run([{ type: 'fixFileFirst' }], edited);
    expect(next.files).toEqual([]);
    expect(next.keptMapping).toBe(edited.mapping);
    next = run(
      [
        {
          type: 'filesAdded',
          files: [
            { key: 'c', name: 'leads-fixed.csv', sizeBytes: 5, ref: fileRef('id-c', 'leads-fixed.csv') },
            { key: 'd', name: 'deals-fixed.csv', sizeBytes: 5, ref: fileRef('id-d', 'deals-fixed.csv') },
          ],
        },
      ],
      next,
    );
    expect(previewInput(next, false)?.mapping).toBe(edited.mapping);
    // The request numbers go on from the old wizard's, so a late answer to it cannot land here.
    expect(next.previewRequest!.seq).toBeGreaterThan(edited.previewRequest!.seq);
    const reloaded = run(
      [
        {
          type: 'previewLoaded',
          seq: next.previewRequest!.seq,
          preview: previewOf([
            { ...leadsPreview, fileId: 'id-c' },
            { ...dealsPreview, fileId: 'id-d' },
          ]),
        },
      ],
      next,
    );
    expect(reloaded.mapping?.files[0]?.nullValues).toEqual(['n/a']);
  });

  it('starts a new import when files are added after one finished', () => {
    let s = run(
      [
        { type: 'jobStarting', kind: 'import' },
        { type: 'jobStarted', jobId: 'j' },
      ],
      loaded(),
    );
    s = run(
      [{ type: 'jobUpdate', jobId: 'j', state: 'done', progress: null, result: importResult('applied'), error: null }],
      s,
    );
    s = run([{ type: 'filesAdded', files: [{ key: 'z', name: 'next.csv', sizeBytes: 1 }] }], s);
    expect(s.files.map((f) => f.name)).toEqual(['next.csv']);
    expect(s.job).toBeNull();
    expect(s.step).toBe('files');
  });

  it('remembers a chosen long layout even before its stage and time columns are chosen', () => {
    const s = run([{ type: 'layoutChosen', index: 1, layout: 'long' }], loaded());
    expect(fileLayout(s, 1)).toBe('long');
    expect(fileLayout(s, 0)).toBe('wide');
    expect(s.previewRequest?.keepMapping).toBe(true);
  });
});
