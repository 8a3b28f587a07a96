import type { Workspace } from '../workspace/workspace';
import { computeReport, computeWeekFigures, type ReportOptions, type WeekOptions } from '../metrics/service';
import type { Report, WeekFigures } from '../../shared/metrics/types';

// The options of a snapshot's reads are built by the same functions ahead and in the transaction,
// so equal options serialize equally.
const reportKey = (options: ReportOptions) => `report ${JSON.stringify(options)}`;
const weekKey = (options: WeekOptions) => `week ${JSON.stringify(options)}`;

/**
 * The reports and week figures a snapshot reads, each computed once. A meeting's start fills it
 * ahead on the report threads (`readSnapshotAhead`); what it does not hold is computed on the
 * workspace's connection when asked, so freezing gives the same snapshot either way.
 */
export class SnapshotReads {
  private readonly values = new Map<string, Report | WeekFigures>();

  constructor(private readonly ws: Workspace) {}

  report(options: ReportOptions): Report {
    return this.once(reportKey(options), () => computeReport(this.ws, options)) as Report;
  }

  week(options: WeekOptions): WeekFigures {
    return this.once(weekKey(options), () => computeWeekFigures(this.ws, options));
  }

  /** A report computed elsewhere (on a thread) for exactly these options. */
  rememberReport(options: ReportOptions, report: Report): void {
    this.values.set(reportKey(options), report);
  }

  rememberWeek(options: WeekOptions, figures: WeekFigures): void {
    this.values.set(weekKey(options), figures);
  }

  private once(key: string, compute: () => Report | WeekFigures): Report | WeekFigures {
    let value = this.values.get(key);
    if (value === undefined) {
      value = compute();
      this.values.set(key, value);
    }
    return value;
  }
}
