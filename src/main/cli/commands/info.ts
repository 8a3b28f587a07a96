import type { Command } from '../main';
import { absolute, parseOptions, requireOption, table, type CliContext } from '../io';
import type { WorkspaceInfo } from '../../../shared/domain/types';
import { localized } from '../../../shared/i18n';

function day(ms: number | null, ctx: CliContext): string {
  return ms === null ? ctx.t('cli.never') : new Date(ms).toISOString().slice(0, 10);
}

export function printInfo(ctx: CliContext, info: WorkspaceInfo): string {
  const { t } = ctx;
  const rows: Array<[string, string | number]> = [
    [t('cli.info.path'), info.path],
    [t('cli.info.schema'), info.schemaVersion],
    [t('cli.info.timeZone'), info.timeZone],
    [t('cli.info.locale'), info.locale],
    [t('cli.info.range'), `${day(info.firstEventAt, ctx)} … ${day(info.lastEventAt, ctx)}`],
    ...Object.entries(info.counts).map(([k, v]): [string, string | number] => [
      t(`counts.${k}`),
      v.toLocaleString(ctx.locale),
    ]),
    [t('cli.info.stages'), info.stages.map((s) => localized(s.labels, ctx.locale)).join(' → ')],
  ];
  if (info.readOnly) rows.push([t('cli.info.readOnly'), t(`errors.${info.readOnlyReason ?? 'workspace.readOnly'}`)]);
  return `${t('cli.info.title', { name: info.name })}\n${table(rows)}`;
}

export const infoCommand: Command = {
  async run(ctx, args) {
    const { values } = parseOptions(args, { workspace: { type: 'string' } });
    const file = absolute(requireOption(values.workspace, 'workspace'));
    // Read-only: looking at a workspace must never change it (not even a migration).
    const info = await ctx.call<WorkspaceInfo>('workspace.open', { path: file, readOnly: true });
    ctx.out(ctx.json ? JSON.stringify({ ok: true, value: info }, null, 2) : printInfo(ctx, info));
    return 0;
  },
};
