/**
 * Custom functions receive ranges as 2-D arrays, a single cell as a bare value, and an omitted
 * argument as undefined. These helpers turn that into tab grids, or a message that tells the
 * user exactly which argument is wrong and how to fix it.
 */
export type Grid = unknown[][];

const EXPECTED_HEADERS: Record<string, string[]> = {
  Accounts: ['account', 'type'],
  Targets: ['assetclass', 'target'],
  Securities: ['ticker', 'assetclass', 'price'],
  Lots: ['account', 'ticker', 'shares', 'acquired'],
  Sales: ['date', 'account', 'ticker', 'proceeds'],
  Settings: ['setting', 'value'],
};

const normalize = (v: unknown) => String(v ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

function firstRow(grid: Grid): string[] {
  const row = grid.find((r) => Array.isArray(r) && r.some((c) => String(c ?? '').trim() !== ''));
  return (row ?? []).map(normalize);
}

/** The contract tab whose required headers a grid's first row carries, if any. */
export function tabLookedLike(grid: Grid): string | null {
  const headers = firstRow(grid);
  for (const [tab, needed] of Object.entries(EXPECTED_HEADERS)) {
    if (needed.every((h) => headers.includes(h))) return tab;
  }
  return null;
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
    throw new Error(`${where}; its first row has no ${needed.filter((h) => !headers.includes(h)).join(', ')} header.${hint}`);
  }
  return grid;
}
