import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../main';
import { absolute, parseOptions, requireOption, table } from '../io';
import { AppError, errorFromPayload } from '../../../shared/errors';
import type { JobStatus } from '../../../shared/jobs/types';
import type { ExportResult } from '../../../shared/imports/types';
import { followJob } from '../follow-job';

/**
 * `funnel-review export --workspace W --out DIR [--json]`: writes DIR/leads.csv and
 * DIR/stage_events.csv in the interchange format (docs/import.md), importable with `--preset native`.
 */
export const exportCommand: Command = {
  async run(ctx, args) {
    const { values } = parseOptions(args, { workspace: { type: 'string' }, out: { type: 'string' } });
    const workspace = absolute(requireOption(values.workspace, 'workspace'));
    const out = absolute(requireOption(values.out, 'out'));
    // Read-only: exporting must not change the workspace (not even a migration).
    await ctx.call('workspace.open', { path: workspace, readOnly: true });
    const status = await followJob(ctx, await ctx.call<JobStatus<ExportResult>>('imports.exportNative', {}));
    if (status.state === 'cancelled') throw new AppError('jobs.cancelled');
    if (!status.result)
      throw errorFromPayload(status.error ?? { code: 'internal', params: {}, message: 'export failed' });
    fs.mkdirSync(out, { recursive: true });
    const written = status.result.files.map((f) => {
      const target = path.join(out, f.name);
      fs.copyFileSync(ctx.runtime.files.pathOf(f.id), target);
      return target;
    });
    if (ctx.json)
      ctx.out(
        JSON.stringify(
          { ok: true, value: { files: written, leads: status.result.leads, stageEvents: status.result.stageEvents } },
          null,
          2,
        ),
      );
    else {
      ctx.out(ctx.t('imports.cli.exported', { dir: out }));
      ctx.out(
        table([
          [ctx.t('imports.cli.exportLeads'), status.result.leads.toLocaleString(ctx.locale)],
          [ctx.t('imports.cli.exportStageEvents'), status.result.stageEvents.toLocaleString(ctx.locale)],
        ]),
      );
    }
    return 0;
  },
};
