import { Decimal } from '../money';
import { formatDollars, formatPercent } from '../money';
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

export function dollars(value: Decimal): string {
  return formatDollars(value, 0);
}
