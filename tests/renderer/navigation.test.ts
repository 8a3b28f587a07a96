import { describe, expect, it } from 'vitest';
import { createNavigationStore, type HashHost } from '../../src/renderer/state/navigation';
import { hashFor, sectionFromHash, SECTIONS } from '../../src/renderer/state/sections';

function fakeHost(hash: string) {
  const listeners: (() => void)[] = [];
  const pushed: string[] = [];
  const replaced: string[] = [];
  const location = { hash };
  const host: HashHost & { setHash(h: string): void } = {
    location,
    history: {
      state: null,
      pushState: (_d, _u, url) => {
        pushed.push(String(url));
        location.hash = String(url);
      },
      replaceState: (_d, _u, url) => {
        replaced.push(String(url));
        location.hash = String(url);
      },
    },
    addEventListener: (_type, listener) => void listeners.push(listener),
    setHash(h) {
      location.hash = h;
      for (const l of listeners) l();
    },
  };
  return { host, pushed, replaced };
}

describe('sections and the hash', () => {
  it('round-trips every section', () => {
    for (const section of SECTIONS) expect(sectionFromHash(hashFor(section))).toBe(section);
  });

  it('ignores what is not a section', () => {
    for (const hash of ['', '#', '#/', '#/nope', '#/__proto__', '#/constructor', '#funnelx'])
      expect(sectionFromHash(hash)).toBeNull();
    expect(sectionFromHash('#funnel')).toBe('funnel');
    expect(sectionFromHash('#/win-loss/detail?x=1')).toBe('win-loss');
  });
});

describe('navigation store', () => {
  it('starts from the hash, so a reload keeps the section', () => {
    const { host, replaced } = fakeHost('#/sla');
    expect(createNavigationStore(host).getState().section).toBe('sla');
    expect(replaced).toEqual([]);
  });

  it('starts at the review meeting and writes its hash when there is none', () => {
    const { host, replaced } = fakeHost('');
    expect(createNavigationStore(host).getState().section).toBe('review');
    expect(replaced).toEqual(['#/review']);
  });

  it('pushes a history entry per navigation and follows Back (hashchange)', () => {
    const { host, pushed } = fakeHost('#/review');
    const store = createNavigationStore(host);
    store.getState().navigate('funnel');
    store.getState().navigate('funnel');
    expect(pushed).toEqual(['#/funnel']);
    host.setHash('#/review');
    expect(store.getState().section).toBe('review');
    host.setHash('#/bogus');
    expect(store.getState().section).toBe('review');
  });
});
