import { describe, expect, it } from 'vitest';
import { compareSet, distribution, growthExponent, speedOf } from '../../bench/plan-bench-runs';
import { generateHousehold } from '../../src/generate/generate-household';
import { valueHoldings } from '../../src/engine/valuation';

/**
 * The bench's own pieces on a seed each, so `npm run bench` cannot rot between runs: the
 * taxable-heavy generator, a comparison with the MIP (harvesting on), the ratio distribution and
 * the timing rows. Seconds, not the bench's minutes.
 */
describe('plan bench pieces', () => {
  it('the taxable-heavy shapes put most of the money in taxable accounts, the same for the same seed', () => {
    for (const [shape, taxableAccounts] of [['TA', 1], ['TB', 2]] as const) {
      const h = generateHousehold(1, shape);
      expect(JSON.stringify(generateHousehold(1, shape))).toBe(JSON.stringify(h));
      expect(h.accounts.filter((a) => a.treatment === 'taxable')).toHaveLength(taxableAccounts);
      expect(h.accounts.filter((a) => a.treatment !== 'taxable')).toHaveLength(1);
      const holdings = valueHoldings(h);
      const taxable = h.accounts.filter((a) => a.treatment === 'taxable').reduce((t, a) => t + [...(holdings.byAccount.get(a.name) ?? new Map()).values()].reduce((s, v) => s + v.toNumber(), 0), 0);
      expect(taxable / holdings.total.toNumber()).toBeGreaterThan(0.75);
    }
  });

  it('compares a taxable-heavy plan with the MIP optimum held to its drift, harvesting on', async () => {
    for (const set of ['TA', 'TB'] as const) {
      const result = await compareSet(set, [2], 'equal-or-better');
      expect(result.mipFailures, set).toBe(0);
      expect(result.plannerError, set).toBeNull();
      expect(result.notComparable, set).toEqual([]);
      expect(result.households).toHaveLength(1);
      const [h] = result.households;
      // The optimum is held to equal or better drift, so it pays no more than the plan (up to
      // the solver's $1 range slack and whole-share rounding).
      expect(h.optimumAtEqualOrBetterDrift, set).toBe(true);
      expect(h.ratio, set).toBeGreaterThan(0.99);
      expect(result.row.ratio?.count, set).toBe(1);
    }
  }, 60_000);

  it('summarizes ratios: mean, median, nearest-rank p90, worst and the counts over 1.02 and 1.10', () => {
    const ratios = [1, 1, 1, 1.01, 1.03, 1, 1, 1.5, 1, 1];
    expect(distribution(ratios)).toEqual({ count: 10, mean: 1.054, median: 1, p90: 1.03, worst: 1.5, over1_02: 2, over1_10: 1 });
    expect(distribution([])).toBeNull();
  });

  it('times a size and reads the growth with lots', () => {
    const row = speedOf('S', [101]);
    expect(row.error).toBeNull();
    expect(row.lots).toBeGreaterThan(0);
    expect(row.medianMs).toBeGreaterThan(0);
    // Linear: ten times the lots, ten times the time, exponent 1; quadratic: 2.
    const at = (lots: number, medianMs: number) => ({ seeds: 1, lots, medianMs, maxMs: medianMs, msPer1000Lots: null, medianCpuMs: null });
    expect(growthExponent(at(1000, 50), at(10_000, 500))).toBe(1);
    expect(growthExponent(at(1000, 50), at(10_000, 5000))).toBe(2);
  });
});
