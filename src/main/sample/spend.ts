import type { Workspace } from '../workspace/workspace';
import { SpendRepository } from '../metrics/spend';
import type { SpendRow } from '../../shared/metrics/contract';
import { isoDate } from './calendar';
import { mixSeed, Random } from './random';
import { SOURCES } from './catalog';
import type { SampleRepository } from './repository';
import type { Timeline } from './timeline';

/**
 * What the sample's marketing team pays per lead of each paid channel, in USD (ads, the webinar
 * platform and its promotion, trade-show booths, content for the website). Referrals and outbound
 * cost nothing in the marketing budget.
 */
const PRICE_PER_LEAD: Readonly<Record<string, number>> = {
  paid_search: 58,
  webinar: 36,
  events: 175,
  web_form: 12,
};

/**
 * A year of monthly spend by channel, as a marketing team sets it: each month's budget is the
 * channel's average month of leads at its price, give or take 15%. A budget does not follow the
 * leads, so a month with fewer of them (the broken web form) costs more per lead, as it would.
 * Written as a spend import would, so Funnel and the CLI show cost per lead, MQL, SQL and won deal.
 */
export function insertSpend(ws: Workspace, repo: SampleRepository, timeline: Timeline, seed: number): number {
  const months = [
    ...new Set(
      Array.from({ length: timeline.endDay - timeline.startDay + 1 }, (_, i) =>
        isoDate(timeline.startDay + i).slice(0, 7),
      ),
    ),
  ];
  const leads = new Map(repo.leadsBySource().map((r) => [r.source, r.n]));
  const rng = new Random(mixSeed(seed, 0x5e4d));
  const rows: SpendRow[] = [];
  for (const source of SOURCES) {
    const price = PRICE_PER_LEAD[source.key];
    const n = leads.get(source.label) ?? 0;
    if (price === undefined || n === 0) continue;
    const budget = (n / months.length) * price;
    for (const month of months)
      rows.push({
        channel: source.label,
        month,
        amount: Math.round(budget * rng.between(0.85, 1.15)),
        currency: 'USD',
      });
  }
  // Imported as the sample's leads were: the evening of its last day.
  return ws.repo(SpendRepository).save(rows, 'sample-spend.csv', timeline.office.at(timeline.endDay, 19)).rows;
}
