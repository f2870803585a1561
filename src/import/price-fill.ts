/**
 * Filling Securities' Price from an imported file's prices, where the user chooses: only cells
 * that hold a plain value change; a formula (GOOGLEFINANCE) is never overwritten.
 */
import type { Decimal } from '../engine/money';
import { normalizeHeader } from '../workbook/headers';
import { SECURITY_COLUMNS } from '../workbook/read-securities';

export interface PriceFill {
  /** The tab's cells with the filled prices (numbers); other cells as they were. */
  values: unknown[][];
  filled: { ticker: string; price: string; was: string }[];
  /** Tickers left alone because their Price cell is a formula. */
  formulas: string[];
  /** Tickers whose Price already is the file's. */
  current: string[];
}

function namesOf(key: string): string[] {
  const spec = SECURITY_COLUMNS.find((c) => c.key === key)!;
  return [spec.header, ...(spec.aliases ?? [])].map(normalizeHeader);
}

/**
 * `formulas[r][c]` is the formula of a cell ('' for a plain value), or null when the source
 * cannot tell (then no cell is assumed to hold one).
 */
export function fillPrices(values: readonly (readonly unknown[])[], formulas: readonly (readonly string[])[] | null, prices: readonly { ticker: string; price: Decimal }[]): PriceFill {
  const out = values.map((r) => [...r]);
  const result: PriceFill = { values: out, filled: [], formulas: [], current: [] };
  const headerIndex = out.findIndex((row) => row.some((c) => String(c ?? '').trim() !== ''));
  if (headerIndex < 0) return result;
  const header = out[headerIndex].map((c) => normalizeHeader(String(c ?? '')));
  const tickerCol = header.findIndex((h) => namesOf('ticker').includes(h));
  const priceCol = header.findIndex((h) => namesOf('price').includes(h));
  if (tickerCol < 0 || priceCol < 0) return result;
  const byTicker = new Map(prices.map((p) => [p.ticker, p.price]));
  for (let r = headerIndex + 1; r < out.length; r++) {
    const ticker = String(out[r][tickerCol] ?? '').trim().toUpperCase();
    const price = byTicker.get(ticker);
    if (!price) continue;
    if (formulas?.[r]?.[priceCol]) {
      result.formulas.push(ticker);
      continue;
    }
    const was = String(out[r][priceCol] ?? '');
    if (was !== '' && Number(was) === price.toNumber()) {
      result.current.push(ticker);
      continue;
    }
    while (out[r].length <= priceCol) out[r].push('');
    // A cell holds a double; the price is written as the number the broker printed.
    out[r][priceCol] = price.toNumber();
    result.filled.push({ ticker, price: price.toFixed(), was });
  }
  return result;
}
