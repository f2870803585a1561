import { describe, expect, it } from 'vitest';
import { d, household, account, lot, sale, security } from '../tax/fixtures';
import { dec } from '../../src/engine/money';
import { firstLongTermDay, isLongTerm } from './days';
import { listWashes, washesCreatedBy, disallowedBySale } from './wash-sales';
import { scheduleD } from './schedule-d';
import { R } from './numbers';

/** The reference checker checked on the worked examples of the rules it encodes. */
const g = (st: number, lt: number) => ({ shortTerm: new R(st), longTerm: new R(lt) });
const flat = { shortTerm: new R('0.37'), longTerm: new R('0.2'), state: new R(0) };

describe('reference: holding period (Pub. 550, Rev. Rul. 66-7)', () => {
  it('long-term from the day after the first anniversary of the day after acquisition', () => {
    expect(firstLongTermDay('2024-01-15')).toBe('2025-01-16');
    expect(firstLongTermDay('2023-02-28')).toBe('2024-03-01');
    expect(firstLongTermDay('2024-02-29')).toBe('2025-03-01');
    expect(firstLongTermDay('2024-02-28')).toBe('2025-03-01');
    expect([isLongTerm('2023-02-28', '2024-02-29'), isLongTerm('2024-01-15', '2025-01-15'), isLongTerm('2024-01-15', '2025-01-16')]).toEqual([false, false, true]);
  });
});

describe('reference: Schedule D', () => {
  it('nets within and across characters, limits the ordinary offset to $3,000 and carries the rest with its character', () => {
    // $5,000 short-term loss, $1,000 long-term gain: $4,000 net loss, $3,000 deducted, $1,000 short-term carried.
    expect(JSON.stringify(scheduleD(g(-5000, 1000), g(0, 0), flat))).toBe(JSON.stringify({ tax: new R(-1110), deduction: new R(3000), carryOut: g(1000, 0) }));
    // $2,000 short-term gain, $7,000 long-term loss: the deduction is $3,000 and $2,000 long-term loss carries.
    expect(scheduleD(g(2000, -7000), g(0, 0), flat).carryOut).toEqual(g(0, 2000));
    // A short-term carryforward of $1,500 against a $1,000 long-term gain: $500 deducted, nothing left taxed.
    expect(scheduleD(g(0, 1000), g(1500, 0), flat).tax.toFixed()).toBe('-185');
    // Long-term gain after a short-term loss is taxed at the long-term rate; gains alone at their own.
    expect(scheduleD(g(-1000, 3000), g(0, 0), flat).tax.toFixed()).toBe('400');
    expect(scheduleD(g(1000, 1000), g(0, 0), flat).tax.toFixed()).toBe('570');
  });
});

describe('reference: wash sales (IRC 1091, Pub. 550)', () => {
  const base = () => household({ accounts: [account('Taxable'), account('Roth', 'Roth IRA')], securities: [security('X', 8, 'XY'), security('Y', 8, 'XY'), security('Z', 8)] });
  it("Pub. 550's examples: the whole loss, and a part for fewer replacement shares", () => {
    // 100 X bought for $1,000, sold for $750; 100 bought within 30 days: $250 disallowed.
    const sold = sale({ date: '2025-03-01', account: 'Taxable', ticker: 'X', shares: 100, proceeds: 750, basis: 1000, acquired: '2024-01-02', lot: 'A' });
    const h = { ...base(), sales: [sold], lots: [lot('B', 'Taxable', 'X', 100, 800, '2025-03-20')] };
    expect(listWashes(h).map((w) => [w.shares.toFixed(), w.disallowed.toFixed(), w.permanent])).toEqual([['100', '250', false]]);
    // Only 75 bought: 75/100 of the loss, $187.50.
    const fewer = { ...h, lots: [lot('B', 'Taxable', 'X', 75, 600, '2025-03-20')] };
    expect(listWashes(fewer).map((w) => w.disallowed.toFixed())).toEqual(['187.5']);
  });
  it('every acquisition counts: a Roth (permanent), a purchase since sold, a closed account, a substantially identical fund; 31 days does not', () => {
    const loss = sale({ date: '2025-03-01', account: 'Taxable', ticker: 'X', shares: 10, proceeds: 50, basis: 100, acquired: '2024-01-02', lot: 'A' });
    const h = {
      ...base(),
      sales: [loss, sale({ date: '2025-03-10', account: 'Gone', ticker: 'X', shares: 2, proceeds: 30, basis: 20, acquired: '2025-02-01', lot: 'G' })],
      lots: [lot('R', 'Roth', 'X', 3, 30, '2025-03-31'), lot('Y1', 'Taxable', 'Y', 4, 40, '2025-01-30'), lot('late', 'Taxable', 'X', 9, 90, '2025-04-01'), lot('Z', 'Taxable', 'Z', 9, 90, '2025-03-01')],
    };
    const washes = listWashes(h);
    // Earliest acquired first: Y (01-30), the closed account's purchase since sold (02-01), then the Roth (03-31, permanent).
    expect(washes.map((w) => [w.replacement.lot, w.replacement.source, w.shares.toFixed(), w.permanent])).toEqual([
      ['Y1', 'lot', '4', false], ['G', 'sale', '2', false], ['R', 'lot', '3', true],
    ]);
    expect([...disallowedBySale(washes).values()].map((v) => [v.disallowed.toFixed(), v.recorded])).toEqual([['45', false]]);
  });
  it('a loss of a lot already part sold is not washed by the rest of the same purchase (Rev. Rul. 56-602), nor by lots sold with it', () => {
    const h = {
      ...base(),
      lots: [lot('A', 'Taxable', 'X', 5, 50, '2025-02-20'), lot('B', 'Taxable', 'Y', 5, 50, '2025-02-21')],
      sales: [sale({ date: '2025-02-25', account: 'Taxable', ticker: 'X', shares: 5, proceeds: 20, basis: 50, acquired: '2025-02-20', lot: 'A' })],
    };
    // The sale of A is washed by B (a substantially identical fund), not by A's own remaining shares.
    expect(listWashes(h).map((w) => w.replacement.lot)).toEqual(['B']);
    // A plan selling all of A and B at a loss: neither replaces the other.
    const planned = {
      asOf: d('2025-03-01'),
      trades: [
        { account: 'Taxable', action: 'SELL' as const, ticker: 'X', shares: dec(5), lots: [{ lot: 'A', acquired: d('2025-02-20'), shares: dec(5), basis: dec(50), proceeds: dec(20), gain: dec(-30), term: 'short' as const }] },
        { account: 'Taxable', action: 'SELL' as const, ticker: 'Y', shares: dec(5), lots: [{ lot: 'B', acquired: d('2025-02-21'), shares: dec(5), basis: dec(50), proceeds: dec(20), gain: dec(-30), term: 'short' as const }] },
      ],
    };
    expect(washesCreatedBy({ ...h, sales: [] }, planned)).toEqual([]);
    // A planned buy of Y washes the planned loss sales, earliest-acquired shares first (Treas. Reg. 1.1091-1(b)).
    const buy = { ...planned, trades: [planned.trades[1], planned.trades[0], { account: 'Roth', action: 'BUY' as const, ticker: 'Y', shares: dec(6), lots: [] }] };
    expect(washesCreatedBy({ ...h, sales: [] }, buy).map((w) => [w.sale.lot, w.shares.toFixed(), w.permanent])).toEqual([['A', '5', true], ['B', '1', true]]);
  });
});
