import type { Decimal } from '../money';
import type { IsoDate } from '../dates';
import type { Lot } from '../types';
import type { TaxRates } from '../tax';

/** What a lot-ordering method may look at besides the lots. */
export interface LotOrderContext {
  saleDate: IsoDate;
  price: Decimal;
  rates: TaxRates;
  taxable: boolean;
  /** Lot ids named by the caller, in the order to sell (SpecID only). */
  specificLots: readonly string[];
}

/**
 * A lot-booking method only ORDERS the lots of one position; one shared reducer (`takeShares`)
 * then takes shares in that order. Adding a method is adding one ordering.
 */
export type LotMethod = (lots: readonly Lot[], context: LotOrderContext) => Lot[];
