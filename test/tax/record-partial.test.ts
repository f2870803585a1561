/**
 * Recording a plan executed only in part: 0 shares skips a trade (and the Journal names it), a
 * smaller number books that many shares, a sale takes the plan's lots in order up to the shares
 * sold (prorating the last lot's basis), and shares beyond the plan's lots are chosen by the lot
 * method. Worked examples first, then properties over random partial executions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO, dec } from '../../src/engine/money';
import { recordTrades, type ExecutedTrade } from '../../src/engine/record-trades';
import { parseExecutedPlan } from '../../src/present/plan-json';
import { account, d, household, lot, plain, security } from './fixtures';
import { assertProperty } from '../support/fast-check-seed';

const base = () =>
  household({
    accounts: [account('Taxable', 'Taxable', 1000), account('Roth', 'Roth IRA', 5000)],
    securities: [security('X', 10), security('AGG', 100)],
    // FIFO (the fixtures' method) would sell X1 first; the plan chose X2 first.
    lots: [lot('X1', 'Taxable', 'X', 10, 150, '2023-01-01'), lot('X2', 'Taxable', 'X', 5, 100, '2024-06-01')],
  });
const plan = (trades: ExecutedTrade[]) => ({ id: 'P', asOf: d('2025-01-15'), trades });
const sell = (shares: number | string, planned: number | string, lots: [string, number | string][]): ExecutedTrade => ({
  account: 'Taxable', action: 'SELL', ticker: 'X', shares: dec(shares), price: dec(12), planned: dec(planned),
  lots: lots.map(([id, n]) => ({ lot: id, shares: dec(n) })),
});
const buy = (shares: number | string, planned: number | string, price: number | string = 100): ExecutedTrade =>
  ({ account: 'Roth', action: 'BUY', ticker: 'AGG', shares: dec(shares), price: dec(price), planned: dec(planned) });
const ok = (result: ReturnType<typeof recordTrades>) => {
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result;
};

describe('recording what was executed', () => {
  it('0 shares: the trade is not executed, nothing is booked for it, and the Journal says it was skipped', () => {
    const r = ok(recordTrades(base(), plan([buy(0, 212), sell(5, 5, [['X2', 5]])]), { recordedPlanIds: [] }));
    expect(r.lots.filter((l) => l.ticker === 'AGG')).toEqual([]);
    expect(r.accounts.find((a) => a.name === 'Roth')!.cash.toFixed()).toBe('5000');
    expect(r.executed).toBe(1);
    expect(r.skipped).toEqual(['BUY 212 AGG in Roth']);
    expect(r.journal).toContain('Not executed: BUY 212 AGG in Roth (skipped).');
    expect(r.details).toMatch(/^1 trade recorded; 1 not executed \(skipped\): BUY 212 AGG in Roth\. Plan P recorded/);
  });

  it('a partly executed sale takes the plan\'s lots in order and prorates the last one', () => {
    // Planned: 12 shares, X2's 5 then 7 of X1. Executed: 6, so all of X2 (basis $100) and 1 share
    // of X1 (basis $150 x 1/10 = $15); X1 keeps 9 shares and $135.
    const r = ok(recordTrades(base(), plan([sell(6, 12, [['X2', 5], ['X1', 7]])]), { recordedPlanIds: [] }));
    expect(plain(r.sales.map((s) => [s.lot, s.shares, s.basis, s.proceeds]))).toEqual([['X2', '5', '100', '60'], ['X1', '1', '15', '12']]);
    expect(plain(r.lots.map((l) => [l.id, l.shares, l.basis]))).toEqual([['X1', '9', '135']]);
    expect(r.accounts[0].cash.toFixed()).toBe('1072'); // 1,000 + 6 x $12
    expect(r.journal).toContain('SELL 6 X in Taxable: partly executed, 6 of the 12 shares planned.');
    expect(r.journal).toContain("SELL 6 X in Taxable: taken from the plan's lots in order (X2 5, X1 1).");
  });

  it('more shares sold than planned: the plan\'s lots, then the lot method for the rest', () => {
    // Planned 5 from X2; sold 8: X2's 5, then 3 by FIFO from X1 (basis $45).
    const r = ok(recordTrades(base(), plan([sell(8, 5, [['X2', 5]])]), { recordedPlanIds: [] }));
    expect(plain(r.sales.map((s) => [s.lot, s.shares, s.basis]))).toEqual([['X2', '5', '100'], ['X1', '3', '45']]);
    expect(r.journal).toContain('SELL 8 X in Taxable: 3 shares more than the 5 planned.');
    expect(r.executed).toBe(1);
  });

  it('a partly executed buy: a lot of the shares bought, its basis their cost at the fill price', () => {
    // Planned 40 AGG; bought 13.944223 at $100.37: 13.944223 x 100.37 = 1,399.5816..., so basis $1,399.58 (rounded to the cent once).
    const r = ok(recordTrades(base(), plan([buy('13.944223', 40, '100.37')]), { recordedPlanIds: [] }));
    const agg = r.lots.find((l) => l.ticker === 'AGG')!;
    expect(plain([agg.shares, agg.basis])).toEqual(['13.944223', '1399.58']);
    expect(r.accounts.find((a) => a.name === 'Roth')!.cash.toFixed()).toBe('3600.42');
    expect(r.journal).toContain('BUY 13.944223 AGG in Roth: partly executed, 13.944223 of the 40 shares planned.');
  });

  it('negative shares and a plan with every trade skipped are refused, naming why', () => {
    const refused = (trades: ExecutedTrade[]) => {
      const r = recordTrades(base(), plan(trades), { recordedPlanIds: [] });
      return r.ok ? [] : r.errors;
    };
    expect(refused([buy(-5, 212)])).toEqual(['BUY -5 AGG in Roth: shares must be 0 (not executed) or more.']);
    expect(refused([buy(0, 212), sell(0, 5, [['X2', 5]])])).toEqual([
      'Every trade is marked not executed (0 shares): there is nothing to record. Enter the shares you executed, or record nothing.',
    ]);
  });

  it('the plan JSON: 0 shares reads as not executed, a negative number is an error, plannedShares is kept', () => {
    const json = (shares: unknown, plannedShares?: unknown) => parseExecutedPlan({
      id: 'P', asOf: '2025-01-15',
      trades: [{ account: 'Roth', action: 'BUY', ticker: 'AGG', shares, price: '100', ...(plannedShares === undefined ? {} : { plannedShares }) }],
    });
    const zero = json('0', '212');
    expect(zero.ok && plain([zero.value.trades[0].shares, zero.value.trades[0].planned])).toEqual(['0', '212']);
    expect(json('-3')).toEqual({ ok: false, errors: ['trades[0].shares: expected 0 (not executed) or the shares executed; found -3'] });
    expect(json('', '212')).toEqual({ ok: false, errors: ['trades[0].shares: expected the shares executed, or 0 if the trade was not executed; found ""'] });
  });
});

describe('properties of a partly executed sale', () => {
  it('sells exactly the shares executed, from a prefix of the plan\'s lots, and conserves basis to the cent', () => {
    const lotArb = fc.record({ shares: fc.integer({ min: 1, max: 10_000_000 }), basisCents: fc.integer({ min: 0, max: 100_000_000 }) });
    assertProperty(
      fc.property(fc.array(lotArb, { minLength: 1, maxLength: 5 }), fc.double({ min: 0.000001, max: 1, noNaN: true }), (specs, fraction) => {
        // Shares in millionths (a fractional account); the plan sells every lot in full, in reverse order.
        const lots = specs.map((s, i) => lot(`L${i}`, 'Taxable', 'X', new Decimal(s.shares).dividedBy(1e6), new Decimal(s.basisCents).dividedBy(100), '2020-01-02'));
        const plannedLots = [...lots].reverse().map((l) => [l.id, l.shares.toFixed()] as [string, string]);
        const total = lots.reduce((acc, l) => acc.plus(l.shares), ZERO);
        const executed = Decimal.max(dec('0.000001'), total.times(fraction).toDecimalPlaces(6, Decimal.ROUND_DOWN));
        const h = household({ accounts: [account('Taxable', 'Taxable', 0)], securities: [security('X', 10)], lots });
        const r = ok(recordTrades(h, plan([sell(executed.toFixed(), total.toFixed(), plannedLots)]), { recordedPlanIds: [] }));
        const sold = r.sales.reduce((acc, s) => acc.plus(s.shares), ZERO);
        expect(sold.toFixed()).toBe(executed.toFixed());
        // A prefix of the plan's order: every lot sold before the last one is sold in full.
        const order = r.sales.map((s) => s.lot);
        expect(order).toEqual(plannedLots.slice(0, order.length).map(([id]) => id));
        r.sales.slice(0, -1).forEach((s) => expect(s.shares.toFixed()).toBe(lots.find((l) => l.id === s.lot)!.shares.toFixed()));
        // Basis sold plus basis kept is the basis held, to the cent.
        const before = lots.reduce((acc, l) => acc.plus(l.basis), ZERO);
        const after = r.sales.reduce((acc, s) => acc.plus(s.basis), ZERO).plus(r.lots.reduce((acc, l) => acc.plus(l.basis), ZERO));
        expect(after.toFixed()).toBe(before.toFixed());
        r.sales.forEach((s) => expect(s.basis.decimalPlaces()).toBeLessThanOrEqual(2));
      }),
      { numRuns: 100 },
    );
  });
});
