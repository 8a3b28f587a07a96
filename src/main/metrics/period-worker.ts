/**
 * A thread that computes report periods (see period-pool.ts). It holds its own read-only
 * connection to the workspace between reports, so its prepared statements and page cache stay warm.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { useNativeBinding } from '../db/driver';
import { Workspace } from '../workspace/workspace';
import {
  computePeriod,
  computeWeekFigures,
  planReport,
  type PeriodTask,
  type ReportOptions,
  type WeekOptions,
} from './service';
import { AppError } from '../../shared/errors';
import { toThreadError, type ThreadError } from '../runtime/thread-error';
import type { PeriodFigures, Report, WeekFigures } from '../../shared/metrics/types';
import { freezeDrills, type FrozenFigure } from '../meetings/drill-freeze';
import { preview, type PreviewOptions, type PreviewReads } from '../definitions/preview';
import type { ImpactPreview } from '../../shared/definitions/types';

/**
 * What a thread computes: one period of a report, the figures of one week (`metrics.week`), the
 * leads behind every figure of a report that a meeting's snapshot keeps, or a definition
 * revision's impact preview (`definitions.preview`).
 */
export type PeriodJob =
  | { readonly figures: 'period'; readonly options: ReportOptions; readonly task: PeriodTask }
  | { readonly figures: 'week'; readonly options: WeekOptions }
  | { readonly figures: 'drills'; readonly report: Report }
  | { readonly figures: 'preview'; readonly options: PreviewOptions };

/** What a job answers. */
export type PeriodAnswer = PeriodFigures | WeekFigures | FrozenFigure[] | ImpactPreview;

export type PeriodRequest =
  | {
      readonly kind: 'compute';
      readonly id: number;
      readonly file: string;
      readonly job: PeriodJob;
      /** Set to 1 by the caller to stop a job that reports its reads, before its next read. */
      readonly stop?: Int32Array;
    }
  | { readonly kind: 'release' };

export type PeriodReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'progress'; readonly id: number; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly id: number; readonly value: PeriodAnswer }
  | {
      readonly kind: 'failed';
      readonly id: number;
      readonly error: ThreadError;
    };

const port = parentPort!;
const data = workerData as { nativeBinding?: string; released: Int32Array };
useNativeBinding(data.nativeBinding);
let open: Workspace | null = null;

function workspaceAt(file: string): Workspace {
  if (open?.db.name !== file) {
    open?.close();
    open = null;
    // The app's own connection opened and checked this file; a thread only reads it too.
    open = Workspace.attach(file);
  }
  return open;
}

function compute(ws: Workspace, job: PeriodJob, told: PreviewReads): PeriodAnswer {
  switch (job.figures) {
    case 'period':
      return computePeriod(planReport(ws, job.options), job.task);
    case 'week':
      return computeWeekFigures(ws, job.options);
    case 'drills':
      return freezeDrills(ws, job.report);
    case 'preview':
      return preview(ws, job.options, told);
  }
}

function answer(request: PeriodRequest): PeriodReply | null {
  if (request.kind === 'release') {
    open?.close();
    open = null;
    // The pool waits on this, so the file is free before the workspace is replaced or removed.
    Atomics.store(data.released, 0, 1);
    Atomics.notify(data.released, 0);
    return null;
  }
  const { id, stop } = request;
  const told: PreviewReads = (done, total) => {
    if (stop && Atomics.load(stop, 0) === 1) throw new AppError('jobs.cancelled');
    port.postMessage({ kind: 'progress', id, done, total } satisfies PeriodReply);
  };
  try {
    return { kind: 'done', id, value: compute(workspaceAt(request.file), request.job, told) };
  } catch (e) {
    return { kind: 'failed', id: request.id, error: toThreadError(e) };
  }
}

port.on('message', (request: PeriodRequest) => {
  const reply = answer(request);
  if (reply) port.postMessage(reply);
});
port.postMessage({ kind: 'ready' } satisfies PeriodReply);
