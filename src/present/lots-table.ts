import { Decimal, toPlain, type LotView } from '../engine/index';
import type { Cell } from './drift-table';

export const TAXLOTS_HEADER = [
  'Account', 'Ticker', 'Lot', 'Acquired', 'Shares', 'Cost Basis', 'Value', 'Gain', 'Gain/Share',
  'Term', 'Days Held', 'Long-Term On', 'Days to Long-Term', 'Tax If Sold', 'Wash Sale Until', 'Wash Sale',
] as const;

const n = (d: Decimal, places: number) => d.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();

/** TAXLOTS cells: money to cents (rounded half-up here, at the edge), shares in full (never rounded). */
export function lotsTableCells(lots: readonly LotView[]): Cell[][] {
  return [
    [...TAXLOTS_HEADER],
    ...lots.map((l) => [
      l.account, l.ticker, l.lot, l.acquired, l.shares.toNumber(), n(l.basis, 2), n(l.value, 2), n(l.gain, 2),
      n(l.gainPerShare, 4), l.term, l.daysHeld, l.longTermOn, l.daysToLongTerm,
      l.tax === null ? 'tax-advantaged' : n(l.tax, 2), l.washSaleUntil ?? '', l.washUnrecorded ?? '',
    ]),
  ];
}

export interface LotJson {
  account: string;
  ticker: string;
  lot: string;
  acquired: string;
  shares: string;
  basis: string;
  value: string;
  gain: string;
  gainPerShare: string;
  term: 'short' | 'long';
  daysHeld: number;
  longTermOn: string;
  daysToLongTerm: number;
  taxable: boolean;
  tax: string | null;
  washSaleUntil?: string;
  /** A wash sale the tabs do not record yet, for which this lot is the replacement. */
  washUnrecorded?: string;
}

export function lotsJson(lots: readonly LotView[]): LotJson[] {
  return lots.map((l) => ({
    account: l.account,
    ticker: l.ticker,
    lot: l.lot,
    acquired: l.acquired,
    shares: toPlain(l.shares),
    basis: toPlain(l.basis),
    value: toPlain(l.value),
    gain: toPlain(l.gain),
    gainPerShare: toPlain(l.gainPerShare),
    term: l.term,
    daysHeld: l.daysHeld,
    longTermOn: l.longTermOn,
    daysToLongTerm: l.daysToLongTerm,
    taxable: l.taxable,
    tax: l.tax === null ? null : toPlain(l.tax),
    ...(l.washSaleUntil ? { washSaleUntil: l.washSaleUntil } : {}),
    ...(l.washUnrecorded ? { washUnrecorded: l.washUnrecorded } : {}),
  }));
}
