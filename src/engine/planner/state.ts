import { Decimal, ZERO } from '../money';
import type { Lot } from '../types';
import type { LotTaken, TradePurpose } from '../plan-types';
import { groupOfTicker, type PlanContext } from './context';

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
  /** Sentences explaining the decision, joined into the trade's reason. */
  notes: string[];
}

/** The household as the plan changes it: cash, lots and class values per account. */
export class WorkingState {
  readonly cash = new Map<string, Decimal>();
  /** account -> ticker -> lots still held (copies) */
  readonly lots = new Map<string, Map<string, Lot[]>>();
  readonly classValue = new Map<string, Decimal>();
  readonly orders: Order[] = [];
  /** Wash groups the plan buys anywhere: a loss sale in them would be washed. */
  readonly boughtGroups = new Set<string>();
  /** Wash groups in which the plan realizes a loss: buying them anywhere would wash it. */
  readonly lossGroups = new Set<string>();
  realizedShortTerm = ZERO;
  realizedLongTerm = ZERO;

  constructor(readonly context: PlanContext) {
    const { household } = context;
    for (const account of household.accounts) {
      this.cash.set(account.name, account.cash.plus(context.options.cashFlows[account.name] ?? ZERO));
      this.lots.set(account.name, new Map());
    }
    for (const lot of household.lots) {
      const byTicker = this.lots.get(lot.account)!;
      byTicker.set(lot.ticker, [...(byTicker.get(lot.ticker) ?? []), { ...lot }]);
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

  /** Cash the account may spend: what it holds less its reserve and the withdrawal it must raise. */
  spendable(account: string): Decimal {
    const a = this.context.accounts.get(account)!;
    const outflow = Decimal.max(ZERO, (this.context.options.cashFlows[account] ?? ZERO).negated());
    return this.cash.get(account)!.minus(a.reserve).minus(a.withdraw).minus(outflow);
  }

  heldLots(account: string, ticker: string): Lot[] {
    return this.lots.get(account)?.get(ticker) ?? [];
  }

  tickersHeld(account: string): string[] {
    return [...(this.lots.get(account)?.entries() ?? [])].filter(([, lots]) => lots.length > 0).map(([t]) => t);
  }

  recordSale(order: Order, remaining: Lot[]): void {
    this.lots.get(order.account)!.set(order.ticker, remaining);
    this.cash.set(order.account, this.cash.get(order.account)!.plus(order.amount));
    const security = this.context.securities.get(order.ticker)!;
    this.addClassValue(security.assetClass, order.amount.negated());
    const taxable = this.context.accounts.get(order.account)!.treatment === 'taxable';
    for (const part of order.lots) {
      if (!taxable) continue;
      if (part.term === 'long') this.realizedLongTerm = this.realizedLongTerm.plus(part.gain);
      else this.realizedShortTerm = this.realizedShortTerm.plus(part.gain);
      if (part.gain.lessThan(0)) this.lossGroups.add(groupOfTicker(this.context, order.ticker));
    }
    this.orders.push(order);
  }

  recordBuy(order: Order): void {
    this.cash.set(order.account, this.cash.get(order.account)!.minus(order.amount));
    const security = this.context.securities.get(order.ticker)!;
    this.addClassValue(security.assetClass, order.amount);
    this.boughtGroups.add(groupOfTicker(this.context, order.ticker));
    this.orders.push(order);
  }

  realizedNetGain(): Decimal {
    return this.realizedShortTerm.plus(this.realizedLongTerm);
  }
}
