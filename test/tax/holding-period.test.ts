import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, daysInMonth, isLeapYear } from '../../src/engine/dates';
import { daysHeld, longTermOn, tackedHoldingFrom, termOn } from '../../src/engine/holding-period';
import { d } from './fixtures';
import { assertProperty } from '../support/fast-check-seed';

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

  // Rev. Rul. 66-7 (Pub. 550, "Holding Period"): shares acquired on the last day of a month are
  // long-term only from the first day of the thirteenth month after. 28 February 2023 is the last
  // day of its month, so 29 February 2024 is still short-term.
  it('Rev. Rul. 66-7: acquired 2023-02-28 (last day of the month), long-term from 2024-03-01', () => {
    const lot = bought('2023-02-28');
    expect(longTermOn(lot)).toBe('2024-03-01');
    expect(termOn(lot, d('2024-02-29'))).toBe('short');
    expect(termOn(lot, d('2024-03-01'))).toBe('long');
  });

  it('Rev. Rul. 66-7 for other month ends: 31 January, 30 April, 31 December', () => {
    expect(longTermOn(bought('2023-01-31'))).toBe('2024-02-01');
    expect(longTermOn(bought('2023-04-30'))).toBe('2024-05-01');
    expect(longTermOn(bought('2023-12-31'))).toBe('2025-01-01');
    // Not the last day of the month: the day after the anniversary.
    expect(longTermOn(bought('2023-02-27'))).toBe('2024-02-28');
    expect(longTermOn(bought('2023-04-29'))).toBe('2024-04-30');
  });

  it('property: long-term from the day after the anniversary, except 28 February before a leap year', () => {
    assertProperty(
      // Month ends are drawn as often as any other day, so 28 February before a leap year comes up.
      fc.property(fc.integer({ min: 1950, max: 2150 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 32 }), (year, month, pick) => {
        const dayOfMonth = Math.min(pick, daysInMonth(year, month));
        const start = d(`${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`);
        const turns = longTermOn(bought(start));
        const [y, m, day] = start.split('-').map(Number);
        const expected = m === 2 && day === 28 && isLeapYear(y + 1) ? `${y + 1}-03-01` : addDays(addYears(start, 1), 1);
        expect(turns).toBe(expected);
        // The day before is short-term, the day itself long-term: one boundary, never earlier than a year.
        expect(termOn(bought(start), addDays(turns, -1))).toBe('short');
        expect(termOn(bought(start), turns)).toBe('long');
        expect(daysHeld(bought(start), turns)).toBeGreaterThan(365);
      }),
      { numRuns: 1_500 },
    );
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
