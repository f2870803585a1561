import { safeRows, type SheetCell } from './cell-safety';
import type { Spreadsheet } from './active-workbook';

export interface TabWrite {
  tab: string;
  rows: readonly (readonly unknown[])[];
  /** Append below the existing rows instead of replacing the tab's contents. */
  append?: boolean;
}

export interface BeforeImage {
  tab: string;
  existed: boolean;
  values: SheetCell[][];
  /** Formulas by cell ('' where a cell holds a plain value), so a restore keeps them live. */
  formulas: string[][];
}

/** Thrown when another execution holds the document lock for too long. */
export class BusyError extends Error {}

/**
 * Runs `work` under the document lock (the script lock outside a document). Waits up to
 * `waitMs`; flushes before releasing so the next holder sees every write.
 */
export function withDocumentLock<T>(work: () => T, waitMs = 10_000): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) throw new BusyError('Another change to this spreadsheet is in progress (someone is recording or writing a plan). Try again in a moment.');
  try {
    return work();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/**
 * Writes several tabs all-or-nothing: every tab's before-image is read first (one getValues a
 * tab), then the writes are made; if any write fails, every tab already touched is put back
 * exactly as it was and the error is rethrown. The caller holds the lock.
 */
export function writeTabsAtomically(ss: Spreadsheet, writes: readonly TabWrite[]): BeforeImage[] {
  const images: BeforeImage[] = writes.map((w) => {
    const sheet = ss.getSheetByName(w.tab);
    if (!sheet) return { tab: w.tab, existed: false, values: [], formulas: [] };
    const range = sheet.getDataRange();
    return { tab: w.tab, existed: true, values: range.getValues() as SheetCell[][], formulas: range.getFormulas() };
  });
  const touched: BeforeImage[] = [];
  try {
    writes.forEach((w, i) => {
      touched.push(images[i]);
      const sheet = ss.getSheetByName(w.tab) ?? ss.insertSheet(w.tab);
      const rows = safeRows(w.rows);
      if (rows.length === 0) return;
      if (w.append) {
        const start = Math.max(sheet.getLastRow(), 0) + 1;
        sheet.getRange(start, 1, rows.length, rows[0].length).setValues(rows);
      } else {
        sheet.clearContents();
        sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
      }
    });
  } catch (error) {
    restoreImages(ss, touched);
    throw error;
  }
  return images;
}

/** Puts tabs back as their before-images show them (a tab that did not exist is removed). */
export function restoreImages(ss: Spreadsheet, images: readonly BeforeImage[]): void {
  for (const image of [...images].reverse()) {
    const sheet = ss.getSheetByName(image.tab);
    if (!image.existed) {
      if (sheet) ss.deleteSheet(sheet);
      continue;
    }
    if (!sheet) continue;
    sheet.clearContents();
    if (image.values.length > 0 && image.values[0].length > 0) {
      // Values as they were; a cell that held a formula gets its formula back, not its last value.
      const cells = image.values.map((row, r) => row.map((v, c) => (image.formulas[r]?.[c] ? image.formulas[r][c] : v)));
      sheet.getRange(1, 1, cells.length, cells[0].length).setValues(cells);
    }
  }
}
