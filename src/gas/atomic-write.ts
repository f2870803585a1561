import { safeRows, type SheetCell } from './cell-safety';
import type { Spreadsheet } from './active-workbook';
import { defaultTabFormats } from './tab-formats';

export interface TabWrite {
  tab: string;
  rows: readonly (readonly unknown[])[];
  /** Append below the existing rows instead of replacing the tab's contents. */
  append?: boolean;
  /**
   * The rows are cells already (a before-image being restored: its formulas are the user's
   * own, its text already quoted): written as they are, not through `safeCell`.
   */
  raw?: boolean;
  /** Delete the tab (undoing a recording that created it). */
  remove?: boolean;
  /** Hide the tab after writing it (the add-on's own bookkeeping tabs). */
  hide?: boolean;
  /**
   * Number formats, cell for cell (the shape of `rows`; src/present/cell-formats.ts makes them),
   * set after the values. Without them the add-on's own tabs get their column formats
   * (tab-formats.ts) and any other tab keeps the formats it has.
   */
  formats?: readonly (readonly string[])[];
}

export interface BeforeImage {
  tab: string;
  existed: boolean;
  values: SheetCell[][];
  /** Formulas by cell ('' where a cell holds a plain value), so a restore keeps them live. */
  formulas: string[][];
  /**
   * Number formats by cell, so a rollback does not leave the old values under the new formats
   * (a share count shown as dollars). Absent from an undo image read back from the undo tab:
   * an undo keeps the formats the tab has, which a recording does not change.
   */
  formats?: string[][];
}

/** Thrown when another execution holds the document lock for too long. */
export class BusyError extends Error {}

/** How deep this execution is inside withDocumentLock: an inner call must not release the outer's lock. */
let lockDepth = 0;

/**
 * Runs `work` under the document lock (the script lock outside a document). Waits up to
 * `waitMs`; flushes before releasing so the next holder sees every write. Nested calls (the
 * scheduled check holds the lock while it journals) run inside the outer hold: Google does not
 * document whether a second Lock object of the same execution may release the first's.
 */
export function withDocumentLock<T>(work: () => T, waitMs = 10_000, busyMessage = 'Another change to this spreadsheet is in progress (someone is recording or writing a plan). Try again in a moment.'): T {
  if (lockDepth > 0) return work();
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) throw new BusyError(busyMessage);
  lockDepth++;
  try {
    return work();
  } finally {
    lockDepth--;
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

/**
 * Writes several tabs all-or-nothing: every tab's before-image is read first (one getValues a
 * tab), then the writes are made; if any write fails, every tab already touched is put back
 * exactly as it was and the error is rethrown. The caller holds the lock.
 */
export function writeTabsAtomically(ss: Spreadsheet, writes: readonly TabWrite[], captured?: readonly BeforeImage[]): BeforeImage[] {
  const images = writes.map((w) => captured?.find((image) => image.tab === w.tab) ?? captureImages(ss, [w.tab])[0]);
  const touched: BeforeImage[] = [];
  try {
    writes.forEach((w, i) => {
      touched.push(images[i]);
      if (w.remove) {
        const gone = ss.getSheetByName(w.tab);
        if (gone) ss.deleteSheet(gone);
        return;
      }
      const sheet = ss.getSheetByName(w.tab) ?? ss.insertSheet(w.tab);
      const rows = w.raw ? w.rows.map((r) => [...r] as SheetCell[]) : safeRows(w.rows);
      if (w.hide && !sheet.isSheetHidden()) sheet.hideSheet();
      if (rows.length === 0) {
        if (!w.append) sheet.clearContents();
        return;
      }
      const start = w.append ? Math.max(sheet.getLastRow(), 0) + 1 : 1;
      if (!w.append) sheet.clearContents();
      const range = sheet.getRange(start, 1, rows.length, rows[0].length);
      range.setValues(rows);
      // Formats after the values, so a cell's old format never changes how a value is read in.
      const formats = w.raw ? null : (w.formats ?? defaultTabFormats(w.tab, rows));
      if (formats) range.setNumberFormats(rows.map((r, i) => r.map((_, c) => formats[i]?.[c] ?? 'General')));
    });
  } catch (error) {
    restoreImages(ss, touched);
    throw error;
  }
  return images;
}

/** Each tab's cells and formulas now (one read a tab), for a rollback or an undo. */
export function captureImages(ss: Spreadsheet, tabs: readonly string[]): BeforeImage[] {
  return tabs.map((tab) => {
    const sheet = ss.getSheetByName(tab);
    if (!sheet) return { tab, existed: false, values: [], formulas: [] };
    const range = sheet.getDataRange();
    return { tab, existed: true, values: range.getValues() as SheetCell[][], formulas: range.getFormulas(), formats: range.getNumberFormats() };
  });
}

/**
 * A before-image as cells to write back exactly: a formula cell gets its formula (not its last
 * value), and text gets a leading apostrophe so Sheets keeps it as text: written bare, a lot id
 * "0042" would come back as the number 42 and a literal "=x" as a formula.
 */
export function imageCells(image: Pick<BeforeImage, 'values' | 'formulas'>): SheetCell[][] {
  return image.values.map((row, r) =>
    row.map((v, c) => {
      const formula = image.formulas[r]?.[c];
      if (formula) return formula;
      return typeof v === 'string' && v !== '' ? `'${v}` : v;
    }),
  );
}

/**
 * Puts tabs back as their before-images show them (a tab that did not exist is removed, one
 * that was deleted comes back). Every tab is attempted even when one fails; then the first
 * failure is rethrown, naming the tabs that could not be put back.
 */
export function restoreImages(ss: Spreadsheet, images: readonly BeforeImage[]): void {
  const failed: string[] = [];
  let first: unknown = null;
  for (const image of [...images].reverse()) {
    try {
      const sheet = ss.getSheetByName(image.tab);
      if (!image.existed) {
        if (sheet) ss.deleteSheet(sheet);
        continue;
      }
      const target = sheet ?? ss.insertSheet(image.tab);
      target.clearContents();
      if (image.values.length > 0 && image.values[0].length > 0) {
        const cells = imageCells(image);
        const range = target.getRange(1, 1, cells.length, cells[0].length);
        range.setValues(cells);
        // An unformatted cell may read back as '' (the fakes) and '' is no format to set.
        if (image.formats) range.setNumberFormats(cells.map((row, r) => row.map((_, c) => image.formats?.[r]?.[c] || 'General')));
      }
    } catch (error) {
      failed.push(image.tab);
      first ??= error;
    }
  }
  if (failed.length > 0) {
    throw new Error(
      `A write failed and ${failed.join(', ')} could not be put back (${String((first as Error)?.message ?? first)}). Check those tabs; Undo last recording can restore a completed recording.`,
    );
  }
}
