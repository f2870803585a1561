/**
 * Display formatting only: the server sends decimal strings; the sidebar rounds them for the
 * eye. Nothing computed here goes back to the server (edited fills are sent as typed).
 */
const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function money(text: string | number | null | undefined): string {
  const n = Number(text);
  return text === null || text === undefined || text === '' || !Number.isFinite(n) ? '—' : dollars.format(n);
}

/** '0.41407' -> '41.4%' */
export function percent(fraction: string | null | undefined, places = 1): string {
  const n = Number(fraction);
  return fraction === null || fraction === undefined || fraction === '' || !Number.isFinite(n) ? '—' : `${(n * 100).toFixed(places)}%`;
}

/**
 * Shares in full, every digit the server sent ('2459.029572' -> '2,459.029572'): a fractional
 * share rounded for the eye would not match the broker's confirmation. Only the whole part gets
 * thousands separators; text that is not a plain decimal is shown as it came.
 */
export function shares(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text.trim());
  if (!m) return text;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/** A signed amount of money: '+$1,200.00' / '-$340.00'. */
export function signedMoney(text: string): string {
  const n = Number(text);
  if (!Number.isFinite(n) || n === 0) return money(text);
  return `${n > 0 ? '+' : '−'}${dollars.format(Math.abs(n))}`;
}

/**
 * Tax as the user reads it: a saving (negative tax, a harvested loss) is "saves $90.65", shown
 * green, never a red minus; a cost is "$1,200.00". `saving` picks the style.
 */
export function taxText(text: string | number | null | undefined): { text: string; saving: boolean } {
  const n = Number(text);
  if (text === null || text === undefined || text === '' || !Number.isFinite(n)) return { text: '—', saving: false };
  return n < 0 ? { text: `saves ${dollars.format(-n)}`, saving: true } : { text: dollars.format(n), saving: false };
}

/** A decimal number as typed (what the server accepts): digits, one optional point, optional minus. */
export const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
