import { describe, expect, it } from 'vitest';
import { accountInitials, shortLotId } from '../../src/engine/lots/short-lot-id';
import { gridSource, readHousehold } from '../../src/workbook/index';
import { exampleGrid } from '../support/example-grids';
import { generateHousehold } from '../../src/generate/generate-household';

describe('short lot ids (TB-VOO-2021a)', () => {
  it('account initials keep abbreviations whole', () => {
    expect(['Taxable Brokerage', 'Traditional IRA', 'Roth IRA', 'Acme 401(k)', 'HSA', 'joint brokerage', '  '].map(accountInitials)).toEqual(['TB', 'TIRA', 'RIRA', 'A401K', 'HSA', 'JB', 'L']);
  });

  it('a letter tells apart lots of one account, ticker and year, skipping ids already used', () => {
    const used = new Set(['TB-VOO-2021b']);
    const lot = { account: 'Taxable Brokerage', ticker: 'voo', acquired: '2021-03-05' };
    expect([shortLotId(lot, used), shortLotId(lot, used), shortLotId(lot, used)]).toEqual(['TB-VOO-2021a', 'TB-VOO-2021c', 'TB-VOO-2021d']);
    const many = new Set<string>();
    const ids = Array.from({ length: 28 }, () => shortLotId(lot, many));
    expect(ids.slice(24)).toEqual(['TB-VOO-2021y', 'TB-VOO-2021z', 'TB-VOO-2021aa', 'TB-VOO-2021ab']);
  });

  it('the example household: a blank Lot cell reads as a short id; typed ids are kept as typed', () => {
    const tabs = Object.fromEntries(['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'].map((t) => [t, exampleGrid(t)]));
    const read = readHousehold(gridSource(tabs), {});
    if (!read.ok) throw new Error('unreadable');
    const ids = read.household.lots.map((l) => l.id);
    expect(ids).toContain('TIRA-IVV-2016a');
    expect(ids).toContain('TX-BND-2021');
    expect(ids.every((id) => !id.includes('/'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a made-up id never takes an id typed further down the tab', () => {
    const grid = [
      ['Account', 'Ticker', 'Shares', 'Cost Basis', 'Acquired', 'Lot'],
      ['Brokerage', 'VTI', '1', '100', '2020-01-02', ''],
      ['Brokerage', 'VTI', '1', '100', '2020-02-02', 'B-VTI-2020a'],
    ];
    const tabs = Object.fromEntries(['Accounts', 'Targets', 'Securities', 'Settings'].map((t) => [t, exampleGrid(t)]));
    tabs.Accounts = [tabs.Accounts[0], ['Brokerage', 'Taxable', ...tabs.Accounts[0].slice(2).map(() => '')]];
    const read = readHousehold(gridSource({ ...tabs, Lots: grid }), {});
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.household.lots.map((l) => l.id)).toEqual(['B-VTI-2020b', 'B-VTI-2020a']);
  });

  it('generated households get unique short ids', () => {
    const h = generateHousehold(7, 'M');
    expect(new Set(h.lots.map((l) => l.id)).size).toBe(h.lots.length);
    expect(h.lots.every((l) => /^[A-Z0-9]{1,6}-[A-Z0-9.]+-\d{4}[a-z]+$/.test(l.id))).toBe(true);
  });
});
