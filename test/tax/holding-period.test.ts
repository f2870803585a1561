import { describe, expect, it } from 'vitest';
import { daysHeld, longTermOn, tackedHoldingFrom, termOn } from '../../src/engine/holding-period';
import { d } from './fixtures';

const bought = (acquired: string, holdingFrom: string | null = null) => ({ acquired: d(acquired), holdingFrom: holdingFrom === null ? null : d(holdingFrom) });

describe('holding period (Pub. 550: more than one year, counted from the day after acquisition)', () => {
  it('leap day: bought 2024-02-29, the anniversary falls on 2025-02-28', () => {
    const lot = bought('2024-02-29');
    expect(longTermOn(lot)).toBe('2025-03-01');
    expect(termOn(lot, d('2025-02-28'))).toBe('short');
    expect(termOn(lot, d('2025-03-01'))).toBe('long');
  });

  it('exactly one year is short-term; the next day is long-term', () => {
    const lot = bought('2023-06-15');
    expect(longTermOn(lot)).toBe('2024-06-16');
    expect(termOn(lot, d('2024-06-15'))).toBe('short');
    expect(termOn(lot, d('2024-06-16'))).toBe('long');
    // 2023-06-15 -> 2024-06-15 spans 29 February 2024: 366 days.
    expect(daysHeld(lot, d('2024-06-15'))).toBe(366);
  });

  it('a start of 28 February turns long-term on the leap day the next year', () => {
    expect(longTermOn(bought('2023-02-28'))).toBe('2024-02-29');
  });

  it('counts the day after acquisition as day 1 and never goes negative', () => {
    expect(daysHeld(bought('2025-01-01'), d('2025-01-02'))).toBe(1);
    expect(daysHeld(bought('2025-01-01'), d('2025-01-01'))).toBe(0);
    expect(daysHeld(bought('2025-01-10'), d('2025-01-01'))).toBe(0);
  });

  it('Holding From overrides the acquisition date', () => {
    const lot = bought('2024-06-01', '2023-05-01');
    expect(longTermOn(lot)).toBe('2024-05-02');
    expect(termOn(lot, d('2024-06-01'))).toBe('long');
    expect(daysHeld(lot, d('2024-06-01'))).toBe(397); // 2023-05-01 -> 2024-05-01 is 366 days, + 31 in May
  });

  it('tacks the sold shares holding period onto a replacement', () => {
    // Held 2024-01-01 -> 2024-03-01: 31 (Jan) + 29 (Feb) = 60 days; replacement bought 2024-03-10.
    // 2024-03-10 minus 60 days: 9 days back to 03-01, 29 to 02-01, 22 more to 01-10.
    expect(tackedHoldingFrom(d('2024-03-10'), d('2024-01-01'), d('2024-03-01'))).toBe('2024-01-10');
  });
});
