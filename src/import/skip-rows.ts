/**
 * Rows a broker export holds that are not holdings: totals and subtotals, cash and money-market
 * sweep lines, pending activity, and the legal text and "Date downloaded" line under the data.
 */
const NOT_A_HOLDING = /^(total|totals|subtotal|sub-total|grand total|account total|positions total|cash|cash & cash investments|cash and cash investments|cash & money market|money market|pending activity|date downloaded|brokerage services|the data and information|account total)\b/i;

export function isSummaryText(text: string): boolean {
  return NOT_A_HOLDING.test(text.trim()) || /^total\s+for\b/i.test(text.trim());
}

/** Fidelity marks its core cash position with `**` (SPAXX**, FDRXX**). */
export function isCoreCash(symbol: string): boolean {
  return /\*\*$/.test(symbol.trim());
}

/** A ticker the workbook can hold: letters, digits, "." or "-" (an option like "AAPL 09/16/2026 337.50 C" is not). */
export function isTickerLike(ticker: string): boolean {
  return /^[A-Z0-9][A-Z0-9.\-]{0,11}$/.test(ticker);
}
