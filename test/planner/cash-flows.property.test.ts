import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, ZERO } from '../../src/engine/money';
import { planOutcome } from '../../src/engine/planner';
import type { Plan, RebalanceMode } from '../../src/engine/plan-types';
import type { Household, LotMethodName } from '../../src/engine/types';
import { generateCashFlows, generateHousehold } from '../../src/generate/generate-household';
import { assertProperty } from '../support/fast-check-seed';

const seeds = fc.integer({ min: 1, max: 1_000_000 });
const modes = fc.constantFrom<RebalanceMode>('threshold', 'full', 'cash-only');

/** An account's cash after the plan: deposits in, the trades, the withdrawal out. */
function cashAfter(h: Household, plan: Plan, account: string): Decimal {
  const start = h.accounts.find((a) => a.name === account)!.cash;
  const flows = plan.cashFlows.filter((f) => f.account === account).reduce((acc, f) => acc.plus(f.amount), start);
  return plan.trades.filter((t) => t.account === account).reduce((acc, t) => (t.action === 'SELL' ? acc.plus(t.amount) : acc.minus(t.amount)), flows);
}

describe('cash flows on random households (deposits and withdrawals typed with the plan and in the Withdraw column)', () => {
  it("cash ends between the reserve and the reserve plus one share of what the account traded (or the Min Trade)", () => {
    assertProperty(
      fc.property(seeds, modes, fc.boolean(), (seed, mode, harvest) => {
        const { household: h, cashFlows } = generateCashFlows(seed, generateHousehold(seed, 'S'));
        const outcome = planOutcome(h, { mode, harvestLosses: harvest, cashFlows });
        if (!outcome.ok) {
          // The only refusal a possible request may get: a withdrawal the account can raise only
          // by a wash sale (or past a strict lot order) today. Never a failed final check.
          expect(outcome.stage, outcome.errors.join(' ')).toBe('request');
          for (const e of outcome.errors) expect(e).toMatch(/cannot raise the .* withdrawal .* is missing because/);
          return;
        }
        const plan = outcome.plan;
        const minTrade = h.settings.minTrade;
        for (const a of h.accounts) {
          const cash = cashAfter(h, plan, a.name);
          const shortOfReserve = plan.warnings.some((w) => w.startsWith(`${a.name}: cash stays `));
          if (shortOfReserve) {
            // Only when the account has nothing left to sell; it then ends with all it has.
            expect(plan.trades.filter((t) => t.account === a.name && t.action === 'BUY'), a.name).toEqual([]);
          } else {
            expect(cash.greaterThanOrEqualTo(a.reserve), `${a.name}: ${cash.toFixed(2)} below its reserve ${a.reserve.toFixed(2)}`).toBe(true);
          }
          const traded = plan.trades.filter((t) => t.account === a.name);
          const oneShare = traded.reduce((m, t) => Decimal.max(m, t.price), ZERO);
          const idle = cash.minus(a.reserve);
          const explained = plan.warnings.some((w) => w.startsWith(`${a.name} keeps `));
          if (!explained) {
            expect(idle.lessThan(Decimal.max(oneShare, minTrade)), `${a.name}: ${idle.toFixed(2)} left above its reserve (one share ${oneShare.toFixed(2)}, min trade ${minTrade.toFixed(2)})`).toBe(true);
          }
        }
      }),
      { numRuns: 30 },
    );
  });

  it('no generated household reaches the final-check path, and every class left outside its band is explained', () => {
    assertProperty(
      fc.property(seeds, modes, fc.boolean(), fc.constantFrom<LotMethodName>('MinTax', 'HIFO', 'FIFO', 'LIFO', 'SpecID'), fc.boolean(), (seed, mode, harvest, lotMethod, flows) => {
        const generated = generateHousehold(seed, 'S');
        const { household: h, cashFlows } = flows ? generateCashFlows(seed, generated) : { household: generated, cashFlows: {} };
        const outcome = planOutcome(h, { mode, harvestLosses: harvest, lotMethod, cashFlows });
        if (!outcome.ok) {
          expect(outcome.stage, outcome.errors.join(' ')).toBe('request');
          return;
        }
        const outside = outcome.plan.drift.filter((d) => d.statusAfter !== 'within' && d.assetClass !== 'Cash').map((d) => d.assetClass);
        const explained = outcome.plan.warnings.filter((w) => / ends at .* \(target [^)]*\).*: ./.test(w)).map((w) => w.slice(0, w.indexOf(' ends at ')));
        expect(explained).toEqual(outside);
        expect(outcome.plan.warnings.filter((w) => /Internal check|planner bug/.test(w))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('a withdrawal larger than the account less its reserve is refused, naming the account and amounts', () => {
    assertProperty(
      fc.property(seeds, (seed) => {
        const { household: h, cashFlows } = generateCashFlows(seed, generateHousehold(seed, 'S'), true);
        const outcome = planOutcome(h, { cashFlows });
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        expect(outcome.stage).toBe('request');
        expect(outcome.errors.some((e) => /^.+: cannot withdraw \$[\d,]+\.\d\d .*so at most \$[\d,]+\.\d\d can be raised/.test(e))).toBe(true);
      }),
      { numRuns: 13 },
    );
  });
});
