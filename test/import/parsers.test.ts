import { describe, expect, it } from 'vitest';
import { detectFormat, parseBrokerFile } from '../../src/import/index';
import { fixture, lotRows, parsed, saleRows } from './helpers';

describe('format detection is by content, never by name', () => {
  it.each([
    ['schwab-lots-voo.csv', 'schwab-lots'],
    ['schwab-lots-two-sections.csv', 'schwab-lots'],
    ['schwab-realized.csv', 'schwab-realized'],
    ['fidelity-positions.csv', 'fidelity-positions'],
    ['fidelity-realized.csv', 'fidelity-realized'],
    ['ibkr-activity.csv', 'ibkr-activity'],
    ['vanguard-cost-basis.csv', 'vanguard-cost-basis'],
    ['etrade-positions.csv', 'etrade-positions'],
    ['etrade-gains.csv', 'etrade-gains'],
    ['generic-lots.csv', null],
  ])('%s is %s', (name, id) => {
    expect(detectFormat(fixture(name))?.id ?? null).toBe(id);
    // The same bytes under another name are the same format.
    if (id) expect(parseBrokerFile('download (3).csv', fixture(name)).ok).toBe(true);
  });
  it('a file in no known format lists the formats known', () => {
    const r = parseBrokerFile('notes.csv', 'Date,Description,Amount\n01/02/2026,Coffee,$4.50\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]).toMatch(/^notes\.csv: not in a format I know/);
      for (const label of ['Schwab Lot Details', 'Fidelity Positions', 'Interactive Brokers', 'Vanguard', 'E\\*TRADE', 'generic CSV']) expect(r.errors[0]).toMatch(new RegExp(label));
    }
  });
  it('an Excel file or an empty file says so', () => {
    const xlsx = parseBrokerFile('positions.xlsx', 'PK\u0003\u0004\u0000\u0000binary');
    expect(!xlsx.ok && xlsx.errors[0]).toMatch(/not a CSV file/);
    const empty = parseBrokerFile('empty.csv', '  \n');
    expect(!empty.ok && empty.errors[0]).toMatch(/empty/);
  });
});

describe('Schwab Lot Details', () => {
  it('reads the preamble symbol and account, skips the Total row, keeps cents, drops the time', () => {
    const f = parsed('schwab-lots-voo.csv');
    expect(f.account).toBe('XXXX-4321');
    expect(f.lotTickers).toEqual(['VOO']);
    expect(lotRows(f)).toEqual([
      ['VOO', '2015-03-12', '200', '36480', ''],
      ['VOO', '2021-11-15', '60', '25806', ''],
      ['VOO', '2026-10-02', '5', '2863.3', ''],
    ]);
    expect(f.prices.map((p) => [p.ticker, p.price.toFixed()])).toEqual([['VOO', '568.3']]);
  });
  it('reads every section of a file, each symbol\'s lots under its own preamble', () => {
    const f = parsed('schwab-lots-two-sections.csv');
    expect(f.lotTickers).toEqual(['VB', 'IEFA']);
    expect(lotRows(f)).toEqual([
      ['VB', '2018-09-20', '150', '23760', ''],
      ['IEFA', '2026-05-01', '100', '8850', ''],
    ]);
  });
  it('an accountant\'s negative basis is read as negative, and refused for a lot', () => {
    const r = parseBrokerFile('two.csv', fixture('schwab-lots-two-sections.csv').replace('"$8,850.00"', '"(420.00)"'));
    expect(!r.ok && r.errors).toEqual(['two.csv, line 10, column "Cost Basis": found -420; expected a cost basis of 0 or more']);
  });
  it('a section with no lots is refused (it would remove every lot of the ticker)', () => {
    const text = '"VOO Lot Details for XXXX-4321 as of 11/20/2026"\r\n\r\n"Open Date","Quantity","Cost Basis",\r\n"Total","0","$0.00",\r\n';
    const r = parseBrokerFile('cut.csv', text);
    expect(!r.ok && r.errors).toEqual(['cut.csv, line 1: the VOO section lists no lots; expected its lots under the header (download Lot Details again)']);
  });
  it('a row with a bad number names file, line and column', () => {
    const text = fixture('schwab-lots-voo.csv').replace('"60"', '"sixty"');
    const r = parseBrokerFile('voo.csv', text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(['voo.csv, line 5, column "Quantity": found "sixty"; expected a number of shares']);
  });
});

describe('Schwab Realized Gain/Loss - Lot Details', () => {
  it('reads sales with the broker\'s disallowed loss, skips options and the Total row', () => {
    const f = parsed('schwab-realized.csv');
    expect(f.account).toBe('XXXX-4321');
    expect(saleRows(f)).toEqual([
      ['VNQ', '2026-02-18', '2019-06-10', '50', '4480', '3975', '0'],
      ['IEFA', '2026-04-10', '2024-08-15', '100', '7650', '8850', '1200'],
      ['VWO', '2026-11-02', '2026-03-03', '40', '2064', '2085.63', '0'],
    ]);
    expect(f.warnings.join(' ')).toMatch(/AAPL 09\/16\/2026 337.50 C/);
  });
});

describe('Fidelity positions', () => {
  it('is read as positions (for a check and prices), never as lots, and says so plainly', () => {
    const f = parsed('fidelity-positions.csv');
    expect(f.lots).toEqual([]);
    expect(f.lotTickers).toEqual([]);
    expect(f.positions.map((p) => [p.account, p.ticker, p.shares.toFixed(), p.basis?.toFixed()])).toEqual([
      ['Z00000000', 'VTI', '100', '21000'],
      ['Z00000000', 'BND', '200', '15200'],
      ['111111111', 'VXUS', '50', '2900'],
    ]);
    expect(f.prices.map((p) => `${p.ticker} ${p.price.toFixed()}`)).toEqual(['VTI 318.4', 'BND 73.8', 'VXUS 64.1']);
    expect(f.warnings[0]).toMatch(/no purchase dates, so it cannot replace your lots/);
  });
});

describe('Fidelity realized gain/loss', () => {
  it('reads Symbol(CUSIP), a trailing-space amount and VARIOUS acquisition dates', () => {
    const f = parsed('fidelity-realized.csv');
    expect(saleRows(f)).toEqual([
      ['VEA', '2026-04-10', '2026-03-02', '100', '5210', '5400', '0'],
      ['BND', '2026-06-01', '', '25.5', '1880', '1950', '0'],
    ]);
    expect(f.warnings.join(' ')).toMatch(/VARIOUS/);
  });
});

describe('Interactive Brokers activity statement', () => {
  it('reads Lot rows (not Summary rows), the account, and US-dollar stocks only', () => {
    const f = parsed('ibkr-activity.csv');
    expect(f.account).toBe('U1234567');
    expect(lotRows(f)).toEqual([
      ['VTI', '2019-03-04', '100', '18020', ''],
      ['VTI', '2026-04-20', '50', '10555', '2026-04-20'],
    ]);
    expect(f.lotTickers).toEqual(['VTI']);
    expect(f.prices.map((p) => `${p.ticker} ${p.price.toFixed()}`)).toEqual(['VTI 318.4']);
    expect(f.warnings.join('\n')).toMatch(/XEQT \(Stocks, CAD\)/);
    expect(f.warnings.join('\n')).toMatch(/code LD/);
  });
  it('prorates a trade\'s net proceeds over its closed lots to the cent, and reads an LD lot\'s disallowed loss', () => {
    const f = parsed('ibkr-activity.csv');
    // 7815 proceeds less a $1 commission = 7814: 100/150 of it is 5209.33, the last lot takes 2604.67.
    expect(saleRows(f)).toEqual([
      ['VEA', '2026-04-10', '2026-03-02', '100', '5209.33', '5400', '0'],
      ['VEA', '2026-04-10', '2025-01-15', '50', '2604.67', '2700', '0'],
      // Loss 4400 - 3999 = 401, of which IBKR reports 0 realized: all 401 disallowed (IRC 1091).
      ['VTI', '2026-04-01', '2026-01-05', '20', '3999', '4400', '401'],
    ]);
  });
});

describe('Interactive Brokers: a sale without its closed lots', () => {
  it('is not imported, and says how to get the lots', () => {
    const text = fixture('ibkr-activity.csv').split('\n').filter((l) => !l.includes('ClosedLot,Stocks,USD,VEA')).join('\n');
    const f = parsed('ibkr.csv', text);
    expect(f.sales.map((s) => s.ticker)).toEqual(['VTI']);
    expect(f.warnings.join('\n')).toMatch(/the sale of 150 VEA on 2026-04-10 lists no closed lots/);
  });
});

describe('Vanguard cost basis', () => {
  it('reads lots under their holding\'s row, skips subtotal and Total rows, and finds the account in the preamble', () => {
    const f = parsed('vanguard-cost-basis.csv');
    expect(f.account).toBe('12345678');
    expect(lotRows(f)).toEqual([
      ['VTI', '2019-03-04', '100', '18020', ''],
      ['VTI', '2026-04-20', '50', '10555', ''],
      ['BND', '2020-06-01', '200', '16400', ''],
    ]);
    expect(f.lotTickers.sort()).toEqual(['BND', 'VTI']);
  });
});

describe('Vanguard realized gains/losses', () => {
  it('reads sales and the wash-sale disallowed column, skipping the Total row', () => {
    const f = parsed('vanguard-realized.csv');
    expect(f.format).toBe('vanguard-cost-basis');
    expect(f.account).toBe('12345678');
    expect(saleRows(f)).toEqual([['VEA', '2026-04-10', '2026-03-02', '100', '5210', '5400', '190']]);
  });
});

describe('E*TRADE', () => {
  it('positions with lots expanded: lot rows under their symbol, basis from Price Paid, CASH and TOTAL skipped', () => {
    const f = parsed('etrade-positions.csv');
    expect(f.account).toBe('5678');
    expect(lotRows(f)).toEqual([
      ['VTI', '2019-03-04', '100', '18020', ''],
      ['VTI', '2026-04-20', '50', '10555', ''],
    ]);
    expect(f.prices.map((p) => `${p.ticker} ${p.price.toFixed()}`)).toEqual(['VTI 318.4']);
  });
  it('gains and losses: Sell rows, the Summary row skipped, the wash-sale column read', () => {
    const f = parsed('etrade-gains.csv');
    expect(saleRows(f)).toEqual([
      ['VEA', '2026-04-10', '2026-03-02', '100', '5210', '5400', '0'],
      ['VTI', '2026-04-01', '2026-01-05', '20', '4000', '4200', '40'],
    ]);
  });
});

describe('generic CSV', () => {
  it('reads the usual headers without a mapping', () => {
    const f = parsed('g.csv', 'Symbol,Quantity,Cost Basis,Date Acquired\nVTI,10,"$2,300.00",02/01/2024\nTotal,10,"$2,300.00",\n');
    expect(lotRows(f)).toEqual([['VTI', '2024-02-01', '10', '2300', '']]);
  });
  it('reads the user\'s own headers through the mapping', () => {
    const r = parseBrokerFile('mine.csv', fixture('generic-lots.csv'), { mapping: { ticker: 'Sym', shares: 'Units', acquired: 'Bought On', basis: 'Total Paid' } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(lotRows(r.file)).toEqual([
      ['VTI', '2024-02-01', '10', '2300', ''],
      ['VTI', '2025-06-15', '5', '1250.5', ''],
    ]);
  });
  it('reads sales when it has Date Sold and Proceeds', () => {
    const f = parsed('s.csv', 'Symbol,Quantity,Date Acquired,Date Sold,Proceeds,Cost Basis,Wash Sale Loss Disallowed\nVEA,100,03/02/2026,04/10/2026,"$5,210.00","$5,400.00",$12.50\n');
    expect(saleRows(f)).toEqual([['VEA', '2026-04-10', '2026-03-02', '100', '5210', '5400', '12.5']]);
  });
});
