import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { LOT_METHOD_TABLE, orderLots } from '../../src/engine/lots/order-lots';
import { selectLotsForSale } from '../../src/engine/lots/select-lots';
import { takeShares } from '../../src/engine/lots/take-shares';
import type { TaxRates } from '../../src/engine/tax';
import { LOT_METHODS, type LotMethodName } from '../../src/engine/types';
import { d, lot, plain } from './fixtures';

// Price $100 on 2025-06-01. Rates: 37% ST, 20% LT, 5% state -> 42% ST, 25% LT.
const rates: TaxRates = { shortTerm: dec('0.37'), longTerm: dec('0.20'), state: dec('0.05') };
const lots = [
  lot('A', 'T', 'VTI', 10, 1200, '2020-01-01'), // LT loss, $120/share: -$20/share
  lot('B', 'T', 'VTI', 10, 500, '2021-01-01'), //  LT gain, $50/share: +$50/share, tax 50*.25/100 = 0.125/$
  lot('C', 'T', 'VTI', 10, 1100, '2025-03-01'), // ST loss, $110/share: -$10/share
  lot('D', 'T', 'VTI', 10, 900, '2025-01-01'), //  ST gain, $90/share: +$10/share, tax 10*.42/100 = 0.042/$
  lot('E', 'T', 'VTI', 10, 800, '2022-01-01'), //  LT gain, $80/share: +$20/share, tax 20*.25/100 = 0.05/$
  lot('Z', 'IRA', 'VTI', 10, 100, '2020-01-01'), // another account: never touched
];
const context = { saleDate: d('2025-06-01'), price: dec(100), rates, taxable: true, specificLots: ['D', 'B'] };
const ids = (method: LotMethodName) => orderLots(method, lots.slice(0, 5), context).map((l) => l.id);

describe('lot ordering', () => {
  it('MinTax: by least tax per dollar, each lot at its own term\'s rate, short- and long-term alike', () => {
    // A -0.05/$ (LT loss $20 x 25%), C -0.042/$ (ST loss $10 x 42%), D 0.042/$ (ST gain $10 x 42%),
    // E 0.05/$ (LT gain $20 x 25%), B 0.125/$: D's short-term gain is cheaper than E's and B's
    // long-term gains, so it comes before them (issue 16: no tier by term).
    expect(ids('MinTax')).toEqual(['A', 'C', 'D', 'E', 'B']);
  });
  it('MinTax in a tax-advantaged account: every lot costs no tax, so older first (A, B, E, D, C)', () => {
    expect(orderLots('MinTax', lots.slice(0, 5), { ...context, taxable: false }).map((l) => l.id)).toEqual(['A', 'B', 'E', 'D', 'C']);
  });
  it('HIFO by basis per share: 120, 110, 90, 80, 50', () => expect(ids('HIFO')).toEqual(['A', 'C', 'D', 'E', 'B']));
  it('FIFO by acquired date', () => expect(ids('FIFO')).toEqual(['A', 'B', 'E', 'D', 'C']));
  it('LIFO by acquired date, newest first', () => expect(ids('LIFO')).toEqual(['C', 'D', 'E', 'B', 'A']));
  it('SpecID: the named lots, in the named order', () => expect(ids('SpecID')).toEqual(['D', 'B']));
  it('ties on date break by id', () => {
    const tied = [lot('b', 'T', 'X', 1, 1, '2024-01-01'), lot('a', 'T', 'X', 1, 1, '2024-01-01')];
    expect(orderLots('FIFO', tied, context).map((l) => l.id)).toEqual(['a', 'b']);
    expect(orderLots('LIFO', tied, context).map((l) => l.id)).toEqual(['a', 'b']);
  });
  it('every method is in the table, the table holds only methods, each its own function', () => {
    // The product's list (PRODUCT.md, Settings "Lot Method"); the type and the table must match it.
    expect([...LOT_METHODS]).toEqual(['MinTax', 'HIFO', 'FIFO', 'LIFO', 'SpecID']);
    expect(Object.keys(LOT_METHOD_TABLE).sort()).toEqual([...LOT_METHODS].sort());
    expect(new Set(Object.values(LOT_METHOD_TABLE)).size).toBe(LOT_METHODS.length);
    for (const method of LOT_METHODS) expect(typeof LOT_METHOD_TABLE[method], method).toBe('function');
  });
});

describe('takeShares', () => {
  it('splits a partial lot to the cent and conserves basis', () => {
    // $100 over 3 shares: 1 share carries 100/3 = 33.333... -> $33.33; the rest keeps $66.67.
    const result = takeShares([lot('L', 'T', 'X', 3, 100, '2024-01-01')], dec(1));
    expect(result.taken[0].basis.toFixed()).toBe('33.33');
    expect(result.remaining[0].basis.toFixed()).toBe('66.67');
    expect(result.remaining[0].id).toBe('L');
    expect(result.shortfall.toFixed()).toBe('0');
  });
  it('reports a shortfall instead of throwing, and leaves the input alone', () => {
    const input = [lot('L', 'T', 'X', 3, 100, '2024-01-01')];
    const result = takeShares(input, dec(5));
    expect(result.shortfall.toFixed()).toBe('2');
    expect(input[0].shares.toFixed()).toBe('3');
  });
});

describe('selectLotsForSale', () => {
  const request = {
    lots, account: 'T', ticker: 'VTI', shares: dec(25), price: dec(100), saleDate: d('2025-06-01'),
    method: 'MinTax' as const, rates, taxable: true,
  };

  it('MinTax sells A, C and half of D, with each lot taxed at its own rate', () => {
    const result = selectLotsForSale(request);
    expect(result.errors).toEqual([]);
    expect(plain(result.taken)).toEqual([
      // A: 1,000 - 1,200 = -200 LT; tax -200 x 0.25 = -50
      { lot: 'A', acquired: '2020-01-01', shares: '10', basis: '1200', proceeds: '1000', gain: '-200', term: 'long', tax: '-50' },
      // C: 1,000 - 1,100 = -100 ST; tax -100 x 0.42 = -42
      { lot: 'C', acquired: '2025-03-01', shares: '10', basis: '1100', proceeds: '1000', gain: '-100', term: 'short', tax: '-42' },
      // D: 5 of 10 shares, basis 900 x 5/10 = 450; 500 - 450 = 50 ST; tax 50 x 0.42 = 21
      // (half of E instead, as before issue 16: 100 LT x 0.25 = 25; $4 more for the same 25 shares)
      { lot: 'D', acquired: '2025-01-01', shares: '5', basis: '450', proceeds: '500', gain: '50', term: 'short', tax: '21' },
    ]);
    // Input order kept; A and C gone; D keeps its id with 5 shares and $450.
    expect(result.remaining.map((l) => `${l.id}:${l.shares}:${l.basis}`)).toEqual(['B:10:500', 'D:5:450', 'E:10:800', 'Z:10:100']);
    expect(lots[4].shares.toFixed()).toBe('10'); // the request's lots are not changed
  });

  it('selling more than held is an error value', () => {
    const result = selectLotsForSale({ ...request, shares: dec(51) });
    expect(result.errors).toEqual(['Cannot sell 51 shares of VTI in T: only 50 held.']);
    expect(result.taken).toEqual([]);
    expect(result.remaining).toHaveLength(6);
  });

  it('SpecID names lots and may not sell beyond them', () => {
    const ok = selectLotsForSale({ ...request, method: 'SpecID', specificLots: ['D', 'B'], shares: dec(15) });
    expect(ok.taken.map((t) => `${t.lot}:${t.shares}:${t.gain}`)).toEqual(['D:10:100', 'B:5:250']);
    expect(selectLotsForSale({ ...request, method: 'SpecID', specificLots: ['D', 'Q'] }).errors[0]).toContain('Q');
    expect(selectLotsForSale({ ...request, method: 'SpecID', specificLots: ['D'], shares: dec(11) }).errors[0]).toContain('only 10 in the named lots');
  });

  it('in a tax-advantaged account every lot costs no tax', () => {
    const result = selectLotsForSale({ ...request, taxable: false, shares: dec(10), method: 'FIFO' });
    expect(result.taken[0].gain.toFixed()).toBe('-200');
    expect(result.taken[0].tax.isZero()).toBe(true);
  });

  it('splits proceeds to the cent so they add up to the sale amount', () => {
    // 3 shares at $33.335 = $100.005 -> $100.01 (half up); 1 share each from three lots: 33.34, 33.34, 33.33.
    const three = [lot('p', 'T', 'X', 1, 10, '2024-01-01'), lot('q', 'T', 'X', 1, 10, '2024-01-02'), lot('r', 'T', 'X', 1, 10, '2024-01-03')];
    const result = selectLotsForSale({ ...request, lots: three, ticker: 'X', shares: dec(3), price: dec('33.335'), method: 'FIFO' });
    expect(result.taken.map((t) => t.proceeds.toFixed())).toEqual(['33.34', '33.34', '33.33']);
  });
});
