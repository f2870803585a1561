import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertProperty } from '../support/fast-check-seed';
import { Decimal, ZERO } from '../../src/engine/money';
import { planRebalance } from '../../src/engine/planner';
import { describeWash, washesCreatedBy } from '../reference/wash-sales';
import { recordTrades } from '../../src/engine/record-trades';
import { applyTrades } from '../../src/engine/trade-effects';
import { householdWithDeposits, tradeInputs } from '../../src/engine/planner/assemble-plan';
import { valueHoldings } from '../../src/engine/valuation';
import { targetsOn } from '../../src/engine/targets';
import type { Household } from '../../src/engine/types';
import type { Plan, RebalanceMode } from '../../src/engine/plan-types';
import { generateHousehold } from '../../src/generate/generate-household';

const key = (account: string, ticker: string) => `${account}|${ticker}`;

function sharesByPosition(h: Household): Map<string, Decimal> {
  const m = new Map<string, Decimal>();
  for (const l of h.lots) m.set(key(l.account, l.ticker), (m.get(key(l.account, l.ticker)) ?? ZERO).plus(l.shares));
  return m;
}

/** The household after the plan, as recording it would leave it (deposits in, withdrawals still held as cash). */
function after(h: Household, plan: Plan): Household {
  const effects = applyTrades(householdWithDeposits(h, {}), tradeInputs(plan.trades), { asOf: plan.asOf, lotMethod: h.settings.lotMethod, lotId: (n) => `p${n}`, checkCash: false });
  expect(effects.errors).toEqual([]);
  return { ...h, lots: effects.lots, accounts: effects.accounts };
}

/**
 * Households and plans shared across the properties of this file: properties drawing the same
 * seeds judge the same household (and, with the same options, the same plan) without making it
 * again. The engine is pure and no property mutates either. The determinism property below calls
 * the engine itself, twice, on purpose.
 */
const households = new Map<number, Household>();
const household = (seed: number): Household => {
  let h = households.get(seed);
  if (!h) households.set(seed, (h = generateHousehold(seed, 'S')));
  return h;
};
const plans = new WeakMap<Household, Map<string, Plan>>();
function planOf(h: Household, options: { mode: RebalanceMode; harvestLosses?: boolean }): Plan {
  const byOptions = plans.get(h) ?? new Map<string, Plan>();
  plans.set(h, byOptions);
  const key = JSON.stringify(options);
  const plan = byOptions.get(key) ?? planRebalance(h, options);
  byOptions.set(key, plan);
  return plan;
}

const seeds = fc.integer({ min: 1, max: 1_000_000 });
const modes = fc.constantFrom<RebalanceMode>('threshold', 'full', 'cash-only');

describe('planner properties on random households', () => {
  it('conserves shares and per-account cash exactly, keeps reserves and never overdraws', () => {
    assertProperty(
      fc.property(seeds, modes, (seed, mode) => {
        const h = household(seed);
        const plan = planOf(h, { mode });
        const next = after(h, plan);
        const before = sharesByPosition(h);
        const afterShares = sharesByPosition(next);
        const delta = new Map<string, Decimal>();
        for (const t of plan.trades) {
          const k = key(t.account, t.ticker);
          delta.set(k, (delta.get(k) ?? ZERO).plus(t.action === 'BUY' ? t.shares : t.shares.negated()));
        }
        for (const k of new Set([...before.keys(), ...afterShares.keys(), ...delta.keys()])) {
          expect((afterShares.get(k) ?? ZERO).toFixed(), k).toBe((before.get(k) ?? ZERO).plus(delta.get(k) ?? ZERO).toFixed());
        }
        for (const a of h.accounts) {
          const trades = plan.trades.filter((t) => t.account === a.name);
          const flow = trades.reduce((acc, t) => (t.action === 'SELL' ? acc.plus(t.amount) : acc.minus(t.amount)), ZERO);
          const cashAfter = next.accounts.find((x) => x.name === a.name)!.cash;
          expect(cashAfter.toFixed(), a.name).toBe(a.cash.plus(flow).toFixed());
          expect(cashAfter.greaterThanOrEqualTo(0), `${a.name} overdrawn`).toBe(true);
          // Buying never eats into the reserve or the withdrawal: any buy leaves at least them.
          if (trades.some((t) => t.action === 'BUY')) {
            expect(cashAfter.greaterThanOrEqualTo(Decimal.min(a.cash, a.reserve.plus(a.withdraw))), `${a.name} reserve`).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never creates a wash sale (judged by the reference checker, not by the planner\'s own checkWashSales)', () => {
    assertProperty(
      fc.property(seeds, modes, fc.boolean(), (seed, mode, harvest) => {
        const h = household(seed);
        const plan = planOf(h, { mode, harvestLosses: harvest });
        expect(washesCreatedBy(h, plan).map(describeWash)).toEqual([]);
        expect(plan.warnings.filter((w) => w.startsWith('Wash sale in the plan'))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("never makes a class's distance from target worse (beyond one share of rounding)", () => {
    assertProperty(
      fc.property(seeds, modes, (seed, mode) => {
        const h = household(seed);
        const plan = planOf(h, { mode, harvestLosses: false });
        const next = after(h, plan);
        // Compare dollars against the target on the base the targets apply to after this run:
        // the total less withdrawals and the cash reserves kept, so neither counts as drift the
        // plan made.
        const heldBack = h.accounts.reduce((acc, a) => acc.plus(a.withdraw).plus(a.reserve), ZERO);
        const total = valueHoldings(h).total.minus(heldBack);
        const targets = targetsOn(h.targets, plan.asOf);
        const valueBefore = valueHoldings(h).byClass;
        const valueAfter = valueHoldings(next).byClass;
        // Cash an account must raise (a withdrawal, or a reserve its cash does not cover) is
        // forced: when the account holds only underweight classes, the sale makes one worse.
        const forced = new Set(plan.trades.filter((t) => t.purpose === 'withdrawal').map((t) => h.securities.find((s) => s.ticker === t.ticker)!.assetClass));
        for (const { assetClass, target } of targets) {
          if (forced.has(assetClass)) continue;
          const goal = target.times(total);
          const gapBefore = (valueBefore.get(assetClass) ?? ZERO).minus(goal).abs();
          const gapAfter = (valueAfter.get(assetClass) ?? ZERO).minus(goal).abs();
          const oneShare = h.securities.filter((s) => s.assetClass === assetClass).reduce((m, s) => Decimal.max(m, s.price), ZERO);
          expect(gapAfter.lessThanOrEqualTo(gapBefore.plus(oneShare).plus(1)), `${assetClass}: ${gapBefore.toFixed(2)} -> ${gapAfter.toFixed(2)}`).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('regression (household seed 467956): raising a withdrawal takes at most an overweight class\'s excess', () => {
    // Joint Brokerage must raise $2,166; Intl Developed was 0.1 points (about $600) over target,
    // and the withdrawal used to sell 12 VEA ($2,253) from it, leaving it $1,256 under.
    const h = generateHousehold(467956, 'S');
    const plan = planRebalance(h, { mode: 'threshold', harvestLosses: false });
    const intl = plan.drift.find((d) => d.assetClass === 'Intl Developed')!;
    expect(intl.after.minus(intl.target).abs().lessThanOrEqualTo(intl.before.minus(intl.target).abs().plus('0.001'))).toBe(true);
    const vea = plan.trades.find((t) => t.ticker === 'VEA' && t.action === 'SELL')!;
    expect(vea.shares.lessThanOrEqualTo(4)).toBe(true);
  });

  it('brings every class inside its band when holdings make it possible (tax-advantaged accounts, no menus)', () => {
    assertProperty(
      fc.property(seeds, fc.constantFrom<RebalanceMode>('threshold', 'full'), (seed, mode) => {
        const g = household(seed);
        // Every account an IRA with an open menu and fractional shares: nothing stops a rebalance.
        const h: Household = {
          ...g,
          accounts: g.accounts.map((a) => ({ ...a, type: 'Traditional IRA', treatment: 'deferred', allowed: null, fractional: true, withdraw: ZERO })),
        };
        const plan = planRebalance(h, { mode, harvestLosses: false });
        for (const d of plan.drift) expect(d.statusAfter, `${d.assetClass} ${d.after.toFixed(4)} vs ${d.target.toFixed(4)}`).toBe('within');
      }),
      { numRuns: 30 },
    );
  });

  it('every plan can be recorded as executed: its deposits, trades and withdrawals balance', () => {
    assertProperty(
      fc.property(seeds, modes, fc.boolean(), (seed, mode, harvest) => {
        const h = household(seed);
        const plan = planOf(h, { mode, harvestLosses: harvest });
        const recorded = recordTrades(h, { id: plan.id, asOf: plan.asOf, cashFlows: plan.cashFlows, trades: tradeInputs(plan.trades) }, { recordedPlanIds: [] });
        if (!recorded.ok) throw new Error(recorded.errors.join('; '));
        for (const a of recorded.accounts) {
          expect(a.cash.greaterThanOrEqualTo(0), a.name).toBe(true);
          expect(a.withdraw.toFixed(), a.name).toBe('0');
        }
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic: the same household and options give the same plan, byte for byte', () => {
    assertProperty(
      fc.property(seeds, modes, (seed, mode) => {
        const a = JSON.stringify(planRebalance(generateHousehold(seed, 'S'), { mode }));
        const b = JSON.stringify(planRebalance(generateHousehold(seed, 'S'), { mode }));
        expect(a).toBe(b);
      }),
      { numRuns: 15 },
    );
  });
});
