import type { DateCells } from '../../src/workbook/cells';
import { readXlsx } from '../../src/workbook/node/xlsx-file';
import { mulberry32, type Rng } from '../../src/generate/prng';
import { EXAMPLE_XLSX, exampleGrid } from '../support/example-grids';

/**
 * Hostile workbooks, made by mutating the example household the way real sheets go wrong:
 * blanks, text where numbers belong, spreadsheet errors, mixed percent scales, dates in other
 * formats or as serial numbers, duplicated rows and headers, renamed and reordered columns,
 * missing tabs, absurd magnitudes, negative amounts, unicode and HTML in names, thousands of
 * trailing empty rows, lots in closed accounts. Every mutant comes from a seed, so a failure
 * is reproduced by its seed and index alone.
 */

export const TABS = ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'] as const;

export interface BaseWorkbook {
  /** 'csv': every cell text, as a CSV folder gives it; 'xlsx': typed cells (numbers, UTC Dates). */
  name: 'csv' | 'xlsx';
  tabs: Record<string, unknown[][]>;
  dateCells: DateCells;
}

export interface Mutant {
  base: BaseWorkbook['name'];
  tabs: Record<string, unknown[][]>;
  dateCells: DateCells;
  /** What was done, in order, for the failure report. */
  mutations: string[];
}

/** The example household, read both ways: the CSV folder (text cells) and the .xlsx (typed cells). */
export async function loadFuzzBases(): Promise<BaseWorkbook[]> {
  const csv: Record<string, unknown[][]> = {};
  for (const tab of TABS) csv[tab] = exampleGrid(tab);
  const source = await readXlsx(EXAMPLE_XLSX);
  const xlsx: Record<string, unknown[][]> = {};
  for (const tab of source.tabNames()) xlsx[tab] = source.values(tab) ?? [];
  return [
    { name: 'csv', tabs: csv, dateCells: 'local' },
    { name: 'xlsx', tabs: xlsx, dateCells: 'utc' },
  ];
}

/** One generator per mutant index: the same (seed, index) always gives the same workbook. */
export function mutantRng(seed: number, index: number): Rng {
  return mulberry32((Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(index + 1, 0x85ebca6b)) >>> 0);
}

function cloneTabs(tabs: Record<string, unknown[][]>): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const [name, grid] of Object.entries(tabs)) out[name] = grid.map((row) => [...row]);
  return out;
}

const norm = (v: unknown) => String(v ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

// ----- where to strike -----------------------------------------------------------------------

/** Columns by what they hold (canonical headers of the example household). */
const NUMERIC: Record<string, string[]> = {
  Accounts: ['Cash', 'Reserve', 'Withdraw'],
  Lots: ['Shares', 'Cost Basis'],
  Securities: ['Price', 'Rank'],
  Sales: ['Shares', 'Proceeds', 'Cost Basis', 'Disallowed'],
  Targets: ['Target', 'Band', 'Abs Band'],
};
const DATES: Record<string, string[]> = {
  Lots: ['Acquired', 'Holding From'],
  Sales: ['Date', 'Acquired'],
  Securities: ['Ex-Dividend'],
};
const NAMES: Record<string, string[]> = {
  Accounts: ['Account'],
  Lots: ['Account', 'Ticker'],
  Sales: ['Account', 'Ticker'],
  Securities: ['Ticker', 'Asset Class'],
  Targets: ['Asset Class'],
};

interface Target {
  tab: string;
  grid: unknown[][];
  row: number;
  col: number;
}

function existingTab(tabs: Record<string, unknown[][]>, rng: Rng, among?: readonly string[]): string | null {
  const names = Object.keys(tabs).filter((t) => !among || among.some((a) => norm(a) === norm(t)));
  return names.length === 0 ? null : rng.pick(names);
}

/** A column of the tab by header (wherever it moved), else any column. */
function columnOf(grid: unknown[][], rng: Rng, headers: readonly string[] | undefined): number {
  const header = grid[0] ?? [];
  const wanted = headers && headers.length > 0 ? norm(rng.pick(headers)) : null;
  const found = wanted === null ? -1 : header.findIndex((h) => norm(h) === wanted);
  if (found >= 0) return found;
  return rng.int(0, Math.max(0, header.length - 1));
}

/** A data cell (below the header row) in one of the named columns. */
function dataCell(tabs: Record<string, unknown[][]>, rng: Rng, byTab: Record<string, string[]>): Target | null {
  const tab = existingTab(tabs, rng, Object.keys(byTab));
  if (tab === null) return null;
  const grid = tabs[tab];
  if (grid.length < 2) return null;
  const canonical = Object.keys(byTab).find((k) => norm(k) === norm(tab));
  const row = rng.int(1, Math.min(grid.length - 1, 40));
  if (!Array.isArray(grid[row])) grid[row] = [];
  const col = columnOf(grid, rng, canonical ? byTab[canonical] : undefined);
  return { tab, grid, row, col };
}

function anyDataCell(tabs: Record<string, unknown[][]>, rng: Rng): Target | null {
  const tab = existingTab(tabs, rng);
  if (tab === null) return null;
  const grid = tabs[tab];
  if (grid.length < 2) return null;
  const row = rng.int(1, Math.min(grid.length - 1, 40));
  if (!Array.isArray(grid[row])) grid[row] = [];
  const width = Math.max(1, (grid[0] ?? []).length);
  return { tab, grid, row, col: rng.int(0, width - 1) };
}

function set(t: Target, value: unknown): string {
  const row = t.grid[t.row];
  while (row.length <= t.col) row.push('');
  row[t.col] = value;
  return `${t.tab}!R${t.row + 1}C${t.col + 1}=${describe(value)}`;
}

function describe(value: unknown): string {
  if (Object.prototype.toString.call(value) === '[object Date]') return `Date(${(value as Date).toISOString?.() ?? 'invalid'})`;
  if (typeof value === 'string') return JSON.stringify(value.length > 30 ? `${value.slice(0, 27)}...` : value);
  return String(value);
}

// ----- the mutations ---------------------------------------------------------------------------

type Mutation = (tabs: Record<string, unknown[][]>, rng: Rng) => string | null;

const HOSTILE_TEXT = ['abc', 'N/A', 'n/a', '12abc', '1.2.3', '—', '1 000', '$', '--5', '(5', '5-', '1e5', '0x10', 'TRUE', '٣٤', '１２３', '∞', 'NaN', 'Infinity', '-Infinity', '1,23,4'];
const SHEET_ERRORS = ['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#ERROR!', '#NULL!', ' #n/a '];
const HOSTILE_NAMES = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><b>bold</b>',
  '=HYPERLINK("http://evil.example","x")',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\tTab',
  'Ünïcödé Fönd',
  '株式口座',
  'حساب',
  '🚀 Rocket',
  'a\u0000b',
  'x'.repeat(300),
  "O'Brien & Sons",
  'Zero\u200bWidth',
];
const DATE_TEXTS = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return [`${m}/${d}/${y}`, `${d}.${m}.${y}`, `${y}/${m}/${d}`, `${y}${m}${d}`, `${Number(y)}-${Number(m)}-${Number(d)}`, `March ${Number(d)}, ${y}`, `${iso}T00:00:00`, `${iso} `, `${d}/${m}/${y.slice(2)}`, '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31'];
};

function isoOf(cell: unknown): string {
  if (Object.prototype.toString.call(cell) === '[object Date]') {
    const t = (cell as Date).getTime();
    if (!Number.isNaN(t)) return (cell as Date).toISOString().slice(0, 10);
  }
  if (typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell.trim())) return cell.trim();
  return '2020-01-15';
}

/** Days since 1899-12-30, as Excel and Sheets count. */
function excelSerial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const MUTATIONS: Record<string, Mutation> = {
  blank(tabs, rng) {
    const t = anyDataCell(tabs, rng);
    return t && set(t, rng.pick(['', ' ', '   ', '\t', '\n', null, undefined]));
  },
  textInNumber(tabs, rng) {
    const t = dataCell(tabs, rng, NUMERIC);
    return t && set(t, rng.pick([...HOSTILE_TEXT, true, false, new Date(Date.UTC(2020, 0, 1))]));
  },
  spreadsheetError(tabs, rng) {
    const t = rng.chance(0.5) ? dataCell(tabs, rng, NUMERIC) : anyDataCell(tabs, rng);
    return t && set(t, rng.pick(SHEET_ERRORS));
  },
  nonFinite(tabs, rng) {
    const t = dataCell(tabs, rng, NUMERIC);
    return t && set(t, rng.pick([NaN, Infinity, -Infinity, Number.MAX_VALUE, -0, Number.MIN_VALUE]));
  },
  percentMix(tabs, rng) {
    const tab = existingTab(tabs, rng, ['Targets']);
    if (!tab) return null;
    const grid = tabs[tab];
    const col = columnOf(grid, rng, ['Target', 'Band']);
    const fractions = [0.35, 0.08, 0.17, 0.06, 0.2, 0.05, 0.04, 0.05];
    const styles: string[] = [];
    for (let r = 1; r < grid.length && r <= fractions.length; r++) {
      if (!Array.isArray(grid[r])) continue;
      const f = fractions[r - 1];
      const style = rng.pick(['points', 'fraction', 'text', 'textSpace', 'pointsText']);
      styles.push(style);
      grid[r][col] =
        style === 'points' ? Math.round(f * 100)
        : style === 'fraction' ? f
        : style === 'text' ? `${Math.round(f * 100)}%`
        : style === 'textSpace' ? ` ${Math.round(f * 100)} % `
        : String(Math.round(f * 100));
    }
    return `${tab}!C${col + 1} percents as ${styles.join('/')}`;
  },
  dateAsText(tabs, rng) {
    const t = dataCell(tabs, rng, DATES);
    return t && set(t, rng.pick(DATE_TEXTS(isoOf(t.grid[t.row][t.col]))));
  },
  dateAsSerial(tabs, rng) {
    const t = dataCell(tabs, rng, DATES);
    if (!t) return null;
    const serial = excelSerial(isoOf(t.grid[t.row][t.col]));
    return set(t, rng.pick([serial, String(serial), serial + 0.5]));
  },
  settingsValue(tabs, rng) {
    const tab = existingTab(tabs, rng, ['Settings']);
    if (!tab || tabs[tab].length < 2) return null;
    const grid = tabs[tab];
    const row = rng.int(1, grid.length - 1);
    if (!Array.isArray(grid[row])) grid[row] = [];
    const value = rng.pick<unknown>([
      '', 37, 0.37, '37%', 370, -5, 'none', 'yes', 'maybe', '#N/A', excelSerial('2026-11-20'), '11/20/2026', '2026-11-20', '1e400', 'MinTax', 'fifo', 'weekly', 'https://hooks.slack.com/x', 'javascript:alert(1)', 'not-an-email', '$-100', 100000000000000000,
    ]);
    grid[row][1] = value;
    return `${tab}!R${row + 1} value=${describe(value)}`;
  },
  duplicateRow(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab || tabs[tab].length < 2) return null;
    const grid = tabs[tab];
    const row = rng.int(1, grid.length - 1);
    const at = rng.int(1, grid.length);
    grid.splice(at, 0, [...(grid[row] ?? [])]);
    return `${tab}: row ${row + 1} copied to ${at + 1}`;
  },
  duplicateHeaderRow(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab || tabs[tab].length < 1) return null;
    const grid = tabs[tab];
    const at = rng.int(1, grid.length);
    grid.splice(at, 0, [...(grid[0] ?? [])]);
    return `${tab}: header row repeated at ${at + 1}`;
  },
  duplicateHeaderColumn(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab || tabs[tab].length < 1) return null;
    const grid = tabs[tab];
    const col = rng.int(0, Math.max(0, (grid[0] ?? []).length - 1));
    for (const row of grid) if (Array.isArray(row)) row.push(row[col] ?? '');
    return `${tab}: column ${col + 1} repeated at the end`;
  },
  renameHeader(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab || !Array.isArray(tabs[tab][0])) return null;
    const header = tabs[tab][0];
    const col = rng.int(0, Math.max(0, header.length - 1));
    const old = String(header[col] ?? '');
    const renamed = rng.pick([
      old.toUpperCase(),
      old.toLowerCase().replace(/\s+/g, '_'),
      ` ${old} `,
      `${old}:`,
      old.replace(/\s+/g, '-'),
      `${old} (USD)`,
      'Notes',
      '',
      'Symbol',
      'Qty',
      'Basis',
      'Class',
      'Date Acquired',
      'Purchase Date',
    ]);
    header[col] = renamed;
    return `${tab}: header ${JSON.stringify(old)} -> ${JSON.stringify(renamed)}`;
  },
  reorderColumns(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab) return null;
    const grid = tabs[tab];
    const width = Math.max(0, ...grid.map((r) => (Array.isArray(r) ? r.length : 0)));
    const order = rng.shuffle(Array.from({ length: width }, (_, i) => i));
    tabs[tab] = grid.map((row) => (Array.isArray(row) ? order.map((i) => row[i] ?? '') : row));
    return `${tab}: columns reordered ${order.join(',')}`;
  },
  dropColumn(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab) return null;
    const col = rng.int(0, Math.max(0, (tabs[tab][0] ?? []).length - 1));
    for (const row of tabs[tab]) if (Array.isArray(row)) row.splice(col, 1);
    return `${tab}: column ${col + 1} removed`;
  },
  missingTab(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab) return null;
    delete tabs[tab];
    return `${tab}: tab removed`;
  },
  emptyTab(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab) return null;
    tabs[tab] = rng.pick([[], [[]], [['']], [tabs[tab][0] ?? []]]);
    return `${tab}: emptied to ${tabs[tab].length} rows`;
  },
  renameTab(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab) return null;
    const renamed = rng.pick([tab.toUpperCase(), ` ${tab.toLowerCase()} `, `${tab} (old)`, `${tab}_`, `My ${tab}`]);
    if (renamed in tabs) return null;
    tabs[renamed] = tabs[tab];
    delete tabs[tab];
    return `${tab}: tab renamed ${JSON.stringify(renamed)}`;
  },
  swapTabs(tabs, rng) {
    const names = Object.keys(tabs);
    if (names.length < 2) return null;
    const [a, b] = rng.shuffle(names);
    [tabs[a], tabs[b]] = [tabs[b], tabs[a]];
    return `tabs ${a} and ${b} swapped`;
  },
  hugeOrTiny(tabs, rng) {
    const t = dataCell(tabs, rng, NUMERIC);
    return t && set(t, rng.pick<unknown>([1e15, 9.99e14, 1e16, 1e300, '1000000000000000000', 1e-12, 0.000000001, '0.000000000001', 5e-324, 123456789.123456789, '99999999999999.99']));
  },
  negative(tabs, rng) {
    const t = dataCell(tabs, rng, NUMERIC);
    return t && set(t, rng.pick<unknown>([-1, -100, -0.5, '-$5', '($5.00)', '-0', -1e9]));
  },
  zero(tabs, rng) {
    const t = dataCell(tabs, rng, NUMERIC);
    return t && set(t, rng.pick<unknown>([0, '0', '$0.00', 0.0]));
  },
  hostileName(tabs, rng) {
    const t = dataCell(tabs, rng, NAMES);
    return t && set(t, rng.pick(HOSTILE_NAMES));
  },
  /** A name changed everywhere it appears: still a consistent workbook, just a hostile name. */
  hostileNameEverywhere(tabs, rng) {
    const t = dataCell(tabs, rng, NAMES);
    if (!t) return null;
    const old = t.grid[t.row][t.col];
    if (typeof old !== 'string' || old.trim() === '') return null;
    const renamed = rng.pick(HOSTILE_NAMES.filter((n) => !n.includes('\u0000')));
    for (const grid of Object.values(tabs)) {
      for (const row of grid) if (Array.isArray(row)) row.forEach((c, i) => { if (c === old) row[i] = renamed; });
    }
    return `${JSON.stringify(old)} renamed ${JSON.stringify(renamed)} everywhere`;
  },
  trailingEmptyRows(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab) return null;
    const count = rng.int(500, 5000);
    const width = (tabs[tab][0] ?? []).length;
    const shape = rng.pick(['empty', 'blanks', 'spaces', 'short']);
    for (let i = 0; i < count; i++) {
      tabs[tab].push(
        shape === 'empty' ? [] : shape === 'blanks' ? Array(width).fill('') : shape === 'spaces' ? Array(width).fill(' ') : [''],
      );
    }
    return `${tab}: ${count} trailing ${shape} rows`;
  },
  leadingEmptyRows(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab) return null;
    const count = rng.int(1, 5);
    for (let i = 0; i < count; i++) tabs[tab].unshift([]);
    return `${tab}: ${count} empty rows above the header`;
  },
  raggedRow(tabs, rng) {
    const tab = existingTab(tabs, rng);
    if (!tab || tabs[tab].length < 2) return null;
    const row = rng.int(1, tabs[tab].length - 1);
    const cells = tabs[tab][row];
    if (!Array.isArray(cells)) return null;
    cells.length = rng.int(0, cells.length);
    return `${tab}!R${row + 1} cut to ${cells.length} cells`;
  },
  lotInClosedAccount(tabs, rng) {
    const tab = existingTab(tabs, rng, ['Lots']);
    if (!tab || tabs[tab].length < 1) return null;
    const grid = tabs[tab];
    const header = (grid[0] ?? []).map(norm);
    const row = header.map((h) => {
      if (h === 'account') return rng.pick(['Closed Brokerage', 'Old 401(k)', 'Taxable Brokerage (closed)']);
      if (h === 'ticker') return 'VOO';
      if (h === 'shares') return 10;
      if (h === 'costbasis') return 5000;
      if (h === 'acquired') return '2019-01-02';
      return '';
    });
    grid.splice(rng.int(1, grid.length), 0, row);
    return `${tab}: a lot in an account no longer on Accounts`;
  },
  unknownTicker(tabs, rng) {
    const t = dataCell(tabs, rng, { Lots: ['Ticker'], Sales: ['Ticker'], Securities: ['Asset Class'] });
    return t && set(t, rng.pick(['ZZZZ', 'VOO ', ' voo', 'V00', 'Crypto', 'BRK.B']));
  },
  /** Lots' Lot ids repeated (two rows one lot) or removed (ids come from the row). */
  lotIds(tabs, rng) {
    const t = dataCell(tabs, rng, { Lots: ['Lot'] });
    return t && set(t, rng.pick(['TX-VOO-2015', '', 'X', '=A1']));
  },
};

const NAMES_OF_MUTATIONS = Object.keys(MUTATIONS);

/**
 * Mutations a reader should take in its stride are drawn more often, so that a fair share of
 * mutants is accepted and goes on through drift and the planner (the other half of the test).
 */
const TOLERABLE = new Set([
  'trailingEmptyRows', 'leadingEmptyRows', 'reorderColumns', 'renameTab', 'hostileNameEverywhere',
  'percentMix', 'hugeOrTiny', 'zero', 'lotIds', 'raggedRow', 'blank', 'renameHeader',
]);
const WEIGHTS = NAMES_OF_MUTATIONS.map((name) => (TOLERABLE.has(name) ? 4 : 1));

/** A mutant: 1 to `max` mutations (default 4) on a deep copy of one base. */
export function mutateWorkbook(bases: readonly BaseWorkbook[], rng: Rng, max = 4): Mutant {
  const base = rng.pick(bases);
  const tabs = cloneTabs(base.tabs);
  const mutations: string[] = [];
  const count = rng.int(1, max);
  for (let i = 0; i < count; i++) {
    const name = NAMES_OF_MUTATIONS[rng.weighted(WEIGHTS)];
    const done = MUTATIONS[name](tabs, rng);
    if (done) mutations.push(`${name}: ${done}`);
  }
  return { base: base.name, tabs, dateCells: base.dateCells, mutations };
}

export { NAMES_OF_MUTATIONS as MUTATION_NAMES };
