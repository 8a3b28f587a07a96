import { DAY, isYearEndBreak, monthDay, weekday } from './calendar';
import {
  COUNTRIES,
  INDUSTRIES,
  SEGMENTS,
  SOURCES,
  WEBINAR_TOPICS,
  type Country,
  type Segment,
  type Source,
} from './catalog';
import { Random, WeightedTable, mixSeed, pickWeighted } from './random';
import type { Timeline } from './timeline';

/** A lead as marketing captured it, before anything happened to it. */
export interface LeadDraft {
  readonly createdAt: number;
  readonly source: Source;
  readonly campaign: string;
  readonly country: Country;
  readonly segment: Segment;
  readonly industry: string;
  readonly employees: number;
  /** Latent buying intent and fit: drives every conversion; the score only measures it noisily. */
  readonly quality: number;
  readonly score: number;
  /** The lead's own random stream, so its story does not depend on any other lead. */
  readonly rng: Random;
}

// Volume shape of a year: quieter weekends, holiday months and year-end break, a little growth.
const WEEKDAY_FACTOR = [0.22, 1, 1.1, 1.08, 1.02, 0.85, 0.28];
const MONTH_FACTOR = [0.85, 0.92, 1.08, 1, 1.05, 1, 0.9, 0.85, 1.08, 1.1, 1.05, 0.75];
/** Leads per event day, relative to an ordinary day's mix, over the week after the show. */
const EVENT_PROFILE = [0.6, 1.6, 1.4, 1, 0.8, 0.4, 0.2];
const EVENT_WEIGHT = 80;
/** During the dip the website form was broken: form and paid-search leads (which land on it) mostly vanished. */
const DIP_FACTOR = 0.15;

const countryTable = new WeightedTable(COUNTRIES.map((c) => [c, c.weight] as const));
const segmentTable = new WeightedTable(SEGMENTS.map((s) => [s, s.weight] as const));
const outboundSegmentTable = new WeightedTable(
  SEGMENTS.map((s) => [s, s.name === 'SMB' ? 8 : s.name === 'Mid-market' ? 50 : 42] as const),
);
const industryTable = new WeightedTable(INDUSTRIES);
const campaignTables = new Map(
  SOURCES.filter((s) => s.campaigns.length > 0).map((s) => [
    s.key,
    new WeightedTable(s.campaigns.map((c, i) => [c, 1 / (i + 1)] as const)),
  ]),
);

export function isDipDay(day: number, timeline: Timeline): boolean {
  return day >= timeline.dipFromDay && day <= timeline.dipToDay;
}

function eventOf(day: number, timeline: Timeline): { name: string; weight: number } | null {
  for (const e of timeline.events) {
    const k = day - e.day;
    const profile = EVENT_PROFILE[k];
    if (profile !== undefined) return { name: e.name, weight: EVENT_WEIGHT * e.size * profile };
  }
  return null;
}

/** Relative weight of each source on a day (parallel to SOURCES). */
export function sourceWeights(day: number, timeline: Timeline): number[] {
  const dip = isDipDay(day, timeline);
  const event = eventOf(day, timeline);
  return SOURCES.map((s) => {
    if (s.key === 'events') return event?.weight ?? 0;
    if (dip && (s.key === 'web_form' || s.key === 'paid_search')) return s.weight * DIP_FACTOR;
    return s.weight;
  });
}

/**
 * How many leads were created on each day of the year, summing exactly to `total`. Cumulative
 * rounding keeps the sum exact without a second pass.
 */
export function dailyCounts(timeline: Timeline, total: number, seed: number): Int32Array {
  const days = timeline.endDay - timeline.startDay + 1;
  const weights = new Float64Array(days);
  const rng = new Random(mixSeed(seed, 0x5eed, timeline.endDay));
  let sum = 0;
  for (let i = 0; i < days; i++) {
    const day = timeline.startDay + i;
    const { month } = monthDay(day);
    let w = (WEEKDAY_FACTOR[weekday(day)] ?? 1) * (MONTH_FACTOR[month - 1] ?? 1) * (0.9 + (0.2 * i) / days);
    if (isYearEndBreak(day)) w *= 0.35;
    w *= sourceWeights(day, timeline).reduce((a, b) => a + b, 0);
    w *= rng.logNormal(1, 0.12);
    weights[i] = w;
    sum += w;
  }
  const counts = new Int32Array(days);
  let cumulative = 0;
  let assigned = 0;
  for (let i = 0; i < days; i++) {
    cumulative += weights[i] ?? 0;
    const upTo = i === days - 1 ? total : Math.round((total * cumulative) / sum);
    counts[i] = upTo - assigned;
    assigned = upTo;
  }
  return counts;
}

function campaignFor(source: Source, day: number, rng: Random, timeline: Timeline): string {
  if (source.key === 'webinar') {
    const { month } = monthDay(day);
    return `Webinar — ${WEBINAR_TOPICS[(month - 1) % WEBINAR_TOPICS.length] ?? ''}`;
  }
  if (source.key === 'events') return eventOf(day, timeline)?.name ?? 'Events';
  return campaignTables.get(source.key)?.pick(rng) ?? source.label;
}

/** Local hour a lead was created: mostly office hours, some evenings and nights. */
function localHour(rng: Random, source: Source): number {
  if (source.key === 'events' || source.key === 'outbound') return rng.between(9, 18);
  if (rng.chance(0.82)) return 8 + 5.5 * (rng.next() + rng.next());
  return rng.between(0, 24);
}

function employeesFor(segment: Segment, rng: Random): number {
  const [lo, hi] = segment.employees;
  return Math.round(Math.exp(rng.between(Math.log(lo), Math.log(hi))));
}

/** The leads created on one day, in creation order. */
export function draftLeadsOfDay(day: number, count: number, seed: number, timeline: Timeline): LeadDraft[] {
  const weights = sourceWeights(day, timeline);
  const drafts: LeadDraft[] = [];
  for (let j = 0; j < count; j++) {
    const rng = new Random(mixSeed(seed, day, j));
    const source = pickWeighted(rng, SOURCES, weights);
    const country = countryTable.pick(rng);
    const segment = (source.key === 'outbound' ? outboundSegmentTable : segmentTable).pick(rng);
    const quality = rng.normal() + segment.quality + source.quality;
    const score = Math.min(100, Math.max(0, Math.round(45 + 14 * (0.9 * quality + 0.45 * rng.normal()))));
    // Kept inside the UTC day (wrapping the local hour) so ids follow creation time across days.
    const utcHour = (((localHour(rng, source) - country.offsetHours) % 24) + 24) % 24;
    drafts.push({
      createdAt: day * DAY + Math.floor(utcHour * 3600) * 1000,
      source,
      campaign: campaignFor(source, day, rng, timeline),
      country,
      segment,
      industry: industryTable.pick(rng),
      employees: employeesFor(segment, rng),
      quality,
      score,
      rng,
    });
  }
  return drafts.sort((a, b) => a.createdAt - b.createdAt);
}
