import type { Workspace } from '../workspace/workspace';
import { computeReport, computeWeekFigures, type ReportOptions, type WeekOptions } from '../metrics/service';
import { LeadsRepository } from '../leads/repository';
import type { FacetValue } from '../../shared/leads/types';
import type { Report, WeekFigures } from '../../shared/metrics/types';
import { freezeDrills, type FrozenFigure } from './drill-freeze';
import { preview, type PreviewOptions } from '../definitions/preview';
import type { ImpactPreview } from '../../shared/definitions/types';

// A snapshot's reads are asked with arguments built by the same functions ahead and in the
// transaction, so equal arguments serialize equally.
const keys = {
  report: (options: ReportOptions) => `report ${JSON.stringify(options)}`,
  week: (options: WeekOptions) => `week ${JSON.stringify(options)}`,
  facet: (field: string, limit: number) => `facet ${field} ${limit}`,
  drills: (report: Report) => `drills ${report.period.from} ${report.period.to} ${report.as_of}`,
  preview: (options: PreviewOptions) => `preview ${JSON.stringify(options)}`,
};

/**
 * What a snapshot reads from the workspace (reports, weeks, the breakdowns' values, the drill-down
 * leads, the proposals' impact previews), each read once. A meeting's start fills it ahead, mostly
 * on the report threads (`readSnapshotAhead`); what it does not hold is read on the workspace's
 * connection when asked, so freezing gives the same snapshot either way.
 */
export class SnapshotReads {
  private readonly values = new Map<string, unknown>();

  constructor(private readonly ws: Workspace) {}

  report(options: ReportOptions): Report {
    return this.once(keys.report(options), () => computeReport(this.ws, options));
  }

  week(options: WeekOptions): WeekFigures {
    return this.once(keys.week(options), () => computeWeekFigures(this.ws, options));
  }

  /** The largest values of a lead field as `leads.facets` lists them (count, then value). */
  facet(field: string, limit: number): FacetValue[] {
    // From the repository, not through the facet cache: that cache must not keep answers read
    // inside a transaction.
    return this.once(keys.facet(field, limit), () => this.ws.repo(LeadsRepository).facet(field, limit).values);
  }

  /** The leads behind every figure of the week's report (see `freezeDrills`). */
  drills(report: Report): FrozenFigure[] {
    return this.once(keys.drills(report), () => freezeDrills(this.ws, report));
  }

  /** A proposed revision's impact preview. */
  preview(options: PreviewOptions): ImpactPreview {
    return this.once(keys.preview(options), () => preview(this.ws, options));
  }

  /** Values read elsewhere (on a thread) for exactly these arguments. */
  rememberReport(options: ReportOptions, report: Report): void {
    this.values.set(keys.report(options), report);
  }

  rememberWeek(options: WeekOptions, figures: WeekFigures): void {
    this.values.set(keys.week(options), figures);
  }

  rememberDrills(report: Report, drills: FrozenFigure[]): void {
    this.values.set(keys.drills(report), drills);
  }

  rememberPreview(options: PreviewOptions, impact: ImpactPreview): void {
    this.values.set(keys.preview(options), impact);
  }

  private once<T>(key: string, read: () => T): T {
    if (!this.values.has(key)) this.values.set(key, read());
    return this.values.get(key) as T;
  }
}
