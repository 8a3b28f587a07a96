import type { Workspace } from '../workspace/workspace';
import { drilldown } from '../metrics/drilldown';
import { NoWorkingTimeError } from '../../shared/calendar/business-hours';
import { AppError } from '../../shared/errors';
import type { ParsedLeadQuery } from '../../shared/leads/types';

/** Reads a figure's leads through the metrics drill-down, so the explorer lists exactly the leads the figure counts. */
export function figureLeadIds(ws: Workspace, scope: NonNullable<ParsedLeadQuery['figure']>): number[] {
  try {
    const page = drilldown(ws, {
      from: scope.from,
      to: scope.to,
      filters: scope.filters,
      withinDays: scope.withinDays,
      asOf: scope.asOf,
      figure: scope.figure,
      offset: 0,
      // Every row at once: this runs once per query, and the ids go straight into a temp table.
      limit: Number.MAX_SAFE_INTEGER,
    });
    return [...new Set(page.leads.map((l) => l.id))];
  } catch (e) {
    // A calendar without working time fails inside SQL's business-hours functions as a plain Error.
    if (e instanceof NoWorkingTimeError || (e instanceof Error && e.name === 'NoWorkingTimeError'))
      throw new AppError('calendar.noWorkingTime');
    throw e;
  }
}
