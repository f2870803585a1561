/**
 * Lot ids the add-on makes up (a Lots row with a blank Lot cell, a purchase being recorded, a
 * lot imported from a broker, a generated household): short and readable, `TB-VOO-2021a` — the
 * account's initials, the ticker, the year acquired and a letter that tells apart lots of the
 * same account, ticker and year. Deterministic (the same lots in the same order get the same
 * ids) and unique among `used`, which holds every id already taken in the household (typed ids
 * included, so a made-up id never collides with one the user typed). A lot split by a partial
 * sale keeps its id on both parts (take-shares.ts), so ids stay stable when lots split.
 */
export interface LotIdParts {
  account: string;
  ticker: string;
  /** ISO date, `YYYY-MM-DD`. */
  acquired: string;
}

/** "Taxable Brokerage" -> TB, "Traditional IRA" -> TIRA, "Acme 401(k)" -> A401K, "HSA" -> HSA. */
export function accountInitials(account: string): string {
  const words = account.split(/[\s\-_/]+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, '')).filter((w) => w !== '');
  // A word already in capitals or digits (IRA, HSA, 401k) is an abbreviation: kept whole.
  const initials = words.map((w) => (/^[\p{Lu}\p{N}]+$/u.test(w) || /^\p{N}/u.test(w) ? w : w.charAt(0))).join('').toUpperCase();
  return (initials || 'L').slice(0, 6);
}

/** a, b, ..., z, aa, ab, ...: the n-th (0-based) disambiguating letter. */
function letters(n: number): string {
  let out = '';
  let k = n;
  do {
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return out;
}

/** The lot's short id, the first letter not in `used`; it is added to `used`. */
export function shortLotId(lot: LotIdParts, used: Set<string>): string {
  const ticker = lot.ticker.toUpperCase().replace(/[^A-Z0-9.]/g, '') || 'X';
  const stem = `${accountInitials(lot.account)}-${ticker}-${lot.acquired.slice(0, 4)}`;
  for (let n = 0; ; n++) {
    const id = `${stem}${letters(n)}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}
