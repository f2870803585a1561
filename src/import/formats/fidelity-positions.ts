/**
 * Fidelity "Portfolio_Positions_Mmm-dd-yyyy.csv" (Accounts & Trade ▸ Portfolio ▸ Positions ▸
 * Download): one row per position, every account in one file, then a blank line, legal text in
 * quotes and a "Date downloaded 11/20/2026 10:15 AM ET" line:
 *
 *   Account Number,Account Name,Symbol,Description,Quantity,Last Price,Last Price Change,Current Value,
 *   Today's Gain/Loss Dollar,...,Cost Basis Total,Average Cost Basis,Type
 *   Z00000000,Individual,SPAXX**,HELD IN MONEY MARKET,,,,$1303.92,,,,,,,,Cash,
 *   Z00000000,Individual,VTI,VANGUARD TOTAL STOCK MKT ETF,100,$318.40,+$1.20,$31840.00,...,$21000.00,$210.00,Cash,
 *   Z00000000,Individual,Pending Activity,,,,,-$21.63,
 *
 * Layout from the description and public parsers of this export (open-portfolio's
 * FINporterFido "Portfolio_Positions_*.csv"; older files name the columns Cost Basis and Cost
 * Basis Per Share). Money has `$`, `+$`, `-$`; the core cash position is marked `**`.
 *
 * The file states a position's total, not its lots: it has no purchase dates, and a lot's date
 * decides its term (Pub. 550) and its wash-sale window (IRC 1091). A guessed date would misstate
 * the tax of every plan, so this file never replaces lots: it is read to check the Lots tab's
 * share and basis totals against Fidelity's, and for its prices.
 */
import type { BrokerFormat } from '../format';
import { findHeader, blankRow, Problems, RowCells, type ColumnDef } from '../table';
import { emptyFile } from '../types';
import { cleanTicker } from '../cells';
import { isCoreCash, isSummaryText, isTickerLike } from '../skip-rows';

const COLUMNS: readonly ColumnDef[] = [
  { key: 'account', names: ['Account Number'], required: true },
  { key: 'ticker', names: ['Symbol'], required: true },
  { key: 'shares', names: ['Quantity'], required: true },
  { key: 'price', names: ['Last Price'], required: true },
  { key: 'basis', names: ['Cost Basis Total', 'Cost Basis'] },
  { key: 'type', names: ['Type'] },
];

export const FIDELITY_POSITIONS_REFUSAL =
  'Fidelity\'s positions file has one row per position and no purchase dates, so it cannot replace your lots ' +
  '(a lot\'s date decides short- or long-term and its wash-sale window, and a guessed date would misstate tax). ' +
  'It was used only to check the Lots tab\'s totals against Fidelity\'s, and for prices. ' +
  'For lots, enter each lot from Fidelity\'s Positions ▸ (symbol) ▸ Purchase History view, or use a generic CSV with an Acquired column.';

export const fidelityPositions: BrokerFormat = {
  id: 'fidelity-positions',
  label: 'Fidelity Positions',
  download: 'Fidelity: Accounts & Trade ▸ Portfolio ▸ Positions ▸ Download (checked against Lots and used for prices; not imported as lots)',
  detect: (rows) => findHeader(rows.slice(0, 10), COLUMNS) !== null,
  parse(rows, file) {
    const out = emptyFile(file, 'fidelity-positions', this.label);
    const problems = new Problems(file);
    const header = findHeader(rows, COLUMNS)!;
    for (let j = header.index + 1; j < rows.length; j++) {
      const row = rows[j];
      if (blankRow(row)) continue;
      const r = new RowCells(row, header, j + 1, problems);
      const symbol = r.text('ticker');
      // Below the data: legal text and the download date, in the first cell only.
      if (symbol === '' && r.text('shares') === '') continue;
      if (isSummaryText(symbol) || isSummaryText(r.text('account')) || isCoreCash(symbol) || /^cash$/i.test(r.text('type')) && r.empty('shares')) continue;
      const ticker = cleanTicker(symbol);
      if (!isTickerLike(ticker)) continue; // options ("-AAPL261218C200") and the like
      const shares = r.quantity('shares', 'a number of shares');
      const price = r.money('price');
      const basis = r.has('basis') ? r.money('basis') : null;
      if (r.failed || shares === null) continue;
      out.positions.push({ account: r.text('account') || null, ticker, shares, basis, line: j + 1 });
      if (price !== null && price.greaterThan(0) && !out.prices.some((p) => p.ticker === ticker)) out.prices.push({ ticker, price });
    }
    const accounts = [...new Set(out.positions.map((p) => p.account).filter((a): a is string => a !== null))];
    out.account = accounts.length === 1 ? accounts[0] : null;
    out.warnings.push(FIDELITY_POSITIONS_REFUSAL);
    return problems.errors.length > 0 ? { ok: false, errors: problems.errors } : { ok: true, file: out };
  },
};
