import { Decimal, ZERO, roundCents, toPlain } from '../money';
import type { IsoDate } from '../dates';
import { termOn } from '../holding-period';
import { allocateCents } from '../prorate';
import { rateFor, type TaxRates } from '../tax';
import type { LotTaken } from '../plan-types';
import type { Lot, LotMethodName } from '../types';
import { orderLots } from './order-lots';
import { takeShares } from './take-shares';

export interface LotSaleRequest {
  lots: Lot[];
  account: string;
  ticker: string;
  shares: Decimal;
  price: Decimal;
  saleDate: IsoDate;
  method: LotMethodName;
  rates: TaxRates;
  specificLots?: string[];
  /** False inside IRAs and other tax-advantaged accounts: every lot's tax is zero. */
  taxable: boolean;
}

/** A lot taken by a sale, with the tax that lot's gain would cost on its own (negative saves). */
export interface LotTakenWithTax extends LotTaken {
  tax: Decimal;
}

export interface LotSaleResult {
  taken: LotTakenWithTax[];
  /** All of `request.lots` after the sale, in input order: sold lots gone, partial lots reduced (id kept). */
  remaining: Lot[];
  errors: string[];
}

/** Priced sold parts: proceeds split over the parts by shares, to the cent, adding up to the sale amount. */
export function pricedParts(parts: readonly Lot[], price: Decimal, saleDate: IsoDate, rates: TaxRates, taxable: boolean): LotTakenWithTax[] {
  const amount = roundCents(parts.reduce((acc, p) => acc.plus(p.shares), ZERO).times(price));
  const proceeds = allocateCents(amount, parts.map((p) => p.shares));
  return parts.map((part, i) => {
    const gain = proceeds[i].minus(part.basis);
    const term = termOn(part, saleDate);
    return {
      lot: part.id,
      acquired: part.acquired,
      shares: part.shares,
      basis: part.basis,
      proceeds: proceeds[i],
      gain,
      term,
      tax: taxable ? gain.times(rateFor(term, rates)) : ZERO,
    };
  });
}

/** Chooses the lots a sale takes, by the method's order and the shared reducer. Errors are values. */
export function selectLotsForSale(request: LotSaleRequest): LotSaleResult {
  const unchanged = (errors: string[]): LotSaleResult => ({ taken: [], remaining: request.lots.map((l) => ({ ...l })), errors });
  const inPosition = (lot: Lot) => lot.account === request.account && lot.ticker === request.ticker;
  const position = request.lots.filter(inPosition);
  const where = `${request.ticker} in ${request.account}`;
  if (!request.shares.greaterThan(0)) return unchanged([`Cannot sell ${toPlain(request.shares)} shares of ${where}: the number must be positive.`]);
  const specificLots = request.specificLots ?? [];
  if (request.method === 'SpecID') {
    if (specificLots.length === 0) return unchanged([`SpecID sale of ${where} names no lots.`]);
    const unknown = specificLots.filter((id) => !position.some((lot) => lot.id === id));
    if (unknown.length > 0) return unchanged([`SpecID sale of ${where} names lots not held there: ${unknown.join(', ')}.`]);
  }
  const ordered = orderLots(request.method, position, {
    saleDate: request.saleDate,
    price: request.price,
    rates: request.rates,
    taxable: request.taxable,
    specificLots,
  });
  const { taken, remaining, shortfall } = takeShares(ordered, request.shares);
  if (shortfall.greaterThan(0)) {
    const held = ordered.reduce((acc, l) => acc.plus(l.shares), ZERO);
    const scope = request.method === 'SpecID' ? 'in the named lots' : 'held';
    return unchanged([`Cannot sell ${toPlain(request.shares)} shares of ${where}: only ${toPlain(held)} ${scope}.`]);
  }
  const left = new Map(remaining.map((lot) => [lot.id, lot]));
  const soldOut = new Set(taken.map((t) => t.id));
  const after = request.lots.flatMap((lot) => {
    if (!inPosition(lot)) return [{ ...lot }];
    const rest = left.get(lot.id);
    if (rest) return [rest];
    return soldOut.has(lot.id) ? [] : [{ ...lot }];
  });
  return { taken: pricedParts(taken, request.price, request.saleDate, request.rates, request.taxable), remaining: after, errors: [] };
}
