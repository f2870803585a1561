import { Decimal, ZERO, toPlain, formatDollars, type DriftReport } from '../engine/index';

/** Column headers of the DRIFT table, shared by the custom function, the CLI and the sidebar. */
export const DRIFT_HEADER = [
  'Asset Class',
  'Value',
  'Weight',
  'Target',
  'Drift (pts)',
  'Relative Drift',
  'Band Low',
  'Band High',
  'Status',
] as const;

export type Cell = string | number;

const STATUS_TEXT = { within: 'within band', over: 'over', under: 'under' } as const;

/**
 * The drift table as sheet cells: money rounded to cents, weights as fractions rounded to
 * 6 places (the user formats them as percent), drift in percentage points to 2 places.
 * Rounding happens here, at the edge, never in the engine.
 */
export function driftTableCells(report: DriftReport): Cell[][] {
  const n = (d: Decimal, places: number) => d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
  const rows: Cell[][] = report.rows.map((r) => [
    r.assetClass,
    n(r.value, 2),
    n(r.weight, 6),
    n(r.target, 6),
    n(r.drift.times(100), 2),
    r.relativeDrift === null ? '' : n(r.relativeDrift, 6),
    r.band ? n(r.band.lower, 6) : '',
    r.band ? n(r.band.upper, 6) : '',
    r.band ? STATUS_TEXT[r.status] : 'no target',
  ]);
  const outside = report.rows.filter((r) => r.status !== 'within').length;
  rows.push([
    'Total',
    n(report.total, 2),
    report.total.isZero() ? 0 : 1,
    n(report.rows.reduce((a, r) => a.plus(r.target), ZERO), 6),
    n(report.householdDrift.times(100), 2),
    '',
    '',
    '',
    outside === 0 ? 'all within bands' : `${outside} outside band${outside === 1 ? '' : 's'}`,
  ]);
  return [[...DRIFT_HEADER], ...rows];
}

export interface DriftJson {
  asOf: string | null;
  total: string;
  householdDrift: string;
  classes: {
    assetClass: string;
    value: string;
    weight: string;
    target: string;
    drift: string;
    relativeDrift: string | null;
    bandLow: string | null;
    bandHigh: string | null;
    status: string;
  }[];
  accounts: { account: string; total: string; classes: { assetClass: string; value: string; weight: string }[] }[];
}

/** Machine output: every number a decimal string, unrounded. */
export function driftJson(report: DriftReport): DriftJson {
  return {
    asOf: report.asOf,
    total: toPlain(report.total),
    householdDrift: toPlain(report.householdDrift),
    classes: report.rows.map((r) => ({
      assetClass: r.assetClass,
      value: toPlain(r.value),
      weight: toPlain(r.weight),
      target: toPlain(r.target),
      drift: toPlain(r.drift),
      relativeDrift: r.relativeDrift === null ? null : toPlain(r.relativeDrift),
      bandLow: r.band ? toPlain(r.band.lower) : null,
      bandHigh: r.band ? toPlain(r.band.upper) : null,
      status: r.band ? r.status : 'no target',
    })),
    accounts: report.accounts.map((a) => ({
      account: a.account,
      total: toPlain(a.total),
      classes: a.classes.map((c) => ({ assetClass: c.assetClass, value: toPlain(c.value), weight: toPlain(c.weight) })),
    })),
  };
}

/** A readable aligned table for the terminal. */
export function driftText(report: DriftReport): string {
  const pct = (d: Decimal) => `${d.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)}%`;
  const pts = (d: Decimal) => {
    const v = d.times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    return `${v.greaterThan(0) && !v.isZero() ? '+' : ''}${v.toFixed(2)}`;
  };
  const header = ['Asset Class', 'Value', 'Weight', 'Target', 'Drift pts', 'Band', 'Status'];
  const body = report.rows.map((r) => [
    r.assetClass,
    formatDollars(r.value),
    pct(r.weight),
    pct(r.target),
    pts(r.drift),
    r.band ? `${pct(r.band.lower)}-${pct(r.band.upper)}` : '-',
    r.band ? STATUS_TEXT[r.status] : 'no target',
  ]);
  body.push(['Total', formatDollars(report.total), '100.0%', '', '', '', '']);
  const table = alignTable([header, ...body], [false, true, true, true, true, true, false]);
  const outside = report.rows.filter((r) => r.status !== 'within').length;
  return [
    `Drift as of ${report.asOf ?? '(no as-of date)'}`,
    '',
    table,
    '',
    `Household drift: ${pct(report.householdDrift)} (half the sum of absolute deviations from target)`,
    ...(report.reservedCash.greaterThan(0) ? [`Weights are of ${formatDollars(report.base)}: the total less ${formatDollars(report.reservedCash)} of cash reserves.`] : []),
    outside === 0 ? 'Every class is within its band.' : `${outside} class${outside === 1 ? ' is' : 'es are'} outside ${outside === 1 ? 'its band' : 'their bands'}.`,
  ].join('\n');
}

/**
 * Right-aligns numbers on their decimal point: each value's fraction is padded with spaces to
 * the longest fraction, so `250`, `86.13571` and `2459.029572` line up on the point once the
 * column is right-aligned.
 */
export function alignOnPoint(values: readonly string[]): string[] {
  const fraction = (v: string) => (v.includes('.') ? v.length - v.indexOf('.') : 0);
  const widest = Math.max(0, ...values.map(fraction));
  return values.map((v) => (v === '' ? v : v + ' '.repeat(widest - fraction(v))));
}

/** How a column is aligned: `true` right, `false` left, `'point'` right on the decimal point. */
export type ColumnAlign = boolean | 'point';

export function alignTable(rows: string[][], rightAligned: readonly ColumnAlign[]): string {
  const columns = rows[0].map((_, c) => (rightAligned[c] === 'point' ? [rows[0][c] ?? '', ...alignOnPoint(rows.slice(1).map((r) => r[c] ?? ''))] : rows.map((r) => r[c] ?? '')));
  const cells = rows.map((r, i) => r.map((_, c) => columns[c][i]));
  const widths = rows[0].map((_, c) => Math.max(...columns[c].map((v) => v.length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (rightAligned[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}
