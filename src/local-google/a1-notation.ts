/** A1 notation: `B3`, `A1:C3`, `A:C` (whole columns), `2:4` (whole rows), `'My tab'!A1:B2`. */
export interface A1Range {
  sheetName?: string;
  startRow: number;
  startColumn: number;
  /** Absent for whole-column ranges: runs to the sheet's last row. */
  endRow?: number;
  /** Absent for whole-row ranges: runs to the sheet's last column. */
  endColumn?: number;
}

export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parseCorner(text: string): { row?: number; column?: number } | undefined {
  const m = CELL.exec(text);
  if (!m || (!m[1] && !m[2])) return undefined;
  return { column: m[1] ? columnNumber(m[1]) : undefined, row: m[2] ? Number(m[2]) : undefined };
}

/** Parses A1 notation; throws `Range not found` (Google's message) when it is not A1. */
export function parseA1(notation: string): A1Range {
  let rest = notation.trim();
  let sheetName: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = rest.slice(0, bang);
    if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [first, second, extra] = rest.split(':');
  const a = first === undefined ? undefined : parseCorner(first);
  const b = second === undefined ? a : parseCorner(second);
  if (extra !== undefined || !a || !b) throw new Error('Range not found');
  const wholeColumns = a.row === undefined && b.row === undefined && a.column !== undefined && b.column !== undefined;
  const wholeRows = a.column === undefined && b.column === undefined && a.row !== undefined && b.row !== undefined;
  const cells = a.row !== undefined && a.column !== undefined && b.row !== undefined && b.column !== undefined;
  if (!wholeColumns && !wholeRows && !cells) throw new Error('Range not found');
  const rows = [a.row ?? 1, b.row ?? 1];
  const cols = [a.column ?? 1, b.column ?? 1];
  return {
    sheetName,
    startRow: Math.min(...rows),
    startColumn: Math.min(...cols),
    endRow: wholeColumns ? undefined : Math.max(...rows),
    endColumn: wholeRows ? undefined : Math.max(...cols),
  };
}

export function formatA1(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnLetters(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
}
