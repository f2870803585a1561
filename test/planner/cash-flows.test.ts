import { describe, expect, it } from 'vitest';
import { Decimal, ZERO, dec } from '../../src/engine/money';
import { planOutcome, planRebalance } from '../../src/engine/planner';
import { PlanRefusedError, type Plan, type PlanOptions } from '../../src/engine/plan-types';
import { buildContext } from '../../src/engine/planner/context';
import { WorkingState } from '../../src/engine/planner/state';
import { assemblePlan } from '../../src/engine/planner/assemble-plan';
import type { Household } from '../../src/engine/types';
import { exampleHousehold } from '../schedule/example-household';
import { acct, household, lot, sec, target } from './builders';

const brief = (plan: Plan) => plan.trades.map((t) => `${t.account} ${t.action} ${t.shares.toFixed()} ${t.ticker}`);
const withdrawalSales = (plan: Plan) => plan.trades.filter((t) => t.purpose === 'withdrawal');

/** The example household with an account's Withdraw column set. */
function withWithdrawColumn(account: string, amount: string): Household {
  return exampleHousehold({}, (tabs) => {
    const header = tabs.Accounts[0];
    const col = header.indexOf('Withdraw');
    tabs.Accounts.find((r) => r[0] === account)![col] = amount;
  });
}

/** Each account's cash once the plan's trades and withdrawals are done, from the trades themselves. */
function cashAfter(h: Household, plan: Plan, account: string): Decimal {
  const a = h.accounts.find((x) => x.name === account)!;
  const flows = plan.cashFlows.filter((f) => f.account === account).reduce((acc, f) => acc.plus(f.amount), ZERO);
  return plan.trades.filter((t) => t.account === account).reduce((acc, t) => (t.action === 'SELL' ? acc.plus(t.amount) : acc.minus(t.amount)), a.cash.plus(flows));
}

describe('a withdrawal raises what is needed, and no more (example household)', () => {
  it('Taxable Brokerage -10,000 raises $7,150 (10,000 less the $2,850 above the $2,000 reserve): 13 VOO, not 31', () => {
    const h = exampleHousehold();
    const plan = planRebalance(h, { cashFlows: { 'Taxable Brokerage': dec(-10000) } });
    const raised = withdrawalSales(plan);
    expect(brief({ ...plan, trades: raised })).toEqual(['Taxable Brokerage SELL 13 VOO']);
    expect(raised[0].reason).toMatch(/^Raises \$7,150 for the \$10,000 withdrawal from Taxable Brokerage/);
    // 13 x $568.30 = $7,387.90 covers $7,150; 12 shares ($6,819.60) would not.
    expect(raised[0].amount.toFixed(2)).toBe('7387.90');
    expect(plan.cashFlows).toEqual([{ account: 'Taxable Brokerage', amount: dec(-10000), kind: 'withdrawal' }]);
    const cash = cashAfter(h, plan, 'Taxable Brokerage');
    expect(cash.greaterThanOrEqualTo(2000)).toBe(true);
    expect(cash.lessThan(dec(2000).plus('568.30'))).toBe(true);
  });

  it('Roth IRA -1,000 raises $680 (the $320 of cash covers the rest)', () => {
    const plan = planRebalance(exampleHousehold(), { cashFlows: { 'Roth IRA': dec(-1000) } });
    const raised = withdrawalSales(plan);
    expect(brief({ ...plan, trades: raised })).toEqual(['Roth IRA SELL 3 VTI']);
    expect(raised[0].reason).toMatch(/^Raises \$680 for the \$1,000 withdrawal from Roth IRA/);
  });

  it("one code path: the same withdrawal typed with the plan or in the Accounts tab's Withdraw column gives the same trades", () => {
    for (const [account, amount] of [['Taxable Brokerage', '10000'], ['Roth IRA', '1000'], ['HSA', '1400.50']] as const) {
      const typed = planRebalance(exampleHousehold(), { cashFlows: { [account]: dec(amount).negated() } });
      const column = planRebalance(withWithdrawColumn(account, amount));
      expect(brief(column), account).toEqual(brief(typed));
      expect(column.trades.map((t) => t.reason)).toEqual(typed.trades.map((t) => t.reason));
      expect(column.cashFlows).toEqual(typed.cashFlows);
    }
  });

  it('both at once add up: $4,000 typed plus $6,000 in the Withdraw column raise what $10,000 raises', () => {
    const both = planRebalance(withWithdrawColumn('Taxable Brokerage', '6000'), { cashFlows: { 'Taxable Brokerage': dec(-4000) } });
    const one = planRebalance(exampleHousehold(), { cashFlows: { 'Taxable Brokerage': dec(-10000) } });
    expect(brief(both)).toEqual(brief(one));
    expect(both.cashFlows).toEqual([{ account: 'Taxable Brokerage', amount: dec(-10000), kind: 'withdrawal' }]);
  });
});

describe('impossible requests are refused, naming the account and the amounts', () => {
  it('Roth IRA -500,000: the account holds $75,970', () => {
    const outcome = planOutcome(exampleHousehold(), { cashFlows: { 'Roth IRA': dec(-500000) } });
    expect(outcome).toEqual({
      ok: false,
      stage: 'request',
      errors: ['Roth IRA: cannot withdraw $500,000.00 ($500,000.00 asked for with this plan): the account holds $320.00 cash and $75,650.00 of holdings, so at most $75,970.00 can be raised.'],
    });
    expect(() => planRebalance(exampleHousehold(), { cashFlows: { 'Roth IRA': dec(-500000) } })).toThrow(PlanRefusedError);
  });

  it('the reserve is kept: the HSA ($2,400 cash, $1,000 reserve) cannot pay out all it holds', () => {
    const h = exampleHousehold();
    const hsa = h.accounts.find((a) => a.name === 'HSA')!;
    const price = new Map(h.securities.map((s) => [s.ticker, s.price]));
    const value = h.lots.filter((l) => l.account === 'HSA').reduce((acc, l) => acc.plus(l.shares.times(price.get(l.ticker)!)), hsa.cash);
    const outcome = planOutcome(h, { cashFlows: { HSA: value.negated() } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors[0]).toMatch(/^HSA: cannot withdraw .* so at most .* can be raised, less its \$1,000\.00 reserve\.$/);
    // Everything but the reserve can be withdrawn.
    const most = planOutcome(h, { cashFlows: { HSA: value.minus(1000).negated() } });
    expect(most.ok).toBe(true);
  });

  it('cash for an account the Accounts tab does not have', () => {
    const outcome = planOutcome(exampleHousehold(), { cashFlows: { 'Roth IRA ': dec(100) } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors[0]).toMatch(/^Cash of \$100\.00 for "Roth IRA ": no account of that name on the Accounts tab \(accounts: Taxable Brokerage, Traditional IRA, Roth IRA, Acme 401\(k\), HSA\)\.$/);
  });

  it('a withdrawal the account can only raise by a wash sale is refused, with the day the window closes', () => {
    // The brokerage holds only BND at a loss; BND was bought in the IRA 10 days ago, so selling
    // it would be a wash sale (and in an IRA a permanent one).
    const h = household({
      accounts: [acct('Brokerage', 'Taxable', 0, { withdraw: dec(500) }), acct('IRA', 'Traditional IRA')],
      targets: [target('Stocks', '0.5'), target('Bonds', '0.5')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 70)],
      lots: [lot('b', 'Brokerage', 'BND', 100, 10000, '2020-01-02'), lot('i', 'IRA', 'BND', 10, 700, '2026-11-10'), lot('s', 'IRA', 'VTI', 100, 5000, '2015-01-02')],
    });
    const outcome = planOutcome(h);
    expect(outcome).toEqual({
      ok: false,
      stage: 'request',
      errors: [
        "Brokerage: cannot raise the $500.00 withdrawal ($500.00 in the Accounts tab's Withdraw column) now: $500.00 is missing because selling the BND still held would realize a loss that a purchase of the same fund in the last 30 days washes (IRC 1091); that window closes on 2026-12-11. At most $0.00 can be withdrawn today.",
      ],
    });
  });

  it('a lot about to turn long-term is sold for a withdrawal when nothing else can raise it, saying what waiting would save', () => {
    const h = household({
      accounts: [acct('Brokerage', 'Taxable')],
      targets: [target('Stocks', '1')],
      securities: [sec('VTI', 'Stocks', 100)],
      lots: [lot('soon', 'Brokerage', 'VTI', 50, 2000, '2025-12-01')],
    });
    const plan = planRebalance(h, { cashFlows: { Brokerage: dec(-1000) } });
    expect(brief(plan)).toEqual(['Brokerage SELL 10 VTI']);
    expect(plan.trades[0].details.join(' ')).toMatch(/Sold before it turns long-term on 2026-12-02 because nothing else in Brokerage can raise the cash: waiting would save about \$/);
    expect(plan.deferred).toEqual([]);
  });

  it('a reserve the account cannot cover is a warning, not a refusal', () => {
    const h = household({
      accounts: [acct('Brokerage', 'Taxable', 100, { reserve: dec(2000) }), acct('IRA', 'Traditional IRA', 0)],
      targets: [target('Stocks', '1')],
      securities: [sec('VTI', 'Stocks', 100)],
      lots: [lot('s', 'IRA', 'VTI', 10, 500, '2015-01-02')],
    });
    const outcome = planOutcome(h);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.plan.warnings).toContain('Brokerage: cash stays $1,900.00 below its $2,000.00 reserve because Brokerage holds no more shares to sell.');
  });
});

describe('a plan failing its final checks is an error, never a plan with a warning', () => {
  it('negative cash found by the final check refuses the plan', () => {
    const h = household({
      accounts: [acct('Brokerage', 'Taxable', 100)],
      targets: [target('Stocks', '1')],
      securities: [sec('VTI', 'Stocks', 100)],
      lots: [lot('s', 'Brokerage', 'VTI', 10, 500, '2015-01-02')],
    });
    const options: PlanOptions = {};
    const state = new WorkingState(buildContext(h, options));
    // A buy the planner would never make: $1,000 of VTI with $100 of cash.
    state.recordBuy({ account: 'Brokerage', action: 'BUY', ticker: 'VTI', shares: dec(10), price: dec(100), amount: dec(1000), lots: [], purpose: 'rebalance', notes: ['test'] });
    const outcome = assemblePlan(state, new Map(), [], options);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.stage).toBe('final-check');
    expect(outcome.errors).toEqual([
      'The plan built failed its final checks, so it is not shown (a planner bug; please report it with the workbook):',
      'Brokerage would end with -$900.00 of cash.',
    ]);
  });
});

describe('SpecID without chosen lots', () => {
  it('plans with the least-tax lots and says which lots to name to the broker', () => {
    const specId = planRebalance(exampleHousehold({ 'Lot Method': 'SpecID' }));
    const minTax = planRebalance(exampleHousehold({ 'Lot Method': 'MinTax' }));
    expect(brief(specId)).toEqual(brief(minTax));
    expect(specId.trades.some((t) => t.action === 'SELL' && t.lots.length > 0)).toBe(true);
    expect(specId.warnings).toContain(
      "Lot Method is SpecID and no lots were named, so the plan chooses them (least tax first) and lists each sale's lots: name those lots to your broker when you place the sale (specific identification, Treas. Reg. 1.1012-1(c)).",
    );
  });

  it('lots named that the Lots tab does not hold are refused', () => {
    const outcome = planOutcome(exampleHousehold({ 'Lot Method': 'SpecID' }), { specificLots: ['NOPE-1'] });
    expect(outcome).toEqual({ ok: false, stage: 'request', errors: ['SpecID: no lot "NOPE-1" on the Lots tab; name lots by their Lot id.'] });
  });
});
