import type { Decimal } from '../engine/money';
import type { IsoDate } from '../engine/dates';

/** Every format the registry knows, by id. */
export const FORMAT_IDS = [
  'schwab-lots',
  'schwab-realized',
  'fidelity-positions',
  'fidelity-realized',
  'ibkr-activity',
  'vanguard-cost-basis',
  'etrade-positions',
  'etrade-gains',
  'generic',
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** An open lot as the broker states it (basis already includes any wash-sale adjustment). */
export interface ImportedLot {
  ticker: string;
  shares: Decimal;
  basis: Decimal;
  acquired: IsoDate;
  /** A holding period the broker says starts earlier than the purchase (a wash sale's tacking). */
  holdingFrom: IsoDate | null;
  /** The file's line (1-based), for messages. */
  line: number;
}

/** A realized sale of one lot. */
export interface ImportedSale {
  ticker: string;
  date: IsoDate;
  acquired: IsoDate | null;
  shares: Decimal;
  proceeds: Decimal;
  basis: Decimal;
  /** Loss the broker disallowed as a wash sale (a positive amount; IRC 1091). */
  disallowed: Decimal;
  line: number;
}

/** A position total a file shows without its lots (Fidelity's positions file). */
export interface ImportedPosition {
  account: string | null;
  ticker: string;
  shares: Decimal;
  basis: Decimal | null;
  line: number;
}

export interface ParsedFile {
  file: string;
  format: FormatId;
  /** "Schwab Lot Details", for messages. */
  label: string;
  /** The account number as the file shows it (`XXXX-1234`, `Z00000000`, `U1234567`), when it does. */
  account: string | null;
  /** Tickers whose open lots this file lists in full: their lots in the account are replaced. */
  lotTickers: string[];
  lots: ImportedLot[];
  sales: ImportedSale[];
  positions: ImportedPosition[];
  /** Last prices the file shows, by ticker. */
  prices: { ticker: string; price: Decimal }[];
  warnings: string[];
}

export type ParseOutcome = { ok: true; file: ParsedFile } | { ok: false; errors: string[] };

/** The generic CSV's mapping: which header of the user's file holds each field. */
export interface ColumnMapping {
  ticker?: string;
  shares?: string;
  basis?: string;
  costPerShare?: string;
  acquired?: string;
  sold?: string;
  proceeds?: string;
  disallowed?: string;
  price?: string;
  account?: string;
}

export function emptyFile(file: string, format: FormatId, label: string): ParsedFile {
  return { file, format, label, account: null, lotTickers: [], lots: [], sales: [], positions: [], prices: [], warnings: [] };
}
