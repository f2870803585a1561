// Node-only workbook sources: never imported by Apps Script or sidebar code.
export { parseCsv, toCsv } from './csv';
export { readCsvFolder, writeCsvFolder } from './csv-folder';
export { readXlsx, writeXlsx, xlsxCellValue, type FormattedCell } from './xlsx-file';
export { loadWorkbook } from './load-workbook';
