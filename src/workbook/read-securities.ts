import type { Security } from '../engine/types';
import { dec, formatPercent } from '../engine/money';
import type { IssueLog } from './issues';
import type { DateCells } from './cells';
import type { ColumnSpec } from './headers';
import { nameKey, readTable, type Located, type TabRead } from './table';
import { rowReader, tabContext } from './fields';
import { TICKER } from './account-types';

export const SECURITIES_TAB = 'Securities';

export const SECURITY_COLUMNS: readonly ColumnSpec[] = [
  { key: 'ticker', header: 'Ticker', aliases: ['Symbol'], required: true },
  { key: 'assetClass', header: 'Asset Class', aliases: ['Class'], required: true },
  { key: 'price', header: 'Price', aliases: ['Last Price', 'Current Price'], required: true },
  { key: 'washGroup', header: 'Wash Group', aliases: ['Substantially Identical'] },
  { key: 'rank', header: 'Rank', aliases: ['Preference'] },
  { key: 'exDividend', header: 'Ex-Dividend', aliases: ['Ex-Dividend Date', 'Ex-Div', 'Ex Date'] },
  { key: 'spread', header: 'Spread', aliases: ['Trading Cost'] },
];

/** Above this a Spread is more likely 0.02 typed for 0.02% than a real cost: say so. */
const HIGH_SPREAD = dec('0.01');

export function readSecurities(grid: readonly unknown[][], log: IssueLog, dateCells: DateCells): TabRead<Security> | null {
  const table = readTable(SECURITIES_TAB, grid, SECURITY_COLUMNS, log);
  if (!table) return null;
  const ctx = tabContext(table, log, dateCells, SECURITY_COLUMNS);
  const items: Located<Security>[] = [];
  const firstRow = new Map<string, number>();
  const names = new Map<string, string>();

  for (const dataRow of table.rows) {
    const r = rowReader(ctx, dataRow);
    const tickerText = r.text('ticker', 'a ticker symbol', true);
    const ticker = tickerText === null ? null : tickerText.toUpperCase();
    if (ticker !== null) {
      const seen = firstRow.get(ticker);
      if (!TICKER.test(ticker)) r.error('ticker', `found "${tickerText}"; expected a ticker symbol (letters, digits, "." or "-")`);
      else if (seen !== undefined) r.error('ticker', `found "${ticker}" again; expected each ticker once (first on row ${seen})`);
      else {
        firstRow.set(ticker, r.row);
        names.set(nameKey(ticker), ticker);
      }
    }
    const assetClass = r.text('assetClass', 'an asset class listed on Targets', true);
    const price = r.number('price', 'a price greater than 0', 'positive', true);
    const group = r.text('washGroup', 'a wash-group name');
    const rank = r.integer('rank', 'a rank of 1 or more (1 = first choice to buy)', 1) ?? 1;
    const exDividend = r.date('exDividend', 'the next ex-dividend date');
    const spread = r.percent('spread', 'a trading cost percentage, 0% or more (e.g. 0.02%)', 'nonnegative');
    if (spread !== null && spread.greaterThan(HIGH_SPREAD)) {
      r.warn('spread', `found a spread of ${formatPercent(spread, 2)}, which is high; write 0.02% (with the sign) if you meant 0.02%`);
    }
    if (r.failed || ticker === null || assetClass === null || price === null) continue;
    items.push({
      row: r.row,
      value: {
        ticker,
        assetClass,
        price,
        washGroup: group ? group.toUpperCase() : ticker,
        rank,
        exDividend,
        spread,
      },
    });
  }
  return { table, items, names };
}
