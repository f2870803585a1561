import { Decimal, formatPercent } from '../money';
import type { WorkingState } from './state';

/** "US Large Cap is 4.1 points over its 30% target" (from the weights before the plan). */
export function classDriftPhrase(state: WorkingState, assetClass: string): string {
  const before = state.context.weightBefore.get(assetClass);
  const target = state.context.targetWeight.get(assetClass);
  if (!before || !target) return `${assetClass} has no target`;
  const points = before.minus(target).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  const side = points.lessThan(0) ? 'under' : 'over';
  if (points.isZero()) return `${assetClass} is at its ${formatPercent(target, 0)} target`;
  return `${assetClass} is ${points.abs().toFixed(1)} points ${side} its ${formatPercent(target, 0)} target`;
}

/**
 * Market stress: when a class is under target because its prices fell, say so plainly. This is
 * the policy buying low, as designed; users who read it are less tempted to switch it off.
 */
export function fallenPricePhrase(state: WorkingState, assetClass: string): string | null {
  const fall = state.context.classBelowCost.get(assetClass);
  if (!fall || fall.lessThan('0.05')) return null;
  return `its holdings are ${formatPercent(fall)} below what was paid: prices fell, and buying now is the policy buying low, as designed`;
}


/** Sale notes end with where the money goes; merged trades list every destination once. */
export const PROCEEDS_PREFIX = 'the proceeds buy ';

export function proceedsBuyPhrase(account: string): string {
  return `bought with the proceeds of this plan's sales in ${account}`;
}

/** Joins notes into one reason: repeated notes once, and "the proceeds buy A, B and C". */
export function joinNotes(notes: readonly string[]): string {
  const destinations: string[] = [];
  const rest: string[] = [];
  for (const note of notes) {
    for (const part of note.split('; ')) {
      if (part.startsWith(PROCEEDS_PREFIX)) {
        const d = part.slice(PROCEEDS_PREFIX.length);
        if (!destinations.includes(d)) destinations.push(d);
      } else if (!rest.includes(part)) {
        rest.push(part);
      }
    }
  }
  if (destinations.length > 0) {
    const list = destinations.length === 1 ? destinations[0] : `${destinations.slice(0, -1).join(', ')} and ${destinations[destinations.length - 1]}`;
    rest.push(`${PROCEEDS_PREFIX}${list}`);
  }
  return rest.join('; ');
}
