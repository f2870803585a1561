/**
 * Custom functions receive ranges as 2-D arrays, a single cell as a bare value, and an omitted
 * argument as undefined. These helpers turn that into tab grids, or a message that tells the
 * user exactly which argument is wrong and how to fix it.
 */
export type Grid = unknown[][];

/** The headers that identify each tab's range, as users see them. */
const HEADERS: Record<string, string[]> = {
  Accounts: ['Account', 'Type'],
  Targets: ['Asset Class', 'Target'],
  Securities: ['Ticker', 'Asset Class', 'Price'],
  Lots: ['Account', 'Ticker', 'Shares', 'Acquired'],
  Sales: ['Date', 'Account', 'Ticker', 'Shares', 'Proceeds'],
  Settings: ['Setting', 'Value'],
};

const normalize = (v: unknown) => String(v ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

const EXPECTED_HEADERS: Record<string, string[]> = Object.fromEntries(
  Object.entries(HEADERS).map(([tab, headers]) => [tab, headers.map(normalize)]),
);

function firstRow(grid: Grid): string[] {
  const row = grid.find((r) => Array.isArray(r) && r.some((c) => String(c ?? '').trim() !== ''));
  return (row ?? []).map(normalize);
}

/**
 * The contract tab whose identifying headers a grid's first row carries, if any; when several
 * do (a Sales range also has Lots' Account, Ticker, Shares and Acquired), the one that needs
 * the most of them.
 */
export function tabLookedLike(grid: Grid): string | null {
  const headers = firstRow(grid);
  let best: string | null = null;
  for (const [tab, needed] of Object.entries(EXPECTED_HEADERS)) {
    if (needed.every((h) => headers.includes(h)) && (best === null || needed.length > EXPECTED_HEADERS[best].length)) best = tab;
  }
  return best;
}

const ORDINAL = ['1st', '2nd', '3rd', '4th', '5th', '6th'];

/**
 * The grid for one range argument, or throws an Error whose message says which argument, what
 * was given and what is expected (Sheets shows it on the cell's #ERROR!).
 */
export function rangeArgument(fn: string, position: number, tab: string, value: unknown, optional = false): Grid | null {
  const where = `${fn}: the ${ORDINAL[position]} argument should be the ${tab} range, header row included`;
  if (value === undefined || value === null || value === '') {
    if (optional) return null;
    throw new Error(`${where}; it is empty.`);
  }
  if (!Array.isArray(value) || !value.every(Array.isArray)) {
    throw new Error(`${where} (e.g. ${tab}!A:H); it is a single cell.`);
  }
  const grid = value as Grid;
  const headers = firstRow(grid);
  if (headers.length === 0) throw new Error(`${where}; the range is empty.`);
  const needed = EXPECTED_HEADERS[tab];
  if (!needed.every((h) => headers.includes(h))) {
    const lookalike = tabLookedLike(grid);
    const hint = lookalike && lookalike !== tab ? ` It looks like the ${lookalike} range: are two arguments swapped?` : '';
    const missing = HEADERS[tab].filter((h) => !headers.includes(normalize(h)));
    throw new Error(`${where}; its first row has no ${missing.join(', ')} header${missing.length > 1 ? 's' : ''}.${hint}`);
  }
  return grid;
}
