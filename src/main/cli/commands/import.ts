import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../main';
import { absolute, parseOptions, requireOption, table, type CliContext } from '../io';
import { AppError, errorFromPayload } from '../../../shared/errors';
import type { JobStatus } from '../../../shared/jobs/types';
import type { WorkspaceInfo } from '../../../shared/domain/types';
import { importMappingSchema, type ImportMappingInput } from '../../../shared/imports/mapping';
import type { ImportProgress, ImportResult } from '../../../shared/imports/types';
import { issueMessage } from '../../imports/report';
import { toIssues } from '../../runtime/dispatch';
import { followJob } from '../follow-job';

const DELIMITER_NAMES: Record<string, ',' | ';' | '\t' | '|'> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  tab: '\t',
  '\\t': '\t',
  '|': '|',
  pipe: '|',
};

function readMapping(file: string): ImportMappingInput {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('imports.badMappingFile', { path: file, detail: e instanceof Error ? e.message : String(e) });
  }
  const parsed = importMappingSchema.safeParse(raw);
  if (!parsed.success) {
    // The detail names where; the issues (printed under the message) say what, in the reader's language.
    const issues = toIssues(parsed.error);
    throw new AppError('imports.badMappingFile', { path: file, detail: issues[0]?.path ?? '' }, undefined, issues);
  }
  // The dispatcher validates again; pass the input form, not the defaults-filled one.
  return parsed.data;
}

function fmt(ctx: CliContext, n: number): string {
  return n.toLocaleString(ctx.locale);
}

/** Waits for the job, printing progress for people on stderr about once a second; Ctrl+C cancels it. */
function waitWithProgress(ctx: CliContext, started: JobStatus<ImportResult>): Promise<JobStatus<ImportResult>> {
  let last = Date.now();
  return followJob(ctx, started, async () => {
    if (ctx.json || Date.now() - last < 1000) return;
    last = Date.now();
    const p = await ctx.call<ImportProgress>('imports.progress', { jobId: started.id });
    ctx.err(
      ctx.t(
        p.phase === 'committing'
          ? 'imports.cli.committing'
          : p.phase === 'indexing' || p.phase === 'figures'
            ? `imports.cli.${p.phase}`
            : 'imports.cli.progress',
        {
          file: p.file,
          rows: fmt(ctx, p.rows),
          percent: Math.floor(p.percent),
          rate: fmt(ctx, Math.round(p.rowsPerSecond)),
          mb: (p.bytes / 1e6).toLocaleString(ctx.locale, { maximumFractionDigits: 1 }),
          totalMb: (p.totalBytes / 1e6).toLocaleString(ctx.locale, { maximumFractionDigits: 1 }),
        },
      ),
    );
  });
}

function printResult(ctx: CliContext, r: ImportResult, reportPath: string | null): void {
  const { t } = ctx;
  const c = r.counts;
  const rows: Array<[string, string]> = [
    [t('imports.cli.files'), fmt(ctx, c.files)],
    [t('imports.cli.rowsRead'), fmt(ctx, c.rowsRead)],
    [t('imports.cli.leadsInserted'), fmt(ctx, c.leadsInserted)],
    [t('imports.cli.leadsUpdated'), fmt(ctx, c.leadsUpdated)],
    [t('imports.cli.leadsUnchanged'), fmt(ctx, c.leadsUnchanged)],
    [t('imports.cli.stageEventsAdded'), fmt(ctx, c.stageEventsAdded)],
    [t('imports.cli.stageEventsExisting'), fmt(ctx, c.stageEventsExisting)],
    [t('imports.cli.touchesAdded'), fmt(ctx, c.touchesAdded)],
    [t('imports.cli.rowsRejected'), fmt(ctx, c.rowsRejected)],
  ];
  if (c.footerRowsSkipped > 0) rows.push([t('imports.cli.footerRowsSkipped'), fmt(ctx, c.footerRowsSkipped)]);
  rows.push([
    t('imports.cli.duration'),
    t('imports.cli.seconds', {
      seconds: (r.durationMs / 1000).toLocaleString(ctx.locale, { maximumFractionDigits: 1 }),
    }),
  ]);
  ctx.out(t(`imports.cli.status.${r.status}`, { batch: r.batchId ?? '' }));
  ctx.out(table(rows));
  for (const d of r.dateDecisions) {
    if (d.basis === 'data' || d.basis === 'assumed')
      ctx.out(
        t(`imports.cli.dateOrder.${d.basis}`, {
          file: d.file,
          column: d.column,
          order: t(`imports.dateOrder.${d.order}`),
          example: d.example ?? '',
        }),
      );
    if (d.conflict)
      ctx.out(
        t('imports.cli.dateOrder.conflict', {
          file: d.file,
          column: d.column,
          example: d.example ?? '',
          conflict: d.conflict,
        }),
      );
  }
  for (const v of r.unmappedStages.slice(0, 10))
    ctx.out(t('imports.cli.unmappedStage', { column: v.column, value: v.value, count: v.count }));
  for (const v of r.unknownReasons.slice(0, 10))
    ctx.out(t('imports.cli.unknownReason', { column: v.column, value: v.value, count: v.count }));
  for (const i of r.issues.slice(0, 10)) ctx.err(`  ${i.file}:${i.row} [${i.column}] ${issueMessage(ctx.t, i)}`);
  if (c.issues > 10) ctx.err(t('imports.cli.moreIssues', { count: fmt(ctx, c.issues - 10) }));
  if (reportPath) ctx.err(t('imports.cli.reportWritten', { path: reportPath }));
}

/**
 * `funnel-review import FILE... --workspace W [--preset NAME | --mapping M.json] [--encoding E]
 * [--delimiter D] [--sheet S] [--skip-invalid] [--dry-run] [--report R.csv] [--time-zone Z] [--json]`.
 * Creates the workspace when the file does not exist (and removes it again when nothing was
 * imported). Exit code 0 when the batch was applied (or validated clean), 1 when it was rejected.
 */
export const importCommand: Command = {
  async run(ctx, args) {
    const { values, positionals } = parseOptions(args, {
      workspace: { type: 'string' },
      preset: { type: 'string' },
      mapping: { type: 'string' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      sheet: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      report: { type: 'string' },
      'time-zone': { type: 'string' },
      help: { type: 'boolean' },
    });
    if (values.help) {
      ctx.out(ctx.t('imports.cli.usage'));
      return 0;
    }
    const workspace = absolute(requireOption(values.workspace, 'workspace'));
    if (positionals.length === 0) throw new AppError('imports.noFiles');
    if (values.preset && values.mapping) throw new AppError('imports.presetAndMapping');
    const delimiter = values.delimiter === undefined ? undefined : DELIMITER_NAMES[values.delimiter];
    if (values.delimiter !== undefined && delimiter === undefined)
      throw new AppError('cli.badOption', { option: 'delimiter', value: values.delimiter, expected: ', ; tab |' });
    const mapping = values.mapping ? readMapping(absolute(values.mapping)) : undefined;
    const refs = positionals.map((f) => ctx.runtime.files.registerPath(absolute(f)));

    const created = !fs.existsSync(workspace);
    if (created)
      await ctx.call<WorkspaceInfo>('workspace.create', {
        path: workspace,
        ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
      });
    else await ctx.call<WorkspaceInfo>('workspace.open', { path: workspace });

    let keep = false;
    try {
      const input = {
        files: refs.map((r) => ({
          fileId: r.id,
          ...(values.encoding ? { encoding: values.encoding } : {}),
          ...(delimiter ? { delimiter } : {}),
          ...(values.sheet ? { sheet: values.sheet } : {}),
        })),
        ...(values.preset ? { preset: values.preset } : {}),
        ...(mapping ? { mapping } : {}),
        locale: ctx.locale,
      };
      const started = values['dry-run']
        ? await ctx.call<JobStatus<ImportResult>>('imports.validate', input)
        : await ctx.call<JobStatus<ImportResult>>('imports.apply', {
            ...input,
            onInvalid: values['skip-invalid'] ? 'skipInvalid' : 'reject',
          });
      const status = await waitWithProgress(ctx, started);
      if (status.state === 'cancelled') throw new AppError('jobs.cancelled');
      if (status.state === 'failed' || status.error)
        throw errorFromPayload(status.error ?? { code: 'internal', params: {}, message: 'import failed' });
      const result = status.result;
      if (!result) throw new AppError('internal', { detail: 'import finished without a result' });
      let reportPath: string | null = null;
      if (result.reportFile) {
        reportPath = values.report
          ? absolute(values.report)
          : `${workspace}.import-report-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}.csv`;
        fs.mkdirSync(path.dirname(reportPath), { recursive: true });
        fs.copyFileSync(ctx.runtime.files.pathOf(result.reportFile.id), reportPath);
      }
      keep = result.status === 'applied' || !created;
      if (ctx.json)
        ctx.out(JSON.stringify({ ok: result.status !== 'rejected', value: { ...result, reportPath } }, null, 2));
      else printResult(ctx, result, reportPath);
      if (result.status === 'rejected') return 1;
      if (result.status === 'validated' && result.counts.issues > 0) return 1;
      return 0;
    } finally {
      if (created && !keep) {
        // Nothing was imported into a workspace this command created: do not leave an empty file behind.
        await ctx.call('workspace.close', {});
        for (const f of [workspace, `${workspace}-wal`, `${workspace}-shm`, `${workspace}.lock`])
          fs.rmSync(f, { force: true });
        fs.rmSync(`${workspace}.backups`, { recursive: true, force: true });
      }
    }
  },
};
