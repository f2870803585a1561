import { describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../src/local-google/fake-google';
import { loadBundle } from '../support/load-bundle';

describe('date cells in custom functions', () => {
  it("reads a date cell as the day it shows in the spreadsheet's time zone, whatever the script's", () => {
    // The sheet is in Auckland (UTC+13 in March): the cell 2024-03-01 is the instant
    // 2024-02-29T11:00Z. Read with the script's zone (UTC here) it would be 29 February, and the
    // lot would turn long-term on 2025-03-01 instead of 2025-03-02 (held more than one year from
    // the day after 1 March 2024: Pub. 550).
    const google = createFakeGoogle({ authMode: 'CUSTOM_FUNCTION', spreadsheet: { timeZone: 'Pacific/Auckland', sheets: { Lots: [['x']] } }, scriptTimeZone: 'Etc/UTC' });
    const ctx = loadBundle(google.globals);
    const acquired = new Date('2024-02-29T11:00:00Z');
    const lots = [['Account', 'Ticker', 'Shares', 'Cost Basis', 'Acquired'], ['Brokerage', 'VTI', 10, 1000, acquired]];
    const securities = [['Ticker', 'Asset Class', 'Price'], ['VTI', 'Stocks', 120]];
    const table = ctx.TAXLOTS(lots, securities, '2025-03-01') as unknown[][];
    const header = table[0];
    const row = table[1];
    expect(row[header.indexOf('Acquired')]).toBe('2024-03-01');
    expect(row[header.indexOf('Long-Term On')]).toBe('2025-03-02');
    expect(row[header.indexOf('Term')]).toBe('short');
  });
});
