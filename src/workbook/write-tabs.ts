import type { Account, Lot, Sale } from '../engine/types';
import { toPlain } from '../engine/money';

/**
 * Engine values back to tab rows (header first), for recording trades: canonical headers,
 * amounts as plain decimal strings (no rounding: the sheet keeps what the engine computed),
 * dates as ISO text, yes/no for flags. readHousehold reads them back unchanged.
 */
export type TabRows = string[][];

export const LOT_HEADERS = ['Account', 'Ticker', 'Shares', 'Cost Basis', 'Acquired', 'Lot', 'Holding From'];
export const SALE_HEADERS = ['Date', 'Account', 'Ticker', 'Shares', 'Proceeds', 'Cost Basis', 'Acquired', 'Lot', 'Disallowed'];
export const ACCOUNT_HEADERS = ['Account', 'Type', 'Cash', 'Reserve', 'Withdraw', 'Allowed', 'Fractional', 'DRIP'];

const yesNo = (flag: boolean) => (flag ? 'yes' : 'no');

export function lotsToRows(lots: readonly Lot[]): TabRows {
  return [
    LOT_HEADERS,
    ...lots.map((l) => [l.account, l.ticker, toPlain(l.shares), toPlain(l.basis), l.acquired, l.id, l.holdingFrom ?? '']),
  ];
}

export function salesToRows(sales: readonly Sale[]): TabRows {
  return [
    SALE_HEADERS,
    ...sales.map((s) => [
      s.date,
      s.account,
      s.ticker,
      toPlain(s.shares),
      toPlain(s.proceeds),
      toPlain(s.basis),
      s.acquired ?? '',
      s.lot ?? '',
      toPlain(s.disallowed),
    ]),
  ];
}

export function accountsToRows(accounts: readonly Account[]): TabRows {
  return [
    ACCOUNT_HEADERS,
    ...accounts.map((a) => [
      a.name,
      a.type,
      toPlain(a.cash),
      toPlain(a.reserve),
      toPlain(a.withdraw),
      a.allowed ? a.allowed.join(', ') : '',
      yesNo(a.fractional),
      yesNo(a.drip),
    ]),
  ];
}

