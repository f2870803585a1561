import { Decimal, ZERO, formatDollars } from '../money';
import { termOn } from '../holding-period';
import { cachedTaxYearContext, saleTax } from '../tax';
import type { Lot } from '../types';
import type { WorkingState } from './state';

/**
 * Under the tax tables a harvested loss is worth its marginal rate this year. When the year's
 * gains are taxed at 0% (and there is no ordinary income for the $3,000 offset to reduce), the
 * loss saves nothing now, while the lower basis of the replacement costs tax later: then the
 * planner keeps the lots and says why (Betterment's own disclosure calls harvesting unsuitable
 * here). Returns the warning, or null when the loss is worth harvesting (and always under flat rates).
 */
export function lossSavesNothing(state: WorkingState, lots: readonly Lot[], price: Decimal): string | null {
  const { context } = state;
  if (!context.rates.household || lots.length === 0) return null;
  const year = cachedTaxYearContext(context.household, context.asOf, context.rates);
  let gains = { shortTerm: ZERO, longTerm: ZERO };
  for (const lot of lots) {
    const gain = lot.shares.times(price).minus(lot.basis);
    gains = termOn(lot, context.asOf) === 'long' ? { ...gains, longTerm: gains.longTerm.plus(gain) } : { ...gains, shortTerm: gains.shortTerm.plus(gain) };
  }
  const saving = saleTax(year, gains, { shortTerm: state.realizedShortTerm, longTerm: state.realizedLongTerm }).negated();
  if (saving.greaterThanOrEqualTo(1)) return null;
  const loss = gains.shortTerm.plus(gains.longTerm).negated();
  return `${lots[0].ticker} in ${lots[0].account} has a ${formatDollars(loss, 0)} loss, but harvesting it would save ${formatDollars(Decimal.max(ZERO, saving), 0)} this year: the household's gains are taxed at 0% and the ordinary offset saves nothing, so it is not harvested (the replacement's lower basis would cost tax later).`;
}
