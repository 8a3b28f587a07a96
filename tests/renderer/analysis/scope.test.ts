import { describe, expect, it } from 'vitest';
import { createScopeStore, mirrorScopeInHash } from '../../../src/renderer/analysis/scope-store';
import {
  defaultPeriod,
  filterCount,
  filterValues,
  hasScope,
  hashParams,
  nextPeriod,
  periodContaining,
  readScope,
  setFilterValues,
  shiftPeriod,
  withHashParams,
  writeScope,
  type AnalysisScope,
} from '../../../src/renderer/analysis/scope';

const week47: AnalysisScope = {
  period: { kind: 'week', from: '2026-11-16', to: '2026-11-22' },
  filters: {},
  compare: 'previous',
};

describe('periods', () => {
  it('finds the week, month and quarter around a day, across year ends', () => {
    expect(periodContaining('week', '2027-01-01')).toEqual({ kind: 'week', from: '2026-12-28', to: '2027-01-03' });
    expect(periodContaining('month', '2024-02-10')).toEqual({ kind: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(periodContaining('quarter', '2026-11-30')).toEqual({
      kind: 'quarter',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(periodContaining('custom', '2026-11-30', 3)).toEqual({
      kind: 'custom',
      from: '2026-11-28',
      to: '2026-11-30',
    });
  });

  it('steps forward and back by whole periods', () => {
    expect(nextPeriod({ kind: 'month', from: '2026-12-01', to: '2026-12-31' })).toEqual({
      kind: 'month',
      from: '2027-01-01',
      to: '2027-01-31',
    });
    expect(nextPeriod({ kind: 'custom', from: '2026-11-01', to: '2026-11-10' })).toEqual({
      kind: 'custom',
      from: '2026-11-11',
      to: '2026-11-20',
    });
    expect(shiftPeriod(week47.period, -2)).toEqual({ kind: 'week', from: '2026-11-02', to: '2026-11-08' });
    expect(shiftPeriod(shiftPeriod(week47.period, 5), -5)).toEqual(week47.period);
  });

  it('opens on the last full week, or the week of the last data when that is older', () => {
    expect(defaultPeriod('2026-11-26', '2026-11-22')).toEqual(week47.period);
    expect(defaultPeriod('2026-11-26', '2026-03-04')).toEqual({ kind: 'week', from: '2026-03-02', to: '2026-03-08' });
    expect(defaultPeriod('2026-11-23', null)).toEqual(week47.period);
  });
});

describe('scope in the address', () => {
  it('round-trips period, comparison and filters, native and custom', () => {
    const scope: AnalysisScope = {
      period: { kind: 'quarter', from: '2026-07-01', to: '2026-09-30' },
      filters: { segment: ['SMB', 'Mid-market'], owner: ['Ana Ribeiro'], custom: { industry: ['Retail & co'] } },
      compare: 'yearAgo',
    };
    const params = writeScope(scope, new URLSearchParams());
    expect(params.get('cmp')).toBe('yearAgo');
    expect(params.getAll('f.segment')).toEqual(['SMB', 'Mid-market']);
    expect(readScope(new URLSearchParams(params.toString()), week47)).toEqual(scope);
  });

  it('keeps a custom range that looks like a week custom, and leaves other parameters alone', () => {
    const custom: AnalysisScope = { ...week47, period: { kind: 'custom', from: '2026-11-16', to: '2026-11-22' } };
    const params = writeScope(custom, new URLSearchParams('tab=agreement&from=2020-01-01'));
    expect(params.get('tab')).toBe('agreement');
    expect(params.get('from')).toBe('2026-11-16');
    expect(readScope(params, week47).period.kind).toBe('custom');
    expect(readScope(writeScope(week47, new URLSearchParams()), week47).period.kind).toBe('week');
  });

  it('falls back on anything invalid instead of breaking the screen', () => {
    const broken = new URLSearchParams('from=2026-13-01&to=2026-11-01&cmp=never&f.password=x');
    const read = readScope(broken, week47);
    expect(read).toEqual(week47);
    expect(readScope(new URLSearchParams('from=2026-11-30&to=2026-11-01'), week47).period).toEqual(week47.period);
    expect(hasScope(new URLSearchParams('tab=agreement'))).toBe(false);
    expect(hasScope(new URLSearchParams('f.segment=SMB'))).toBe(true);
  });

  it('reads and writes the part of the hash after the section', () => {
    expect(hashParams('#/funnel?from=2026-11-16').get('from')).toBe('2026-11-16');
    expect(hashParams('#/funnel').toString()).toBe('');
    expect(withHashParams('#/sla?x=1', new URLSearchParams('tab=agreement'))).toBe('#/sla?tab=agreement');
    expect(withHashParams('#/sla?x=1', new URLSearchParams())).toBe('#/sla');
  });
});

describe('filters', () => {
  it('sets, clears and counts values of native and custom fields', () => {
    let f = setFilterValues({}, 'segment', ['SMB']);
    f = setFilterValues(f, 'custom.industry', ['Retail', 'Tech']);
    expect(f).toEqual({ segment: ['SMB'], custom: { industry: ['Retail', 'Tech'] } });
    expect(filterCount(f)).toBe(3);
    expect(filterValues(f, 'custom.industry')).toEqual(['Retail', 'Tech']);
    expect(filterValues(f, 'owner')).toEqual([]);
    f = setFilterValues(f, 'custom.industry', []);
    f = setFilterValues(f, 'segment', []);
    expect(f).toEqual({});
    // A field the reports do not know is refused, not passed on.
    expect(setFilterValues({}, 'password', ['x'])).toEqual({});
  });
});

/** A window-like host: a hash, a history that records replaceState, and hashchange listeners. */
function fakeHost(hash: string) {
  const listeners = new Set<() => void>();
  const host = {
    location: { hash },
    history: {
      state: null,
      replaced: 0,
      replaceState(_d: unknown, _u: string, url?: string) {
        host.history.replaced++;
        if (url !== undefined) host.location.hash = url;
      },
      pushState(_d: unknown, _u: string, url?: string) {
        if (url !== undefined) host.location.hash = url;
      },
    },
    addEventListener: (_t: 'hashchange', l: () => void) => void listeners.add(l),
    removeEventListener: (_t: 'hashchange', l: () => void) => void listeners.delete(l),
    go(next: string) {
      host.location.hash = next;
      for (const l of listeners) l();
    },
    listeners,
  };
  return host;
}

describe('the scope store and the hash', () => {
  it('takes the scope of a link, then mirrors every change into the hash', () => {
    const host = fakeHost('#/funnel?from=2026-10-01&to=2026-10-31&f.owner=Ana&tab=x');
    const store = createScopeStore(week47);
    const stop = mirrorScopeInHash(store, host);
    expect(store.getState().period).toEqual({ kind: 'month', from: '2026-10-01', to: '2026-10-31' });
    expect(store.getState().filters).toEqual({ owner: ['Ana'] });
    store.getState().setFilter('segment', ['SMB']);
    store.getState().setCompare('yearAgo');
    const params = hashParams(host.location.hash);
    expect(host.location.hash.startsWith('#/funnel?')).toBe(true);
    expect(params.getAll('f.segment')).toEqual(['SMB']);
    expect(params.get('cmp')).toBe('yearAgo');
    expect(params.get('tab')).toBe('x');
    stop();
    expect(host.listeners.size).toBe(0);
  });

  it('leaves the address bare while the scope is the opening one', () => {
    const host = fakeHost('#/funnel');
    const store = createScopeStore(week47);
    mirrorScopeInHash(store, host, week47);
    expect(host.location.hash).toBe('#/funnel');
    store.getState().setCompare('yearAgo');
    expect(hashParams(host.location.hash).get('cmp')).toBe('yearAgo');
    store.getState().setCompare('previous');
    expect(host.location.hash).toBe('#/funnel');
  });

  it('keeps the scope when another section is opened with a bare hash, and follows Back', () => {
    const host = fakeHost('#/funnel');
    const store = createScopeStore(week47);
    mirrorScopeInHash(store, host);
    store.getState().setFilter('source', ['LinkedIn']);
    const withFilter = host.location.hash;
    host.go('#/sla');
    expect(store.getState().filters).toEqual({ source: ['LinkedIn'] });
    expect(hashParams(host.location.hash).getAll('f.source')).toEqual(['LinkedIn']);
    host.go(withFilter.replace('f.source=LinkedIn', 'f.source=Events'));
    expect(store.getState().filters).toEqual({ source: ['Events'] });
  });
});
