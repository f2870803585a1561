import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { recordTrades, type ExecutedTrade } from '../../src/engine/record-trades';
import { describeLots } from '../../src/engine/taxlots';
import { auditWashSales, fixWashSales } from '../../src/engine/wash-audit';
import { checkWashSales } from '../../src/engine/wash-sales';
import type { Household } from '../../src/engine/types';
import { listWashes } from '../reference/wash-sales';
import { account, d, household, lot, sale, security } from './fixtures';

/**
 * Replacement shares bought on the same day: Reg. 1.1091-1(c)/(d) match in order of acquisition
 * and give no order within a day, so the project fixes one (src/engine/wash-order.ts, docs/tax.md
 * "Wash sales: which replacement shares"): lots already adjusted, the sold fund in its own
 * account, taxable before tax-advantaged, then account, ticker and lot id, the plan's buys last. Every surface (planner check, apply, the audit and `--fix`, TAXLOTS) and the
 * reference checker must give the same pairing.
 */

const sell = (ticker: string, shares: number, price: number | string, acct: string, lots?: { lot: string; shares: number }[]): ExecutedTrade =>
  ({ account: acct, action: 'SELL', ticker, shares: dec(shares), price: dec(price), ...(lots ? { lots: lots.map((l) => ({ lot: l.lot, shares: dec(l.shares) })) } : {}) });
const buy = (ticker: string, shares: number, price: number | string, acct: string): ExecutedTrade =>
  ({ account: acct, action: 'BUY', ticker, shares: dec(shares), price: dec(price) });

function record(h: Household, id: string, asOf: string, trades: ExecutedTrade[]) {
  const result = recordTrades(h, { id, asOf: d(asOf), trades }, { recordedPlanIds: [] });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result;
}

const rows = (h: Household) => auditWashSales(h).washes.map((w) => [w.replacementAccount, w.replacementLot, w.shares.toFixed(), w.disallowed.toFixed(), w.permanent]);
const referenceRows = (h: Household) => listWashes(h).map((w) => [w.replacement.account, w.replacement.lot, w.shares.toFixed(), w.disallowed.toFixed(), w.permanent]);

describe('same-day replacements in two accounts, one an IRA (Pub. 550 numbers)', () => {
  // Pub. 550, "Wash Sales": 100 shares bought for $1,000 are sold for $750; within 30 days 100
  // shares are bought for $800, so the $250 loss moves into their basis, $1,050. Here the same
  // day also brings 40 shares in the Roth IRA (listed first, and with the id that sorts first).
  const accounts = [account('Brokerage', 'Taxable', 0), account('Joint', 'Taxable', 0), account('Roth', 'Roth IRA', 0)];
  const securities = [security('X', 8)];
  const replacements = [lot('A-ROTH', 'Roth', 'X', 40, 320, '2026-10-21'), lot('J-1', 'Joint', 'X', 100, 800, '2026-10-21')];
  const history = household({
    accounts, securities, lots: replacements,
    sales: [sale({ date: '2026-10-14', account: 'Brokerage', ticker: 'X', shares: 100, proceeds: 750, basis: 1000, acquired: '2026-03-02', lot: 'BR-1' })],
  });

  it('the audit puts the whole loss into the taxable lot ($1,050 basis), none lost in the Roth; the reference agrees', () => {
    expect(rows(history)).toEqual([['Joint', 'J-1', '100', '250', false]]);
    expect(referenceRows(history)).toEqual([['Joint', 'J-1', '100', '250', false]]);
    const fixed = fixWashSales(history);
    if (!fixed.ok) throw new Error(fixed.errors.join(' '));
    expect(fixed.sales[0].disallowed.toFixed()).toBe('250');
    expect(fixed.lots.map((l) => [l.id, l.shares.toFixed(), l.basis.toFixed(), l.holdingFrom])).toEqual([
      ['A-ROTH', '40', '320', null],
      ['J-1', '100', '1050', '2026-03-09'],
    ]);
  });

  it('a lot already adjusted goes first on its day, but a Holding From typed on the Roth lot does not move it ahead', () => {
    const adjustedJoint = household({ ...history, lots: [replacements[0], { ...replacements[1], id: 'Z-1', holdingFrom: d('2026-01-05') }, lot('B-1', 'Brokerage', 'X', 100, 800, '2026-10-21')] });
    // Z-1 (Joint, adjusted) before B-1, the sold fund in the sold shares' own account.
    expect(rows(adjustedJoint)).toEqual([['Joint', 'Z-1', '100', '250', false]]);
    expect(referenceRows(adjustedJoint)).toEqual(rows(adjustedJoint));
    const typedOnRoth = household({ ...history, lots: [{ ...replacements[0], holdingFrom: d('2026-01-05') }, replacements[1]] });
    expect(rows(typedOnRoth)).toEqual([['Joint', 'J-1', '100', '250', false]]);
    expect(referenceRows(typedOnRoth)).toEqual(rows(typedOnRoth));
  });

  it('TAXLOTS names the Joint lot as the unrecorded replacement, not the Roth lot', () => {
    const views = new Map(describeLots(history, d('2026-10-25')).map((v) => [v.lot, v.washUnrecorded]));
    expect(views.get('J-1')).toContain('add $250.00 to the basis of 100 shares');
    expect(views.get('A-ROTH')).toBeNull();
  });

  // The same day seen from the other end: the replacements bought first, the loss sold now.
  const held = household({ accounts, securities, lots: [lot('BR-1', 'Brokerage', 'X', 100, 1000, '2026-03-02'), ...replacements.map((l) => ({ ...l, acquired: d('2026-10-14') }))] });

  it("the planner's wash check reports one deferred wash into the Joint lot", () => {
    const check = checkWashSales(held, [{ ...sell('X', 100, '7.5', 'Brokerage'), lots: [{ lot: 'BR-1', shares: dec(100) }] }], d('2026-10-21'));
    expect(check.errors).toEqual([]);
    expect(check.washSales.map((w) => [w.replacementAccount, w.replacementLot, w.shares.toFixed(), w.loss.toFixed(), w.permanent])).toEqual([['Joint', 'J-1', '100', '250', false]]);
  });

  it('apply records $250 into the Joint lot, nothing against the Roth', () => {
    const result = record(held, 'P', '2026-10-21', [sell('X', 100, '7.5', 'Brokerage', [{ lot: 'BR-1', shares: 100 }])]);
    expect(result.sales.map((s) => [s.lot, s.disallowed.toFixed()])).toEqual([['BR-1', '250']]);
    expect(result.lots.map((l) => [l.id, l.shares.toFixed(), l.basis.toFixed()])).toEqual([['A-ROTH', '40', '320'], ['J-1', '100', '1050']]);
    expect(auditWashSales({ ...held, lots: result.lots, sales: result.sales }).washes.filter((w) => !w.recorded)).toEqual([]);
  });
});

describe('same-day replacements within one account', () => {
  // 100 BND sold at a $5-a-share loss; the same account buys 60 AGG (same wash group) and 60 BND
  // a week later. The identical fund in the sold shares' own account is matched first (what the
  // broker's 1099-B reports), then AGG: $300 into BR-BND, $200 into 40 of the 60 AGG.
  const accounts = [account('Brokerage', 'Taxable', 0)];
  const securities = [security('BND', 75, 'BND'), security('AGG', 50, 'BND')];
  const loss = sale({ date: '2026-10-14', account: 'Brokerage', ticker: 'BND', shares: 100, proceeds: 7500, basis: 8000, acquired: '2026-01-05', lot: 'OLD' });

  it('the sold fund before its substantially identical one, whatever the lot ids say', () => {
    const h = household({ accounts, securities, sales: [loss], lots: [lot('BR-AGG', 'Brokerage', 'AGG', 60, 3000, '2026-10-21'), lot('BR-BND', 'Brokerage', 'BND', 60, 4500, '2026-10-21')] });
    const want = [['Brokerage', 'BR-BND', '60', '300', false], ['Brokerage', 'BR-AGG', '40', '200', false]];
    expect(rows(h)).toEqual(want);
    expect(referenceRows(h)).toEqual(want);
  });

  it('two lots of one fund bought the same day: by lot id, not by row order', () => {
    const a = lot('BR-BND-a', 'Brokerage', 'BND', 70, 5250, '2026-10-21');
    const b = lot('BR-BND-b', 'Brokerage', 'BND', 70, 5250, '2026-10-21');
    const want = [['Brokerage', 'BR-BND-a', '70', '350', false], ['Brokerage', 'BR-BND-b', '30', '150', false]];
    for (const lots of [[a, b], [b, a]]) {
      const h = household({ accounts, securities, sales: [loss], lots });
      expect(rows(h)).toEqual(want);
      expect(referenceRows(h)).toEqual(want);
    }
  });

  it("a plan's buy comes after the lots of its account and fund already on the tabs for that day", () => {
    // T2 (60 shares, bought earlier on 2026-10-21) takes 60 of the loss shares; the plan's 100
    // shares the other 40: recording the plan disallows $200 ($5 x 40), and the audit still lists
    // T2's $300 as unrecorded.
    const h = household({ accounts: [account('Brokerage', 'Taxable', 10_000)], securities, sales: [loss], lots: [lot('T2', 'Brokerage', 'BND', 60, 4500, '2026-10-21')] });
    const result = record(h, 'P', '2026-10-21', [buy('BND', 100, 75, 'Brokerage')]);
    expect(result.sales.map((s) => s.disallowed.toFixed())).toEqual(['200']);
    expect(result.lots.map((l) => [l.id, l.shares.toFixed(), l.basis.toFixed()])).toEqual([['T2', '60', '4500'], ['P-1', '60', '4500'], ['P-1-W1', '40', '3200']]);
    // Once recorded, P-1 is a lot like T2 and the tabs hold no time of day: the 60 shares left
    // unrecorded may be named on either lot of that account, fund and day (the tax is the same).
    const after = auditWashSales({ ...h, lots: result.lots, sales: result.sales, accounts: result.accounts }).washes;
    expect(after.filter((w) => !w.recorded).map((w) => [w.replacementAccount, w.replacementTicker, w.replacementAcquired, w.shares.toFixed(), w.disallowed.toFixed(), w.permanent])).toEqual([['Brokerage', 'BND', '2026-10-21', '60', '300', false]]);
  });
});
