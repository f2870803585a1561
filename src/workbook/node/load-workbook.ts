import { stat } from 'node:fs/promises';
import type { TabSource } from '../tab-source';
import { readCsvFolder } from './csv-folder';
import { readXlsx } from './xlsx-file';

export { writeCsvFolder } from './csv-folder';

/**
 * An `.xlsx` file or a folder of CSVs as a TabSource (with the dateCells its Date cells need).
 * Rejects with a plain message when the path is neither; cell problems are left to the reader.
 */
export async function loadWorkbook(path: string): Promise<TabSource> {
  if (/\.xlsx$/i.test(path)) return readXlsx(path);
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) return readCsvFolder(path);
  throw new Error(`${path}: expected an .xlsx file or a folder of CSV files (Accounts.csv, Lots.csv, ...)`);
}
