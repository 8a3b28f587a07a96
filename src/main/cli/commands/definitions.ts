import fs from 'node:fs';
import type { Command } from '../main';
import { absolute, parseOptions, requireOption, table, type CliContext } from '../io';
import { AppError } from '../../../shared/errors';
import { ruleText } from '../../../shared/documents/rule-text';
import type { DefinitionsExport } from '../../../shared/definitions/exchange';
import type {
  DefinitionDetail,
  DefinitionSummary,
  ImportResult,
  RevisionInfo,
} from '../../../shared/definitions/types';
import type { WorkspaceInfo } from '../../../shared/domain/types';

type Values = Record<string, string | boolean | undefined>;
const str = (v: Values, k: string): string | undefined => (typeof v[k] === 'string' ? v[k] : undefined);

/** Dates are days in the workspace's time zone, as the app shows them. */
let zone = 'UTC';
function day(ctx: CliContext, ms: number | null): string {
  return ms === null
    ? ctx.t('definitions.cli.onApproval')
    : new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeZone: zone }).format(ms);
}

async function open(ctx: CliContext, values: Values, readOnly: boolean): Promise<void> {
  const info = await ctx.call<WorkspaceInfo>('workspace.open', {
    path: absolute(requireOption(str(values, 'workspace'), 'workspace')),
    readOnly,
  });
  zone = info.timeZone;
}

async function list(ctx: CliContext, values: Values): Promise<number> {
  await open(ctx, values, true);
  const defs = await ctx.call<DefinitionSummary[]>('definitions.list', {});
  if (ctx.json) {
    ctx.out(JSON.stringify({ ok: true, value: defs }, null, 2));
    return 0;
  }
  if (defs.length === 0) ctx.out(ctx.t('definitions.cli.empty'));
  for (const d of defs) {
    const inForce = d.inForce
      ? ctx.t('definitions.cli.inForce', { version: d.inForce.version, date: day(ctx, d.inForce.effectiveFrom) })
      : ctx.t('definitions.cli.noneInForce');
    const open = d.open.length
      ? ctx.t('definitions.cli.open', {
          versions: d.open.map((r) => `v${r.version} (${ctx.t(`definitions.status.${r.status}`)})`).join(', '),
        })
      : '';
    ctx.out(`${d.key}  [${ctx.t(`definitions.kind.${d.kind}`)}]  ${d.title}\n    ${inForce}${open ? `; ${open}` : ''}`);
  }
  return 0;
}

function revisionBlock(ctx: CliContext, r: RevisionInfo): string {
  const { t } = ctx;
  const approval = (side: 'marketing' | 'sales') => {
    const a = r.approvals[side];
    return a
      ? t('definitions.cli.approvedBy', { name: a.name, date: day(ctx, a.at) })
      : t('definitions.cli.notApproved');
  };
  const rows: Array<[string, string]> = [
    [t('definitions.field.status'), t(`definitions.status.${r.status}`)],
    [t('definitions.field.effectiveFrom'), day(ctx, r.effectiveFrom)],
    [t('definitions.field.author'), r.author],
    [t('definitions.side.marketing'), approval('marketing')],
    [t('definitions.side.sales'), approval('sales')],
    [t('definitions.field.rationale'), r.rationale || '—'],
    [t('definitions.field.text'), r.body.text || '—'],
  ];
  if ('rule' in r.body && r.body.rule) rows.push([t('definitions.field.rule'), ruleText(r.body.rule, t, ctx.locale)]);
  if (r.decisionNote) rows.push([t('definitions.field.decisionNote'), `${r.decisionNote} (${r.decidedBy ?? ''})`]);
  return `v${r.version}\n${table(rows)
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}`;
}

async function show(ctx: CliContext, values: Values, key: string | undefined): Promise<number> {
  await open(ctx, values, true);
  const wanted = requireOption(key, 'KEY');
  const defs = await ctx.call<DefinitionSummary[]>('definitions.list', {});
  const found = defs.find((d) => d.key === wanted);
  if (!found) throw new AppError('definitions.keyNotFound', { key: wanted });
  const detail = await ctx.call<DefinitionDetail>('definitions.get', { id: found.id });
  if (ctx.json) {
    ctx.out(JSON.stringify({ ok: true, value: detail }, null, 2));
    return 0;
  }
  ctx.out(
    `${detail.definition.title} (${detail.definition.key}, ${ctx.t(`definitions.kind.${detail.definition.kind}`)})`,
  );
  for (const r of [...detail.revisions].reverse()) ctx.out(`\n${revisionBlock(ctx, r)}`);
  return 0;
}

async function exportAll(ctx: CliContext, values: Values): Promise<number> {
  await open(ctx, values, true);
  const doc = await ctx.call<DefinitionsExport>('definitions.export', {});
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  const out = str(values, 'out');
  if (out === undefined) {
    ctx.out(text.trimEnd());
    return 0;
  }
  const target = absolute(out);
  if (fs.existsSync(target)) throw new AppError('definitions.cli.exists', { path: target });
  fs.writeFileSync(target, text);
  if (ctx.json)
    ctx.out(JSON.stringify({ ok: true, value: { path: target, definitions: doc.definitions.length } }, null, 2));
  else ctx.out(ctx.t('definitions.cli.exported', { count: doc.definitions.length, path: target }));
  return 0;
}

async function importFile(ctx: CliContext, values: Values, file: string | undefined): Promise<number> {
  const source = absolute(requireOption(file, 'FILE'));
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(source, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('files.notFound', { path: source });
    throw new AppError('definitions.cli.notJson', { path: source });
  }
  await open(ctx, values, false);
  const result = await ctx.call<ImportResult>('definitions.import', {
    document,
    ...(str(values, 'author') ? { author: str(values, 'author') } : {}),
  });
  if (ctx.json) {
    ctx.out(JSON.stringify({ ok: true, value: result }, null, 2));
    return 0;
  }
  for (const c of result.created)
    ctx.out(
      ctx.t(c.newDefinition ? 'definitions.cli.importedNew' : 'definitions.cli.imported', {
        key: c.key,
        version: c.version,
      }),
    );
  for (const k of result.unchanged) ctx.out(ctx.t('definitions.cli.unchanged', { key: k }));
  for (const k of result.nothingAgreed) ctx.out(ctx.t('definitions.cli.nothingAgreed', { key: k }));
  ctx.out(ctx.t('definitions.cli.importSummary', { count: result.created.length }));
  return 0;
}

/** `definitions list|show KEY|export [--out FILE]|import FILE`: agreed definitions from the command line. */
export const definitionsCommand: Command = {
  async run(ctx, args) {
    const [sub, ...rest] = args;
    const { values, positionals } = parseOptions(rest, {
      workspace: { type: 'string' },
      out: { type: 'string' },
      author: { type: 'string' },
    });
    if (sub === 'list') return list(ctx, values);
    if (sub === 'show') return show(ctx, values, positionals[0]);
    if (sub === 'export') return exportAll(ctx, values);
    if (sub === 'import') return importFile(ctx, values, positionals[0]);
    if (sub !== undefined && sub !== 'help')
      throw new AppError('cli.unknownCommand', { command: `definitions ${sub}` });
    ctx.out(ctx.t('definitions.cli.help'));
    return 0;
  },
};
