import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { planRebalance, planStepByStep } from '../../src/engine/planner';
import { recordTrades, type ExecutedTrade } from '../../src/engine/record-trades';
import { describeLots } from '../../src/engine/taxlots';
import { auditWashSales, fixWashSales, historyWashJson } from '../../src/engine/wash-audit';
import { checkWashSales, washSaleFlag } from '../../src/engine/wash-sales';
import type { Household } from '../../src/engine/types';
import { exampleHousehold } from '../schedule/example-household';
import { account, d, household, lot, plain, sale, security } from './fixtures';

const sell = (ticker: string, shares: number, price: number | string, acct = 'Taxable', lots?: { lot: string; shares: number }[]): ExecutedTrade =>
  ({ account: acct, action: 'SELL', ticker, shares: dec(shares), price: dec(price), ...(lots ? { lots: lots.map((l) => ({ lot: l.lot, shares: dec(l.shares) })) } : {}) });

function record(h: Household, id: string, asOf: string, trades: ExecutedTrade[]) {
  const result = recordTrades(h, { id, asOf: d(asOf), trades }, { recordedPlanIds: [] });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

describe('a loss in an account no longer on the Accounts tab', () => {
  // AGG is what the example plan buys in the Roth (and as the BND harvest replacement).
  const withClosedLoss = exampleHousehold({}, (tabs) => {
    tabs.Sales.push(['2026-11-10', 'Old Brokerage', 'AGG', '50', '5000', '5600', '2025-01-15', 'OLD-AGG', '0']);
  });

  it('still blocks buying the fund (or its wash group) anywhere for 30 days', () => {
    // The step-by-step planner buys AGG in the Roth without the closed account's loss; with it,
    // neither planner buys AGG anywhere.
    const outcome = (h: Household) => { const o = planStepByStep(h, { cashFlows: { 'Roth IRA': dec(7000) } }); if (!o.ok) throw new Error(o.errors.join(' ')); return o.plan; };
    expect(outcome(exampleHousehold()).trades.some((t) => t.action === 'BUY' && t.ticker === 'AGG' && t.account === 'Roth IRA')).toBe(true);
    expect(outcome(withClosedLoss).trades.filter((t) => t.action === 'BUY' && t.ticker === 'AGG')).toEqual([]);
    const plan = planRebalance(withClosedLoss, { cashFlows: { 'Roth IRA': dec(7000) } });
    expect(plan.trades.filter((t) => t.action === 'BUY' && t.ticker === 'AGG')).toEqual([]);
  });

  it('is in the audit: a later purchase in an IRA washes it for good', () => {
    const h = exampleHousehold({}, (tabs) => {
      tabs.Sales.push(['2026-11-10', 'Old Brokerage', 'AGG', '50', '5000', '5600', '2025-01-15', 'OLD-AGG', '0']);
      tabs.Lots.push(['Roth IRA', 'AGG', '20', '2008', '2026-11-18', 'R-AGG', '']);
    });
    const agg = auditWashSales(h).washes.filter((w) => w.ticker === 'AGG').map(historyWashJson);
    expect(agg).toEqual([{
      saleDate: '2026-11-10', account: 'Old Brokerage', ticker: 'AGG', lot: 'OLD-AGG', replacementAccount: 'Roth IRA', replacementTicker: 'AGG',
      replacementLot: 'R-AGG', replacementAcquired: '2026-11-18', shares: '20', disallowed: '240', permanent: true, recorded: false,
    }]);
  });
});

describe('shares bought and since sold are acquisitions', () => {
  // X bought 2026-11-01 (lot X2) and sold 2026-11-10 at a gain; the old lot X1 shows a loss on 2026-11-20.
  const h = household({
    securities: [security('X', 8)],
    accounts: [account('Taxable', 'Taxable', 10_000), account('Roth', 'Roth IRA', 10_000)],
    lots: [lot('X1', 'Taxable', 'X', 100, 1000, '2024-01-02')],
    sales: [sale({ date: '2026-11-10', account: 'Taxable', ticker: 'X', shares: 30, proceeds: 300, basis: 270, acquired: '2026-11-01', lot: 'X2' })],
  });

  it('TAXLOTS flags the lot: selling it at a loss before 2026-12-02 is washed', () => {
    expect(washSaleFlag(h.lots[0], h, d('2026-11-20'))).toBe('2026-12-02');
    expect(describeLots(h, d('2026-11-20'))[0].washSaleUntil).toBe('2026-12-02');
  });

  it('the planner does not harvest it', () => {
    const planned = household({
      ...h,
      securities: [{ ...security('X', 8), assetClass: 'Stocks' }, { ...security('Y', 8), assetClass: 'Stocks', rank: 2 }],
      targets: [{ assetClass: 'Stocks', target: dec(1), glide: [], band: null, absBand: null, location: null }],
      settings: { ...h.settings, asOf: d('2026-11-20'), harvestLosses: true, harvestMinLoss: dec(50) },
    });
    const plan = planRebalance(planned);
    expect(plan.trades.filter((t) => t.purpose === 'harvest')).toEqual([]);
    expect(plan.warnings.join(' ')).toContain('would wash it');
  });

  it('apply records the disallowance, and the sold replacement takes it into its basis (its gain changes)', () => {
    const result = record(h, 'P', '2026-11-20', [sell('X', 100, 8)]);
    // Loss $200 on 100 shares; 30 replacement shares: 30% of it, $60, is disallowed and moves into
    // the 2026-11-10 sale's basis: its $30 gain becomes a $30 loss.
    expect(result.sales.map((s) => [s.date, s.lot, s.basis.toFixed(), s.disallowed.toFixed()])).toEqual([
      ['2026-11-10', 'X2', '330', '0'],
      ['2026-11-20', 'X1', '1000', '60'],
    ]);
    expect(result.journal.join(' ')).toContain("takes the $60.00 into its cost basis");
    // The audit then finds it recorded, and nothing to fix.
    const after = { ...h, lots: result.lots, sales: result.sales };
    expect(auditWashSales(after).washes.map((w) => [w.ticker, w.replacementLot, w.recorded])).toEqual([['X', 'X2', true]]);
    const fix = fixWashSales(after);
    expect(fix.ok && fix.fixed).toEqual([]);
  });

  it('an IRA purchase since sold washes the loss permanently', () => {
    const ira = { ...h, sales: [sale({ date: '2026-11-10', account: 'Roth', ticker: 'X', shares: 30, proceeds: 300, basis: 270, acquired: '2026-11-01', lot: 'R2' })] };
    const result = record(ira, 'P', '2026-11-20', [sell('X', 100, 8)]);
    expect(result.sales.map((s) => [s.lot, s.basis.toFixed(), s.disallowed.toFixed()])).toEqual([['R2', '270', '0'], ['X1', '1000', '60']]);
    expect(result.journal.join(' ')).toContain('permanently disallowed (Rev. Rul. 2008-5)');
  });
});

describe('purchases typed in by hand after a recorded loss', () => {
  // The loss was recorded with no replacement; then a DRIP reinvestment and a 401(k) payroll buy were typed into Lots.
  const h = household({
    securities: [security('X', 8), security('XF', 8, 'X')],
    accounts: [account('Taxable', 'Taxable', 0), account('401k', '401(k)', 0)],
    lots: [
      lot('DRIP-1', 'Taxable', 'X', 2, 16, '2026-11-15'),
      lot('PAY-1', '401k', 'XF', 5, 40, '2026-11-14'),
    ],
    sales: [sale({ date: '2026-11-05', account: 'Taxable', ticker: 'X', shares: 10, proceeds: 80, basis: 100, acquired: '2025-11-05', lot: 'X0' })],
    settings: { ...household().settings, asOf: d('2026-11-20') },
  });

  it('wash it: the audit lists both, earliest replacement first, unrecorded', () => {
    expect(auditWashSales(h).washes.map(historyWashJson)).toEqual([
      { saleDate: '2026-11-05', account: 'Taxable', ticker: 'X', lot: 'X0', replacementAccount: '401k', replacementTicker: 'XF', replacementLot: 'PAY-1', replacementAcquired: '2026-11-14', shares: '5', disallowed: '10', permanent: true, recorded: false },
      { saleDate: '2026-11-05', account: 'Taxable', ticker: 'X', lot: 'X0', replacementAccount: 'Taxable', replacementTicker: 'X', replacementLot: 'DRIP-1', replacementAcquired: '2026-11-15', shares: '2', disallowed: '4', permanent: false, recorded: false },
    ]);
  });

  it('--fix records them all: Disallowed, the DRIP lot basis and Holding From; a second fix changes nothing', () => {
    const fix = fixWashSales(h);
    if (!fix.ok) throw new Error(fix.errors.join('\n'));
    expect(fix.sales[0].disallowed.toFixed()).toBe('14');
    // Held 2025-11-05 -> 2026-11-05: 365 days; 2026-11-15 - 365 = 2025-11-15.
    expect(fix.lots.map((l) => [l.id, l.basis.toFixed(), l.holdingFrom])).toEqual([['DRIP-1', '20', '2025-11-15'], ['PAY-1', '40', null]]);
    const again = fixWashSales({ ...h, lots: fix.lots, sales: fix.sales });
    expect(again.ok && again.fixed).toEqual([]);
    // The audit still sees both washes (DRIP-1 and PAY-1), now recorded, not nothing.
    expect(auditWashSales({ ...h, lots: fix.lots, sales: fix.sales }).washes.map((w) => w.recorded)).toEqual([true, true]);
  });

  it('TAXLOTS flags the replacement lots until recorded', () => {
    const rows = describeLots(h, d('2026-11-20'));
    expect(rows.find((r) => r.lot === 'DRIP-1')!.washUnrecorded).toBe('Unrecorded wash sale: add $4.00 to the basis of 2 shares, holding from 2025-11-15 (X loss sold 2026-11-05 in Taxable)');
    expect(rows.find((r) => r.lot === 'PAY-1')!.washUnrecorded).toContain('for good');
    const fix = fixWashSales(h);
    if (!fix.ok) throw new Error('fix refused');
    expect(describeLots({ ...h, lots: fix.lots, sales: fix.sales }, d('2026-11-20')).map((r) => r.washUnrecorded)).toEqual([null, null]);
  });

  it('a Holding From already adjusted (by the broker) is not adjusted twice', () => {
    const adjusted = { ...h, lots: [lot('DRIP-1', 'Taxable', 'X', 2, 20, '2026-11-15', '2025-11-15'), h.lots[1]] };
    const fix = fixWashSales(adjusted);
    if (!fix.ok) throw new Error('fix refused');
    expect(fix.lots.map((l) => l.basis.toFixed())).toEqual(['20', '40']);
    expect(fix.sales[0].disallowed.toFixed()).toBe('14');
  });
});

describe('one sale of several loss lots, fewer replacement shares', () => {
  it('matches the loss shares earliest acquired first, whatever order the trade lists them (Reg. 1.1091-1(b))', () => {
    const h = household({
      securities: [security('X', 5)],
      lots: [
        lot('NEW', 'Taxable', 'X', 10, 100, '2025-06-01'), // $50 loss on 10 shares
        lot('OLD', 'Taxable', 'X', 10, 200, '2020-06-01'), // $150 loss on 10 shares
        lot('BUY', 'Taxable', 'X', 10, 50, '2026-11-15'),
      ],
    });
    const result = record(h, 'P', '2026-11-20', [sell('X', 20, 5, 'Taxable', [{ lot: 'NEW', shares: 10 }, { lot: 'OLD', shares: 10 }])]);
    expect(result.sales.map((s) => [s.lot, s.disallowed.toFixed()])).toEqual([['NEW', '0'], ['OLD', '150']]);
  });
});

describe('lot ids are identities', () => {
  it("a user's own L1-W1 bought on another day is a separate purchase: it washes L1's loss", () => {
    const h = household({
      securities: [security('X', 5)],
      lots: [lot('L1', 'Taxable', 'X', 10, 100, '2024-01-02'), lot('L1-W1', 'Taxable', 'X', 4, 20, '2026-11-10')],
    });
    expect(washSaleFlag(h.lots[0], h, d('2026-11-20'))).toBe('2026-12-11');
    const result = record(h, 'P', '2026-11-20', [sell('X', 10, 5, 'Taxable', [{ lot: 'L1', shares: 10 }])]);
    expect(result.sales[0].disallowed.toFixed()).toBe('20');
  });

  it('TAXLOTS and the planner ask "would selling this lot be washed?" the way the matcher answers it', () => {
    // X carries a tacked Holding From (adjusted whole); X-W1 is another lot with the same id stem.
    const h = household({
      securities: [security('X', 5)],
      lots: [lot('X', 'Taxable', 'X', 10, 100, '2026-11-01', '2026-05-01'), lot('X-W1', 'Taxable', 'X', 4, 20, '2026-11-01', '2026-06-01')],
    });
    const flagged = washSaleFlag(h.lots[0], h, d('2026-11-20')) !== null;
    const washed = checkWashSales(h, [sell('X', 10, 5, 'Taxable', [{ lot: 'X', shares: 10 }])], d('2026-11-20')).washSales.length > 0;
    expect(flagged).toBe(washed);
  });

  it('a split-off part never takes an id a Sales row already uses', () => {
    const h = household({
      securities: [security('X', 5)],
      lots: [lot('L0', 'Taxable', 'X', 10, 100, '2024-01-02'), lot('B', 'Taxable', 'X', 10, 50, '2026-11-15')],
      sales: [sale({ date: '2025-01-01', account: 'Taxable', ticker: 'X', shares: 1, proceeds: 10, basis: 5, acquired: '2024-06-01', lot: 'B-W1' })],
    });
    const result = record(h, 'P', '2026-11-20', [sell('X', 4, 5, 'Taxable', [{ lot: 'L0', shares: 4 }])]);
    expect(result.lots.map((l) => l.id)).toEqual(['L0', 'B', 'B-W2']);
    expect(plain(result.lots.find((l) => l.id === 'B-W2'))).toMatchObject({ shares: '4', basis: '40' });
  });
});
