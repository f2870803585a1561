import { Decimal, ZERO, roundCents } from '../money';
import { allocateCents } from '../prorate';
import type { Lot } from '../types';
import type { LotTaken, TradePurpose } from '../plan-types';
import { groupOfTicker, type PlanContext } from './context';
import type { RankedLot } from './sale-candidates';

/** One sale or purchase decision, before trades are merged per account and ticker. */
export interface Order {
  account: string;
  action: 'BUY' | 'SELL';
  ticker: string;
  shares: Decimal;
  price: Decimal;
  amount: Decimal;
  lots: LotTaken[];
  purpose: TradePurpose;
  /** Clauses saying why, most important first: the first one or two become the trade's reason (reasons.ts). */
  notes: string[];
  /** Set by the optimizing planner: the trade's reason, instead of one made from `notes` (reasons.ts). */
  reason?: string;
  /** Longer sentences for the trade's details: lots passed over, guidance, rates. */
  details?: string[];
}

/** The household as the plan changes it: cash, lots and class values per account. */
export class WorkingState {
  readonly cash = new Map<string, Decimal>();
  /** account -> ticker -> lots still held (copies) */
  readonly lots = new Map<string, Map<string, Lot[]>>();
  readonly classValue = new Map<string, Decimal>();
  /** The plan's trades so far, one per account, side and ticker, in the order first decided. */
  readonly orders: Order[] = [];
  private readonly byKey = new Map<string, Order>();
  /** Per position, its lots ranked for sale (see sale-candidates.ts); fixed for the run. */
  readonly rankedLots = new Map<string, RankedLot[]>();
  /** Wash groups the plan buys anywhere: a loss sale in them would be washed. */
  readonly boughtGroups = new Set<string>();
  /** Wash groups in which the plan realizes a loss: buying them anywhere would wash it. */
  readonly lossGroups = new Set<string>();
  realizedShortTerm = ZERO;
  realizedLongTerm = ZERO;

  constructor(readonly context: PlanContext) {
    const { household } = context;
    for (const account of household.accounts) {
      this.cash.set(account.name, account.cash.plus(context.cashRequests.get(account.name)!.deposit));
      this.lots.set(account.name, new Map());
    }
    for (const lot of household.lots) {
      const byTicker = this.lots.get(lot.account)!;
      const held = byTicker.get(lot.ticker);
      if (held) held.push({ ...lot });
      else byTicker.set(lot.ticker, [{ ...lot }]);
      const security = context.securities.get(lot.ticker)!;
      this.addClassValue(security.assetClass, lot.shares.times(security.price));
    }
  }

  addClassValue(assetClass: string, value: Decimal): void {
    this.classValue.set(assetClass, (this.classValue.get(assetClass) ?? ZERO).plus(value));
  }

  valueOf(assetClass: string): Decimal {
    return this.classValue.get(assetClass) ?? ZERO;
  }

  /** Value above (positive) or below (negative) the class's target dollars. */
  gap(assetClass: string): Decimal {
    const target = (this.context.targetWeight.get(assetClass) ?? ZERO).times(this.context.totalAfterFlows);
    return this.valueOf(assetClass).minus(target);
  }

  weight(assetClass: string): Decimal {
    const total = this.context.totalAfterFlows;
    return total.isZero() ? ZERO : this.valueOf(assetClass).div(total);
  }

  outOfBand(assetClass: string): boolean {
    const band = this.context.band.get(assetClass);
    if (!band) return false;
    const w = this.weight(assetClass);
    return w.greaterThan(band.upper) || w.lessThan(band.lower);
  }

  /**
   * Cash the account may spend: what it holds (deposits included) less its reserve and the
   * withdrawal it must pay out. Negative: cash the account must still raise.
   */
  spendable(account: string): Decimal {
    const a = this.context.accounts.get(account)!;
    return this.cash.get(account)!.minus(a.reserve).minus(this.context.cashRequests.get(account)!.withdrawal);
  }

  heldLots(account: string, ticker: string): Lot[] {
    return this.lots.get(account)?.get(ticker) ?? [];
  }

  tickersHeld(account: string): string[] {
    return [...(this.lots.get(account)?.entries() ?? [])].filter(([, lots]) => lots.length > 0).map(([t]) => t);
  }

  /**
   * Adds a decision to the plan. Decisions on the same account, side and ticker merge into one
   * trade whose amount is its total shares times the price, rounded to the cent once — the way
   * the broker and the recorder compute it — and cash moves by exactly that, so cash and shares
   * are conserved to the cent.
   */
  private merge(order: Order): { merged: Order; amountChange: Decimal } {
    const key = `${order.account}\u0000${order.action}\u0000${order.ticker}`;
    const seen = this.byKey.get(key);
    if (!seen) {
      const merged: Order = { ...order, lots: order.lots.map((l) => ({ ...l })), notes: [...order.notes], details: [...(order.details ?? [])] };
      // Several lots in one order (sellLots): their proceeds prorated from the trade's amount, as merging does.
      if (merged.lots.length > 1) {
        const proceeds = allocateCents(merged.amount, merged.lots.map((l) => l.shares));
        merged.lots.forEach((l, i) => Object.assign(l, { proceeds: proceeds[i], gain: proceeds[i].minus(l.basis) }));
      }
      this.byKey.set(key, merged);
      this.orders.push(merged);
      return { merged, amountChange: merged.amount };
    }
    const before = seen.amount;
    seen.shares = seen.shares.plus(order.shares);
    seen.amount = roundCents(seen.shares.times(seen.price));
    for (const part of order.lots) {
      const same = seen.lots.find((l) => l.lot === part.lot);
      if (same) Object.assign(same, { shares: same.shares.plus(part.shares), basis: same.basis.plus(part.basis) });
      else seen.lots.push({ ...part });
    }
    if (seen.lots.length > 0) {
      const proceeds = allocateCents(seen.amount, seen.lots.map((l) => l.shares));
      seen.lots.forEach((l, i) => Object.assign(l, { proceeds: proceeds[i], gain: proceeds[i].minus(l.basis) }));
    }
    for (const n of order.notes) if (!seen.notes.includes(n)) seen.notes.push(n);
    seen.details ??= [];
    for (const d of order.details ?? []) if (!seen.details.includes(d)) seen.details.push(d);
    return { merged: seen, amountChange: seen.amount.minus(before) };
  }

  recordSale(order: Order, remaining: Lot[]): void {
    this.lots.get(order.account)!.set(order.ticker, remaining);
    const { amountChange } = this.merge(order);
    this.cash.set(order.account, this.cash.get(order.account)!.plus(amountChange));
    const security = this.context.securities.get(order.ticker)!;
    this.addClassValue(security.assetClass, amountChange.negated());
    const taxable = this.context.accounts.get(order.account)!.treatment === 'taxable';
    for (const part of order.lots) {
      if (!taxable) continue;
      if (part.term === 'long') this.realizedLongTerm = this.realizedLongTerm.plus(part.gain);
      else this.realizedShortTerm = this.realizedShortTerm.plus(part.gain);
      if (part.gain.lessThan(0)) this.lossGroups.add(groupOfTicker(this.context, order.ticker));
    }
  }

  /** What buying `shares` more of a ticker would cost once merged with the plan's earlier buy of it. */
  buyCost(account: string, ticker: string, shares: Decimal, price: Decimal): Decimal {
    const seen = this.byKey.get(`${account}\u0000BUY\u0000${ticker}`);
    if (!seen) return roundCents(shares.times(price));
    return roundCents(seen.shares.plus(shares).times(price)).minus(seen.amount);
  }

  recordBuy(order: Order): void {
    const { amountChange } = this.merge(order);
    this.cash.set(order.account, this.cash.get(order.account)!.minus(amountChange));
    const security = this.context.securities.get(order.ticker)!;
    this.addClassValue(security.assetClass, amountChange);
    this.boughtGroups.add(groupOfTicker(this.context, order.ticker));
  }

  realizedNetGain(): Decimal {
    return this.realizedShortTerm.plus(this.realizedLongTerm);
  }
}
