import fs from 'node:fs';
import os from 'node:os';
import type { ContractHandlers } from '../../shared/contract';
import type { ParsedInputOf } from '../../shared/contract/define';
import type { importsContract } from '../../shared/imports/contract';
import { AppError } from '../../shared/errors';
import { createI18n } from '../../shared/i18n';
import type { Locale } from '../../shared/domain/types';
import type { ImportMapping } from '../../shared/imports/mapping';
import { isPresetId, PRESET_IDS, type PresetId } from '../../shared/imports/presets';
import type { BatchDetail, BatchSummary, ImportProgress, PresetInfo } from '../../shared/imports/types';
import type { Runtime } from '../runtime/runtime';
import type { Workspace } from '../workspace/workspace';
import { assertIdle, claimWorkspace, releaseWorkspace, withBusyCheck } from './active';
import { BatchRepository, type BatchRow } from './batch-repository';
import { LeadRepository } from './lead-repository';
import { exportNative } from './native-export';
import { PresetRepository, type PresetRow } from './preset-repository';
import { previewImport } from './preview';
import { issuesCsv } from './report';
import { runImport, type ImportFile, type RunProgress } from './run';
import { storedCounts, storedFiles, storedIssues, storedMapping } from './stored';
import { undoBatch } from './undo';

type Contract = typeof importsContract;

function userName(rt: Runtime): string {
  if (rt.prefs.preferences.userName) return rt.prefs.preferences.userName;
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}

function localeOf(rt: Runtime, ws: Workspace, requested: Locale | undefined): Locale {
  return requested ?? rt.prefs.preferences.locale ?? ws.settings().locale;
}

function inputFiles(
  rt: Runtime,
  files: ReadonlyArray<{
    fileId: string;
    encoding?: string | undefined;
    delimiter?: ',' | ';' | '\t' | '|' | undefined;
    sheet?: string | undefined;
  }>,
): Array<ImportFile & { fileId: string }> {
  return files.map((f) => {
    const entry = rt.files.get(f.fileId);
    return {
      fileId: f.fileId,
      path: entry.path,
      name: entry.ref.name,
      options: { encoding: f.encoding, delimiter: f.delimiter, sheet: f.sheet },
    };
  });
}

/** A preset name: a built-in id, or a saved preset whose mapping is used (unless a mapping is given). */
function resolvePreset(
  ws: Workspace,
  preset: string | undefined,
  mapping: ImportMapping | undefined,
): { preset: PresetId | null; mapping: ImportMapping | null } {
  if (preset === undefined) return { preset: null, mapping: mapping ?? null };
  if (isPresetId(preset)) return { preset, mapping: mapping ?? null };
  const saved = ws.repo(PresetRepository).get(preset);
  if (!saved) throw new AppError('imports.unknownPreset', { name: preset, presets: PRESET_IDS.join(', ') });
  const parsed = storedMapping(saved.mapping);
  if (!parsed) throw new AppError('imports.badSavedPreset', { name: preset });
  return { preset: null, mapping: mapping ?? parsed };
}

/** Live figures of running imports, by job id (kept for the last few finished ones too). */
const progressByJob = new Map<string, { startedAt: number; last: RunProgress | null }>();

function progressOf(rt: Runtime, jobId: string): ImportProgress {
  const job = rt.jobs.get(jobId);
  const entry = progressByJob.get(jobId);
  if (!entry) throw new AppError('jobs.notFound', { id: jobId });
  const p = entry.last;
  const seconds = Math.max(0.001, ((job.endedAt ?? Date.now()) - entry.startedAt) / 1000);
  const bytes = p?.bytes ?? 0;
  const totalBytes = p?.totalBytes ?? 0;
  return {
    jobId,
    phase: job.state !== 'running' ? 'done' : (p?.phase ?? 'reading'),
    file: p?.file ?? '',
    fileIndex: p?.fileIndex ?? 0,
    files: p?.files ?? 0,
    rows: p?.rows ?? 0,
    bytes,
    totalBytes,
    percent: totalBytes > 0 ? Math.min(100, (bytes / totalBytes) * 100) : 0,
    rowsPerSecond: (p?.rows ?? 0) / seconds,
    bytesPerSecond: bytes / seconds,
  };
}

/** An import or undo writes on a connection of its own: the open workspace's plans need its statistics. */
function reloadStatistics(rt: Runtime, workspacePath: string): void {
  const ws = rt.workspace;
  if (ws?.path === workspacePath) ws.reloadStatistics();
}

function startRun(rt: Runtime, input: ParsedInputOf<Contract['apply']>, dryRun: boolean) {
  const ws = rt.requireWorkspace();
  ws.assertWritable();
  assertIdle(ws.path);
  const resolved = resolvePreset(ws, input.preset, input.mapping);
  const files = inputFiles(rt, input.files);
  const t = createI18n(localeOf(rt, ws, input.locale)).t;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  const report = rt.files.reserve(`import-report-${stamp}.csv`);
  const createdBy = userName(rt);
  const workspacePath = ws.path;
  let jobId = '';
  const status = rt.jobs.start(
    dryRun ? 'imports.validate' : 'imports.apply',
    async (ctl) => {
      try {
        const result = await runImport(
          {
            workspacePath,
            files,
            mapping: resolved.mapping,
            preset: resolved.preset,
            onInvalid: input.onInvalid,
            dryRun,
            createdBy,
            report,
            t,
          },
          ctl,
          (p) => {
            const entry = progressByJob.get(jobId);
            if (entry) entry.last = p;
          },
        );
        if (result.status === 'applied') reloadStatistics(rt, workspacePath);
        return result;
      } finally {
        releaseWorkspace(workspacePath, jobId);
      }
    },
    'bytes',
  );
  jobId = status.id;
  // The job starts on the next turn of the event loop, so the claim is in place before it runs.
  claimWorkspace(workspacePath, jobId);
  progressByJob.set(jobId, { startedAt: Date.now(), last: null });
  for (const id of [...progressByJob.keys()].slice(0, Math.max(0, progressByJob.size - 50))) progressByJob.delete(id);
  return status;
}

function summary(repo: BatchRepository, row: BatchRow): BatchSummary {
  return {
    id: row.id,
    fileName: row.file_name,
    fileHash: row.file_hash,
    files: storedFiles(row.files),
    preset: row.preset,
    counts: storedCounts(row.counts),
    issueCount: row.issue_count,
    onInvalid: row.on_invalid,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    durationMs: row.duration_ms,
    undoneAt: row.undone_at,
    undoneBy: row.undone_by,
    undoBlockedBy: row.status === 'applied' ? repo.dependentBatch(row.id) : null,
  };
}

function presetInfo(row: PresetRow): PresetInfo {
  return { id: row.name, builtIn: false, mapping: storedMapping(row.mapping), updatedAt: row.updated_at };
}

function batchRow(ws: Workspace, id: number): BatchRow {
  const row = ws.repo(BatchRepository).get(id);
  if (!row) throw new AppError('imports.batchNotFound', { batch: id });
  return row;
}

export const importsHandlers: ContractHandlers<Runtime>['imports'] = {
  presets: (_input, rt) => {
    const ws = rt.requireWorkspace();
    const builtIn: PresetInfo[] = PRESET_IDS.map((id) => ({ id, builtIn: true, mapping: null, updatedAt: null }));
    return [...builtIn, ...ws.repo(PresetRepository).list().map(presetInfo)];
  },

  reasons: (_input, rt) => rt.requireWorkspace().repo(LeadRepository).reasons(),

  preview: async ({ files, preset, mapping, rows }, rt) => {
    const ws = rt.requireWorkspace();
    const resolved = resolvePreset(ws, preset, mapping);
    return previewImport(ws.db, {
      files: inputFiles(rt, files),
      mapping: resolved.mapping,
      preset: resolved.preset,
      shownRows: rows,
    });
  },

  validate: (input, rt) => startRun(rt, { ...input, onInvalid: 'skipInvalid' }, true),

  apply: (input, rt) => startRun(rt, input, false),

  progress: ({ jobId }, rt) => progressOf(rt, jobId),

  history: ({ limit, offset }, rt) => {
    const repo = rt.requireWorkspace().repo(BatchRepository);
    return repo.list(limit, offset).map((row) => summary(repo, row));
  },

  batch: ({ batchId }, rt) => {
    const ws = rt.requireWorkspace();
    const row = batchRow(ws, batchId);
    const detail: BatchDetail = {
      ...summary(ws.repo(BatchRepository), row),
      mapping: storedMapping(row.mapping),
      issues: storedIssues(row.errors),
    };
    return detail;
  },

  report: ({ batchId, locale }, rt) => {
    const ws = rt.requireWorkspace();
    const row = batchRow(ws, batchId);
    const t = createI18n(localeOf(rt, ws, locale)).t;
    const slot = rt.files.reserve(`import-${batchId}-report.csv`);
    fs.writeFileSync(slot.path, issuesCsv(t, storedIssues(row.errors)));
    return slot.commit();
  },

  undo: ({ batchId }, rt) => {
    const ws = rt.requireWorkspace();
    ws.assertWritable();
    assertIdle(ws.path);
    batchRow(ws, batchId);
    const workspacePath = ws.path;
    const by = userName(rt);
    let jobId = '';
    const status = rt.jobs.start('imports.undo', async (ctl) => {
      try {
        const result = await undoBatch(workspacePath, batchId, by, ctl);
        reloadStatistics(rt, workspacePath);
        return result;
      } finally {
        releaseWorkspace(workspacePath, jobId);
      }
    });
    jobId = status.id;
    claimWorkspace(workspacePath, jobId);
    return status;
  },

  savePreset: ({ name, mapping }, rt) => {
    const ws = rt.requireWorkspace();
    if (isPresetId(name)) throw new AppError('imports.presetNameReserved', { name });
    const repo = ws.repo(PresetRepository);
    withBusyCheck(ws.path, () => repo.save(name, JSON.stringify({ ...mapping, name }), userName(rt), Date.now()));
    return presetInfo(repo.get(name)!);
  },

  deletePreset: ({ name }, rt) => {
    const ws = rt.requireWorkspace();
    const repo = ws.repo(PresetRepository);
    if (!withBusyCheck(ws.path, () => repo.delete(name))) throw new AppError('imports.presetNotFound', { name });
    return null;
  },

  exportNative: (_input, rt) => {
    const ws = rt.requireWorkspace();
    const workspacePath = ws.path;
    const leadsFile = rt.files.reserve('leads.csv');
    const eventsFile = rt.files.reserve('stage_events.csv');
    return rt.jobs.start(
      'imports.export',
      async (ctl) => {
        const counts = await exportNative(workspacePath, { leads: leadsFile.path, stageEvents: eventsFile.path }, ctl);
        return {
          files: [leadsFile.commit(), eventsFile.commit()],
          leads: counts.leads,
          stageEvents: counts.stageEvents,
        };
      },
      'rows',
    );
  },
};
