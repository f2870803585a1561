import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { assertProperty } from '../support/fast-check-seed';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/workbook/node/csv';
import { readCsvFolder, writeCsvFolder } from '../../src/workbook/node/csv-folder';
import { readXlsx, writeXlsx } from '../../src/workbook/node/xlsx-file';
import { loadWorkbook } from '../../src/workbook/node/load-workbook';
import { gridSource, type TabSource } from '../../src/workbook/tab-source';
import { readHousehold } from '../../src/workbook/read-household';
import { accountsToRows, lotsToRows, salesToRows } from '../../src/workbook/write-tabs';
import { dec, sumBy } from '../../src/engine/money';
import { householdOf, normalize } from './fixture';

const EXAMPLE_DIR = join(__dirname, '..', '..', 'examples', 'household');
const EXAMPLE_XLSX = join(__dirname, '..', '..', 'examples', 'household.xlsx');
const TABS = ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'];

function gridsOf(source: TabSource): Record<string, unknown[][]> {
  return Object.fromEntries(TABS.map((t) => [t, source.values(t) ?? []]));
}

describe('CSV (RFC 4180)', () => {
  it('handles quotes, doubled quotes, embedded commas and line breaks, CRLF and a BOM', () => {
    const text = '\uFEFFa,"b, c","say ""hi"""\r\n"two\r\nlines",,x\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['two\r\nlines', '', 'x'],
    ]);
    expect(parseCsv('x,y\ny,z')).toEqual([
      ['x', 'y'],
      ['y', 'z'],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a,\n\nb')).toEqual([['a', ''], [''], ['b']]);
  });

  it('round-trips any grid of strings through toCsv and parseCsv', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ',', '"', '\r', '\n', '$', '%', 'é') });
    assertProperty(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        expect(parseCsv(toCsv(rows))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

describe('xlsx cells', () => {
  it('reads numbers, dates, rich text, formula results, hyperlinks and error values as getValues would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    const path = join(dir, 'cells.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kinds');
    ws.getCell('A1').value = 12.5;
    ws.getCell('B1').value = new Date(Date.UTC(2026, 10, 20));
    ws.getCell('C1').value = { richText: [{ text: 'Roth ' }, { font: { bold: true }, text: 'IRA' }] };
    ws.getCell('D1').value = { formula: 'A1*2', result: 25 };
    ws.getCell('E1').value = { text: 'VTI', hyperlink: 'https://example.com/vti' };
    ws.getCell('F1').value = { error: '#N/A' };
    ws.getCell('H1').value = true;
    ws.getCell('A3').value = 'after a blank row';
    await wb.xlsx.writeFile(path);

    const grid = (await readXlsx(path)).values('kinds');
    expect(grid).toEqual([
      [12.5, new Date(Date.UTC(2026, 10, 20)), 'Roth IRA', 25, 'VTI', '#N/A', '', true],
      [],
      ['after a blank row'],
    ]);
  });

  it('writes numbers, dates and formatted percents that read back as the same values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
    const path = join(dir, 'out.xlsx');
    await writeXlsx(path, {
      Targets: [
        ['Asset Class', 'Target', 'Since'],
        ['Stocks', { value: 0.6, numFmt: '0%' }, new Date(Date.UTC(2020, 0, 2))],
      ],
    });
    const source = await readXlsx(path);
    expect(source.dateCells).toBe('utc');
    expect(source.values('Targets')).toEqual([
      ['Asset Class', 'Target', 'Since'],
      ['Stocks', 0.6, new Date(Date.UTC(2020, 0, 2))],
    ]);
  });
});

describe('the example household', () => {
  it('reads the same from the CSV folder, the xlsx, and grids of either', async () => {
    const fromCsv = readHousehold(await loadWorkbook(EXAMPLE_DIR));
    const fromXlsx = readHousehold(await loadWorkbook(EXAMPLE_XLSX));
    const csvGrids = gridsOf(readCsvFolder(EXAMPLE_DIR));
    const xlsxGrids = gridsOf(await readXlsx(EXAMPLE_XLSX));
    const fromCsvGrid = readHousehold(gridSource(csvGrids));
    const fromXlsxGrid = readHousehold(gridSource(xlsxGrids), { dateCells: 'utc' });

    const reference = normalize(householdOf(fromCsv));
    expect(fromCsv.warnings).toEqual([]);
    expect(normalize(householdOf(fromXlsx))).toEqual(reference);
    expect(normalize(householdOf(fromCsvGrid))).toEqual(reference);
    expect(normalize(householdOf(fromXlsxGrid))).toEqual(reference);
    // The xlsx really holds typed cells, not text: a date cell and a percent as a fraction.
    expect(xlsxGrids.Settings[1][1]).toEqual(new Date(Date.UTC(2026, 10, 20)));
    expect(xlsxGrids.Targets[1][1]).toBe(0.35);
  });

  it('is the household the brief describes', async () => {
    const h = householdOf(readHousehold(await loadWorkbook(EXAMPLE_DIR)));
    expect(h.settings.asOf).toBe('2026-11-20');
    expect(h.accounts.map((a) => `${a.name} ${a.treatment}`)).toEqual([
      'Taxable Brokerage taxable',
      'Traditional IRA deferred',
      'Roth IRA exempt',
      'Acme 401(k) deferred',
      'HSA exempt',
    ]);
    expect(h.accounts[0].drip).toBe(true);
    expect(h.accounts[3].allowed).toEqual(['FXAIX', 'FSMAX', 'FSPSX', 'FXNAX']);
    expect(h.accounts[4].fractional).toBe(true);
    expect(h.targets).toHaveLength(8);
    expect(h.securities.filter((s) => s.washGroup === 'SP500').map((s) => s.ticker)).toEqual(['VOO', 'IVV', 'FXAIX']);
    expect(h.securities.filter((s) => s.exDividend !== null).map((s) => `${s.ticker} ${s.exDividend}`)).toEqual(['BND 2026-12-01']);

    const price = new Map(h.securities.map((s) => [s.ticker, s.price]));
    const invested = sumBy(h.lots, (l) => l.shares.times(price.get(l.ticker) ?? dec(0)));
    const cash = sumBy(h.accounts, (a) => a.cash);
    // Cash: 4,850 + 1,210.35 + 320 + 0 + 2,400 = 8,780.35. Lots at these prices total 733,465.86.
    expect(cash.toFixed(2)).toBe('8780.35');
    expect(invested.plus(cash).toFixed(2)).toBe('742246.21');

    // Bought in the 30 days before 2026-11-20 (from 2026-10-21): the IRA's VEA among them.
    const recent = h.lots.filter((l) => l.acquired > '2026-10-20').map((l) => `${l.account} ${l.ticker}`);
    expect(recent).toEqual(['Taxable Brokerage VWO', 'Traditional IRA VEA', 'Acme 401(k) FXAIX', 'HSA VTI']);
    expect(h.lots.find((l) => l.id === 'TX-IEFA-2026')?.holdingFrom).toBe('2024-08-25');
    expect(h.sales.map((s) => s.date)).toEqual(['2026-02-18', '2026-04-10', '2026-10-30']);
    // The October IEMG sale lost 19,470 - 17,460 = 2,010.
    expect(h.sales[2].basis.minus(h.sales[2].proceeds).toFixed()).toBe('2010');
  });

  it('round-trips Lots, Sales and Accounts through write-tabs', async () => {
    const grids = gridsOf(readCsvFolder(EXAMPLE_DIR));
    const h = householdOf(readHousehold(gridSource(grids)));
    const rewritten = {
      ...grids,
      Lots: lotsToRows(h.lots),
      Sales: salesToRows(h.sales),
      Accounts: accountsToRows(h.accounts),
    };
    expect(rewritten.Lots[0]).toEqual(['Account', 'Ticker', 'Shares', 'Cost Basis', 'Acquired', 'Lot', 'Holding From']);
    expect(rewritten.Lots[1]).toEqual(['Taxable Brokerage', 'VOO', '200', '36480', '2015-03-12', 'TX-VOO-2015', '']);
    // A lot without an id gets its default id written, so later reads keep it stable.
    expect(rewritten.Lots[3][5]).toBe('TB-VB-2018a');
    expect(rewritten.Accounts[4]).toEqual(['Acme 401(k)', '401(k)', '0', '0', '0', 'FXAIX, FSMAX, FSPSX, FXNAX', 'yes', 'no']);
    expect(normalize(householdOf(readHousehold(gridSource(rewritten))))).toEqual(normalize(h));

    // And through files: a CSV folder written and read back.
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    writeCsvFolder(dir, rewritten);
    expect(readdirSync(dir).sort()).toEqual(TABS.map((t) => `${t}.csv`).sort());
    expect(readFileSync(join(dir, 'Lots.csv'), 'utf8').split('\r\n')[0]).toBe('Account,Ticker,Shares,Cost Basis,Acquired,Lot,Holding From');
    expect(normalize(householdOf(readHousehold(await loadWorkbook(dir))))).toEqual(normalize(h));
  });

  it('rejects a path that is neither an .xlsx nor a folder', async () => {
    await expect(loadWorkbook(join(EXAMPLE_DIR, 'Lots.csv'))).rejects.toThrow('expected an .xlsx file or a folder of CSV files');
  });
});
