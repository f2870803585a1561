import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { displayValue } from '../../src/local-google/cell-values';
import { CELL_FORMATS, formatGrid, sharesFormat } from '../../src/present/cell-formats';
import { createWorld, type WorkbenchWorld } from '../../src/workbench/world';
import { loadWorkbook } from '../../src/workbook/node/load-workbook';
import { writeXlsx } from '../../src/workbook/node/xlsx-file';
import { EXAMPLE_XLSX } from '../support/example-grids';

const dist = (f: string) => readFileSync(fileURLToPath(new URL(`../../dist/${f}`, import.meta.url)), 'utf8');
const shown = (n: number, format: string) => displayValue(n, format, 'America/New_York');

describe('number formats (src/present/cell-formats.ts) as the fake Sheets shows them', () => {
  it('dollars, percent, tax as a saving, shares to their precision', () => {
    expect(shown(18450, CELL_FORMATS.dollars)).toBe('$18,450.00');
    expect(shown(-90.65, CELL_FORMATS.dollars)).toBe('-$90.65');
    expect(shown(0.11042598628549435, CELL_FORMATS.percent)).toBe('11.0%');
    expect(shown(-90.65, CELL_FORMATS.tax)).toBe('saves $90.65');
    expect(shown(1234.5, CELL_FORMATS.tax)).toBe('$1,234.50');
    expect(shown(0, CELL_FORMATS.tax)).toBe('$0.00');
    expect(shown(2459.029572, sharesFormat('2459.029572'))).toBe('2,459.029572');
    expect(shown(250, sharesFormat('250'))).toBe('250');
    expect(shown(86.13571, sharesFormat(86.13571))).toBe('86.13571');
    // Why shares take a format per value: Sheets keeps the point of an optional-digit pattern.
    expect(shown(250, '#,##0.######')).toBe('250.');
    expect(shown(-0.001, CELL_FORMATS.dollars)).toBe('$0.00');
    expect(shown(5, '[Red]0.0;[Blue]"minus "0.0')).toBe('5.0');
  });

  it('formatGrid: one format a cell, header rows and blanks as text', () => {
    expect(formatGrid([['Shares', 'Tax'], ['1.5', '-3'], ['', '2']], ['shares', 'tax'], 1)).toEqual([
      ['General', 'General'],
      ['#,##0.0', CELL_FORMATS.tax],
      ['General', CELL_FORMATS.tax],
    ]);
  });
});

describe('the Plan and Journal tabs are written with number formats; the workbench shows them and hides hidden tabs', () => {
  let world: WorkbenchWorld;
  beforeAll(async () => {
    // dist/ is the run's: `npm test` built it and the global setup rebuilds a stale one.
    world = createWorld(await loadWorkbook(EXAMPLE_XLSX), { code: dist('Code.js'), sidebarHtml: dist('Sidebar.html') });
    const made = world.call('makePlan', [{}]) as { ok: true; result: { ok: true; plan: unknown } };
    expect(world.call('writePlanToSheet', [made.result.plan])).toMatchObject({ ok: true, result: { ok: true } });
  }, 60_000);

  it('Plan: dollars, shares, tax saved as "saves $90.65", drift as 11.0%, the reason and its details side by side', () => {
    const plan = world.tabs().find((t) => t.name === 'Plan')!.rows;
    expect(plan[1]).toEqual(['Account', 'Action', 'Ticker', 'Shares', 'Price', 'Amount', 'Lots', 'Short-Term Gain', 'Long-Term Gain', 'Tax', 'Reason', 'Details']);
    const bnd = plan.find((r) => r[2] === 'BND')!;
    expect(bnd.slice(3, 10)).toEqual(['250', '$73.80', '$18,450.00', 'TX-BND-2021 (250)', '$0.00', '-$3,275.00', 'saves $90.65']);
    expect(bnd[10]).toMatch(/^Harvests a \$3,275 loss/);
    expect(bnd[11]).toContain('Do not buy BND or a substantially identical fund');
    expect(plan.find((r) => r[2] === 'FXNAX')![3]).toBe('4,736.882297');
    expect(plan.find((r) => r[0] === 'Household drift before')![1]).toBe('11.0%');
    expect(plan.find((r) => r[0] === 'Estimated tax')![1]).toBe('saves $90.65');
    // The cells hold numbers, formatted: a user can still sum them.
    const sheet = world.google.spreadsheet.sheet('Plan');
    const row = plan.indexOf(bnd) + 1;
    expect(sheet.getRange(row, 10).getValue()).toBe(-90.65);
    expect(sheet.getRange(row, 10).getNumberFormat()).toBe(CELL_FORMATS.tax);
  });

  it('Journal: As Of as yyyy-mm-dd', () => {
    const journal = world.tabs().find((t) => t.name === 'Journal')!.rows;
    expect(journal.at(-1)![3]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('hidden tabs are not in the workbench tab list, as in Sheets', () => {
    expect(world.google.spreadsheet.sheet('_rebalancer_plan').isSheetHidden()).toBe(true);
    expect(world.tabs().map((t) => t.name)).not.toContain('_rebalancer_plan');
  });

  it('the .xlsx export keeps the number formats', async () => {
    const path = join(tmpdir(), `formats-${process.pid}.xlsx`);
    await writeXlsx(path, world.xlsxTabs());
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('Plan')!;
    const cells: { value: unknown; numFmt: string }[] = [];
    sheet.eachRow((r) => r.eachCell((c) => cells.push({ value: c.value, numFmt: c.numFmt })));
    expect(cells).toContainEqual({ value: -90.65, numFmt: CELL_FORMATS.tax });
    expect(cells).toContainEqual({ value: 18450, numFmt: CELL_FORMATS.dollars });
  });
});
