import { DAY, HOUR, MINUTE, WorkClock, monthDay } from './calendar';
import { OWNERS, type Country } from './catalog';
import { REASONS, type SampleReason } from './reasons';
import { WeightedTable, type Random } from './random';
import type { LeadDraft } from './volume';
import type { Timeline } from './timeline';

export type StageKey = 'lead' | 'mql' | 'sal' | 'sql' | 'opportunity' | 'won' | 'lost' | 'recycled' | 'disqualified';

export interface StoryEvent {
  readonly stage: StageKey;
  readonly at: number;
  readonly reasonCode: string | null;
  readonly reasonText: string | null;
}

export interface StoryTouch {
  readonly at: number;
  readonly channel: string;
}

/** Everything that happened to one lead up to the sample's last day. */
export class LeadStory {
  readonly events: StoryEvent[] = [];
  readonly touches: StoryTouch[] = [];
  owner: string | null = null;
  assignedAt: number | null = null;
  amount: number | null = null;
  currency: string | null = null;
  outcomeCode: string | null = null;
  outcomeText: string | null = null;
  private last = -Infinity;

  constructor(private readonly cutoff: number) {}

  /** Records a stage entry; null when it would fall after the last day (the lead stays open). */
  enter(
    stage: StageKey,
    at: number,
    reasonCode: string | null = null,
    reasonText: string | null = null,
  ): number | null {
    // Each entry strictly after the previous one, so the history has one order.
    const t = Math.max(Math.round(at), this.last + MINUTE);
    if (t >= this.cutoff) return null;
    this.events.push({ stage, at: t, reasonCode, reasonText });
    this.last = t;
    return t;
  }

  touch(at: number, channel: string): number | null {
    const t = Math.round(at);
    if (t >= this.cutoff) return null;
    this.touches.push({ at: t, channel });
    return t;
  }
}

/** How fast each owner makes the first contact, in business hours after hand-off (log-normal). */
const FOLLOW_UP: Readonly<Record<string, { readonly median: number; readonly neverWorked: number }>> = {
  [OWNERS.ana]: { median: 0.7, neverWorked: 0.008 },
  [OWNERS.lucas]: { median: 3.4, neverWorked: 0.05 },
  [OWNERS.diego]: { median: 0.9, neverWorked: 0.012 },
  [OWNERS.valentina]: { median: 0.8, neverWorked: 0.01 },
  [OWNERS.mikhail]: { median: 1, neverWorked: 0.015 },
  [OWNERS.wei]: { median: 1, neverWorked: 0.012 },
  [OWNERS.emily]: { median: 0.7, neverWorked: 0.008 },
  [OWNERS.jonas]: { median: 1.2, neverWorked: 0.015 },
};
const ALL_OWNERS: readonly string[] = Object.values(OWNERS);

function reasonTable(weights: Readonly<Record<string, number>>): WeightedTable<SampleReason> {
  return new WeightedTable(
    REASONS.filter((r) => weights[r.code] !== undefined).map((r) => [r, weights[r.code] ?? 0] as const),
  );
}

const JUNK = reasonTable({ student: 35, duplicate: 35, bad_contact: 30 });
const REJECT = reasonTable({ not_icp: 55, bad_contact: 22, duplicate: 13, student: 10 });
const RECYCLE = reasonTable({ not_ready: 60, timing_later: 40 });
const WIN = reasonTable({ best_fit: 50, relationship: 25, price_value: 25 });
const LOSS_EARLY = reasonTable({ no_budget: 30, timing: 25, no_decision: 20, price: 15, competitor: 10 });
const LOSS_BY_SEGMENT: Readonly<Record<string, WeightedTable<SampleReason>>> = {
  SMB: reasonTable({ price: 30, no_budget: 25, competitor: 15, timing: 12, no_decision: 10, missing_feature: 8 }),
  'Mid-market': reasonTable({
    price: 20,
    competitor: 25,
    no_decision: 18,
    timing: 12,
    no_budget: 10,
    missing_feature: 15,
  }),
  Enterprise: reasonTable({
    competitor: 28,
    no_decision: 26,
    missing_feature: 18,
    price: 12,
    timing: 10,
    no_budget: 6,
  }),
};
/** Share of losses recorded without any reason: a data-quality figure of its own. */
const LOSS_WITHOUT_REASON = 0.1;

const clocks = new Map<number, WorkClock>();
function clockFor(country: Country): WorkClock {
  let clock = clocks.get(country.offsetHours);
  if (!clock) {
    clock = new WorkClock(country.offsetHours);
    clocks.set(country.offsetHours, clock);
  }
  return clock;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The lead's stage history, touches and outcome, following the definitions in force at each step. */
export function simulateLead(lead: LeadDraft, timeline: Timeline): LeadStory {
  return new Simulation(lead, timeline).run();
}

class Simulation {
  private readonly story: LeadStory;
  private readonly rng: Random;
  private readonly clock: WorkClock;

  constructor(
    private readonly lead: LeadDraft,
    private readonly timeline: Timeline,
  ) {
    this.story = new LeadStory(timeline.cutoff);
    this.rng = lead.rng;
    this.clock = clockFor(lead.country);
  }

  run(): LeadStory {
    const { lead, rng, story } = this;
    // Leads met at a show or referred by a partner are sometimes created straight as MQLs.
    const direct = (lead.source.key === 'events' || lead.source.key === 'referral') && rng.chance(0.15);
    if (!direct && story.enter('lead', lead.createdAt) === null) return story;
    // Marketing weeds out junk (students, duplicates, bad contacts) before scoring; poor leads most often.
    if (!direct && rng.chance(0.28 * sigmoid(-1.2 - lead.quality))) {
      this.close('disqualified', this.work(lead.createdAt, rng.between(2, 40)), JUNK, false);
      return story;
    }
    const mqlAt = direct ? lead.createdAt : lead.createdAt + this.scoringDelay();
    // Reps hand over the odd show or partner lead by hand, whatever its score.
    if (!this.qualifies(mqlAt) && !(direct && rng.chance(0.25))) return story;
    const outcome = this.handOff(mqlAt, 0);
    if (outcome !== 'recycled' || !rng.chance(0.3)) return story;
    // Back from nurture some months later, if it meets the MQL criteria in force by then.
    const returnAt = story.events[story.events.length - 1]!.at + rng.logNormal(70, 0.45) * DAY;
    if (this.qualifies(returnAt)) this.handOff(returnAt, 1);
    return story;
  }

  /** The MQL criteria in force when the score crossed the line (v1 until the revision, then v2). */
  private qualifies(at: number): boolean {
    const { score, segment } = this.lead;
    if (at < this.timeline.revisionAt) return score >= 50;
    return score >= 60 && segment.name !== 'SMB';
  }

  /** Time from creation until scoring marks the lead an MQL: instant for hot inbound, weeks of nurture otherwise. */
  private scoringDelay(): number {
    const { rng, lead } = this;
    const inbound =
      lead.source.key === 'web_form' || lead.source.key === 'paid_search' || lead.source.key === 'webinar';
    if (inbound && rng.chance(0.55)) return rng.between(1, 40) * MINUTE;
    return Math.min(150, rng.logNormal(9, 1)) * DAY + rng.between(0, 24) * HOUR;
  }

  /** `hours` of working time in the lead's country, with the odd weekend or late-night entry. */
  private work(from: number, hours: number): number {
    if (this.rng.chance(0.015)) return from + hours * 2.4 * HOUR + this.rng.between(0, 10) * HOUR;
    return this.clock.addBusinessHours(from, hours);
  }

  private text(reason: SampleReason, probability = 0.75): string | null {
    const { rng } = this;
    if (!rng.chance(probability)) return null;
    const lang = this.lead.country.language;
    const local = (lang === 'pt' || lang === 'es') && rng.chance(0.7) ? lang : 'en';
    return rng.pick(reason.texts[local]);
  }

  /** Enters an exit stage with a reason from the table (or none, for some losses). */
  private close(
    stage: StageKey,
    at: number,
    table: WeightedTable<SampleReason>,
    mayLackReason: boolean,
  ): number | null {
    if (mayLackReason && this.rng.chance(LOSS_WITHOUT_REASON)) return this.story.enter(stage, at);
    const reason = table.pick(this.rng);
    const text = this.text(reason);
    const t = this.story.enter(stage, at, reason.code, text);
    if (t !== null && stage === 'lost') {
      this.story.outcomeCode = reason.code;
      this.story.outcomeText = text;
    }
    return t;
  }

  private assign(mqlAt: number, pass: number): void {
    const { rng, story, lead } = this;
    const previous = story.owner;
    story.owner = previous !== null && pass > 0 && rng.chance(0.7) ? previous : rng.pick(lead.country.owners);
    const routing = rng.next();
    // Most routing is instant; sometimes the round-robin stalls for minutes or, rarely, a day.
    const delay =
      routing < 0.94
        ? rng.between(5, 120) * 1000
        : routing < 0.99
          ? rng.between(10, 90) * MINUTE
          : rng.between(4, 30) * HOUR;
    story.assignedAt = Math.round(mqlAt + delay);
    if (rng.chance(0.02)) {
      const others = ALL_OWNERS.filter((o) => o !== story.owner);
      story.owner = lead.country.owners.find((o) => o !== story.owner) ?? rng.pick(others);
      story.assignedAt = this.timeline.office.addBusinessHours(mqlAt, rng.between(4, 20));
    }
  }

  /** One hand-off to sales: assignment, first touch, then the sales funnel. Returns the exit reached. */
  private handOff(mqlAt: number, pass: number): StageKey | null {
    const { rng, story, lead } = this;
    const handoff = story.enter('mql', mqlAt);
    if (handoff === null) return null;
    this.assign(handoff, pass);
    const owner = story.owner ?? '';
    const profile = FOLLOW_UP[owner] ?? { median: 1, neverWorked: 0.01 };
    if (rng.chance(profile.neverWorked)) return null;
    let touchAt = this.timeline.office.addBusinessHours(handoff, rng.logNormal(profile.median, 1));
    touchAt = Math.max(touchAt, (story.assignedAt ?? handoff) + rng.between(2, 30) * MINUTE);
    if (story.touch(touchAt, rng.pick(lead.country.touchChannels)) === null) return null;

    const segmentBias = lead.segment.name === 'SMB' ? -0.8 : lead.segment.name === 'Enterprise' ? 0.15 : 0.1;
    const accept = sigmoid(-1.75 + 1.05 * lead.quality + segmentBias + (pass > 0 ? 0.6 : 0));
    const decision = rng.next();
    if (decision < accept) return this.accepted(this.work(touchAt, rng.logNormal(3, 0.9)));
    if (decision > 0.96) return null; // never decided: sits in MQL until someone reviews it
    const rejectedAt = this.work(touchAt, rng.logNormal(9, 0.9));
    if (rng.chance(0.55)) return this.close('recycled', rejectedAt, RECYCLE, false) === null ? null : 'recycled';
    return this.close('disqualified', rejectedAt, REJECT, false) === null ? null : 'disqualified';
  }

  private stageHours(median: number): number {
    return this.rng.logNormal(median, 0.6) * this.lead.segment.cycle;
  }

  private accepted(salAt: number): StageKey | null {
    const { rng, story, lead } = this;
    const sal = story.enter('sal', salAt);
    if (sal === null) return null;
    // Some deals jump straight from acceptance to an opportunity (a demo booked on the first call).
    if (rng.chance(0.06)) return this.opportunity(this.work(sal, this.stageHours(40)));
    if (!rng.chance(sigmoid(0.3 + 0.8 * lead.quality))) {
      const at = this.work(sal, this.stageHours(30));
      const r = rng.next();
      if (r < 0.4) return this.close('recycled', at, RECYCLE, false) === null ? null : 'recycled';
      if (r < 0.85) return this.close('disqualified', at, REJECT, false) === null ? null : 'disqualified';
      return null;
    }
    let sql = story.enter('sql', this.work(sal, this.stageHours(45)));
    if (sql === null) return null;
    // Moves back: qualification reopened, then qualified again.
    if (rng.chance(0.04)) {
      if (story.enter('sal', this.work(sql, this.stageHours(18))) === null) return null;
      sql = story.enter('sql', this.work(sql, this.stageHours(40)));
      if (sql === null) return null;
    }
    if (!rng.chance(sigmoid(-0.3 + 0.6 * lead.quality))) {
      const at = this.work(sql, this.stageHours(70));
      if (rng.chance(0.25)) return this.close('recycled', at, RECYCLE, false) === null ? null : 'recycled';
      return this.close('lost', at, LOSS_EARLY, true) === null ? null : 'lost';
    }
    return this.opportunity(this.work(sql, this.stageHours(60)));
  }

  private opportunity(at: number): StageKey | null {
    const { rng, story, lead } = this;
    let opp = story.enter('opportunity', at);
    if (opp === null) return null;
    const { country, segment } = lead;
    story.currency = country.currency;
    const listPrice = this.price(rng.logNormal(segment.dealMedianUsd, segment.dealSigma));
    story.amount = listPrice;
    if (rng.chance(0.03)) {
      const back = story.enter('sql', this.work(opp, this.stageHours(30)));
      if (back === null) return null;
      opp = story.enter('opportunity', this.work(back, this.stageHours(40)));
      if (opp === null) return null;
    }
    const segmentBias = segment.name === 'Enterprise' ? -0.2 : 0;
    const won = rng.chance(sigmoid(-1.6 + 0.7 * lead.quality + segmentBias));
    let closeAt = this.work(opp, this.stageHours(200));
    if (won) {
      closeAt = this.quarterEndPush(opp, closeAt);
      const t = story.enter('won', closeAt);
      if (t === null) return null;
      // Final price after negotiation.
      story.amount = this.price((listPrice / country.perUsd) * rng.between(0.85, 1));
      const reason = WIN.pick(rng);
      story.outcomeCode = reason.code;
      story.outcomeText = this.text(reason, 0.5);
      return 'won';
    }
    return this.close('lost', closeAt, LOSS_BY_SEGMENT[segment.name] ?? LOSS_EARLY, true) === null ? null : 'lost';
  }

  private price(usd: number): number {
    const { perUsd, priceStep } = this.lead.country;
    return Math.max(priceStep, Math.round((usd * perUsd) / priceStep) * priceStep);
  }

  /** Reps pull deals that would close early next quarter into the last days of this one. */
  private quarterEndPush(opened: number, closeAt: number): number {
    const day = Math.floor(closeAt / DAY);
    const { month, dayOfMonth } = monthDay(day);
    const quarterStart = (month - 1) % 3 === 0 && dayOfMonth <= 21;
    if (!quarterStart || !this.rng.chance(0.5)) return closeAt;
    let target = day - dayOfMonth - this.rng.int(0, 8);
    while (!this.clock.isWorkingDay(target)) target--;
    const pulled = this.clock.at(target, this.rng.between(10, 18));
    return pulled > opened + 3 * DAY ? pulled : closeAt;
  }
}
