import ExcelJS from 'exceljs';
import { gridSource, type TabSource } from '../tab-source';

/**
 * One exceljs cell value as Apps Script's getValues() would hand it: formulas give their
 * cached result, rich text and hyperlinks their text, error cells their code ("#N/A").
 */
export function xlsxCellValue(value: ExcelJS.CellValue | undefined): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('error' in value) return value.error;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return xlsxCellValue(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return xlsxCellValue(value.text as ExcelJS.CellValue);
  return '';
}

/** The used part of a worksheet as a dense grid starting at A1. */
function sheetGrid(sheet: ExcelJS.Worksheet): unknown[][] {
  const grid: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    while (grid.length < rowNumber - 1) grid.push([]);
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      while (cells.length < col - 1) cells.push('');
      cells.push(xlsxCellValue(cell.value));
    });
    grid.push(cells);
  });
  return grid;
}

/** Reads every worksheet; exceljs gives date cells as UTC midnight, hence `dateCells: 'utc'`. */
export async function readXlsx(path: string): Promise<TabSource> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const tabs: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    tabs[sheet.name] = sheetGrid(sheet);
  });
  return gridSource(tabs, 'utc');
}

/** A cell to write with a number format: `{ value: 0.25, numFmt: '0.00%' }`. */
export interface FormattedCell {
  value: number | Date;
  numFmt: string;
}

function isFormatted(cell: unknown): cell is FormattedCell {
  return typeof cell === 'object' && cell !== null && 'numFmt' in cell && 'value' in cell;
}

function cellWidth(cell: unknown): number {
  if (isFormatted(cell)) return cell.value instanceof Date ? 10 : 12;
  if (cell instanceof Date) return 10;
  return String(cell ?? '').length;
}

/**
 * Writes a workbook that looks like a user's sheet: bold frozen header, columns sized to fit.
 * Cells: strings, numbers, booleans, Dates (written as UTC calendar days, shown YYYY-MM-DD),
 * or FormattedCell for percents and dollars.
 */
export async function writeXlsx(path: string, tabs: Record<string, readonly (readonly unknown[])[]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(tabs)) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        const target = sheet.getCell(r + 1, c + 1);
        if (isFormatted(cell)) {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else if (cell instanceof Date) {
          target.value = cell;
          target.numFmt = 'yyyy-mm-dd';
        } else if (typeof cell === 'number' || typeof cell === 'boolean' || typeof cell === 'string') {
          target.value = cell;
        }
      });
    });
    if (rows.length > 0) sheet.getRow(1).font = { bold: true };
    const columns = Math.max(0, ...rows.map((r) => r.length));
    for (let c = 0; c < columns; c++) {
      const width = Math.max(...rows.map((r) => cellWidth(r[c])));
      sheet.getColumn(c + 1).width = Math.min(60, Math.max(8, width + 2));
    }
  }
  await workbook.xlsx.writeFile(path);
}
