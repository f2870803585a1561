/**
 * Schwab "Lot Details" (Accounts ▸ Positions ▸ a symbol's Cost Basis ▸ Export), one section per
 * symbol:
 *
 *   "VOO Lot Details for XXXX-1234 as of 11/20/2026 10:15 AM ET"
 *   (blank line)
 *   "Open Date","Quantity","Price","Cost/Share","Market Value","Cost Basis","Gain/Loss $","Gain/Loss %","Holding Period",
 *   "03/12/2015","200","$568.30","$182.40","$113,660.00","$36,480.00","$77,180.00","211.57%","Long Term",
 *   "Total","260",...
 *
 * Layout from the description and public parsers of this export (a "SYM Lot Details
 * for ..." preamble starting each section, a trailing comma on every row, a Total row); Schwab's
 * positions export (`"Positions for account Individual ...123 as of ..."`, vroonhof/opensteuerauszug
 * formats.md) shows the same preamble-then-header style. A file may hold several sections.
 */
import type { BrokerFormat } from '../format';
import { findHeader, firstCell, blankRow, Problems, RowCells, type ColumnDef } from '../table';
import { emptyFile } from '../types';
import { cleanTicker } from '../cells';
import { isSummaryText, isTickerLike } from '../skip-rows';

const PREAMBLE = /^(.+?)\s+Lot Details for\s+(.+?)(?:\s+as of\b.*)?$/i;

const COLUMNS: readonly ColumnDef[] = [
  { key: 'acquired', names: ['Open Date', 'Date Acquired', 'Acquired'], required: true },
  { key: 'shares', names: ['Quantity', 'Qty'], required: true },
  { key: 'price', names: ['Price'] },
  { key: 'costPerShare', names: ['Cost/Share', 'Cost Per Share'] },
  { key: 'basis', names: ['Cost Basis'] },
];

export const schwabLots: BrokerFormat = {
  id: 'schwab-lots',
  label: 'Schwab Lot Details',
  download: 'Schwab: Accounts ▸ Positions ▸ click a holding\'s cost basis ▸ Lot Details ▸ Export (one file per symbol)',
  detect: (rows) => rows.some((r) => PREAMBLE.test(firstCell(r)) && !/^realized/i.test(firstCell(r))),
  parse(rows, file) {
    const out = emptyFile(file, 'schwab-lots', this.label);
    const problems = new Problems(file);
    for (let i = 0; i < rows.length; i++) {
      const m = PREAMBLE.exec(firstCell(rows[i]));
      if (!m || /^realized/i.test(firstCell(rows[i]))) continue;
      const ticker = cleanTicker(m[1]);
      const account = m[2].trim();
      if (out.account !== null && out.account !== account) {
        problems.at(i + 1, null, `this section is for account ${account}, the file's first for ${out.account}; expected one account a file`);
        continue;
      }
      out.account = account;
      if (!isTickerLike(ticker)) {
        out.warnings.push(`${file}, line ${i + 1}: "${m[1]}" is not a stock or fund ticker (an option?); its lots were not imported.`);
        continue;
      }
      const header = findHeader(rows, COLUMNS, i + 1);
      if (!header || (rows.slice(i + 1, header.index).some((r) => PREAMBLE.test(firstCell(r))))) {
        problems.at(i + 1, null, `found no "Open Date, Quantity, Cost Basis" header under "${firstCell(rows[i])}"`);
        continue;
      }
      if (!header.columns.has('basis') && !header.columns.has('costPerShare')) {
        problems.at(header.index + 1, null, 'found no Cost Basis (or Cost/Share) column; expected one in the header');
        continue;
      }
      if (out.lotTickers.includes(ticker)) {
        problems.at(i + 1, null, `${ticker} has a second Lot Details section; expected each symbol once`);
        continue;
      }
      out.lotTickers.push(ticker);
      const before = out.lots.length;
      const failures = problems.errors.length;
      for (let j = header.index + 1; j < rows.length; j++) {
        const row = rows[j];
        if (PREAMBLE.test(firstCell(row))) break;
        if (blankRow(row) || isSummaryText(firstCell(row))) continue;
        const r = new RowCells(row, header, j + 1, problems);
        const acquired = r.date('acquired', 'the lot\'s open date as MM/DD/YYYY');
        const shares = r.quantity('shares', 'a number of shares');
        const perShare = r.has('costPerShare') ? r.money('costPerShare') : null;
        let basis = r.has('basis') ? r.money('basis') : null;
        if (basis === null && perShare !== null && shares !== null) basis = perShare.times(shares);
        const price = r.has('price') ? r.money('price') : null;
        if (basis === null && !r.failed) r.fail(r.has('basis') ? 'basis' : 'costPerShare', 'found an empty cell; expected the lot\'s cost basis');
        if (r.failed || acquired === null || shares === null || basis === null) continue;
        if (basis.isNegative()) {
          r.fail(r.has('basis') ? 'basis' : 'costPerShare', `found ${basis.toFixed()}; expected a cost basis of 0 or more`);
          continue;
        }
        if (!shares.greaterThan(0)) {
          r.fail('shares', `found ${shares.toString()}; expected a number of shares above 0 (short positions are not imported)`);
          continue;
        }
        out.lots.push({ ticker, shares, basis, acquired, holdingFrom: null, line: j + 1 });
        if (price !== null && price.greaterThan(0) && !out.prices.some((p) => p.ticker === ticker)) out.prices.push({ ticker, price });
      }
      // A section with no lots would remove every lot of the ticker: more likely a cut-off export.
      if (out.lots.length === before && problems.errors.length === failures) problems.at(i + 1, null, `the ${ticker} section lists no lots; expected its lots under the header (download Lot Details again)`);
    }
    return problems.errors.length > 0 ? { ok: false, errors: problems.errors } : { ok: true, file: out };
  },
};
