import type { Account, Lot, Sale } from '../engine/index';
import { accountsToRows, lotsToRows, salesToRows } from '../workbook/index';
import type { BeforeImage } from './atomic-write';
import type { SheetCell } from './cell-safety';

/**
 * The hidden tab holding the before-image of the last recording, written in the same atomic
 * write as the recording itself, so "Undo last recording" can put Lots, Sales and Accounts back.
 * Rows: a header, then `#plan`, `#fingerprint` (of the tabs as the recording left them), one
 * `#tab` row per tab (with whether it existed), then [tab, JSON of one row's cells].
 */
export const UNDO_TAB = '_rebalancer_undo';
const HEADER = ['Tab', 'Row (JSON)'];

/** A cell in JSON: text, number and boolean as themselves; a date as its instant; a formula as its text. */
type EncodedCell = string | number | boolean | { date: number } | { formula: string };

export interface UndoImage {
  planId: string;
  fingerprint: string;
  images: BeforeImage[];
}

function encodeCell(value: SheetCell, formula: string | undefined): EncodedCell {
  if (formula) return { formula };
  if (Object.prototype.toString.call(value) === '[object Date]') return { date: (value as Date).getTime() };
  return value as string | number | boolean;
}

export function undoTabRows(planId: string, fingerprint: string, images: readonly BeforeImage[]): string[][] {
  // Written raw: the apostrophe keeps a hash such as "176530615e4221" text (unquoted, Sheets
  // would read it as a number in scientific notation and the undo would never match).
  const rows: string[][] = [HEADER, ['#plan', `'${planId}`], ['#fingerprint', `'${fingerprint}`]];
  for (const image of images) {
    rows.push(['#tab', JSON.stringify({ tab: image.tab, existed: image.existed })]);
    image.values.forEach((row, r) => {
      rows.push([image.tab, JSON.stringify(row.map((v, c) => encodeCell(v, image.formulas[r]?.[c])))]);
    });
  }
  return rows;
}

function decodeCell(cell: unknown): { value: SheetCell; formula: string } {
  if (cell !== null && typeof cell === 'object') {
    if ('formula' in cell && typeof cell.formula === 'string') return { value: '', formula: cell.formula };
    if ('date' in cell && typeof cell.date === 'number') return { value: new Date(cell.date), formula: '' };
  }
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return { value: cell, formula: '' };
  return { value: '', formula: '' };
}

/** The undo tab's grid back to before-images; null when there is nothing (or nothing readable) to undo. */
export function parseUndoTab(grid: readonly (readonly unknown[])[] | null): UndoImage | null {
  if (!grid || grid.length < 3) return null;
  let planId = '';
  let fingerprint = '';
  const images: BeforeImage[] = [];
  try {
    for (const row of grid.slice(1)) {
      const [key, payload] = [String(row[0] ?? ''), String(row[1] ?? '')];
      if (key === '#plan') planId = payload;
      else if (key === '#fingerprint') fingerprint = payload;
      else if (key === '#tab') {
        const head = JSON.parse(payload) as { tab: string; existed: boolean };
        images.push({ tab: String(head.tab), existed: head.existed === true, values: [], formulas: [] });
      } else if (key !== '') {
        const image = images.find((i) => i.tab === key);
        if (!image) return null;
        const cells = (JSON.parse(payload) as unknown[]).map(decodeCell);
        image.values.push(cells.map((c) => c.value));
        image.formulas.push(cells.map((c) => c.formula));
      }
    }
  } catch {
    return null;
  }
  return planId && images.length > 0 ? { planId, fingerprint, images } : null;
}

/** cyrb53 (public domain): a fast 53-bit string hash; enough to notice an edit, not a secret. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** A cell as the sheet keeps it: numbers to the 15 significant digits a cell can hold. */
function canonical(cell: string): string {
  return /^-?\d+(\.\d+)?$/.test(cell) ? String(Number(Number(cell).toPrecision(15))) : cell;
}

/**
 * What Lots, Sales and Accounts say, as the reader understands them (the rows the add-on would
 * write for them). Taken of the recording's result, and again before an undo: any edit since
 * that the add-on can see changes it.
 */
export function tabsFingerprint(lots: readonly Lot[], sales: readonly Sale[], accounts: readonly Account[]): string {
  const rows = [lotsToRows(lots), salesToRows(sales), accountsToRows(accounts)].map((tab) => tab.map((r) => r.map(canonical)));
  return hash53(JSON.stringify(rows));
}
