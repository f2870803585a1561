import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { FALLBACK_NOTE, planOutcome, planRebalance } from '../../src/engine/planner';
import type { Plan } from '../../src/engine/plan-types';
import type { Household } from '../../src/engine/types';
import type { LinearProgram, Solution } from '../../src/engine/linear-program';
import { generateHousehold } from '../../src/generate/generate-household';
import { REASON_LIMIT } from '../../src/engine/planner/optimize/explain-trades';
import { lowerEnvelope } from '../../src/engine/planner/optimize/tax-curve';
import type { Settings } from '../../src/engine/types';
import { acct, household, lot, sec, target } from './builders';

/** The builders' default settings with some changed. */
const settings = (changes: Partial<Settings>): Settings => ({ ...household({ accounts: [], targets: [], securities: [], lots: [] }).settings, ...changes });

const brief = (plan: Plan) => plan.trades.map((t) => `${t.account} ${t.action} ${t.shares.toFixed()} ${t.ticker}`);
const soldLots = (plan: Plan) => plan.trades.flatMap((t) => t.lots.map((l) => `${l.lot}:${l.shares.toFixed()}`));

/**
 * The harvest examples: one taxable Brokerage, Stocks and Bonds 50/50 with 5-point bands, VTI
 * and SCHB (second choice) for Stocks and BND for Bonds, all at $100; flat 35% short-term and
 * 15% long-term, no state tax, no spread, loss harvesting on with a $500 Harvest Min Loss.
 * Each example differs only in its lots.
 */
const harvestHousehold = (lots: Household['lots']): Household =>
  household({
    accounts: [acct('Brokerage', 'Taxable', 0)],
    targets: [target('Stocks', '0.5', '0.05'), target('Bonds', '0.5', '0.05')],
    securities: [sec('VTI', 'Stocks', 100), sec('SCHB', 'Stocks', 100, { rank: 2 }), sec('BND', 'Bonds', 100)],
    lots,
    settings: settings({ shortTermRate: dec('0.35'), longTermRate: dec('0.15'), stateRate: dec(0), spread: dec(0), harvestLosses: true, harvestMinLoss: dec(500) }),
  });

describe('the optimizer takes the least tax per dollar, whatever the holding period (cause B)', () => {
  // One taxable account, Stocks 73% against 50% (beyond its 5-point band): $3,500 of VTI to sell.
  // Flat rates 35% short-term, 15% long-term, 5% state: 40% and 20%.
  //   lt  50 sh, basis $28/sh: gain $72/sh, 72 x 20% = 14.4 cents of tax per dollar
  //   st1 30 sh, basis $82/sh: gain $18/sh, 18 x 40% =  7.2 cents
  //   st2 30 sh, basis $81.25/sh: gain $18.75/sh, 18.75 x 40% = 7.5 cents
  // Least tax: 30 st1 + 5 st2 = 30 x 18 x 0.40 + 5 x 18.75 x 0.40 = $216 + $37.50 = $253.50.
  // The step-by-step planner took every long-term gain first: 35 lt = 35 x 72 x 0.20 = $504.
  const h = household({
    accounts: [acct('Brokerage', 'Taxable', 0)],
    targets: [target('Stocks', '0.5', '0.05'), target('Bonds', '0.5', '0.05')],
    securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
    lots: [
      lot('lt', 'Brokerage', 'VTI', 50, 1400, '2018-03-01'),
      lot('st1', 'Brokerage', 'VTI', 30, 2460, '2026-05-01'),
      lot('st2', 'Brokerage', 'VTI', 30, 2437.5, '2026-06-01'),
      lot('b', 'Brokerage', 'BND', 40, 4000, '2020-01-02'),
    ],
    settings: settings({ shortTermRate: dec('0.35'), longTermRate: dec('0.15'), stateRate: dec('0.05'), spread: dec(0), harvestLosses: false }),
  });

  it('sells the short-term lots at 7.2 and 7.5 cents, not the long-term lot at 14.4', () => {
    const plan = planRebalance(h);
    expect(soldLots(plan)).toEqual(['st1:30', 'st2:5']);
    expect(plan.summary.estimatedTax.toFixed(2)).toBe('253.50');
    expect(brief(plan)).toEqual(['Brokerage SELL 35 VTI', 'Brokerage BUY 35 BND']);
    expect(plan.drift.every((d) => d.statusAfter === 'within')).toBe(true);
    const sale = plan.trades[0];
    expect(sale.reason).toMatch(/^Stocks is 23\.3 points over its 50% target; 2 lots cost 7\.2 cents of tax per dollar, the least available\.$/);
    // The details compare with the choice the optimum did not make.
    expect(sale.details).toContain('The cheapest Stocks sale the plan leaves unmade, the 2018 VTI lot in Brokerage, would cost about 14.4 cents of tax per dollar.');
  });
});

describe('a harvest in an overweight class is not bought back (cause A)', () => {
  // Joint holds Stocks with a large long-term gain and Bonds; Solo holds Stocks at a loss and
  // Bonds. Stocks are over (60% of $40,000 against 40%), so $8,000 of Stocks must be sold, and
  // each account can buy Bonds. Solo's loss lot ($9,000 worth at $100, basis $110) covers it with
  // no tax at all. Before cause A was fixed, the step-by-step planner harvested the loss first,
  // bought the replacement back into Stocks, then sold Joint's gain lots to fix the overweight.
  const h: Household = household({
    accounts: [acct('Joint', 'Taxable', 0), acct('Solo', 'Taxable', 0)],
    targets: [target('Stocks', '0.4', '0.05'), target('Bonds', '0.6', '0.05')],
    securities: [sec('VTI', 'Stocks', 100), sec('ITOT', 'Stocks', 100, { rank: 2 }), sec('BND', 'Bonds', 100)],
    lots: [
      lot('gain', 'Joint', 'VTI', 150, 3000, '2015-01-02'),
      lot('jb', 'Joint', 'BND', 100, 10000, '2020-01-02'),
      lot('loss', 'Solo', 'VTI', 90, 9900, '2024-01-02'),
      lot('sb', 'Solo', 'BND', 60, 6000, '2020-01-02'),
    ],
    settings: settings({ shortTermRate: dec('0.35'), longTermRate: dec('0.15'), stateRate: dec('0.05'), spread: dec(0), harvestLosses: true, harvestMinLoss: dec(500) }),
  });

  it('sells only the loss lot, buys Bonds with it and Stocks only back to target, and pays no tax', () => {
    const plan = planRebalance(h);
    expect(plan.trades.some((t) => t.action === 'SELL' && t.lots.some((l) => l.lot === 'gain'))).toBe(false);
    // All of the loss is realized (90 VTI, $9,000) and only $1,000 of ITOT bought back: Stocks on target.
    expect(brief(plan)).toEqual(['Solo SELL 90 VTI', 'Solo BUY 80 BND', 'Solo BUY 10 ITOT']);
    expect(plan.drift.find((d) => d.assetClass === 'Stocks')!.after.toFixed(3)).toBe('0.400');
    expect(plan.summary.estimatedTax.lessThanOrEqualTo(0)).toBe(true);
    expect(plan.drift.every((d) => d.statusAfter === 'within')).toBe(true);
  });
});

describe('a class over target but inside its band, both funds at a loss: the larger loss is harvested into the other fund', () => {
  // Stocks are 52% of $10,000 against 50% (inside a 5-point band), held as VTI (50 sh at $100,
  // basis $120: a $1,000 long-term loss, worth harvesting) and SCHB (2 sh, basis $101: a $2
  // loss). The least tax sells all of VTI (-$1,000 of loss) and buys Stocks back in SCHB,
  // another wash group (both classes inside their bands stay between where they were and target). Before, every group with a loss in a class over target
  // was kept from buying, so Stocks could only be sold: 2 VTI, $40 of loss (TA seed 1, S seed 2
  // of the bench: 11% and 25% over the MIP optimum).
  const h = harvestHousehold([
    lot('loss', 'Brokerage', 'VTI', 50, 6000, '2024-01-02'),
    lot('small', 'Brokerage', 'SCHB', 2, 202, '2024-01-02'),
    lot('b', 'Brokerage', 'BND', 48, 4320, '2020-01-02'),
  ]);

  it('sells all 50 VTI and buys 49 SCHB and 1 BND: $1,000 of loss realized, each class nearer its target', () => {
    const plan = planRebalance(h);
    expect(brief(plan)).toEqual(['Brokerage SELL 50 VTI', 'Brokerage BUY 49 SCHB', 'Brokerage BUY 1 BND']);
    // The $1,000 net loss is deducted from ordinary income (IRC 1211(b)): 35%.
    expect(plan.summary.longTermGain.toFixed(2)).toBe('-1000.00');
    expect(plan.summary.estimatedTax.toFixed(2)).toBe('-350.00');
    expect(plan.drift.map((d) => d.after.toFixed(3))).toEqual(['0.510', '0.490']);
    expect(plan.warnings).not.toContain(FALLBACK_NOTE);
  });
});

describe('a class beyond its band, both funds at a loss: harvesting both beats a round trip', () => {
  // Stocks are 77.5% of $20,000 against 50% (5-point band): $5,500 to sell. VTI: 100 sh at $100,
  // basis $106 (a $600 loss) and 50 sh with a $50/sh gain; SCHB: 5 sh, basis $200 (a $500 loss
  // in $500). Keeping SCHB buyable (VTI has the larger loss, so it is harvested first) allows the
  // round trip: all 100 loss VTI sold and $4,500 of SCHB bought back, $600 of loss. Harvesting
  // both sells 50 loss VTI and all of SCHB: $300 + $500 = $800 of loss for the same drift (TB
  // seed 4 of the bench, 3.1% over the MIP optimum, for the same reason).
  const h = harvestHousehold([
    lot('loss', 'Brokerage', 'VTI', 100, 10600, '2024-01-02'),
    lot('gain', 'Brokerage', 'VTI', 50, 2500, '2020-01-02'),
    lot('small', 'Brokerage', 'SCHB', 5, 1000, '2024-01-02'),
    lot('b', 'Brokerage', 'BND', 45, 4050, '2020-01-02'),
  ]);

  it('sells 50 loss VTI and all 5 SCHB, buys 55 BND: $800 of loss, both classes on target', () => {
    const plan = planRebalance(h);
    expect(soldLots(plan).sort()).toEqual(['loss:50', 'small:5']);
    expect(brief(plan).filter((t) => t.includes('BUY'))).toEqual(['Brokerage BUY 55 BND']);
    expect(plan.summary.longTermGain.toFixed(2)).toBe('-800.00');
    expect(plan.drift.map((d) => d.after.toFixed(3))).toEqual(['0.500', '0.500']);
  });
});

describe('a loss too small to harvest is realized only where its class is not bought back', () => {
  // Stocks are 52% of $10,000 against 50% (inside a 5-point band): VTI 20 sh at $100, basis $110
  // (a $200 loss, below Harvest Min Loss $500), SCHB 32 sh with a gain; Bonds 48%. Selling all of
  // VTI and buying Stocks back in SCHB would realize the $200 loss in a round trip: a harvest too
  // small to make (the yardstick forbids it). The plan may realize it only to move money out of
  // Stocks: 2 VTI to the target, into Bonds, Stocks bought nowhere.
  const h = harvestHousehold([
    lot('small', 'Brokerage', 'VTI', 20, 2200, '2024-01-02'),
    lot('gain', 'Brokerage', 'SCHB', 32, 2000, '2020-01-02'),
    lot('b', 'Brokerage', 'BND', 48, 4800, '2020-01-02'),
  ]);

  it('sells 2 VTI into Bonds and buys no Stocks', () => {
    const plan = planRebalance(h);
    expect(brief(plan)).toEqual(['Brokerage SELL 2 VTI', 'Brokerage BUY 2 BND']);
    expect(plan.summary.longTermGain.toFixed(2)).toBe('-20.00');
  });
});

describe('two taxable accounts and a small IRA: the least tax for the drift (the issue\'s taxable-heavy households)', () => {
  /** Seed 2 of the S generator with its first two accounts taxable and the third a small IRA (15% of its lots). */
  function twoTaxable(seed: number): Household {
    const g = generateHousehold(seed, 'S');
    const small = g.accounts[2]!.name;
    return {
      ...g,
      accounts: g.accounts.map((a, i) => (i < 2 ? { ...a, type: 'Taxable' as const, treatment: 'taxable' as const, allowed: null } : { ...a, type: 'Traditional IRA' as const, treatment: 'deferred' as const, allowed: null })),
      lots: g.lots.map((l) => (l.account === small ? { ...l, shares: l.shares.times('0.15').toDecimalPlaces(6), basis: l.basis.times('0.15').toDecimalPlaces(2) } : l)),
    };
  }

  it('seed 2 with harvesting: $137 where the step-by-step planner paid $1,319, every class in band', () => {
    // The step-by-step planner sold $5,394 of long-term gains (and harvested $117 of short-term
    // losses); the optimizer reaches the same bands realizing $211 long-term and $201 short-term
    // gain. The HiGHS yardstick (bench/optimal-plan.ts) puts the least tax for this drift within 1%.
    const plan = planRebalance(twoTaxable(2), { harvestLosses: true });
    expect(plan.summary.estimatedTax.lessThan(200)).toBe(true);
    expect(plan.summary.longTermGain.lessThan(1000)).toBe(true);
    expect(plan.drift.every((d) => d.statusAfter === 'within')).toBe(true);
  });

  it('seed 5 without harvesting: a saving where the step-by-step planner paid $206', () => {
    const plan = planRebalance(twoTaxable(5), { harvestLosses: false });
    expect(plan.summary.estimatedTax.lessThan(0)).toBe(true);
    expect(plan.drift.every((d) => d.statusAfter === 'within')).toBe(true);
  });
});

describe('the step-by-step planner is the fallback when the solver reports trouble', () => {
  const h = generateHousehold(7, 'S');
  for (const status of ['iteration-limit', 'numerical-trouble', 'infeasible'] as const) {
    it(`${status}: a plan still comes back, made step by step, and says so`, () => {
      const failing = (lp: LinearProgram): Solution => ({
        status, x: new Float64Array(lp.columns.length), objective: 0, rowActivity: new Float64Array(lp.rows.length),
        duals: new Float64Array(lp.rows.length), reducedCosts: new Float64Array(lp.columns.length), iterations: 12,
      });
      const outcome = planOutcome(h, {}, failing);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const notes = outcome.plan.warnings.filter((w) => w.startsWith(FALLBACK_NOTE));
      expect(notes).toEqual([`${FALLBACK_NOTE} (the solver stopped (${status}) after 12 iterations).`]);
      expect(outcome.plan.trades.length).toBeGreaterThan(0);
    });
  }

  it('an error thrown inside the optimizer is trouble too: the plan comes back step by step and names it', () => {
    const throwing = (): Solution => {
      throw new Error('coefficient -Infinity is not a finite number');
    };
    const outcome = planOutcome(h, {}, throwing);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.plan.warnings.filter((w) => w.startsWith(FALLBACK_NOTE))).toEqual([
      `${FALLBACK_NOTE} (it stopped on an error: coefficient -Infinity is not a finite number).`,
    ]);
  });

  it('a lot of 5e-324 shares (found by the fuzzer) is left unsold by the optimizer, which still plans', () => {
    // Its loss per share overflows a float (-Infinity): the model used to throw on the coefficient.
    const taxableLot = h.lots.find((l) => h.accounts.find((a) => a.name === l.account)?.treatment === 'taxable')!;
    const dust = { ...h, lots: [...h.lots, { ...taxableLot, id: 'dust', shares: dec('5e-324') }] };
    const plan = planRebalance(dust);
    expect(plan.warnings.filter((w) => w.startsWith(FALLBACK_NOTE))).toEqual([]);
    expect(plan.trades.flatMap((t) => t.lots.map((l) => l.lot))).not.toContain('dust');
  });

  it('is rare: no generated household falls back', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const plan = planRebalance(generateHousehold(seed, 'S'));
      expect(plan.warnings.filter((w) => w.startsWith(FALLBACK_NOTE)), `seed ${seed}`).toEqual([]);
    }
  });
});

describe('reasons follow the contract: one sentence of at most 140 characters, details beside it', () => {
  it('on generated households, in every mode, with harvesting on and off', () => {
    for (let seed = 1; seed <= 12; seed++) {
      for (const mode of ['threshold', 'full', 'cash-only'] as const) {
        const plan = planRebalance(generateHousehold(seed, 'S'), { mode, harvestLosses: seed % 2 === 0 });
        for (const t of plan.trades) {
          expect(t.reason.length, t.reason).toBeLessThanOrEqual(REASON_LIMIT);
          expect(t.reason, `${t.account} ${t.ticker}`).toMatch(/^[A-Z].*\.$/);
          expect(Array.isArray(t.details)).toBe(true);
        }
      }
    }
  });
});

describe('the tax curve', () => {
  it('replaces a falling rate by the lower convex envelope, keeping the tax', () => {
    // 0% for $1,000, 22% for $500, 15% for $1,500 (the worksheet cap above the 0% band), 24% on.
    const pieces = lowerEnvelope([{ width: 1000, rate: 0 }, { width: 500, rate: 0.22 }, { width: 1500, rate: 0.15 }, { width: 1000, rate: 0.24 }]);
    expect(pieces.map((p) => [p.width, Number(p.rate.toFixed(6))])).toEqual([[1000, 0], [2000, Number(((500 * 0.22 + 1500 * 0.15) / 2000).toFixed(6))], [1000, 0.24]]);
  });
});
