import { Decimal } from '../../money';
import { daysBetween, type IsoDate } from '../../dates';
import { longTermOn } from '../../holding-period';
import { orderLots } from '../../lots/order-lots';
import { LinearProgramBuilder, type LinearProgram } from '../../linear-program';
import { cachedTaxYearContext, rateFor } from '../../tax';
import type { Lot } from '../../types';
import type { Term } from '../../plan-types';
import type { WorkingState } from '../state';
import type { DeferredLot } from '../sale-candidates';
import { washedIfSold } from '../sale-candidates';
import { chooseSecurityToBuy } from '../choose-security';
import { taxCurve, type TaxCurve } from './tax-curve';
import { COST, choicesBeforeSolve, type FixedChoices, type Revisions } from './fixed-choices';

/**
 * The household's rebalancing as a linear program (STYLE.md, "An optimizer that reads like the
 * problem"). Columns, in dollars or shares:
 *   sell[block]      shares sold of a lot (taxable, MinTax), of a run of lots in the lot method's
 *                    order (taxable, FIFO/LIFO/HIFO/SpecID), or of a position (tax-advantaged:
 *                    no tax, so which lot does not matter);
 *   buy[account][class]  dollars of the class bought in the account (the fund chooseSecurityToBuy picks);
 *   idle[account]    cash left above the reserve and withdrawal; short[account] cash still missing;
 *   over/under[class][piece]  distance from target after the plan, in pieces of rising cost;
 *   tax[term][piece] realized gain of each character on the tax curve (under the tables).
 * Rows: one cash balance per account (money never moves between accounts), one value per class,
 * the gain budget, and one realized-gain sum per character (tables).
 *
 * The objective is the product's order of preference, as costs (see `COST`): a withdrawal
 * raised, then drift beyond a band, then drift of a class beyond its band (threshold mode) back
 * to target, then tax in dollars, then idle cash, then the spread and a tiny cost per dollar
 * against churn. A lot about to turn long-term and a short-term gain of a class inside its band
 * are priced far above any drift, so they are sold only to raise a withdrawal.
 */
export interface SaleBlock {
  column: number;
  account: string;
  ticker: string;
  assetClass: string;
  taxable: boolean;
  /** The lots the block sells, in order (one for a MinTax lot). */
  lots: Lot[];
  shares: number;
  price: Decimal;
  /** Gain per share counted for tax, by character (0 for a lot whose loss is not counted). */
  shortGain: number;
  longGain: number;
  /** Model cost per dollar sold: flat tax (or a first-dollar estimate under the tables) and penalties. */
  costPerDollar: number;
  /** Held back: turns long-term within the wait window, or a short-term gain of a class inside its band. */
  heldBack: 'defer' | 'short-term' | null;
}

export interface BuyColumn {
  column: number;
  account: string;
  assetClass: string;
  ticker: string;
}

export interface HouseholdModel {
  lp: LinearProgram;
  sales: SaleBlock[];
  buys: BuyColumn[];
  shortfall: Map<string, number>;
  /** Cash each account must raise before the plan (its withdrawal and reserve less its cash); <= 0 when none. */
  need: Map<string, number>;
  classRow: Map<string, number>;
  choices: FixedChoices;
  /**
   * Short-term gain lots of overweight classes held back until they turn long-term (the plan
   * lists only some of them: deferred-shown.ts).
   */
  deferred: DeferredLot[];
  curves: { shortTerm: TaxCurve; longTerm: TaxCurve } | null;
}

export function buildHouseholdModel(state: WorkingState, revisions: Revisions = {}): HouseholdModel {
  const { context } = state;
  const { household, options, asOf } = context;
  const choices = choicesBeforeSolve(state, revisions);
  RATES.set(context, { short: rateFor('short', context.rates).toNumber(), long: rateFor('long', context.rates).toNumber() });
  const lp = new LinearProgramBuilder();
  const tables = context.rates.household !== undefined;
  const spreadOf = (ticker: string) => context.securities.get(ticker)!.spread ?? household.settings.spread;
  const sales: SaleBlock[] = [];
  const deferred: DeferredLot[] = [];
  const sellingAllowed = (account: string) => options.mode !== 'cash-only' || state.spendable(account).lessThan(0);

  for (const account of household.accounts) {
    if (!sellingAllowed(account.name)) continue;
    const taxable = account.treatment === 'taxable';
    for (const ticker of state.tickersHeld(account.name)) {
      const security = context.securities.get(ticker)!;
      const assetClass = security.assetClass;
      if (!context.classes.includes(assetClass) || !security.price.greaterThan(0)) continue;
      const price = security.price;
      const p = price.toNumber();
      const churn = (COST.churn + spreadOf(ticker).toNumber() + (choices.active.has(assetClass) ? 0 : COST.inactiveSale)) * p;
      const held = state.heldLots(account.name, ticker).filter((l) => l.shares.greaterThan(0));
      if (!taxable) {
        const shares = held.reduce((t, l) => t + l.shares.toNumber(), 0);
        const column = lp.column(`sell_${account.name}_${ticker}`, { upper: shares, cost: churn });
        sales.push({ column, account: account.name, ticker, assetClass, taxable, lots: held, shares, price, shortGain: 0, longGain: 0, costPerDollar: 0, heldBack: null });
        continue;
      }
      const strict = options.lotMethod !== 'MinTax';
      const ordered = strict
        ? orderLots(options.lotMethod, held, { saleDate: asOf, price, rates: context.rates, taxable, specificLots: options.specificLots })
        : held;
      const items: Item[] = [];
      for (const lot of ordered) {
        const item = lotItem(state, choices, lot, price, deferred);
        if (item === null) {
          if (strict) break; // the lot order stops at a lot that may not be sold
          continue;
        }
        items.push(item);
      }
      for (const block of strict ? poolInOrder(items) : items.map((i) => ({ ...i, lots: [i.lot] }))) {
        const tax = block.shortGain * RATES.get(context)!.short + block.longGain * RATES.get(context)!.long;
        const penalty = block.heldBack ? (block.heldBack === 'defer' ? COST.defer : COST.shortTermInBand) * p : 0;
        const cost = churn + penalty + (tables ? 0 : tax);
        const column = lp.column(`sell_${block.lots[0]!.id}`, { upper: block.shares, cost });
        sales.push({
          column, account: account.name, ticker, assetClass, taxable, lots: block.lots, shares: block.shares, price,
          shortGain: block.shortGain, longGain: block.longGain, costPerDollar: (tax + penalty) / p, heldBack: block.heldBack,
        });
      }
    }
  }

  const buys: BuyColumn[] = [];
  if (options.mode !== 'cash-only' || household.accounts.some((a) => state.spendable(a.name).greaterThan(0))) {
    for (const account of household.accounts) {
      for (const assetClass of context.classes) {
        const choice = chooseSecurityToBuy(state, account.name, assetClass, choices.noBuyGroups);
        if (!choice) continue;
        const ticker = choice.security.ticker;
        const cost = COST.churn + spreadOf(ticker).toNumber() + COST.location * context.locationRank(assetClass, account.treatment);
        buys.push({ column: lp.column(`buy_${account.name}_${assetClass}`, { cost }), account: account.name, assetClass, ticker });
      }
    }
  }

  // Each row's columns, grouped once (thousands of sales, tens of accounts and classes).
  const group = <T, K>(items: readonly T[], key: (item: T) => K) => {
    const out = new Map<K, T[]>();
    for (const item of items) {
      const list = out.get(key(item));
      if (list) list.push(item);
      else out.set(key(item), [item]);
    }
    return (k: K): readonly T[] => out.get(k) ?? [];
  };
  const salesOfAccount = group(sales, (s) => s.account);
  const salesOfClass = group(sales, (s) => s.assetClass);
  const buysOfAccount = group(buys, (b) => b.account);
  const buysOfClass = group(buys, (b) => b.assetClass);

  // Cash: sales in, buys out, the rest idle above the reserve (or missing, at a very high price).
  const shortfall = new Map<string, number>();
  const needs = new Map<string, number>();
  for (const account of household.accounts) {
    // Cash the account already has may wait (a little cost); proceeds may not: a sale whose
    // money would sit idle costs more than any drift it removes, so nothing is sold into cash.
    const spare = Math.max(0, state.spendable(account.name).toNumber());
    const idle = lp.column(`idle_${account.name}`, { cost: COST.idleCash, upper: spare });
    const idleProceeds = lp.column(`idleProceeds_${account.name}`, { cost: COST.idleProceeds });
    const short = lp.column(`short_${account.name}`, { cost: COST.shortfall });
    shortfall.set(account.name, short);
    const own = salesOfAccount(account.name);
    const terms: [number, number][] = [
      ...own.map((s) => [s.column, s.price.toNumber()] as [number, number]),
      ...buysOfAccount(account.name).map((b) => [b.column, -1] as [number, number]),
      [idle, -1],
      [idleProceeds, -1],
      [short, 1],
    ];
    const need = state.spendable(account.name).negated().toNumber();
    needs.set(account.name, need);
    lp.row(`cash_${account.name}`, terms, { lower: need, upper: need });
    // Cash-only mode sells only to raise what the account must pay out (and one share's rounding).
    if (options.mode === 'cash-only' && own.length > 0) {
      const share = Math.max(...own.map((s) => s.price.toNumber()));
      lp.row(`cashOnly_${account.name}`, own.map((s) => [s.column, s.price.toNumber()] as [number, number]), { upper: need + share });
    }
  }

  // Class values: distance from target in pieces of rising cost (see `distancePieces`).
  const classRow = new Map<string, number>();
  const total = context.totalAfterFlows.toNumber();
  for (const assetClass of context.classes) {
    const target = (context.targetWeight.get(assetClass) ?? new Decimal(0)).toNumber() * total;
    const before = state.valueOf(assetClass).toNumber();
    const band = context.band.get(assetClass);
    const terms: [number, number][] = [
      ...buysOfClass(assetClass).map((b) => [b.column, 1] as [number, number]),
      ...salesOfClass(assetClass).map((s) => [s.column, -s.price.toNumber()] as [number, number]),
    ];
    const active = choices.active.has(assetClass);
    for (const side of ['over', 'under'] as const) {
      const edge = band ? Math.abs((side === 'over' ? band.upper : band.lower).toNumber() * total - target) : Infinity;
      const start = side === 'over' ? Math.max(0, before - target) : Math.max(0, target - before);
      for (const piece of distancePieces(total, edge, active, start, active || side === 'under')) {
        const column = lp.column(`${side}_${assetClass}_${piece.from}`, { upper: piece.width, cost: piece.cost });
        terms.push([column, side === 'over' ? -1 : 1]);
      }
    }
    classRow.set(assetClass, lp.row(`value_${assetClass}`, terms, { lower: target - before, upper: target - before }));
  }

  // Gain budget: net gain the plan realizes (Settings "Gain Budget"), soft so a withdrawal stays possible.
  if (options.gainBudget !== null) {
    const over = lp.column('gainBudget_over', { cost: COST.gainBudget });
    const taxed = sales.filter((s) => s.taxable);
    lp.row('gainBudget', [...taxed.map((s) => [s.column, s.shortGain + s.longGain] as [number, number]), [over, -1]], { upper: options.gainBudget.toNumber() });
  }

  // Under the tables: the year's tax as a convex curve of each character's realized gain.
  let curves: HouseholdModel['curves'] = null;
  if (tables) {
    const year = cachedTaxYearContext(household, asOf, context.rates);
    const taxed = sales.filter((s) => s.taxable);
    const build = (term: Term): TaxCurve => {
      const gainOf = (s: SaleBlock) => (term === 'short' ? s.shortGain : s.longGain);
      const lowest = taxed.reduce((t, s) => t + Math.min(0, gainOf(s) * s.shares), 0);
      const highest = taxed.reduce((t, s) => t + Math.max(0, gainOf(s) * s.shares), 0);
      const curve = taxCurve(year, term, lowest, highest);
      const terms: [number, number][] = taxed.filter((s) => gainOf(s) !== 0).map((s) => [s.column, gainOf(s)]);
      curve.pieces.forEach((piece, k) => {
        const column = lp.column(`tax_${term}_${k}`, { upper: piece.width, cost: piece.rate });
        terms.push([column, -1]);
      });
      lp.row(`gain_${term}`, terms, { lower: curve.start, upper: curve.start });
      return curve;
    };
    curves = { shortTerm: build('short'), longTerm: build('long') };
  }

  return { lp: lp.build(), sales, buys, shortfall, need: needs, classRow, choices, deferred, curves };
}

/** The day each holding start turns long-term, once per date per plan: asked for every lot. */
const LONG_TERM_ON = new WeakMap<object, Map<string, IsoDate>>();
function longTermDate(context: object, lot: Lot): IsoDate {
  let byStart = LONG_TERM_ON.get(context);
  if (!byStart) LONG_TERM_ON.set(context, (byStart = new Map()));
  const start = lot.holdingFrom ?? lot.acquired;
  let date = byStart.get(start);
  if (date === undefined) byStart.set(start, (date = longTermOn(lot)));
  return date;
}

/** The flat (or first-dollar) rates as numbers, once per plan: asked for every lot. */
const RATES = new WeakMap<object, { short: number; long: number }>();

interface Item {
  lot: Lot;
  shares: number;
  shortGain: number;
  longGain: number;
  heldBack: SaleBlock['heldBack'];
  /** Ordering cost per share (tax at the flat or first-dollar rate, plus penalties). */
  cost: number;
}

/** One taxable lot as the model sees it, or null when it may not be sold at all. */
function lotItem(state: WorkingState, choices: FixedChoices, lot: Lot, price: Decimal, deferred: DeferredLot[]): Item | null {
  const { context } = state;
  const security = context.securities.get(lot.ticker)!;
  const turnsLong = longTermDate(context, lot);
  const term: Term = context.asOf >= turnsLong ? 'long' : 'short';
  const shares = lot.shares.toNumber();
  // The model's price in floats (tens of thousands of lots); whether the lot is a gain or a
  // loss is decided exactly, and the Decimal gain is made only where a rule needs it.
  const p = price.toNumber();
  let counted = p - lot.basis.toNumber() / shares;
  // A lot whose per-share figures overflow a float (a typed share count such as 5e-324 against a
  // real basis) is worth less than a cent: the model leaves it unsold rather than price it.
  if (!Number.isFinite(counted) || !(shares > 0)) return null;
  const sign = lot.shares.times(price).comparedTo(lot.basis);
  const exactGain = () => price.minus(lot.basis.div(lot.shares));
  if (sign < 0) {
    // A loss is realized only in a wash group the plan buys nowhere, and never one a recent
    // purchase washes (IRC 1091): both decided before the solve.
    if (!choices.noBuyGroups.has(security.washGroup) || washedIfSold(state, lot)) return null;
    const gainPerShare = exactGain();
    if (choices.lossBarred(lot, gainPerShare)) return null;
    if (!choices.lossCounts(lot, gainPerShare)) counted = 0;
  } else if (sign === 0) counted = 0;
  let heldBack: SaleBlock['heldBack'] = null;
  if (term === 'short' && sign > 0) {
    if (daysBetween(context.asOf, turnsLong) <= context.options.longTermWaitDays) {
      heldBack = 'defer';
      if (choices.active.has(security.assetClass) && state.gap(security.assetClass).greaterThan(0)) {
        // Priced as the step-by-step planner prices it (sale-candidates.ts), so both show it by one rule.
        const gainPerShare = exactGain();
        const costPerDollar = gainPerShare.times(rateFor('short', context.rates)).div(price).plus(security.spread ?? context.household.settings.spread);
        deferred.push({ lot, longTermOn: turnsLong, gain: gainPerShare.times(lot.shares), costPerDollar });
      }
    } else if (!choices.beyondBand.has(security.assetClass)) {
      heldBack = 'short-term';
    }
  }
  const rate = (term === 'long' ? RATES.get(context)!.long : RATES.get(context)!.short);
  const penalty = heldBack === 'defer' ? COST.defer * p : heldBack === 'short-term' ? COST.shortTermInBand * p : 0;
  return {
    lot,
    shares,
    shortGain: term === 'short' ? counted : 0,
    longGain: term === 'long' ? counted : 0,
    heldBack,
    cost: counted * rate + penalty,
  };
}

/**
 * A strict lot order (FIFO, LIFO, HIFO, SpecID) sells a prefix of its lots. Pooling adjacent lots
 * whose cost falls into one block at their average cost (the lower convex envelope of the cost of
 * selling the first t shares) keeps the model linear; rounding then takes the block's shares in
 * the method's order, and the plan's tax is computed from the lots actually taken.
 */
function poolInOrder(items: readonly Item[]): (Omit<Item, 'lot'> & { lots: Lot[] })[] {
  const out: (Omit<Item, 'lot'> & { lots: Lot[] })[] = [];
  for (const item of items) {
    let current = { lots: [item.lot], shares: item.shares, shortGain: item.shortGain, longGain: item.longGain, heldBack: item.heldBack, cost: item.cost };
    while (out.length > 0 && out[out.length - 1]!.cost > current.cost) {
      const last = out.pop()!;
      const shares = last.shares + current.shares;
      const mix = (a: number, b: number) => (a * last.shares + b * current.shares) / shares;
      current = {
        lots: [...last.lots, ...current.lots],
        shares,
        shortGain: mix(last.shortGain, current.shortGain),
        longGain: mix(last.longGain, current.longGain),
        heldBack: last.heldBack ?? current.heldBack,
        cost: mix(last.cost, current.cost),
      };
    }
    out.push(current);
  }
  return out;
}

interface DistancePiece {
  from: number;
  width: number;
  cost: number;
}

/**
 * A class's distance from target on one side, as pieces of rising cost per dollar: beyond the
 * band costs `COST.band` more; a class being rebalanced (beyond its band in threshold mode, any
 * class in full mode) costs `COST.drift` per dollar from target; a class left alone costs nothing
 * while it stays between where it was and its target and `COST.drift` once pushed past it or away
 * (never made worse); and a small step every half percent of the household, so the most
 * underweight class is bought first (for a class left alone, on the under side only: less than
 * `COST.inactiveSale`, so two classes inside their bands are never traded against each other).
 */
export function distancePieces(total: number, edge: number, active: boolean, start: number, steps = true): DistancePiece[] {
  const step = Math.max(total * 0.005, 1);
  const points = new Set<number>();
  for (let k = 1; k <= COST.steps; k++) points.add(k * step);
  if (Number.isFinite(edge) && edge > 0) points.add(edge);
  if (!active && start > 0) points.add(start);
  const sorted = [...points].sort((a, b) => a - b);
  const pieces: DistancePiece[] = [];
  let from = 0;
  for (const to of [...sorted, Infinity]) {
    if (to <= from) continue;
    const k = Math.min(Math.floor(from / step + 1e-9), COST.steps);
    const beyond = Number.isFinite(edge) && from >= edge - 1e-9;
    const away = !active && from >= start - 1e-9;
    const cost = (active || away ? COST.drift : 0) + (steps ? COST.step * k : 0) + (beyond ? COST.band : 0);
    pieces.push({ from, width: to - from, cost });
    from = to;
  }
  return pieces;
}
