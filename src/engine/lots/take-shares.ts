import { Decimal, ZERO, minDec } from '../money';
import { prorateCents } from '../prorate';
import type { Lot } from '../types';

export interface TakeResult {
  /** The sold parts, in selling order: each a copy with the sold shares and their basis, id kept. */
  taken: Lot[];
  /** What is left of the ordered lots (copies; a partly sold lot keeps its id). */
  remaining: Lot[];
  /** Shares asked for but not held (zero when the sale fits). */
  shortfall: Decimal;
}

/**
 * Splits `shares` off a lot: the sold part gets the basis pro rata (rounded to cents) and the
 * rest keeps the remainder, so the two bases add back to the original exactly. Both parts keep
 * the id, the acquisition date and the holding start.
 */
export function splitLot(lot: Lot, shares: Decimal): { part: Lot; rest: Lot | null } {
  if (shares.greaterThanOrEqualTo(lot.shares)) return { part: { ...lot }, rest: null };
  const basis = prorateCents(lot.basis, shares, lot.shares);
  return {
    part: { ...lot, shares, basis },
    rest: { ...lot, shares: lot.shares.minus(shares), basis: lot.basis.minus(basis) },
  };
}

/** The one reducer every lot method shares: walk the lots in order, taking shares until done. */
export function takeShares(orderedLots: readonly Lot[], shares: Decimal): TakeResult {
  const taken: Lot[] = [];
  const remaining: Lot[] = [];
  let need = shares;
  for (const lot of orderedLots) {
    if (need.isZero() || !lot.shares.greaterThan(0)) {
      remaining.push({ ...lot });
      continue;
    }
    const { part, rest } = splitLot(lot, minDec(need, lot.shares));
    taken.push(part);
    if (rest) remaining.push(rest);
    need = need.minus(part.shares);
  }
  return { taken, remaining, shortfall: need };
}

/** Takes exact share counts from named lots (a SpecID order from the broker's confirmation). */
export function takeNamedShares(
  lots: readonly Lot[],
  picks: readonly { lot: string; shares: Decimal }[],
): TakeResult & { errors: string[] } {
  const errors: string[] = [];
  let current = lots.map((lot) => ({ ...lot }));
  const taken: Lot[] = [];
  for (const pick of picks) {
    const lot = current.find((l) => l.id === pick.lot);
    if (!lot) {
      errors.push(`Lot "${pick.lot}" is not held in this position.`);
      continue;
    }
    if (!pick.shares.greaterThan(0) || pick.shares.greaterThan(lot.shares)) {
      errors.push(`Lot "${pick.lot}" holds ${lot.shares.toFixed()} shares; cannot sell ${pick.shares.toFixed()}.`);
      continue;
    }
    const { part, rest } = splitLot(lot, pick.shares);
    taken.push(part);
    current = current.flatMap((l) => (l === lot ? (rest ? [rest] : []) : [l]));
  }
  return { taken, remaining: current, shortfall: ZERO, errors };
}
