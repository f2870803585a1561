import { describe, expect, it } from 'vitest';
import { parseDateCell } from '../../src/workbook/cells';
import { baseTabs, readTabs } from './fixture';

/** Bugs the fuzzer (test/fuzz) found in the reader, pinned one by one. */
describe('dates outside 1900-2199 are refused, not misread', () => {
  it('year 0015 (a typo for 2015) was read, and Date.UTC then took it for 1915', () => {
    // Date.UTC(15, 2, 12) is 1915-03-12: the lot would have been 111 years old.
    expect(new Date(Date.UTC(15, 2, 12)).getUTCFullYear()).toBe(1915);
    expect(parseDateCell('0015-03-12', 'local', 'an acquisition date')).toEqual({
      ok: false,
      message: 'found "0015-03-12", which is out of range; expected an acquisition date between 1900 and 2199',
    });
  });

  it('the edges: 1900-01-01 and 2199-12-31 pass, 1899-12-31 and 2200-01-01 do not', () => {
    expect(parseDateCell('1900-01-01', 'local')).toEqual({ ok: true, value: '1900-01-01' });
    expect(parseDateCell('2199-12-31', 'local')).toEqual({ ok: true, value: '2199-12-31' });
    expect(parseDateCell('1899-12-31', 'local').ok).toBe(false);
    expect(parseDateCell('2200-01-01', 'local').ok).toBe(false);
    expect(parseDateCell(new Date(Date.UTC(1850, 0, 1)), 'utc').ok).toBe(false);
  });

  it('a lot acquired in year 0000 is an error naming Lots, the row and Acquired', () => {
    const tabs = baseTabs();
    tabs.Lots[2][4] = '0000-01-01';
    const result = readTabs(tabs);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { tab: 'Lots', row: 3, column: 'Acquired', message: 'found "0000-01-01", which is out of range; expected an acquisition date between 1900 and 2199' },
    ]);
  });
});

describe('a sale of shares acquired after the sale date', () => {
  it('is an error on Sales, Acquired (it was accepted, with a negative holding period)', () => {
    const tabs = baseTabs();
    tabs.Sales = [
      ['Date', 'Account', 'Ticker', 'Shares', 'Proceeds', 'Cost Basis', 'Acquired'],
      ['2026-04-10', 'Brokerage', 'VTI', '5', '1000', '1200', '2026-06-01'],
    ];
    const result = readTabs(tabs);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        tab: 'Sales',
        row: 2,
        column: 'Acquired',
        message: "found 2026-06-01, after the sale date 2026-04-10; expected the sold shares' acquisition date on or before 2026-04-10",
      },
    ]);
  });

  it('acquired on the sale day itself is fine (a same-day round trip)', () => {
    const tabs = baseTabs();
    tabs.Sales = [
      ['Date', 'Account', 'Ticker', 'Shares', 'Proceeds', 'Cost Basis', 'Acquired'],
      ['2026-04-10', 'Brokerage', 'VTI', '5', '1000', '1200', '2026-04-10'],
    ];
    expect(readTabs(tabs).ok).toBe(true);
  });
});
