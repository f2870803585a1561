/**
 * Vanguard cost basis download (My Accounts ▸ Cost basis ▸ Unrealized gains/losses ▸ Download),
 * lot level: a preamble naming the account, then per holding a row with its symbol and totals
 * followed by its lots, then a Total row, e.g.
 *
 *   Cost basis - Unrealized gains/losses
 *   Account,Brokerage Account - 12345678
 *   (blank line)
 *   Symbol/CUSIP,Name,Date acquired,Quantity,Cost per share,Total cost,Market value as of 11/20/2026,Short-term capital gain/loss,Long-term capital gain/loss
 *   VTI,Vanguard Total Stock Market ETF,,150.0000,,"$28,575.00","$47,760.00",,
 *   ,,03/04/2019,100.0000,$180.20,"$18,020.00",...
 *   Total,,,,,"$28,575.00",...
 *
 * Layout from public parsers of this download (columns "Symbol/CUSIP", "Quantity", "Total cost",
 * "Market value as of ..." with a varying number of lines above the header) and the issue's
 * description (preamble lines, subtotal rows). Columns are found by name; "Market value as of"
 * by its prefix.
 */
import type { BrokerFormat } from '../format';
import { findHeader, Problems, type ColumnDef } from '../table';
import { emptyFile } from '../types';
import { accountAbove, readLotRows, readSaleRows } from '../read-rows';

const LOTS: readonly ColumnDef[] = [
  { key: 'ticker', names: ['Symbol/CUSIP', 'Symbol'], required: true },
  { key: 'acquired', names: ['Date acquired', 'Acquired date', 'Trade date'], required: true },
  { key: 'shares', names: ['Quantity', 'Shares'], required: true },
  { key: 'basis', names: ['Total cost', 'Cost basis'], required: true },
  { key: 'costPerShare', names: ['Cost per share', 'Average cost per share'] },
];

const REALIZED: readonly ColumnDef[] = [
  { key: 'ticker', names: ['Symbol/CUSIP', 'Symbol'], required: true },
  { key: 'acquired', names: ['Date acquired'], required: true },
  { key: 'sold', names: ['Date sold', 'Event date'], required: true },
  { key: 'shares', names: ['Quantity', 'Shares'], required: true },
  { key: 'proceeds', names: ['Proceeds', 'Total proceeds'], required: true },
  { key: 'basis', names: ['Total cost', 'Cost basis'], required: true },
  { key: 'disallowed', names: ['Wash sale disallowed', 'Disallowed loss', 'Wash sale loss disallowed'] },
];

export const vanguardCostBasis: BrokerFormat = {
  id: 'vanguard-cost-basis',
  label: 'Vanguard cost basis',
  download: 'Vanguard: My Accounts ▸ Cost basis ▸ Unrealized gains/losses (lots) or Realized gains/losses ▸ Download',
  detect: (rows) => findHeader(rows.slice(0, 20), REALIZED) !== null || findHeader(rows.slice(0, 20), LOTS) !== null,
  parse(rows, file) {
    const problems = new Problems(file);
    const realized = findHeader(rows, REALIZED);
    const out = emptyFile(file, 'vanguard-cost-basis', realized ? 'Vanguard realized gains/losses' : this.label);
    const header = realized ?? findHeader(rows, LOTS)!;
    out.account = accountAbove(rows, header.index);
    if (realized) readSaleRows(rows, realized, problems, out);
    else readLotRows(rows, header, problems, out);
    return problems.errors.length > 0 ? { ok: false, errors: problems.errors } : { ok: true, file: out };
  },
};
