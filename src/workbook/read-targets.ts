import type { GlidePoint, TargetClass, TaxTreatment } from '../engine/types';
import { Decimal, dec, formatPercent, sum } from '../engine/money';
import { parseIsoDate, type IsoDate } from '../engine/dates';
import type { IssueLog } from './issues';
import type { DateCells } from './cells';
import type { ColumnSpec } from './headers';
import { nameKey, readTable, type Located, type TabRead } from './table';
import { rowReader, tabContext, type RowReader } from './fields';
import { parseTreatmentList } from './account-types';

export const TARGETS_TAB = 'Targets';

export const TARGET_COLUMNS: readonly ColumnSpec[] = [
  { key: 'assetClass', header: 'Asset Class', aliases: ['Class'], required: true },
  { key: 'target', header: 'Target', aliases: ['Target %', 'Allocation'] },
  { key: 'band', header: 'Band', aliases: ['Relative Band'] },
  { key: 'absBand', header: 'Abs Band', aliases: ['Absolute Band'] },
  { key: 'location', header: 'Location', aliases: ['Asset Location'] },
];

/** `Target 2030-01-01`: a dated point of a glide path. Claims anything "Target <digits...>". */
const DATED = /^\s*target\s*[-:@]?\s*(\d.*)$/i;

/** Sums within a hundredth of a point of 100% pass: rounding in the user's sheet, not a mistake. */
const SUM_TOLERANCE = dec('0.0001');

const TARGET_EXPECTED = 'a target percentage between 0% and 100% (0% for a class being phased out)';

function readTargetCell(r: RowReader, key: string): Decimal | null {
  const value = r.percent(key, TARGET_EXPECTED, 'nonnegative', true);
  if (value !== null && value.greaterThan(1)) {
    r.error(key, `found ${formatPercent(value, 2)}; expected ${TARGET_EXPECTED}`);
    return null;
  }
  return value;
}

export function readTargets(grid: readonly unknown[][], log: IssueLog, dateCells: DateCells): TabRead<TargetClass> | null {
  const table = readTable(TARGETS_TAB, grid, TARGET_COLUMNS, log, {
    pattern: (header) => (DATED.test(header) ? `dated:${header}` : null),
  });
  if (!table) return null;

  let broken = false;
  const dated: { key: string; date: IsoDate; header: string }[] = [];
  for (const column of table.patterned) {
    const date = parseIsoDate(DATED.exec(column.header)?.[1] ?? '');
    if (!date) {
      log.error(
        { tab: TARGETS_TAB, row: table.headerRow, column: column.header },
        `found "${column.header}"; expected a dated target column headed "Target YYYY-MM-DD"`,
      );
      broken = true;
    } else if (dated.some((d) => d.date === date)) {
      log.error(
        { tab: TARGETS_TAB, row: table.headerRow, column: column.header },
        `found a second column for ${date}; expected each target date once`,
      );
      broken = true;
    } else dated.push({ key: column.key, date, header: column.header });
  }
  if (!table.columns.has('target') && table.patterned.length === 0) {
    log.error(
      { tab: TARGETS_TAB, row: table.headerRow, column: 'Target' },
      'found no Target column; expected one in the header row (or dated "Target YYYY-MM-DD" columns)',
    );
    return null;
  }
  if (broken) return null;
  dated.sort((a, b) => (a.date < b.date ? -1 : 1));

  const specs = [...TARGET_COLUMNS, ...dated.map((d) => ({ key: d.key, header: d.header }))];
  const ctx = tabContext(table, log, dateCells, specs);
  const items: Located<TargetClass>[] = [];
  const firstRow = new Map<string, number>();
  const names = new Map<string, string>();
  const columnFailed = new Set<string>();

  for (const dataRow of table.rows) {
    const r = rowReader(ctx, dataRow);
    const assetClass = r.text('assetClass', 'an asset class name', true);
    if (assetClass !== null) {
      const seen = firstRow.get(nameKey(assetClass));
      if (seen !== undefined) {
        r.error('assetClass', `found "${assetClass}" again; expected each asset class once (first on row ${seen})`);
      } else {
        firstRow.set(nameKey(assetClass), r.row);
        names.set(nameKey(assetClass), assetClass);
      }
    }
    let target: Decimal | null = null;
    if (table.columns.has('target')) {
      target = readTargetCell(r, 'target');
      if (target === null) columnFailed.add('target');
    }
    const glide: GlidePoint[] = [];
    for (const d of dated) {
      const value = readTargetCell(r, d.key);
      if (value === null) columnFailed.add(d.key);
      else glide.push({ date: d.date, target: value });
    }
    const band = r.percent('band', 'a relative band above 0% (e.g. 10%)', 'positive');
    const absBand = r.percent('absBand', 'an absolute band in percentage points above 0 (e.g. 5%)', 'positive');
    let location: TaxTreatment[] | null = null;
    const locationText = r.text('location', 'tax treatments in order, e.g. "deferred, exempt, taxable"');
    if (locationText) {
      const parsed = parseTreatmentList(locationText);
      if (parsed.ok) location = parsed.value;
      else {
        r.error('location', `found "${parsed.bad}"; expected tax treatments in order, e.g. "deferred, exempt, taxable"`);
      }
    }
    if (r.failed || assetClass === null) continue;
    items.push({ row: r.row, value: { assetClass, target, glide, band, absBand, location } });
  }

  const totals: { key: string; header: string; values: Decimal[] }[] = [];
  if (table.columns.has('target')) {
    totals.push({
      key: 'target',
      header: table.columns.get('target')?.header ?? 'Target',
      values: items.map((i) => i.value.target).filter((t): t is Decimal => t !== null),
    });
  }
  dated.forEach((d, index) => {
    totals.push({ key: d.key, header: d.header, values: items.map((i) => i.value.glide[index].target) });
  });
  for (const total of totals) {
    // A column with an unreadable cell already has its error; its sum would only add noise.
    if (columnFailed.has(total.key) || items.length < table.rows.length) continue;
    const s = sum(total.values);
    if (s.minus(1).abs().greaterThan(SUM_TOLERANCE)) {
      log.error(
        { tab: TARGETS_TAB, row: table.headerRow, column: total.header },
        `found targets summing to ${formatPercent(s, 2)}; expected them to sum to 100%`,
      );
    }
  }
  return { table, items, names };
}
