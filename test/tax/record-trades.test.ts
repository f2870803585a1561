import fc from 'fast-check';
import { assertProperty } from '../support/fast-check-seed';
import { describe, expect, it } from 'vitest';
import { Decimal, ZERO, dec, roundCents } from '../../src/engine/money';
import { addDays } from '../../src/engine/dates';
import { recordTrades, type ExecutedTrade } from '../../src/engine/record-trades';
import { describeLots } from '../../src/engine/taxlots';
import type { Household } from '../../src/engine/types';
import { account, d, household, lot, plain, sale, security } from './fixtures';
import { conservationProblems } from '../reference/conservation';
import { describeWash, totalDisallowed, washChains, washesCreatedBy } from '../reference/wash-sales';
import { r } from '../reference/numbers';

const base = () =>
  household({
    accounts: [account('Taxable', 'Taxable', 1000), account('Roth', 'Roth IRA', 50)],
    securities: [security('X', 10), security('Y', 20)],
    lots: [lot('X1', 'Taxable', 'X', 10, 150, '2023-01-01'), lot('Y1', 'Roth', 'Y', 5, 50, '2024-01-01')],
  });
const plan = (trades: ExecutedTrade[], id = 'P') => ({ id, asOf: d('2025-01-15'), trades });
const t = (acct: string, action: 'BUY' | 'SELL', ticker: string, shares: number | string, price: number | string): ExecutedTrade =>
  ({ account: acct, action, ticker, shares: dec(shares), price: dec(price) });

describe('recordTrades', () => {
  it('closes and splits lots, records sales, adds lots, moves cash per account', () => {
    // Sell 4 X at $12.50 = $50 (basis 150 x 4/10 = 60, loss 10); buy 3 Y in Roth at $15 = $45.
    const result = recordTrades(base(), plan([t('Roth', 'BUY', 'Y', 3, 15), t('Taxable', 'SELL', 'X', 4, '12.5')]), { recordedPlanIds: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(plain(result.lots.map((l) => [l.id, l.account, l.shares, l.basis, l.acquired]))).toEqual([
      ['X1', 'Taxable', '6', '90', '2023-01-01'],
      ['Y1', 'Roth', '5', '50', '2024-01-01'],
      ['P-1', 'Roth', '3', '45', '2025-01-15'],
    ]);
    expect(plain(result.sales)).toEqual([
      { date: '2025-01-15', account: 'Taxable', ticker: 'X', shares: '4', proceeds: '50', basis: '60', acquired: '2023-01-01', lot: 'X1', disallowed: '0' },
    ]);
    expect(result.accounts.map((a) => a.cash.toFixed())).toEqual(['1050', '5']); // 1,000 + 50; 50 - 45
    expect(result.journal[0]).toBe('Plan P recorded as of 2025-01-15.');
  });

  it('sells the named lots when the broker says which', () => {
    const h = { ...base(), lots: [...base().lots, lot('X2', 'Taxable', 'X', 5, 100, '2024-06-01')] };
    const trade = { ...t('Taxable', 'SELL', 'X', 2, 30), lots: [{ lot: 'X2', shares: dec(2) }] };
    const result = recordTrades(h, plan([trade]), { recordedPlanIds: [] });
    expect(result.ok && plain(result.sales[0])).toMatchObject({ lot: 'X2', basis: '40', proceeds: '60', acquired: '2024-06-01' });
  });

  it('refuses, changing nothing, with a clear message', () => {
    const h = base();
    const before = JSON.stringify(h);
    const refuse = (trades: ExecutedTrade[], ids: string[] = []) => {
      const result = recordTrades(h, plan(trades), { recordedPlanIds: ids });
      return result.ok ? [] : result.errors;
    };
    expect(refuse([t('Taxable', 'SELL', 'X', 11, 10)])).toEqual(['SELL 11 X in Taxable: Cannot sell 11 shares of X in Taxable: only 10 held.']);
    expect(refuse([t('Nowhere', 'BUY', 'X', 1, 10)])).toEqual(['BUY 1 X in Nowhere: no account named "Nowhere" on the Accounts tab.']);
    expect(refuse([t('Taxable', 'BUY', 'Q', 1, 10)])).toEqual(['BUY 1 Q in Taxable: no security "Q" on the Securities tab.']);
    expect(refuse([t('Roth', 'BUY', 'Y', 3, 17)])).toEqual(['BUY 3 Y in Roth: costs $51.00 but the account has $50.00 cash.']);
    expect(refuse([t('Taxable', 'BUY', 'X', 1, 10)], ['P'])).toEqual(['Plan P is already in the Journal; it was recorded before.']);
    // One bad trade refuses the whole plan.
    expect(refuse([t('Taxable', 'SELL', 'X', 1, 10), t('Roth', 'BUY', 'Y', 3, 17)])).toHaveLength(1);
    expect(JSON.stringify(h)).toBe(before);
  });

  it("a plan's sells fund its buys", () => {
    // Roth has $50; selling 5 Y at $20 adds $100, so buying 7 X at $10 ($70) fits.
    const result = recordTrades(base(), plan([t('Roth', 'BUY', 'X', 7, 10), t('Roth', 'SELL', 'Y', 5, 20)]), { recordedPlanIds: [] });
    expect(result.ok && result.accounts[1].cash.toFixed()).toBe('80');
  });
});

describe('describeLots', () => {
  it('values each lot with its term, dates and wash-sale window; no tax in a Roth', () => {
    const h = household({
      accounts: [account('Taxable'), account('Roth', 'Roth IRA')],
      securities: [security('X', 12)],
      lots: [
        lot('T2', 'Taxable', 'X', 10, 100, '2024-12-20'),
        lot('R1', 'Roth', 'X', 1, 20, '2025-01-01'),
        lot('T1', 'Taxable', 'X', 10, 150, '2024-01-15'),
      ],
    });
    const rows = describeLots(h, d('2025-01-15'));
    expect(rows.map((r) => r.lot)).toEqual(['R1', 'T1', 'T2']);
    const [roth, t1, t2] = rows;
    expect(roth.tax).toBe(null);
    expect(roth.washSaleUntil).toBe(null);
    // T1: value 120, gain -30, -3/share; 2024-01-15 -> 2025-01-15 is 366 days but exactly one year: short;
    // long-term on 2025-01-16, 1 day away; tax -30 x 0.42 = -12.6. Washed by R1 (2025-01-01) until 02-01.
    expect(plain([t1.value, t1.gain, t1.gainPerShare, t1.term, t1.daysHeld, t1.longTermOn, t1.daysToLongTerm, t1.tax, t1.washSaleUntil]))
      .toEqual(['120', '-30', '-3', 'short', 366, '2025-01-16', 1, '-12.6', '2025-02-01']);
    // T2: gain +20, short-term, tax 20 x 0.42 = 8.4; long-term on 2025-12-21: 16 days left in January +
    // 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 21 = 340 days away.
    expect(plain([t2.gain, t2.term, t2.daysToLongTerm, t2.tax])).toEqual(['20', 'short', 340, '8.4']);
  });
});

// ---- Property tests: conservation over random valid plans ----

const TICKERS = ['A', 'B', 'C'];
const ACCOUNTS = ['Taxable', 'Roth'];
const AS_OF = d('2025-03-01');

const lotArb = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  ticker: fc.constantFrom(...TICKERS),
  shares: fc.integer({ min: 1, max: 100 }),
  cents: fc.integer({ min: 100, max: 500_000 }),
  daysBefore: fc.integer({ min: 1, max: 500 }),
});
const saleArb = fc.record({
  ticker: fc.constantFrom(...TICKERS),
  shares: fc.integer({ min: 1, max: 50 }),
  lossCents: fc.integer({ min: 1, max: 100_000 }),
  daysBefore: fc.integer({ min: 1, max: 45 }),
});
const tradeArb = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  action: fc.constantFrom<'BUY' | 'SELL'>('BUY', 'SELL'),
  ticker: fc.constantFrom(...TICKERS),
  fraction: fc.integer({ min: 1, max: 100 }),
  priceCents: fc.integer({ min: 1, max: 50_000 }),
});

type LotSpec = ReturnType<typeof lotArb.generate>['value'];
type SaleSpec = ReturnType<typeof saleArb.generate>['value'];
type TradeSpec = ReturnType<typeof tradeArb.generate>['value'];

function build(lots: LotSpec[], sales: SaleSpec[]): Household {
  return household({
    // B and C are substantially identical (one wash group); A stands alone.
    securities: [security('A', 10), security('B', 10, 'BC'), security('C', 10, 'BC')],
    accounts: [account('Taxable', 'Taxable', 1_000_000), account('Roth', 'Roth IRA', 1_000_000)],
    lots: lots.map((l, i) => lot(`L${i}`, l.account, l.ticker, l.shares, dec(l.cents).dividedBy(100), addDays(AS_OF, -l.daysBefore))),
    sales: sales.map((s) =>
      sale({ date: addDays(AS_OF, -s.daysBefore), account: 'Taxable', ticker: s.ticker, shares: s.shares, proceeds: 100, basis: dec(100).plus(dec(s.lossCents).dividedBy(100)), acquired: addDays(AS_OF, -s.daysBefore - 200), lot: null })),
  });
}

/** Valid trades: sells of at most what is held, buys well within cash. */
function tradesFor(h: Household, raw: TradeSpec[]): ExecutedTrade[] {
  const held = new Map<string, Decimal>();
  for (const l of h.lots) held.set(`${l.account}/${l.ticker}`, (held.get(`${l.account}/${l.ticker}`) ?? ZERO).plus(l.shares));
  return raw.flatMap((r) => {
    const key = `${r.account}/${r.ticker}`;
    const shares = r.action === 'SELL' ? (held.get(key) ?? ZERO).times(r.fraction).dividedBy(100).floor() : dec(r.fraction);
    if (!shares.greaterThan(0)) return [];
    if (r.action === 'SELL') held.set(key, (held.get(key) ?? ZERO).minus(shares));
    return [{ account: r.account, action: r.action, ticker: r.ticker, shares, price: dec(r.priceCents).dividedBy(100) }];
  });
}

const total = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), ZERO);

describe('recordTrades: engine bugs the reference checker found (issue 12), pinned', () => {
  // BUG (issue 12): on 2025-01-06 the Roth bought 10 X, permanently washing the 2025-01-05 loss
  // (Rev. Rul. 2008-5; not yet recorded). Recording a plan that sells the Roth's X and buys X
  // in Taxable must not wash that loss a second time: today the engine, seeing only shares still
  // held, moves the $500 into the new lot's basis.
  it('a loss already washed by a purchase since sold is not washed again by a later buy', () => {
    const h = household({
      accounts: [account('Taxable', 'Taxable', 10_000), account('Roth', 'Roth IRA', 0)],
      securities: [security('X', 50)],
      lots: [lot('R1', 'Roth', 'X', 10, 1000, '2025-01-06')],
      sales: [sale({ date: '2025-01-05', account: 'Taxable', ticker: 'X', shares: 10, proceeds: 500, basis: 1000, acquired: '2024-01-02', lot: 'T0' })],
    });
    const trades = [t('Roth', 'SELL', 'X', 10, 50), t('Taxable', 'BUY', 'X', 10, 50)];
    const result = recordTrades(h, plan(trades), { recordedPlanIds: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // The reference: the Roth purchase washed all 10 loss shares; the new buy washes nothing.
    const planned = { asOf: d('2025-01-15'), trades: [{ account: 'Taxable', action: 'BUY' as const, ticker: 'X', shares: dec(10), lots: [] }] };
    expect(washesCreatedBy(h, planned)).toEqual([]);
    expect(plain(result.lots.map((l) => [l.id, l.basis]))).toEqual([['P-1', '500']]);
  });
  // BUG (issue 12): one sale of two loss lots with 5 replacement shares: the loss shares matched
  // are the earliest acquired (Treas. Reg. 1.1091-1(b)), T1's $50 a share, whatever order the
  // broker lists the lots; today the first listed (T2, $150 a share) is matched.
  it('one sale of several loss lots: the earliest-acquired shares are matched first', () => {
    const h = household({
      accounts: [account('Taxable', 'Taxable', 0), account('Roth', 'Roth IRA', 0)],
      securities: [security('X', 50)],
      lots: [lot('T1', 'Taxable', 'X', 10, 1000, '2024-01-02'), lot('T2', 'Taxable', 'X', 10, 2000, '2024-06-03'), lot('R1', 'Roth', 'X', 5, 250, '2025-01-10')],
    });
    const trade = { ...t('Taxable', 'SELL', 'X', 20, 50), lots: [{ lot: 'T2', shares: dec(10) }, { lot: 'T1', shares: dec(10) }] };
    const result = recordTrades(h, plan([trade]), { recordedPlanIds: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(plain(result.sales.map((s) => [s.lot, s.disallowed]))).toEqual([['T2', '0'], ['T1', '250']]);
  });
});

describe('recordTrades properties', () => {
  it('conserves shares, cash and basis (plus loss moved into basis); no negative lots; deterministic', () => {
    assertProperty(
      fc.property(fc.array(lotArb, { maxLength: 8 }), fc.array(saleArb, { maxLength: 4 }), fc.array(tradeArb, { maxLength: 6 }), (lots, sales, raw) => {
        const h = build(lots, sales);
        const trades = tradesFor(h, raw);
        const result = recordTrades(h, { id: 'P', asOf: AS_OF, trades }, { recordedPlanIds: [] });
        expect(result.ok).toBe(true);
        if (!result.ok) return;

        for (const acct of ACCOUNTS) {
          for (const ticker of TICKERS) {
            const mine = (l: { account: string; ticker: string }) => l.account === acct && l.ticker === ticker;
            const of = (action: 'BUY' | 'SELL') => total(trades.filter((x) => mine(x) && x.action === action).map((x) => x.shares));
            const before = total(h.lots.filter(mine).map((l) => l.shares));
            const after = total(result.lots.filter(mine).map((l) => l.shares));
            expect(after.toFixed()).toBe(before.plus(of('BUY')).minus(of('SELL')).toFixed());
          }
          const flow = total(trades.filter((x) => x.account === acct).map((x) => roundCents(x.shares.times(x.price)).times(x.action === 'SELL' ? 1 : -1)));
          const cashBefore = h.accounts.find((a) => a.name === acct)!.cash;
          expect(result.accounts.find((a) => a.name === acct)!.cash.toFixed()).toBe(cashBefore.plus(flow).toFixed());
        }

        // Books balance by the reference checker (shares, cash, new Sales rows' shares and proceeds).
        expect(conservationProblems(h, trades, [], result)).toEqual([]);

        // Wash sales by the reference checker, never by the result's own Disallowed: the sales
        // recorded now (the lots the lot method took, each checked against its lot) and the buys,
        // against the whole history.
        const newSales = result.sales.slice(h.sales.length);
        const planned = {
          asOf: AS_OF,
          trades: [
            ...trades.filter((x) => x.action === 'BUY').map((x) => ({ ...x, lots: [] })),
            ...newSales.map((s) => ({ account: s.account, action: 'SELL' as const, ticker: s.ticker, shares: s.shares, lots: [{ lot: s.lot!, acquired: s.acquired!, shares: s.shares, basis: s.basis, proceeds: s.proceeds, gain: s.proceeds.minus(s.basis), term: 'short' as const }] })),
          ],
        };
        // Open: several sales of one wash group in one recording, where the rest of each sold lot
        // may replace another's loss; the engine and this reference match them differently.
        const soldGroups = newSales.map((s) => (s.ticker === 'A' ? 'A' : 'BC'));
        fc.pre(new Set(soldGroups).size === soldGroups.length);
        // Chains of washes (see washChains) are open: judged nowhere yet.
        fc.pre(washChains({ ...h, planned }).length === 0);
        for (const s of newSales) {
          const source = h.lots.find((l) => l.id === s.lot)!;
          expect(source, `sold lot ${s.lot}`).toBeDefined();
          expect([source.account, source.ticker, source.acquired]).toEqual([s.account, s.ticker, s.acquired]);
          expect(r(s.basis).minus(r(source.basis).times(r(s.shares)).dividedBy(r(source.shares))).abs().lessThanOrEqualTo('0.01')).toBe(true);
        }
        const washes = washesCreatedBy(h, planned);
        const deferred = washes.filter((w) => !w.permanent);
        // Disallowed grows by exactly the reference's disallowed loss (a cent of rounding a match).
        const disallowedAdded = r(total(result.sales.map((s) => s.disallowed)).minus(total(h.sales.map((s) => s.disallowed))));
        expect(disallowedAdded.minus(totalDisallowed(washes)).abs().lessThanOrEqualTo(washes.length * 0.01), washes.map(describeWash).join('; ')).toBe(true);
        // Basis: before - basis sold + cost bought + the deferred losses, which land in the replacements' basis (IRC 1091(d)).
        const bought = total(trades.filter((x) => x.action === 'BUY').map((x) => roundCents(x.shares.times(x.price))));
        // Basis of lots and sales together (a deferred loss whose replacement was sold since lands in
        // that Sales row): before + cost bought + the deferred losses (IRC 1091(d)).
        const expected = r(total([...h.lots, ...h.sales].map((l) => l.basis)).plus(bought)).plus(totalDisallowed(deferred));
        expect(r(total([...result.lots, ...result.sales].map((l) => l.basis))).minus(expected).abs().lessThanOrEqualTo(deferred.length * 0.01), washes.map(describeWash).join('; ')).toBe(true);
        expect(total(newSales.map((s) => s.shares)).toFixed()).toBe(total(trades.filter((x) => x.action === 'SELL').map((x) => x.shares)).toFixed());

        for (const l of result.lots) expect(l.shares.greaterThan(0)).toBe(true);
        for (const s of result.sales) expect(s.disallowed.lessThanOrEqualTo(s.basis.minus(s.proceeds).abs()) || s.disallowed.isZero()).toBe(true);
        expect(new Set(result.lots.map((l) => l.id)).size).toBe(result.lots.length);

        const again = recordTrades(h, { id: 'P', asOf: AS_OF, trades }, { recordedPlanIds: [] });
        expect(plain(again)).toEqual(plain(result));
      }),
      { numRuns: 300 },
    );
  });
});
