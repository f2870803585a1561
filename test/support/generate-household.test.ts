import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertProperty } from './fast-check-seed';
import { ONE, ZERO, sumBy } from '../../src/engine/money';
import { daysBetween } from '../../src/engine/dates';
import { computeDrift } from '../../src/engine/drift';
import type { Household } from '../../src/engine/types';
import { GENERATED_AS_OF, generateHousehold } from '../../src/generate/generate-household';
import { mulberry32 } from '../../src/generate/prng';

function checkInvariants(h: Household): void {
  // Targets: exactly 1, every one positive.
  expect(sumBy(h.targets, (t) => t.target!).eq(ONE)).toBe(true);
  for (const t of h.targets) expect(t.target!.gt(ZERO)).toBe(true);
  const accounts = new Map(h.accounts.map((a) => [a.name, a]));
  const tickers = new Map(h.securities.map((s) => [s.ticker, s]));
  for (const lot of h.lots) {
    expect(lot.shares.gt(ZERO)).toBe(true);
    expect(lot.basis.gt(ZERO)).toBe(true);
    expect(tickers.has(lot.ticker)).toBe(true);
    const account = accounts.get(lot.account)!;
    expect(account).toBeDefined();
    // A plan account holds only funds on its menu; whole shares unless it trades fractions.
    if (account.allowed) expect(account.allowed).toContain(lot.ticker);
    if (!account.fractional) expect(lot.shares.isInteger()).toBe(true);
    const age = daysBetween(lot.acquired, GENERATED_AS_OF);
    expect(age).toBeGreaterThanOrEqual(1);
    expect(age).toBeLessThanOrEqual(8 * 365);
  }
  for (const s of h.securities) expect(s.price.decimalPlaces()).toBeLessThanOrEqual(2);
  for (const a of h.accounts) {
    expect(a.cash.gte(ZERO)).toBe(true);
    expect(a.cash.decimalPlaces()).toBeLessThanOrEqual(2);
  }
  // In each class the primary and the replacement are not substantially identical (IRC 1091).
  for (const t of h.targets) {
    const ranked = h.securities.filter((s) => s.assetClass === t.assetClass).sort((a, b) => a.rank - b.rank);
    expect(ranked.map((s) => s.rank).slice(0, 2)).toEqual([1, 2]);
    expect(ranked[0].washGroup).not.toBe(ranked[1].washGroup);
  }
  expect(new Set(h.lots.map((l) => l.id)).size).toBe(h.lots.length);
}

describe('mulberry32', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(first);
    expect(mulberry32(43).next()).not.toBe(first[0]);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('generateHousehold', () => {
  it('is deterministic: same seed, same household; another seed, another household', () => {
    const text = (seed: number) => JSON.stringify(generateHousehold(seed, 'M'));
    expect(text(7)).toBe(text(7));
    expect(text(8)).not.toBe(text(7));
  });

  it('builds the three sizes with the promised shape', () => {
    const shapes = { S: [3, 6, 60], M: [6, 17, 1000] } as const;
    for (const [size, [accounts, classes, lots]] of Object.entries(shapes)) {
      const h = generateHousehold(1, size as 'S' | 'M');
      expect([h.accounts.length, h.targets.length, h.lots.length]).toEqual([accounts, classes, lots]);
      checkInvariants(h);
    }
    const large = generateHousehold(1, 'L');
    expect([large.accounts.length, large.targets.length, large.lots.length]).toEqual([20, 30, 20000]);
    expect(new Set(large.accounts.map((a) => a.name)).size).toBe(20);
  });

  it('mixes account types, a 401(k) menu, and settings as of 2026-11-20 with every default', () => {
    const h = generateHousehold(3, 'M');
    expect(h.accounts.map((a) => a.type)).toEqual(['Taxable', 'Traditional IRA', 'Roth IRA', '401(k)', 'HSA', 'Taxable']);
    expect(h.accounts.map((a) => a.treatment)).toEqual(['taxable', 'deferred', 'exempt', 'deferred', 'exempt', 'taxable']);
    const plan401k = h.accounts[3];
    expect(plan401k.allowed!.length).toBeGreaterThanOrEqual(3);
    expect(h.settings.asOf).toBe('2026-11-20');
    expect(h.settings.shortTermRate.toFixed()).toBe('0.37');
    expect(h.settings.longTermRate.toFixed()).toBe('0.2');
    expect(h.settings.stateRate.toFixed()).toBe('0.05');
    expect(h.settings.minTrade.toFixed()).toBe('100');
    expect(h.settings.harvestMinLoss.toFixed()).toBe('500');
    expect(h.settings.longTermWaitDays).toBe(30);
  });

  it('has gains and losses, recent lots and lots near one year, and real drift', () => {
    const h = generateHousehold(5, 'M');
    const price = new Map(h.securities.map((s) => [s.ticker, s.price]));
    const gains = h.lots.map((l) => l.shares.times(price.get(l.ticker)!).minus(l.basis));
    expect(gains.some((g) => g.isNegative())).toBe(true);
    expect(gains.filter((g) => g.isPositive()).length).toBeGreaterThan(h.lots.length / 2);
    const ages = h.lots.map((l) => daysBetween(l.acquired, GENERATED_AS_OF));
    expect(ages.some((d) => d <= 30)).toBe(true);
    expect(ages.some((d) => d >= 335 && d <= 365)).toBe(true); // short-term, turning long within a month
    const drift = computeDrift(h);
    expect(drift.rows.filter((r) => r.status !== 'within').length).toBeGreaterThanOrEqual(3);
    expect(drift.householdDrift.toNumber()).toBeGreaterThan(0.03);
  });

  it('keeps its invariants for any seed and any small shape (property)', () => {
    assertProperty(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 2, max: 35 }),
        fc.integer({ min: 1, max: 120 }),
        (seed, accounts, classes, lots) => {
          const h = generateHousehold(seed, { accounts, classes, lots });
          expect(h.accounts.length).toBe(accounts);
          expect(h.targets.length).toBe(classes);
          expect(h.lots.length).toBe(lots);
          checkInvariants(h);
        },
      ),
      { numRuns: 60 },
    );
  });
});
