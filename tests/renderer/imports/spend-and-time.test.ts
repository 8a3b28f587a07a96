import { describe, expect, it } from 'vitest';
import { formatTimeLeft, secondsLeft } from '../../../src/renderer/screens/imports/durations';
import { formatMonth, formatSpend } from '../../../src/renderer/screens/imports/spend/spend-format';
import { spendGrids } from '../../../src/renderer/screens/imports/spend/spend-table';

describe('stored spend as grids', () => {
  it('keeps currencies apart and lays each out as months (newest first) by channels, with exact totals', () => {
    const grids = spendGrids([
      { channel: 'social', month: '2024-01', amount: 0.1, currency: 'EUR' },
      { channel: 'paid_search', month: '2024-01', amount: 0.2, currency: 'EUR' },
      { channel: 'paid_search', month: '2024-02', amount: 1000, currency: 'EUR' },
      { channel: 'paid_search', month: '2024-02', amount: 5000, currency: 'BRL' },
    ]);
    expect(grids.map((g) => g.currency)).toEqual(['BRL', 'EUR']);
    const eur = grids[1]!;
    expect(eur.channels).toEqual(['paid_search', 'social']);
    expect(eur.months).toEqual([
      { month: '2024-02', amounts: [1000, null], total: 1000 },
      { month: '2024-01', amounts: [0.2, 0.1], total: 0.3 },
    ]);
    expect(eur.channelTotals).toEqual([1000.2, 0.1]);
    expect(eur.total).toBe(1000.3);
    expect(grids[0]!.total).toBe(5000);
  });

  it('is empty without spend', () => {
    expect(spendGrids([])).toEqual([]);
  });

  it('shows cents only when there are any, and months by name', () => {
    expect(formatSpend('en', 12500.5, 'BRL')).toBe('R$12,500.50');
    expect(formatSpend('en', 4200, 'EUR')).toBe('€4,200');
    expect(formatMonth('en', '2024-03')).toBe('Mar 2024');
    expect(formatMonth('zh-CN', '2024-03')).toBe('2024年3月');
    expect(formatMonth('en', 'bad')).toBe('bad');
  });
});

describe('time left', () => {
  it('is unknown until there is a rate, and nothing once done', () => {
    expect(secondsLeft(0, 100, 0)).toBeNull();
    expect(secondsLeft(100, 100, 10)).toBeNull();
    expect(secondsLeft(40, 100, 20)).toBe(3);
  });

  it('reads as seconds, minutes or hours', () => {
    expect(formatTimeLeft('en', 0.2)).toBe('1 sec');
    expect(formatTimeLeft('en', 42.1)).toBe('43 sec');
    expect(formatTimeLeft('en', 61)).toBe('2 min');
    expect(formatTimeLeft('en', 5400)).toBe('1.5 hr');
    expect(formatTimeLeft('ru', 120)).toBe('2 мин');
  });
});
