import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DAY, HOUR, WorkClock, dayNumber, defaultEndDay, isoDate, weekday } from '../../../src/main/sample/calendar';
import { Random, mixSeed } from '../../../src/main/sample/random';

describe('sample calendar', () => {
  it('defaults the end to the Sunday that ended last week (UTC)', () => {
    const at = (iso: string) => isoDate(defaultEndDay(Date.parse(iso)));
    expect(at('2026-11-26T20:00:00Z')).toBe('2026-11-22'); // Thursday
    expect(at('2026-11-23T00:00:01Z')).toBe('2026-11-22'); // Monday just after midnight
    expect(at('2026-11-29T23:59:59Z')).toBe('2026-11-22'); // Sunday: this week has not ended yet
    expect(at('2026-11-28T12:00:00Z')).toBe('2026-11-22'); // Saturday
    expect(weekday(dayNumber('2026-11-22'))).toBe(0);
  });

  it('rejects dates that do not exist', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => dayNumber('2026-2-3')).toThrow(RangeError);
    expect(dayNumber('2024-02-29')).toBe(Date.parse('2024-02-29T00:00:00Z') / DAY);
  });

  it('adds business hours across nights, weekends and the year-end break', () => {
    const sp = new WorkClock(-3);
    const friday17 = Date.parse('2026-06-26T20:00:00Z'); // 17:00 in São Paulo
    expect(new Date(sp.addBusinessHours(friday17, 2)).toISOString()).toBe('2026-06-29T13:00:00.000Z'); // Monday 10:00
    const saturday = Date.parse('2026-06-27T15:00:00Z');
    expect(new Date(sp.addBusinessHours(saturday, 0.5)).toISOString()).toBe('2026-06-29T12:30:00.000Z');
    const dec23 = Date.parse('2025-12-23T20:00:00Z'); // Tuesday 17:00
    expect(new Date(sp.addBusinessHours(dec23, 3)).toISOString()).toBe('2026-01-02T14:00:00.000Z');
    expect(sp.businessHoursBetween(friday17, Date.parse('2026-06-29T13:00:00Z'))).toBeCloseTo(2, 9);
  });

  it('measures back exactly the business hours it added', () => {
    const clock = new WorkClock(1);
    const start = Date.parse('2025-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 }), fc.double({ min: 0, max: 60, noNaN: true }), (hoursIn, h) => {
        const from = start + hoursIn * HOUR;
        const to = clock.addBusinessHours(from, h);
        expect(to).toBeGreaterThanOrEqual(from);
        expect(Math.abs(clock.businessHoursBetween(from, to) - h)).toBeLessThan(1e-6);
      }),
    );
  });
});

describe('sample random stream', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(seqA);
    expect(mixSeed(1, 2, 3)).toBe(mixSeed(1, 2, 3));
    expect(mixSeed(1, 2, 3)).not.toBe(mixSeed(1, 3, 2));
  });

  it('draws uniform floats and standard normals', () => {
    const rng = new Random(7);
    const n = 20_000;
    let sum = 0;
    let sumN = 0;
    let sumN2 = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
      const z = rng.normal();
      sumN += z;
      sumN2 += z * z;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 1);
    expect(sumN / n).toBeCloseTo(0, 1);
    expect(sumN2 / n).toBeCloseTo(1, 1);
  });
});
