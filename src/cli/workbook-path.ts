/**
 * Checks a workbook path before it is read, so a missing file, a wrong kind of file or an
 * unreadable workbook is one line saying what, where and what is expected, never a stack trace
 * from the zip or CSV reader.
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { systemErrorLine } from './error-line';

export const WORKBOOK_EXPECTED = 'expected an .xlsx file or a folder of CSV files named after the tabs (Accounts.csv, Targets.csv, Securities.csv, Lots.csv, ...)';

const OTHER_SPREADSHEETS: Record<string, string> = {
  '.xls': 'an old Excel (.xls) file',
  '.xlsm': 'a macro-enabled Excel (.xlsm) file',
  '.xlsb': 'a binary Excel (.xlsb) file',
  '.ods': 'an OpenDocument (.ods) file',
  '.numbers': 'a Numbers file',
};

/** What is wrong with `path` as a workbook, in one line, or null when it can be read. */
export function workbookPathProblem(path: string): string | null {
  const where = resolve(path);
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return `there is no file or folder ${where}; ${WORKBOOK_EXPECTED}`;
    return systemErrorLine(error) ?? `cannot read ${where}`;
  }
  const ext = extname(path).toLowerCase();
  if (info.isDirectory()) {
    if (ext === '.xlsx') return `${where} is a folder, not an .xlsx file; ${WORKBOOK_EXPECTED}`;
    let files: string[];
    try {
      files = readdirSync(path);
    } catch (error) {
      return systemErrorLine(error) ?? `cannot read the folder ${where}`;
    }
    if (!files.some((f) => /\.csv$/i.test(f))) return `the folder ${where} has no CSV files; ${WORKBOOK_EXPECTED}`;
    return null;
  }
  if (ext === '.xlsx') return info.size === 0 ? `${where} is empty (0 bytes); ${WORKBOOK_EXPECTED}` : null;
  if (OTHER_SPREADSHEETS[ext]) return `${where} is ${OTHER_SPREADSHEETS[ext]}; save it as an Excel Workbook (.xlsx) and give that file, or export each tab as CSV into a folder`;
  if (ext === '.csv') return `${where} is a single CSV file; give the folder that holds one CSV per tab (Accounts.csv, Targets.csv, Securities.csv, Lots.csv, ...)`;
  return `${where} is not a workbook; ${WORKBOOK_EXPECTED}`;
}

/** One line for a workbook that exists but could not be read (a corrupt .xlsx, a locked CSV). */
export function workbookReadProblem(path: string, error: unknown): string {
  const system = systemErrorLine(error);
  if (system) return system;
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  if (/\.xlsx$/i.test(path)) return `${resolve(path)} is not a readable .xlsx workbook (${detail.replace(/\s*If it is, see .*$/, '')}); save it again from Excel or Google Sheets as .xlsx`;
  return `cannot read the workbook ${resolve(path)}: ${detail}`;
}
