import { z } from 'zod';
import { method } from '../contract/define';
import {
  drilldownInput,
  flowInput,
  reportInput,
  weekInput,
  type DrillPage,
  type FlowFigures,
  type Report,
  type WeekFigures,
} from './types';

export interface SpendImportResult {
  readonly rows: number;
  readonly inserted: number;
  readonly replaced: number;
  readonly months: number;
  readonly channels: number;
}

export interface SpendRow {
  readonly channel: string;
  readonly month: string;
  readonly amount: number;
  readonly currency: string;
}

export const metricsContract = {
  /** Every figure of the weekly review for a period, with filters and comparisons (DESIGN.md "Metrics"). */
  report: method<Report>()({
    input: reportInput,
    doc: 'Funnel, SLA and win/loss figures for a period, with comparisons.',
  }),
  /** The part of a report a weekly trend point or a breakdown row reads, at a fraction of its cost. */
  week: method<WeekFigures>()({
    input: weekInput,
    doc: 'Flow, conversion, velocity and SLA figures of one period, without comparisons.',
  }),
  /** Entries into each stage over a period, alone: a fraction of a report's cost over years of history. */
  flow: method<FlowFigures>()({
    input: flowInput,
    doc: 'Entries into each stage within a period (the period flow alone).',
  }),
  /** The leads behind one figure's numerator or denominator, a page at a time. */
  drilldown: method<DrillPage>()({ input: drilldownInput, doc: 'List the leads behind a figure (paged).' }),
  /** Imports marketing spend from a CSV (channel, month, amount, currency); replaces the same channel and month. */
  importSpend: method<SpendImportResult>()({
    input: z.object({ fileId: z.string().uuid() }).strict(),
    doc: 'Import marketing spend by channel and month from a CSV file.',
    writes: true,
  }),
  /** Marketing spend as stored, by month and channel. */
  spend: method<SpendRow[]>()({ input: z.object({}).strict(), doc: 'Imported marketing spend by channel and month.' }),
};
