import { Decimal, ZERO, ONE } from '../money';
import { LOT_ORDERS, isLongTerm, type SimLot } from './lot-order';
import type { LotPick, LotView, TaxSetup } from './types';
import type { RealizedGains } from './capital-gains-tax';

/**
 * The simulated portfolio: for each asset a price index (1 at the start, compounded by each
 * period's return) and the lots bought along the way, in shares of that index. Values are
 * shares x price, so returns touch one number per asset, not every lot.
 *
 * Mutable on purpose (it is private to one simulation run); nothing outside the run sees it.
 */
/** A sale within this fraction of the whole holding takes all of it (34-digit division leaves dust). */
const ALMOST_ALL = ONE.minus('1e-24');

export class LotBook {
  private readonly prices: Decimal[];
  private readonly lots: SimLot[][];
  private readonly shares: Decimal[];

  constructor(
    readonly assets: readonly string[],
    private readonly monthsPerPeriod: number,
  ) {
    this.prices = assets.map(() => ONE);
    this.lots = assets.map(() => []);
    this.shares = assets.map(() => ZERO);
  }

  applyReturns(returns: readonly Decimal[]): void {
    for (let i = 0; i < this.prices.length; i += 1) {
      this.prices[i] = this.prices[i].times(returns[i].plus(ONE));
    }
  }

  price(asset: number): Decimal {
    return this.prices[asset];
  }

  value(asset: number): Decimal {
    return this.shares[asset].times(this.prices[asset]);
  }

  values(): Decimal[] {
    return this.assets.map((_, i) => this.value(i));
  }

  /** Buys `amount` dollars of the asset as a new lot (merged with a lot bought the same period). */
  buy(asset: number, amount: Decimal, period: number): void {
    if (!amount.greaterThan(0)) return;
    const shares = amount.div(this.prices[asset]);
    const lots = this.lots[asset];
    const last = lots[lots.length - 1];
    if (last && last.acquired === period) {
      // Bought the same period at the same price: the cost per share is unchanged.
      lots[lots.length - 1] = { ...last, shares: last.shares.plus(shares), basis: last.basis.plus(amount) };
    } else {
      lots.push({ acquired: period, shares, basis: amount, costPerShare: this.prices[asset] });
    }
    this.shares[asset] = this.shares[asset].plus(shares);
  }

  /**
   * Sells `amount` dollars of the asset at the end of `period`, taking lots in the tax setup's
   * order, and returns the gains realized. Selling the whole holding (or more, by rounding) takes
   * every lot, so no dust is left behind. `preferred` lots (a tax-aware policy's own choice) are
   * taken first, each up to its shares; the lot method takes whatever is left of the sale.
   */
  sell(asset: number, amount: Decimal, period: number, tax: TaxSetup, preferred?: readonly LotPick[]): RealizedGains {
    let shortTerm = ZERO;
    let longTerm = ZERO;
    if (!amount.greaterThan(0)) return { shortTerm, longTerm };
    const price = this.prices[asset];
    const held = this.shares[asset];
    const wanted = amount.div(price);
    let remaining = wanted;
    const sellAll = remaining.greaterThanOrEqualTo(held.times(ALMOST_ALL));
    if (sellAll) remaining = held;
    const longTermNow = (lot: SimLot) => isLongTerm(lot.acquired, period, this.monthsPerPeriod);
    const realize = (lot: SimLot, taken: Decimal, basis: Decimal) => {
      const gain = taken.times(price).minus(basis);
      if (longTermNow(lot)) longTerm = longTerm.plus(gain);
      else shortTerm = shortTerm.plus(gain);
    };
    if (preferred && !sellAll) {
      for (const pick of preferred) {
        if (!remaining.greaterThan(0)) break;
        const at = this.lots[asset].findIndex((l) => l.acquired === pick.acquired);
        if (at < 0) continue;
        const lot = this.lots[asset][at];
        const wantedHere = Decimal.min(pick.shares, remaining);
        // A pick within rounding dust of the whole lot takes all of it.
        const whole = wantedHere.greaterThanOrEqualTo(lot.shares.times(ALMOST_ALL));
        const taken = whole ? lot.shares : wantedHere;
        const basis = whole ? lot.basis : lot.basis.times(taken).div(lot.shares);
        realize(lot, taken, basis);
        remaining = remaining.minus(taken);
        if (whole) this.lots[asset].splice(at, 1);
        else this.lots[asset][at] = { ...lot, shares: lot.shares.minus(taken), basis: lot.basis.minus(basis) };
      }
    }
    const ordered =
      this.lots[asset].length > 1
        ? LOT_ORDERS[tax.lotMethod](this.lots[asset], {
            price,
            longTerm: longTermNow,
            shortTermRate: tax.shortTermRate,
            longTermRate: tax.longTermRate,
          })
        : this.lots[asset];
    const left = new Map<SimLot, SimLot | null>();
    for (const lot of ordered) {
      if (!remaining.greaterThan(0)) break;
      const whole = sellAll || remaining.greaterThanOrEqualTo(lot.shares);
      const taken = whole ? lot.shares : remaining;
      const basis = whole ? lot.basis : lot.basis.times(taken).div(lot.shares);
      realize(lot, taken, basis);
      remaining = remaining.minus(taken);
      left.set(lot, whole ? null : { ...lot, shares: lot.shares.minus(taken), basis: lot.basis.minus(basis) });
    }
    const kept: SimLot[] = [];
    for (const lot of this.lots[asset]) {
      const after = left.has(lot) ? left.get(lot) : lot;
      if (after) kept.push(after);
    }
    this.lots[asset] = kept;
    this.shares[asset] = sellAll ? ZERO : held.minus(wanted.minus(remaining));
    return { shortTerm, longTerm };
  }

  lotViews(period: number): LotView[] {
    const views: LotView[] = [];
    this.assets.forEach((asset, i) => {
      for (const lot of this.lots[i]) {
        views.push({
          asset,
          acquired: lot.acquired,
          shares: lot.shares,
          basis: lot.basis,
          value: lot.shares.times(this.prices[i]),
          termIfSoldNow: isLongTerm(lot.acquired, period, this.monthsPerPeriod) ? 'long' : 'short',
        });
      }
    });
    return views;
  }
}
