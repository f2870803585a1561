import { describe, expect, it } from 'vitest';
import { dec, type Decimal } from '../../src/engine/money';
import { planTax, realizedFromSales, taxRatesFrom, yearTax, type GainsByTerm } from '../../src/engine/tax';
import { account, sale, settings } from './fixtures';

// 37% + 5% state = 42% short-term and ordinary; 20% + 5% = 25% long-term.
const rates = taxRatesFrom(settings());
const g = (shortTerm: number, longTerm: number): GainsByTerm => ({ shortTerm: dec(shortTerm), longTerm: dec(longTerm) });
const none = g(0, 0);
const s = (value: Decimal) => value.toFixed();

describe('yearTax: Schedule D netting, IRC 1211(b) and 1212(b)', () => {
  it('taxes each character at its own rate when both are gains', () => {
    // 1,000 x 0.42 + 2,000 x 0.25 = 420 + 500 = 920
    expect(s(yearTax(g(1000, 2000), none, rates).tax)).toBe('920');
  });

  it('a short-term loss offsets a long-term gain; the rest is long-term', () => {
    // -2,000 + 5,000 = 3,000 long-term x 0.25 = 750
    const result = yearTax(g(-2000, 5000), none, rates);
    expect(s(result.taxedLongTerm)).toBe('3000');
    expect(s(result.tax)).toBe('750');
  });

  it('a long-term carryforward is a long-term loss that offsets short-term gains', () => {
    // ST 4,000; LT 0 - 1,000 carried = -1,000; net 3,000 short-term x 0.42 = 1,260
    const result = yearTax(g(4000, 0), g(0, 1000), rates);
    expect(s(result.taxedShortTerm)).toBe('3000');
    expect(s(result.tax)).toBe('1260');
    expect(s(result.carryforward.longTerm)).toBe('0');
  });

  it('a net loss offsets at most $3,000 of ordinary income; the rest carries with its character', () => {
    // -5,000 ST and -2,000 LT: 3,000 deducted (taken from the ST loss first) -> -3,000 x 0.42 = -1,260;
    // carried: ST 5,000 - 3,000 = 2,000; LT 2,000.
    const both = yearTax(g(-5000, -2000), none, rates);
    expect(s(both.ordinaryOffset)).toBe('3000');
    expect(s(both.tax)).toBe('-1260');
    expect([s(both.carryforward.shortTerm), s(both.carryforward.longTerm)]).toEqual(['2000', '2000']);

    // -1,000 ST and -5,000 LT: the 3,000 uses the 1,000 ST loss and 2,000 of the LT loss -> LT 3,000 carried.
    const mostlyLong = yearTax(g(-1000, -5000), none, rates);
    expect([s(mostlyLong.carryforward.shortTerm), s(mostlyLong.carryforward.longTerm)]).toEqual(['0', '3000']);

    // +2,000 ST and -6,000 LT: net -4,000; 3,000 deducted; LT carried 6,000 - 2,000 - 3,000 = 1,000.
    const mixed = yearTax(g(2000, -6000), none, rates);
    expect(s(mixed.tax)).toBe('-1260');
    expect([s(mixed.carryforward.shortTerm), s(mixed.carryforward.longTerm)]).toEqual(['0', '1000']);

    // A small net loss is deducted whole: -1,200 x 0.42 = -504, nothing carried.
    const small = yearTax(g(-1200, 0), none, rates);
    expect(s(small.tax)).toBe('-504');
    expect(s(small.carryforward.shortTerm)).toBe('0');
  });
});

describe('planTax = tax(existing + plan) - tax(existing)', () => {
  it('a harvest against this year\'s gains is a saving', () => {
    // Existing LT 10,000: 2,500. With a 4,000 ST loss: LT 6,000 -> 1,500. Plan tax -1,000.
    expect(s(planTax(g(0, 10000), g(-4000, 0), none, rates))).toBe('-1000');
  });

  it('a harvest beyond the gains also saves ordinary tax, up to $3,000 of it', () => {
    // Existing LT 1,000: 250. With -5,000 ST: net -4,000 -> -3,000 x 0.42 = -1,260. Plan tax -1,510.
    expect(s(planTax(g(0, 1000), g(-5000, 0), none, rates))).toBe('-1510');
  });

  it('a gain absorbed by losses already past the $3,000 limit costs nothing', () => {
    // Existing ST -10,000 -> -1,260; plus LT 5,000 -> net -5,000 -> still -1,260.
    expect(s(planTax(g(-10000, 0), g(0, 5000), none, rates))).toBe('0');
  });

  it('carryforwards count', () => {
    // Carried ST loss 2,000; plan ST gain 5,000 -> 3,000 taxed at 0.42 = 1,260; without the plan
    // the 2,000 loss saves 2,000 x 0.42 = 840. Plan tax 1,260 + 840 = 2,100.
    expect(s(planTax(none, g(5000, 0), g(2000, 0), rates))).toBe('2100');
  });
});

describe('realizedFromSales', () => {
  const accounts = [account('Brokerage'), account('IRA', 'Traditional IRA')];
  const sales = [
    // Held exactly one year: short-term. +500.
    sale({ date: '2025-03-01', account: 'Brokerage', ticker: 'X', shares: 10, proceeds: 1500, basis: 1000, acquired: '2024-03-01' }),
    // One day more: long-term. 800 - 1,000 + 50 disallowed = -150.
    sale({ date: '2025-03-02', account: 'Brokerage', ticker: 'X', shares: 10, proceeds: 800, basis: 1000, acquired: '2024-03-01', disallowed: 50 }),
    // Inside an IRA: not reported.
    sale({ date: '2025-04-01', account: 'IRA', ticker: 'X', shares: 10, proceeds: 5000, basis: 1000, acquired: '2020-01-01' }),
    // No Acquired: short-term, with a warning. +200.
    sale({ date: '2025-05-01', account: 'Brokerage', ticker: 'Y', shares: 1, proceeds: 300, basis: 100 }),
    // Last year: ignored.
    sale({ date: '2024-12-31', account: 'Brokerage', ticker: 'X', shares: 1, proceeds: 900, basis: 100, acquired: '2024-01-01' }),
  ];

  it('sums this year by term, adds back disallowed losses, skips tax-advantaged accounts', () => {
    const { realized, warnings } = realizedFromSales(sales, 2025, accounts);
    expect(s(realized.shortTerm)).toBe('700'); // 500 + 200
    expect(s(realized.longTerm)).toBe('-150');
    expect(warnings).toEqual(['Sale of Y in Brokerage on 2025-05-01 has no Acquired date; counted as short-term.']);
  });
});
