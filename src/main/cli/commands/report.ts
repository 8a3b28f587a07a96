import type { Command } from '../main';
import { absolute, parseOptions, requireOption, table, type CliContext } from '../io';
import {
  FILTER_FIELDS,
  figureRef,
  type DrillPage,
  type FigureRef,
  type Filters,
  type PeriodFigures,
  type Report,
  WATERFALL_MOVEMENTS,
} from '../../../shared/metrics/types';
import type { ProportionChange } from '../../../shared/metrics/stats';
import { AppError } from '../../../shared/errors';
import { localized } from '../../../shared/i18n';
import type { LocalizedText } from '../../../shared/domain/types';

/** `--filter key=value` (repeatable; repeated keys are alternatives; `custom.NAME=value` for CRM fields). */
export function parseFilters(specs: readonly string[]): Filters {
  const out: Record<string, string[]> = {};
  const custom: Record<string, string[]> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const key = eq > 0 ? spec.slice(0, eq).trim() : '';
    const value = eq > 0 ? spec.slice(eq + 1).trim() : '';
    if (!key || !value) throw new AppError('metrics.badFilter', { filter: spec });
    if (key.startsWith('custom.') && key.length > 7) (custom[key.slice(7)] ??= []).push(value);
    else if ((FILTER_FIELDS as readonly string[]).includes(key)) (out[key] ??= []).push(value);
    else throw new AppError('metrics.badFilter', { filter: spec });
  }
  return { ...out, ...(Object.keys(custom).length ? { custom } : {}) };
}

/** `--drill` specs: flow:STAGE, entries:won|lost, conversion:FROM:TO:SIDE, stalled:STAGE, followup:SIDE[:OWNER], arbitration, ... */
export function parseDrill(spec: string, by?: string): FigureRef {
  const [type, ...a] = spec.split(':');
  const candidate: Record<string, unknown> = { type };
  if (type === 'flow' || type === 'stalled') candidate.stage = a[0];
  else if (type === 'conversion') Object.assign(candidate, { from: a[0], to: a[1], side: a[2] ?? 'denominator' });
  else if (type === 'followup')
    Object.assign(candidate, { side: a[0] ?? 'denominator', ...(a.length > 1 ? { owner: a.slice(1).join(':') } : {}) });
  else if (type === 'quality' || type === 'recycling') candidate.side = a[0] ?? 'denominator';
  else if (type === 'entries') candidate.kind = a[0];
  else if (type === 'winloss')
    Object.assign(candidate, { outcome: a[0], ...(a.length > 1 ? { reason: a.slice(1).join(':') } : {}) });
  else if (type === 'waterfall') Object.assign(candidate, { stage: a[0], movement: a[1] ?? 'end' });
  else if (type !== 'arbitration' && type !== 'lifetime') throw new AppError('metrics.badDrill', { spec });
  if (by !== undefined) {
    // `--drill-by FIELD=VALUE`: one cell of a win/loss breakdown; an empty value is the cell without one.
    const eq = by.indexOf('=');
    if (type !== 'winloss' || eq <= 0) throw new AppError('metrics.badDrill', { spec: `${spec} ${by}` });
    candidate.by = { field: by.slice(0, eq).trim(), value: by.slice(eq + 1).trim() || null };
  }
  const parsed = figureRef.safeParse(candidate);
  if (!parsed.success) throw new AppError('metrics.badDrill', { spec: by === undefined ? spec : `${spec} ${by}` });
  return parsed.data;
}

function pct(ctx: CliContext, v: number | null): string {
  return v === null
    ? '—'
    : new Intl.NumberFormat(ctx.locale, {
        style: 'percent',
        maximumFractionDigits: 1,
        minimumFractionDigits: 1,
      }).format(v);
}
function num(ctx: CliContext, v: number | null | undefined, digits = 0): string {
  return v === null || v === undefined
    ? '—'
    : new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(v);
}
function change(ctx: CliContext, c: ProportionChange | null | undefined): string {
  if (!c || c.diff === null) return '—';
  const points = new Intl.NumberFormat(ctx.locale, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'always',
  }).format(c.diff * 100);
  return `${ctx.t('metrics.cli.points', { value: points })}${c.significant ? ' *' : ''}`;
}
function date(ctx: CliContext, ms: number | null, zone: string): string {
  return ms === null
    ? '—'
    : new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'short', timeStyle: 'short', timeZone: zone }).format(ms);
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return n;
}

/** A table with a header row and aligned columns (numbers right-aligned). */
export function grid(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const width = header.map((h, i) => Math.max(columns(h), ...rows.map((r) => columns(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c + ' '.repeat(width[i]! - columns(c)) : ' '.repeat(width[i]! - columns(c)) + c))
      .join('  ');
  return [line(header), width.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

let labels = new Map<string, LocalizedText>();
function stageName(ctx: CliContext, key: string): string {
  const l = labels.get(key);
  return l ? localized(l, ctx.locale) : key;
}

function human(ctx: CliContext, r: Report): string {
  const { t } = ctx;
  labels = new Map(r.stages.map((s) => [s.key, s.labels]));
  const out: string[] = [];
  const section = (title: string, body: string) => out.push(`\n${title}\n${body}`);
  const other = (p: PeriodFigures | null) => (p ? `${p.period.from} … ${p.period.to}` : '—');
  out.push(
    t('metrics.cli.title', { from: r.period.from, to: r.period.to, kind: t(`metrics.period.${r.period.kind}`) }),
    table([
      [t('metrics.cli.asOf'), date(ctx, r.as_of, r.time_zone)],
      [t('metrics.cli.timeZone'), r.time_zone],
      [t('metrics.cli.previous'), other(r.previous)],
      [t('metrics.cli.yearAgo'), other(r.year_ago)],
      [t('metrics.cli.filters'), Object.keys(r.filters).length ? JSON.stringify(r.filters) : t('metrics.cli.none')],
      ...(r.within_days !== null
        ? [[t('metrics.cli.within'), t('metrics.cli.days', { value: num(ctx, r.within_days, 1) })] as [string, string]]
        : []),
    ]),
  );
  section(
    t('metrics.flow.title'),
    grid(
      [t('metrics.cli.stage'), t('metrics.flow.entries'), t('metrics.cli.previous'), t('metrics.cli.yearAgo')],
      Object.entries(r.flow).map(([k, v]) => [
        stageName(ctx, k),
        num(ctx, v),
        num(ctx, r.previous?.flow[k]),
        num(ctx, r.year_ago?.flow[k]),
      ]),
    ),
  );
  section(
    t('metrics.conversion.title'),
    grid(
      [
        t('metrics.cli.pair'),
        t('metrics.cli.rate'),
        t('metrics.cli.ci'),
        t('metrics.cli.ratio'),
        t('metrics.conversion.open'),
        t('metrics.cli.vsPrevious'),
        t('metrics.cli.vsYearAgo'),
      ],
      r.conversion.map((c) => [
        `${stageName(ctx, c.from)} → ${stageName(ctx, c.to)}${c.small ? ` (${t('metrics.cli.small')})` : ''}`,
        pct(ctx, c.rate),
        c.ci_low === null ? '—' : `${pct(ctx, c.ci_low)}–${pct(ctx, c.ci_high)}`,
        `${num(ctx, c.numerator)}/${num(ctx, c.denominator)}`,
        pct(ctx, c.open_share),
        change(ctx, c.vs_previous),
        change(ctx, c.vs_year_ago),
      ]),
    ) + `\n${t('metrics.cli.significantNote')}`,
  );
  section(
    t('metrics.velocity.title'),
    grid(
      [t('metrics.cli.pair'), t('metrics.velocity.n'), t('metrics.velocity.median'), t('metrics.velocity.p75')],
      [
        ...r.velocity.map((v) => [
          `${stageName(ctx, v.from)} → ${stageName(ctx, v.to)}`,
          num(ctx, v.n),
          num(ctx, v.median_days, 1),
          num(ctx, v.p75_days, 1),
        ]),
        [
          t('metrics.kpi.lead_lifetime'),
          num(ctx, r.kpis.lead_lifetime.n),
          num(ctx, r.kpis.lead_lifetime.median_days, 1),
          num(ctx, r.kpis.lead_lifetime.p75_days, 1),
        ],
      ],
    ),
  );
  const f = r.sla.followup;
  const terms =
    r.sla.terms.kind === 'revision'
      ? t('metrics.sla.termsRevision', { key: r.sla.terms.definition_key, version: r.sla.terms.version })
      : t('metrics.sla.termsDefault');
  section(
    t('metrics.sla.title'),
    [
      table([
        [t('metrics.sla.terms'), terms],
        [
          t('metrics.sla.followup'),
          t('metrics.sla.followupLine', {
            hours: num(ctx, f.business_hours, 1),
            clock: t(`metrics.sla.clock.${f.clock_start}`),
            met: num(ctx, f.met),
            breached: num(ctx, f.breached),
            pending: num(ctx, f.pending),
            rate: pct(ctx, f.rate),
            ci: f.ci_low === null ? '—' : `${pct(ctx, f.ci_low)}–${pct(ctx, f.ci_high)}`,
          }) + `  ${t('metrics.cli.vsPrevious')}: ${change(ctx, f.vs_previous)}`,
        ],
        [
          t('metrics.sla.routingDelay'),
          t('metrics.sla.delayLine', {
            n: num(ctx, f.routing_delay.n),
            median: num(ctx, f.routing_delay.median_hours, 1),
            p75: num(ctx, f.routing_delay.p75_hours, 1),
          }),
        ],
        [
          t('metrics.sla.repDelay'),
          t('metrics.sla.delayLine', {
            n: num(ctx, f.rep_delay.n),
            median: num(ctx, f.rep_delay.median_hours, 1),
            p75: num(ctx, f.rep_delay.p75_hours, 1),
          }),
        ],
        [
          t('metrics.sla.volume'),
          t('metrics.sla.volumeLine', {
            actual: num(ctx, r.sla.volume.actual),
            target: num(ctx, r.sla.volume.target, 1),
            weekly: num(ctx, r.sla.volume.weekly_target),
          }) + (r.sla.volume.met ? '' : ` — ${t('metrics.sla.belowTarget')}`),
        ],
        [
          t('metrics.sla.quality'),
          t('metrics.sla.qualityLine', {
            rate: pct(ctx, r.sla.quality.rate),
            n: num(ctx, r.sla.quality.numerator),
            d: num(ctx, r.sla.quality.denominator),
            target: pct(ctx, r.sla.quality.target),
          }) + (r.sla.quality.below_target_significant ? ` — ${t('metrics.sla.belowTargetSignificant')}` : ''),
        ],
        [
          t('metrics.sla.recycling'),
          t('metrics.sla.recyclingLine', {
            compliant: num(ctx, r.sla.recycling.numerator),
            rejected: num(ctx, r.sla.recycling.rejected),
            withReason: num(ctx, r.sla.recycling.with_reason),
            inWindow: num(ctx, r.sla.recycling.within_window),
            hours: num(ctx, r.sla.recycling.business_hours, 1),
            rate: pct(ctx, r.sla.recycling.rate),
          }),
        ],
        [t('metrics.sla.arbitration'), num(ctx, r.sla.arbitration.count)],
      ]),
      '',
      grid(
        [
          t('metrics.sla.owner'),
          t('metrics.sla.handedOver'),
          t('metrics.sla.met'),
          t('metrics.sla.breached'),
          t('metrics.sla.pending'),
          t('metrics.cli.rate'),
        ],
        f.by_owner.map((o) => [
          `${o.owner ?? t('metrics.cli.unassigned')}${o.small ? ` (${t('metrics.cli.small')})` : ''}`,
          num(ctx, o.handed_over),
          num(ctx, o.met),
          num(ctx, o.breached),
          num(ctx, o.pending),
          pct(ctx, o.rate),
        ]),
      ),
    ].join('\n'),
  );
  section(
    t('metrics.stalled.title'),
    grid(
      [t('metrics.cli.stage'), t('metrics.stalled.count')],
      Object.entries(r.stalled).map(([k, v]) => [stageName(ctx, k), num(ctx, v)]),
    ),
  );
  section(
    t('metrics.waterfall.title'),
    grid(
      ['', ...r.waterfall.map((w) => stageName(ctx, w.stage))],
      WATERFALL_MOVEMENTS.map((k) => [t(`metrics.waterfall.${k}`), ...r.waterfall.map((w) => num(ctx, w[k]))]),
    ),
  );
  section(
    t('metrics.winloss.title'),
    grid(
      [
        t('metrics.winloss.outcome'),
        t('metrics.winloss.reason'),
        t('metrics.winloss.count'),
        t('metrics.winloss.share'),
      ],
      r.winloss.map((w) => [
        t(`metrics.winloss.${w.outcome}`),
        w.reason === '(none)'
          ? t('metrics.winloss.noReason')
          : w.reason === '(uncoded)'
            ? t('metrics.winloss.uncoded')
            : w.reason,
        num(ctx, w.count),
        pct(ctx, w.share),
      ]),
    ) +
      `\n${t('metrics.winloss.noReasonShare', { rate: pct(ctx, r.no_reason.rate), n: num(ctx, r.no_reason.numerator), d: num(ctx, r.no_reason.denominator) })}`,
  );
  const k = r.kpis;
  section(
    t('metrics.kpi.title'),
    table([
      [t('metrics.kpi.deals_won'), num(ctx, k.deals_won)],
      [t('metrics.kpi.sal'), num(ctx, k.sal)],
      [t('metrics.kpi.sql'), num(ctx, k.sql)],
      [t('metrics.kpi.demos'), num(ctx, k.demos)],
      [t('metrics.kpi.lost_deals'), num(ctx, k.lost_deals)],
      [
        t('metrics.kpi.time_to_proposal'),
        k.time_to_proposal ? t('metrics.cli.days', { value: num(ctx, k.time_to_proposal.median_days, 1) }) : '—',
      ],
      [
        t('metrics.kpi.time_to_contract'),
        k.time_to_contract ? t('metrics.cli.days', { value: num(ctx, k.time_to_contract.median_days, 1) }) : '—',
      ],
    ]),
  );
  if (r.cost.length)
    section(
      t('metrics.cost.title'),
      r.cost
        .map((c) =>
          grid(
            [
              t('metrics.cost.channel'),
              `${t('metrics.cost.spend')} (${c.currency})`,
              t('metrics.cost.perLead'),
              t('metrics.cost.perMql'),
              t('metrics.cost.perSql'),
              t('metrics.cost.perWon'),
            ],
            [
              [
                t('metrics.cost.total'),
                num(ctx, c.spend, 2),
                num(ctx, c.per_lead, 2),
                num(ctx, c.per_mql, 2),
                num(ctx, c.per_sql, 2),
                num(ctx, c.per_won, 2),
              ],
              ...c.by_channel.map((ch) => [
                ch.channel,
                num(ctx, ch.spend, 2),
                num(ctx, ch.leads ? ch.spend / ch.leads : null, 2),
                num(ctx, ch.mqls ? ch.spend / ch.mqls : null, 2),
                num(ctx, ch.sqls ? ch.spend / ch.sqls : null, 2),
                num(ctx, ch.won ? ch.spend / ch.won : null, 2),
              ]),
            ],
          ),
        )
        .join('\n\n'),
    );
  return out.join('\n');
}

function humanDrill(ctx: CliContext, page: DrillPage, zone: string): string {
  const { t } = ctx;
  return [
    t('metrics.drill.title', {
      total: num(ctx, page.total),
      from: num(ctx, page.total ? page.offset + 1 : 0),
      to: num(ctx, page.offset + page.leads.length),
    }),
    grid(
      [
        t('metrics.drill.externalId'),
        t('metrics.drill.owner'),
        t('metrics.drill.segment'),
        t('metrics.drill.source'),
        t('metrics.drill.entered'),
        t('metrics.drill.reached'),
        t('metrics.drill.reason'),
      ],
      page.leads.map((l) => [
        l.external_id,
        l.owner ?? '—',
        l.segment ?? '—',
        l.source ?? '—',
        date(ctx, l.entered_at, zone),
        date(ctx, l.reached_at, zone),
        l.reason ?? '—',
      ]),
    ),
  ].join('\n');
}

/** `funnel-review report --workspace W --from D --to D [--filter k=v]... [--within DAYS] [--drill SPEC] [--json]`. */
export const reportCommand: Command = {
  async run(ctx, args) {
    const { values } = parseOptions(args, {
      workspace: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      filter: { type: 'string', multiple: true },
      within: { type: 'string' },
      'as-of': { type: 'string' },
      'no-compare': { type: 'boolean' },
      drill: { type: 'string' },
      'drill-by': { type: 'string' },
      offset: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean' },
    });
    if (values.help) {
      ctx.out(ctx.t('metrics.cli.help'));
      return 0;
    }
    const file = absolute(requireOption(values.workspace, 'workspace'));
    const from = requireOption(values.from, 'from');
    const to = requireOption(values.to, 'to');
    const within = values.within === undefined ? null : Number(values.within);
    if (within !== null && !(Number.isFinite(within) && within > 0))
      throw new AppError('cli.badOption', { option: 'within', value: values.within ?? '', expected: 'days > 0' });
    let asOf: number | undefined;
    if (values['as-of'] !== undefined) {
      asOf = /^\d+$/.test(values['as-of']) ? Number(values['as-of']) : Date.parse(values['as-of']);
      if (!Number.isFinite(asOf))
        throw new AppError('cli.badOption', { option: 'as-of', value: values['as-of'], expected: 'ISO date-time' });
    }
    const scope = {
      from,
      to,
      filters: parseFilters(values.filter ?? []),
      withinDays: within,
      ...(asOf !== undefined ? { asOf } : {}),
    };
    // Read-only: a report must never change the workspace (not even a migration).
    const info = await ctx.call<{ timeZone: string }>('workspace.open', { path: file, readOnly: true });
    if (values.drill) {
      const intOf = (v: string | undefined, name: string, fallback: number) => {
        if (v === undefined) return fallback;
        if (!/^\d+$/.test(v)) throw new AppError('cli.badOption', { option: name, value: v, expected: 'integer' });
        return Number(v);
      };
      const page = await ctx.call<DrillPage>('metrics.drilldown', {
        ...scope,
        figure: parseDrill(values.drill, values['drill-by']),
        offset: intOf(values.offset, 'offset', 0),
        limit: intOf(values.limit, 'limit', 50),
      });
      ctx.out(ctx.json ? JSON.stringify({ ok: true, value: page }, null, 2) : humanDrill(ctx, page, info.timeZone));
      return 0;
    }
    const report = await ctx.call<Report>('metrics.report', { ...scope, compare: !values['no-compare'] });
    ctx.out(ctx.json ? JSON.stringify(report, null, 2) : human(ctx, report));
    return 0;
  },
};
