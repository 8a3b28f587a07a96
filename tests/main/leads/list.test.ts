import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DateTime } from 'luxon';
import type { DrillPage } from '../../../src/shared/metrics/types';
import type { Facet, LeadPage, LeadQuery, LeadRow, LeadTimeline } from '../../../src/shared/leads/types';
import { LeadsRepository } from '../../../src/main/leads/repository';
import { leadsSession, ZONE, type LeadsSession, type SpecLead } from './fixture';

let s: LeadsSession;
beforeAll(async () => {
  s = await leadsSession();
});
afterAll(() => s?.dispose());

const list = (input: LeadQuery & { offset?: number; limit?: number }) => s.call<LeadPage>('leads.list', input);

/** Every row of a query, read in pages of an odd size so page boundaries fall everywhere. */
async function all(query: LeadQuery): Promise<{ total: number; rows: LeadRow[] }> {
  const rows: LeadRow[] = [];
  let total = Infinity;
  while (rows.length < total) {
    const page = await list({ ...query, offset: rows.length, limit: 37 });
    total = page.total;
    if (page.rows.length === 0) break;
    rows.push(...page.rows);
  }
  return { total, rows };
}

const current = (l: SpecLead) => l.events.at(-1)![0];
const ids = (leads: readonly SpecLead[]) => leads.map((l) => s.ids.get(l.externalId)!);

/** SQLite's order: NULL first ascending, last descending; ties by id in the same direction. */
function sqliteOrder(
  leads: readonly SpecLead[],
  key: (l: SpecLead) => string | number | null,
  dir: 'asc' | 'desc',
): number[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...leads]
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
      let c = 0;
      if (x === null && y !== null) c = -1;
      else if (x !== null && y === null) c = 1;
      else if (x !== null && y !== null) c = x < y ? -1 : x > y ? 1 : 0;
      if (c === 0) c = s.ids.get(a.externalId)! - s.ids.get(b.externalId)!;
      return c * sign;
    })
    .map((l) => s.ids.get(l.externalId)!);
}

describe('leads.list', () => {
  it('pages through every lead, newest first by default, with its latest stage, first touch and batch', async () => {
    const { total, rows } = await all({});
    expect(total).toBe(240);
    expect(rows.map((r) => r.id)).toEqual(sqliteOrder(s.leads, (l) => l.createdAt, 'desc'));
    const l4 = s.leads[3]!;
    const row = rows.find((r) => r.external_id === 'L0004')!;
    expect(row).toMatchObject({
      stage: 'sal',
      stage_at: l4.events.at(-1)![1],
      first_touch_at: l4.touches[0],
      batch: 'crm-export.csv',
      segment: null,
      owner: 'Dana',
    });
    expect(row.custom).toEqual({ industry: 'Tech', employees: '4' });
    expect((await list({ offset: 240 })).rows).toEqual([]);
  });

  it.each([
    ['owner', (l: SpecLead) => l.owner],
    ['score', (l: SpecLead) => l.score],
    ['amount', (l: SpecLead) => l.amount],
    ['campaign', (l: SpecLead) => l.campaign],
    ['external_id', (l: SpecLead) => l.externalId],
    ['segment', (l: SpecLead) => l.segment],
  ] as const)('sorts by %s both ways, with and without a filter', async (column, key) => {
    for (const direction of ['asc', 'desc'] as const) {
      const plain = await all({ sort: { column, direction } });
      expect(plain.rows.map((r) => r.id)).toEqual(sqliteOrder(s.leads, key, direction));
      const filtered = await all({ sort: { column, direction }, filters: { source: ['LinkedIn'] } });
      expect(filtered.rows.map((r) => r.id)).toEqual(
        sqliteOrder(
          s.leads.filter((l) => l.source === 'LinkedIn'),
          key,
          direction,
        ),
      );
    }
  });

  it('filters like the reports: lead fields, custom fields, current stage, id search, creation dates', async () => {
    const cases: Array<[LeadQuery, (l: SpecLead) => boolean]> = [
      [{ filters: { segment: ['SMB', 'Enterprise'] } }, (l) => l.segment === 'SMB' || l.segment === 'Enterprise'],
      [{ filters: { custom: { industry: ['Retail'] } } }, (l) => l.custom.industry === 'Retail'],
      [{ stages: ['sal'] }, (l) => current(l) === 'sal'],
      [{ stages: ['won', 'lost'] }, (l) => ['won', 'lost'].includes(current(l))],
      [{ search: 'l01' }, (l) => l.externalId.toLowerCase().includes('l01')],
      [{ search: '5%' }, () => false],
      [{ search: '"http' }, (l) => l.externalId.includes('"http')],
      [
        { createdFrom: '2026-03-04', createdTo: '2026-03-05' },
        (l) => {
          const day = DateTime.fromMillis(l.createdAt, { zone: ZONE }).toISODate()!;
          return day >= '2026-03-04' && day <= '2026-03-05';
        },
      ],
      [
        { filters: { segment: ['SMB'], source: ['Google Ads', 'Events'] }, stages: ['mql', 'sal'] },
        (l) => l.segment === 'SMB' && l.source !== 'LinkedIn' && ['mql', 'sal'].includes(current(l)),
      ],
    ];
    for (const [query, keep] of cases) {
      const expected = s.leads.filter(keep);
      const { total, rows } = await all({ ...query, sort: { column: 'created_at', direction: 'asc' } });
      expect(total, JSON.stringify(query)).toBe(expected.length);
      expect(
        rows.map((r) => r.id),
        JSON.stringify(query),
      ).toEqual(ids(expected));
    }
  });

  it('lists exactly the leads behind a figure, in the list order', async () => {
    const scope = {
      from: '2026-03-02',
      to: '2026-03-08',
      asOf: DateTime.fromISO('2026-06-01', { zone: ZONE }).toMillis(),
    };
    for (const side of ['numerator', 'denominator', 'open'] as const) {
      const figure = { type: 'conversion', from: 'mql', to: 'sal', side } as const;
      const drill = await s.call<DrillPage>('metrics.drilldown', { ...scope, figure, limit: 1000 });
      const { total, rows } = await all({
        figure: { ...scope, figure },
        sort: { column: 'external_id', direction: 'asc' },
      });
      expect(total).toBe(drill.total);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(drill.leads.map((l) => l.id)));
      expect(rows.map((r) => r.external_id)).toEqual([...rows.map((r) => r.external_id)].sort());
    }
    const numerator = await all({
      figure: { ...scope, figure: { type: 'conversion', from: 'mql', to: 'sal', side: 'numerator' } },
    });
    expect(numerator.total).toBeGreaterThan(0);
    // Figure and filters combine.
    const filtered = await all({
      figure: { ...scope, figure: { type: 'flow', stage: 'lead' } },
      filters: { owner: ['Ana'] },
    });
    expect(filtered.rows.every((r) => r.owner === 'Ana')).toBe(true);
    expect(filtered.total).toBe(
      s.leads.filter(
        (l) => l.owner === 'Ana' && l.createdAt < DateTime.fromISO('2026-03-09', { zone: ZONE }).toMillis(),
      ).length,
    );
  });

  it('counts a query once while paging, and again once the data changed', async () => {
    const snapshot = vi.spyOn(LeadsRepository.prototype, 'snapshot');
    const count = vi.spyOn(LeadsRepository.prototype, 'countAll');
    try {
      const query = { filters: { owner: ['Bob'] } };
      const first = await list({ ...query, limit: 10 });
      await list({ ...query, offset: 10, limit: 10 });
      await list({ ...query, offset: 20, limit: 10 });
      expect(snapshot).toHaveBeenCalledTimes(1);
      const plain = (await list({ limit: 5 })).total;
      await list({ offset: 5, limit: 5 });
      // The whole-table count may already be known from the tests before; paging never recounts.
      const counted = count.mock.calls.length;
      expect(counted).toBeLessThanOrEqual(1);

      s.rt
        .requireWorkspace()
        .db.prepare("INSERT INTO leads (external_id, created_at, owner, custom) VALUES ('NEW-1', ?, 'Bob', '{}')")
        .run(Date.now());
      expect((await list({ ...query, limit: 10 })).total).toBe(first.total + 1);
      expect(snapshot).toHaveBeenCalledTimes(2);
      expect((await list({ limit: 5 })).total).toBe(plain + 1);
      expect(count).toHaveBeenCalledTimes(counted + 1);
    } finally {
      s.rt.requireWorkspace().db.prepare("DELETE FROM leads WHERE external_id = 'NEW-1'").run();
      snapshot.mockRestore();
      count.mockRestore();
    }
  });
});

describe('leads.facets and leads.customFields', () => {
  it('counts each value of native and custom fields, most frequent first, with the leads that have none', async () => {
    const facets = await s.call<Facet[]>('leads.facets', {
      fields: ['segment', 'owner', 'custom.industry', 'campaign'],
    });
    const expectFacet = (facet: Facet, value: (l: SpecLead) => string | null) => {
      const counts = new Map<string, number>();
      for (const l of s.leads) {
        const v = value(l);
        if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const expected = [...counts]
        .map(([v, count]) => ({ value: v, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
      expect(facet.values).toEqual(expected);
      expect(facet.empty).toBe(s.leads.filter((l) => value(l) === null).length);
      expect(facet.distinct).toBe(counts.size);
    };
    expectFacet(facets[0]!, (l) => l.segment);
    expectFacet(facets[1]!, (l) => l.owner);
    expectFacet(facets[2]!, (l) => l.custom.industry);
    expectFacet(facets[3]!, (l) => l.campaign);
    const top = await s.call<Facet[]>('leads.facets', { fields: ['custom.employees'], limit: 3 });
    expect(top[0]!.values).toHaveLength(3);
    expect(top[0]!.distinct).toBe(240);
    expect(await s.call<string[]>('leads.customFields')).toEqual(['employees', 'industry']);
  });

  it('refuses fields that are not lead fields', async () => {
    await expect(s.call('leads.facets', { fields: ['password'] })).rejects.toMatchObject({
      code: 'validation.invalidInput',
    });
    await expect(s.call('leads.facets', { fields: ['custom.a"b'] })).rejects.toMatchObject({
      code: 'validation.invalidInput',
    });
  });
});

describe('leads.timeline', () => {
  it("gives every stage event with its reason and batch, the touches, and the reasons' labels", async () => {
    const l16 = s.leads[15]!;
    const t = await s.call<LeadTimeline>('leads.timeline', { id: s.ids.get('L0016')! });
    expect(t.lead).toMatchObject({
      external_id: 'L0016',
      owner: 'Ana',
      segment: null,
      currency: 'EUR',
      outcome_reason_code: 'best_fit',
    });
    expect(t.lead.batch).toMatchObject({ file_name: 'crm-export.csv', status: 'applied' });
    expect(t.events.map((e) => [e.stage, e.entered_at, e.reason_code])).toEqual(
      l16.events.map(([k, at, r]) => [k, at, r]),
    );
    expect(t.events.map((e) => e.left_at)).toEqual([...l16.events.slice(1).map((e) => e[1]), null]);
    expect(t.touches).toEqual([{ touched_at: l16.touches[0], channel: 'call', batch: t.lead.batch }]);
    // A retired code still has its label: history keeps codes the taxonomy no longer offers.
    expect(t.reasons).toEqual([{ kind: 'win', code: 'best_fit', labels: { en: 'Best fit' }, active: false }]);
    expect((await s.call<unknown[]>('leads.reasons')).length).toBe(2);
  });

  it('says which lead or stage it does not know', async () => {
    await expect(s.call('leads.timeline', { id: 999_999 })).rejects.toMatchObject({
      code: 'leads.notFound',
      params: { id: 999_999 },
    });
    await expect(s.call('leads.list', { stages: ['nowhere'] })).rejects.toMatchObject({
      code: 'leads.unknownStage',
      params: { stage: 'nowhere' },
    });
  });
});

describe('a workspace opened read-only', () => {
  it('still lists, filters and counts (the list lives in temp tables, not in the file)', async () => {
    await s.call('workspace.close');
    await s.call('workspace.open', { path: s.file, readOnly: true });
    try {
      const { total } = await all({ filters: { owner: ['Chen'] }, stages: ['mql'] });
      expect(total).toBe(s.leads.filter((l) => l.owner === 'Chen' && current(l) === 'mql').length);
    } finally {
      await s.call('workspace.close');
      await s.call('workspace.open', { path: s.file });
    }
  });
});
