import type { Workspace } from '../workspace/workspace';
import { drilldown } from '../metrics/drilldown';
import { figureKey } from '../../shared/meetings/figure-key';
import type { DrillLead, FigureRef, Report } from '../../shared/metrics/types';

/**
 * Figures with at most this many leads keep their leads in the snapshot: the SLA, conversion and
 * win/loss figures of a weekly review mostly are (a mid-size team hands over ~120 leads a week). A
 * figure above it keeps its total, and its drill-down reads the data as of the snapshot's instant
 * (see `meetings.drilldown`). The limit bounds a snapshot's drill-downs to a few MB.
 */
export const FROZEN_DRILL_LIMIT = 500;

export interface FrozenFigure {
  readonly figure: FigureRef;
  readonly key: string;
  readonly total: number;
  readonly complete: boolean;
  readonly leads: readonly DrillLead[];
}

const SIDES = ['denominator', 'met', 'breached', 'pending'] as const;

/**
 * The leads behind every figure the agenda shows for the reviewed week, read with the same
 * predicates as `metrics.drilldown` (so totals equal the figures). A figure the report already
 * counts above the limit is not read at all (on a large workspace most weekly flows are). Per-owner
 * follow-up and per-reason win/loss lists are cut from their complete parent list when there is
 * one: the parent rows carry the owner and reason they are grouped by.
 */
export function freezeDrills(ws: Workspace, report: Report, limit = FROZEN_DRILL_LIMIT): FrozenFigure[] {
  const scope = { from: report.period.from, to: report.period.to, filters: {}, withinDays: null, asOf: report.as_of };
  const out: FrozenFigure[] = [];
  const read = (figure: FigureRef, counted: number | null = null): FrozenFigure => {
    if (counted !== null && counted > limit) {
      const f = { figure, key: figureKey(figure), total: counted, complete: false, leads: [] };
      out.push(f);
      return f;
    }
    const page = drilldown(ws, { ...scope, figure, offset: 0, limit });
    const complete = page.total <= limit;
    const f = { figure, key: figureKey(figure), total: page.total, complete, leads: complete ? page.leads : [] };
    out.push(f);
    return f;
  };
  const derive = (figure: FigureRef, counted: number, parent: FrozenFigure, keep: (l: DrillLead) => boolean) => {
    if (!parent.complete) return read(figure, counted);
    const leads = parent.leads.filter(keep);
    out.push({ figure, key: figureKey(figure), total: leads.length, complete: true, leads });
  };

  for (const [stage, n] of Object.entries(report.flow)) read({ type: 'flow', stage }, n);
  read({ type: 'entries', kind: 'won' }, report.kpis.deals_won);
  read({ type: 'entries', kind: 'lost' }, report.kpis.lost_deals);
  for (const c of report.conversion) {
    read({ type: 'conversion', from: c.from, to: c.to, side: 'denominator' }, c.denominator);
    read({ type: 'conversion', from: c.from, to: c.to, side: 'numerator' }, c.numerator);
    read({ type: 'conversion', from: c.from, to: c.to, side: 'open' }, c.open);
  }
  for (const [stage, n] of Object.entries(report.stalled)) read({ type: 'stalled', stage }, n);
  const f = report.sla.followup;
  const followCounts = { denominator: f.handed_over, met: f.met, breached: f.breached, pending: f.pending };
  for (const side of SIDES) {
    const all = read({ type: 'followup', side }, followCounts[side]);
    for (const o of f.by_owner) {
      const counted = { denominator: o.handed_over, met: o.met, breached: o.breached, pending: o.pending }[side];
      derive({ type: 'followup', side, owner: o.owner }, counted, all, (l) => l.owner === o.owner);
    }
  }
  read({ type: 'arbitration' }, report.sla.arbitration.count);
  read({ type: 'quality', side: 'denominator' }, report.sla.quality.denominator);
  read({ type: 'quality', side: 'numerator' }, report.sla.quality.numerator);
  read({ type: 'recycling', side: 'denominator' }, report.sla.recycling.denominator);
  read({ type: 'recycling', side: 'numerator' }, report.sla.recycling.numerator);
  for (const outcome of ['won', 'lost'] as const) {
    const rows = report.winloss.filter((x) => x.outcome === outcome);
    const all = read(
      { type: 'winloss', outcome },
      rows.reduce((a, w) => a + w.count, 0),
    );
    for (const w of rows)
      derive({ type: 'winloss', outcome, reason: w.reason }, w.count, all, (l) => l.reason === w.reason);
  }
  read({ type: 'lifetime' }, report.kpis.lead_lifetime.n);
  return out;
}
