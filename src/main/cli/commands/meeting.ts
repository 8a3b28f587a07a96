import type { Command } from '../main';
import { absolute, intOption, parseOptions, requireOption, table, type CliContext } from '../io';
import { AppError } from '../../../shared/errors';
import type { FileRef } from '../../../shared/domain/types';
import type { MeetingDetail, MeetingSummary, Snapshot } from '../../../shared/meetings/types';
import { checkOutput, deliver } from '../../documents/cli-support';

type Values = Record<string, string | boolean | undefined>;
const str = (v: Values, k: string): string | undefined => (typeof v[k] === 'string' ? v[k] : undefined);

/** Every `meeting` subcommand reads the workspace and never changes it. */
async function open(ctx: CliContext, values: Values): Promise<void> {
  await ctx.call('workspace.open', {
    path: absolute(requireOption(str(values, 'workspace'), 'workspace')),
    readOnly: true,
  });
}

function meetingId(values: Values): number {
  const id = intOption(requireOption(str(values, 'id'), 'id'), 'id');
  if (id === undefined || id < 1)
    throw new AppError('cli.badOption', { option: 'id', value: str(values, 'id') ?? '', expected: 'integer' });
  return id;
}

function format<F extends string>(values: Values, allowed: readonly F[]): F {
  const f = requireOption(str(values, 'format'), 'format');
  const found = allowed.find((a) => a === f);
  if (!found) throw new AppError('cli.badOption', { option: 'format', value: f, expected: allowed.join(' | ') });
  return found;
}

function when(ctx: CliContext, ms: number | null): string {
  return ms === null
    ? '—'
    : new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

async function list(ctx: CliContext, values: Values): Promise<number> {
  await open(ctx, values);
  const meetings = await ctx.call<MeetingSummary[]>('meetings.list', {});
  if (ctx.json) {
    ctx.out(JSON.stringify({ ok: true, value: meetings }, null, 2));
    return 0;
  }
  if (meetings.length === 0) ctx.out(ctx.t('meetings.cli.listEmpty'));
  for (const m of meetings) {
    ctx.out(
      ctx.t('meetings.cli.listLine', {
        id: m.id,
        week: m.week.week,
        status: ctx.t(`meetings.status.${m.status}`),
        title: m.title,
        decisions: m.decisionCount,
        items: m.actionItemCount,
        open: m.openItemCount,
      }),
    );
  }
  return 0;
}

async function show(ctx: CliContext, values: Values): Promise<number> {
  await open(ctx, values);
  const id = meetingId(values);
  const m = await ctx.call<MeetingDetail>('meetings.get', { id });
  const snapshot = await ctx.call<Snapshot | null>('meetings.snapshot', { id });
  if (ctx.json) {
    ctx.out(JSON.stringify({ ok: true, value: { meeting: m, snapshot } }, null, 2));
    return 0;
  }
  const { t } = ctx;
  const minutes = (ms: number) => t('minutes.minutes', { value: Math.round(ms / 60_000) });
  ctx.out(`${m.title}\n`);
  ctx.out(
    table([
      [t('meetings.cli.week'), `${m.week.week} (${m.week.from} – ${m.week.to})`],
      [t('meetings.cli.status'), t(`meetings.status.${m.status}`)],
      [t('meetings.cli.started'), when(ctx, m.startedAt)],
      [t('meetings.cli.ended'), when(ctx, m.endedAt)],
      [t('meetings.cli.figuresAsOf'), when(ctx, snapshot?.asOf ?? null)],
      [
        t('meetings.cli.attendees'),
        m.attendees.map((a) => `${a.name} (${t(`meetings.role.${a.role}`)})`).join(', ') || '—',
      ],
    ]),
  );
  ctx.out(`\n${t('minutes.agenda')}`);
  m.agenda.steps.forEach((s, i) =>
    ctx.out(
      `  ${i}. ${s.title ?? t(`meetings.step.${s.kind}`)} — ${minutes(s.spentMs)} / ${minutes(s.budgetMs)}${s.reachedAt === null ? ` — ${t('minutes.notReached')}` : ''}`,
    ),
  );
  if (snapshot) {
    ctx.out(`\n${t('minutes.scorecard')}`);
    for (const measure of snapshot.scorecard.measures) {
      const strip = measure.cells.map((c) => (c.status === 'met' ? '●' : c.status === 'missed' ? '✕' : '·')).join('');
      ctx.out(`  ${t(`meetings.measure.${measure.key}`)}: ${strip}`);
    }
    ctx.out(`  ${t('meetings.cli.stripLegend')}`);
  }
  ctx.out(`\n${t('minutes.decisions')}`);
  if (m.decisions.length === 0) ctx.out(`  ${t('minutes.none')}`);
  m.decisions.forEach((d, i) => ctx.out(`  ${i + 1}. ${d.text}`));
  ctx.out(`\n${t('minutes.actionItems')}`);
  if (m.actionItems.length === 0) ctx.out(`  ${t('minutes.none')}`);
  for (const a of m.actionItems)
    ctx.out(`  - [${t(`meetings.itemStatus.${a.status}`)}] ${a.text} — ${a.owner}${a.dueDate ? `, ${a.dueDate}` : ''}`);
  if (m.ratings.length) {
    ctx.out(`\n${t('minutes.ratings')}`);
    for (const r of m.ratings) ctx.out(`  ${r.attendee}: ${r.rating}`);
  }
  return 0;
}

async function write(
  ctx: CliContext,
  values: Values,
  wire: 'meetings.minutes' | 'meetings.exportActions',
  fileFormat: string,
): Promise<number> {
  const out = absolute(requireOption(str(values, 'out'), 'out'));
  checkOutput(out);
  await open(ctx, values);
  const file = await ctx.call<FileRef>(wire, { id: meetingId(values), format: fileFormat });
  deliver(ctx.runtime.files.pathOf(file.id), out);
  if (ctx.json) ctx.out(JSON.stringify({ ok: true, value: { path: out, bytes: file.sizeBytes } }, null, 2));
  else ctx.out(ctx.t('meetings.cli.written', { path: out }));
  return 0;
}

/** `meeting list|show|minutes|actions`: meetings from the command line (read-only). */
export const meetingCommand: Command = {
  async run(ctx, args) {
    const [sub, ...rest] = args;
    const { values } = parseOptions(rest, {
      workspace: { type: 'string' },
      id: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    if (sub === 'list') return list(ctx, values);
    if (sub === 'show') return show(ctx, values);
    if (sub === 'minutes') return write(ctx, values, 'meetings.minutes', format(values, ['md', 'pdf'] as const));
    if (sub === 'actions') return write(ctx, values, 'meetings.exportActions', format(values, ['csv', 'ics'] as const));
    if (sub !== undefined && sub !== 'help') throw new AppError('cli.unknownCommand', { command: `meeting ${sub}` });
    ctx.out(ctx.t('meetings.cli.help'));
    return 0;
  },
};
