import type { FigureRef, Filters, Report } from '../../shared/metrics/types';

/** The scope a drill-down reads with: the report's own period, filters, window and instant. */
export interface DrillScope {
  readonly from: string;
  readonly to: string;
  readonly filters: Filters;
  readonly withinDays: number | null;
  /** The instant the report read the data at, so the list holds exactly the leads it counted. */
  readonly asOf: number;
}

export function drillScopeOf(report: Pick<Report, 'period' | 'filters' | 'within_days' | 'as_of'>): DrillScope {
  return {
    from: report.period.from,
    to: report.period.to,
    filters: report.filters,
    withinDays: report.within_days,
    asOf: report.as_of,
  };
}

/** A figure a view asks to open: the side shown first, and the other sides the panel offers. */
export interface DrillRequest {
  readonly figure: FigureRef;
  /** What the list is, e.g. "MQL → SAL: reached SAL". */
  readonly title: string;
  readonly explanation?: string;
  /** Other sides of the same figure (numerator, denominator, still open), each with its label. */
  readonly sides?: ReadonlyArray<{ readonly label: string; readonly figure: FigureRef }>;
  /** A figure of another period or filter than the report's (a week of the trend, one source of a breakdown). */
  readonly scope?: Partial<Pick<DrillScope, 'from' | 'to' | 'filters'>>;
}

/** The scope a request reads with: the report's, with the request's own period or filters where it has them. */
export function requestScope(base: DrillScope, request: DrillRequest): DrillScope {
  return { ...base, ...request.scope };
}

/** Which times a drill-down row shows, by the kind of figure. */
export type DrillColumns = 'conversion' | 'followup' | 'closing' | 'span';

export function drillColumns(figure: FigureRef): DrillColumns {
  switch (figure.type) {
    case 'followup':
    case 'arbitration':
    case 'recycling':
      return 'followup';
    case 'winloss':
      return 'closing';
    case 'stalled':
    case 'waterfall':
    case 'flow':
    case 'entries':
      return 'span';
    default:
      return 'conversion';
  }
}
