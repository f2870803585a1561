/**
 * The common reading of a lot table and a sales table, once their header is found: lot rows
 * (a symbol may head its lots, which then leave the symbol blank), totals and cash skipped,
 * basis from a total column or per-share cost times shares.
 */
import { ZERO } from '../engine/money';
import { cleanTicker } from './cells';
import { blankRow, firstCell, Problems, RowCells, type Header } from './table';
import { isCoreCash, isSummaryText, isTickerLike } from './skip-rows';
import type { IsoDate } from '../engine/dates';
import type { ParsedFile } from './types';

/** Keys: ticker, shares, acquired, and basis or costPerShare; optional price, account. */
export function readLotRows(rows: readonly (readonly string[])[], header: Header, problems: Problems, out: ParsedFile): void {
  let symbol = '';
  const tickers = new Set<string>();
  for (let j = header.index + 1; j < rows.length; j++) {
    const row = rows[j];
    if (blankRow(row)) continue;
    const r = new RowCells(row, header, j + 1, problems);
    const text = r.text('ticker');
    if (isSummaryText(firstCell(row)) || isSummaryText(text) || isCoreCash(text)) {
      if (isSummaryText(text) || isSummaryText(firstCell(row))) symbol = '';
      continue;
    }
    if (text !== '') symbol = text;
    const ticker = cleanTicker(symbol);
    if (!ticker) continue;
    // A symbol's own row (its total, its price) heads its lots: no date acquired.
    if (r.empty('acquired')) {
      const price = r.has('price') ? r.money('price') : null;
      if (price !== null && price.greaterThan(0) && isTickerLike(ticker) && !out.prices.some((p) => p.ticker === ticker)) out.prices.push({ ticker, price });
      continue;
    }
    if (!isTickerLike(ticker)) continue;
    const acquired = r.date('acquired', 'the date acquired as MM/DD/YYYY');
    const shares = r.quantity('shares', 'a number of shares');
    let basis = r.has('basis') && !r.empty('basis') ? r.money('basis') : null;
    if (basis === null && r.has('costPerShare')) {
      const perShare = r.money('costPerShare', 'a cost per share');
      if (perShare !== null && shares !== null) basis = perShare.times(shares);
    } else if (basis === null && !r.failed) r.fail('basis', 'found an empty cell; expected the lot\'s cost basis');
    const price = r.has('price') ? r.money('price') : null;
    if (r.failed || acquired === null || shares === null || basis === null) continue;
    if (!shares.greaterThan(0)) {
      r.fail('shares', `found ${shares.toString()}; expected a number of shares above 0`);
      continue;
    }
    if (basis.isNegative()) {
      r.fail(r.has('basis') && !r.empty('basis') ? 'basis' : 'costPerShare', `found ${basis.toFixed()}; expected a cost basis of 0 or more`);
      continue;
    }
    out.lots.push({ ticker, shares, basis, acquired, holdingFrom: null, line: j + 1 });
    tickers.add(ticker);
    if (price !== null && price.greaterThan(0) && !out.prices.some((p) => p.ticker === ticker)) out.prices.push({ ticker, price });
  }
  out.lotTickers = [...tickers];
}

/** Keys: ticker, shares, sold, proceeds, basis; optional acquired, disallowed. */
export function readSaleRows(
  rows: readonly (readonly string[])[],
  header: Header,
  problems: Problems,
  out: ParsedFile,
  keep: (r: RowCells) => boolean = () => true,
): void {
  let symbol = '';
  for (let j = header.index + 1; j < rows.length; j++) {
    const row = rows[j];
    if (blankRow(row) || isSummaryText(firstCell(row))) continue;
    const r = new RowCells(row, header, j + 1, problems);
    if (isSummaryText(r.text('ticker'))) continue;
    if (r.text('ticker') !== '') symbol = r.text('ticker');
    const ticker = cleanTicker(symbol);
    if (!keep(r) || !isTickerLike(ticker) || r.empty('sold')) continue;
    const date = r.date('sold', 'the date sold as MM/DD/YYYY');
    const acquired = r.has('acquired') && !/^various$/i.test(r.text('acquired')) ? r.date('acquired') : null;
    const sale = saleCells(r, ticker, date, acquired, j + 1);
    if (sale) out.sales.push(sale);
  }
}

/**
 * A realized sale's shares, proceeds, basis and disallowed loss, read after its dates (so errors
 * are reported in column order); null when a cell could not be read. Shares and the disallowed
 * loss are taken as positive whichever sign the broker writes.
 */
export function saleCells(r: RowCells, ticker: string, date: IsoDate | null, acquired: IsoDate | null, line: number): ParsedFile['sales'][number] | null {
  const shares = r.quantity('shares', 'a number of shares');
  const proceeds = r.money('proceeds', 'the proceeds in dollars');
  const basis = r.money('basis', 'the cost basis in dollars');
  const disallowed = r.has('disallowed') ? r.money('disallowed') : null;
  if (r.failed || date === null || shares === null || proceeds === null || basis === null) return null;
  return { ticker, date, acquired, shares: shares.abs(), proceeds, basis, disallowed: disallowed?.abs() ?? ZERO, line };
}

/** An account number in the lines above a header ("Account: Brokerage ... 12345678"). */
export function accountAbove(rows: readonly (readonly string[])[], headerIndex: number): string | null {
  for (const row of rows.slice(0, headerIndex)) {
    const m = /\baccount\b[^A-Za-z0-9]*(?:number|no\.?|#)?[^0-9X]*((?:X{2,}|\.{3})?[-\d]{3,}[A-Z\d-]*|[A-Z]\d{6,9})/i.exec(row.join(' '));
    if (m) return m[1].trim();
  }
  return null;
}
