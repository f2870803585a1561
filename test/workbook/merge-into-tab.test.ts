import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { isoDate } from '../../src/engine/dates';
import type { Lot, Sale } from '../../src/engine/types';
import { recordedTabs } from '../../src/workbook/recorded-tabs';
import { gridSource } from '../../src/workbook/tab-source';
import { readHousehold } from '../../src/workbook/read-household';
import { exampleGrid } from '../support/example-grids';

const lot = (id: string, shares: string, basis: string, extra: Partial<Lot> = {}): Lot => ({
  id, account: 'Taxable Brokerage', ticker: 'VTI', shares: dec(shares), basis: dec(basis), acquired: isoDate('2020-01-02'), holdingFrom: null, ...extra,
});

describe("recording keeps the user's own layout", () => {
  it("keeps header spelling, column order and the user's columns; drops a stale Cost/Share", () => {
    const existing = [
      ['lot id', 'ACCOUNT', 'ticker', 'qty', 'Cost/Share', 'Date Acquired', 'Notes'],
      ['A', 'Taxable Brokerage', 'VTI', 10, 100, '2020-01-02', 'gift from grandma'],
      ['B', 'Taxable Brokerage', 'VTI', 5, 120, '2020-01-02', 'bonus'],
    ];
    // After the recording: A partly sold (4 left), B split by a wash sale into B and B-W1.
    const result = { lots: [lot('A', '4', '400'), lot('B', '3', '360'), lot('B-W1', '2', '250', { holdingFrom: isoDate('2019-06-01') })], sales: [], accounts: [] };
    const { lots } = recordedTabs({ lots: existing, sales: null, accounts: null }, result);
    expect(lots[0]).toEqual(['lot id', 'ACCOUNT', 'ticker', 'qty', 'Date Acquired', 'Notes', 'Cost Basis', 'Holding From']);
    expect(lots.slice(1)).toEqual([
      ['A', 'Taxable Brokerage', 'VTI', '4', '2020-01-02', 'gift from grandma', '400', ''],
      ['B', 'Taxable Brokerage', 'VTI', '3', '2020-01-02', 'bonus', '360', ''],
      ['B-W1', 'Taxable Brokerage', 'VTI', '2', '2020-01-02', 'bonus', '250', '2019-06-01'],
    ]);
  });

  it('ties a lot the user gave no id to its old row by the short id the reader gave that row', () => {
    const existing = [
      ['Account', 'Ticker', 'Shares', 'Cost Basis', 'Acquired', 'Notes'],
      ['Taxable Brokerage', 'VTI', 10, 1000, '2020-01-02', 'first'],
      ['Taxable Brokerage', 'VTI', 10, 1200, '2020-01-02', 'second'],
    ];
    // The reader names the rows TB-VTI-2020a and TB-VTI-2020b, in row order.
    const result = { lots: [lot('TB-VTI-2020b', '6', '720')], sales: [], accounts: [] };
    const { lots } = recordedTabs({ lots: existing, sales: null, accounts: null }, result);
    expect(lots[1]).toEqual(['Taxable Brokerage', 'VTI', '6', '720', '2020-01-02', 'second', 'TB-VTI-2020b', '']);
  });

  it('keeps extra columns of Sales by position and of Accounts by name', () => {
    const sale = (d: string): Sale => ({ date: isoDate(d), account: 'Taxable Brokerage', ticker: 'VTI', shares: dec(1), proceeds: dec(90), basis: dec(100), acquired: isoDate('2020-01-02'), lot: 'A', disallowed: dec(0) });
    const salesGrid = [['Date', 'Account', 'Ticker', 'Shares', 'Proceeds', 'Cost Basis', 'Confirmation'], ['2026-01-05', 'Taxable Brokerage', 'VTI', 1, 90, 100, 'C-1']];
    const accountsGrid = exampleGrid('Accounts').map((row, i) => [...row, i === 0 ? 'Account Number' : `#${i}`]);
    const household = readHousehold(gridSource({ Accounts: exampleGrid('Accounts'), Targets: exampleGrid('Targets'), Securities: exampleGrid('Securities'), Lots: exampleGrid('Lots'), Settings: exampleGrid('Settings') }));
    if (!household.ok) throw new Error('example should read');
    const accounts = household.household.accounts.map((a) => (a.name === 'Roth IRA' ? { ...a, cash: a.cash.plus(7000) } : a));
    const tabs = recordedTabs({ lots: null, sales: salesGrid, accounts: accountsGrid }, { lots: [], sales: [sale('2026-01-05'), sale('2026-11-20')], accounts });
    expect(tabs.sales.map((r) => r[6])).toEqual(['Confirmation', 'C-1', '']);
    const roth = tabs.accounts.find((r) => r[0] === 'Roth IRA')!;
    expect(roth[tabs.accounts[0].indexOf('Account Number')]).toBe('#3');
    expect(roth[tabs.accounts[0].indexOf('Cash')]).toBe('7320');
  });

  it('the merged tabs read back as the same household', () => {
    const tabs = Object.fromEntries(['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'].map((t) => [t, exampleGrid(t) as unknown[][]]));
    tabs.Lots = tabs.Lots.map((row, i) => [...row, i === 0 ? 'Notes' : `note ${i}`]);
    const before = readHousehold(gridSource(tabs));
    if (!before.ok) throw new Error('example should read');
    const merged = recordedTabs({ lots: tabs.Lots, sales: tabs.Sales, accounts: tabs.Accounts }, before.household);
    const after = readHousehold(gridSource({ ...tabs, Lots: merged.lots, Sales: merged.sales, Accounts: merged.accounts }));
    if (!after.ok) throw new Error(after.errors.map((e) => e.message).join('; '));
    expect(JSON.stringify(after.household)).toBe(JSON.stringify(before.household));
    expect(merged.lots[1][merged.lots[0].indexOf('Notes')]).toBe('note 1');
  });
});
