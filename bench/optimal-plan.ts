import highsLoader from 'highs';
import { Decimal, ZERO, dec, toPlain } from '../src/engine/money';
import { addDays, addYears, daysBetween, type IsoDate } from '../src/engine/dates';
import type { Household, Lot } from '../src/engine/types';
import type { PlanOptions, Term as TaxTerm } from '../src/engine/plan-types';
import { bandFor, bandRule } from '../src/engine/bands';
import { targetsOn } from '../src/engine/targets';
import { isCashClass, securityIndex, valueHoldings } from '../src/engine/valuation';
import { LpModel, type Term } from './lp-model';

/*
 * The least-tax rebalance of a household, solved exactly as a mixed-integer program with HiGHS,
 * as a yardstick for the planner. Dev-only (bench and tests); never bundled.
 *
 * FORMULATION (all money in dollars; T1 = household value after the plan's cash flows and
 * withdrawals, which trading does not change: we ignore spreads here)
 *
 * Variables
 *   s_i  shares sold of taxable lot i, 0 <= s_i <= shares_i; INTEGER unless the account trades
 *        fractions (or `integerShares: false`). Short-term GAIN lots that turn long-term within
 *        Long-Term Wait Days are left out (the planner defers them), and so are short-term gain
 *        lots of a class inside its band (the planner takes short-term gains only for a class
 *        beyond its band, as the product asks), as are lots in accounts
 *        whose treatment is not taxable (those are pooled, below).
 *   x_ac dollars of class c sold in tax-advantaged account a, 0 <= x_ac <= value held there.
 *        (No tax, so which lot or fund is sold does not matter and dollars suffice.)
 *   b_at dollars of security t bought in account a (any treatment), only where the account may
 *        buy it (its `allowed` menu; null means any). Per security, not per class, so a wash group
 *        can be kept out of the purchases (below). Continuous: the planner buys whole shares, so it
 *        can leave up to one share's price uninvested per buy; the MIP cannot.
 *   u_a  cash left in account a beyond its reserve, >= 0.
 *   e_c, d_c  dollars by which class c ends above its upper band / below its lower band, >= 0.
 *   p_c  dollars by which class c is pushed past its target or further from it, >= 0.
 *   z_c  binary "class c is a net seller": see HARVESTING below.
 *   w_g  binary "a loss lot of wash group g is sold": see WASH SALES below.
 *
 * Constraints
 *   Cash, per account (money never moves between accounts):
 *     sum_i(price_i s_i) + sum_c x_ac + cash_a + cashFlow_a - reserve_a - withdraw_a = sum_c b_ac + u_a
 *   Class value after: V_c = V_c0 + sum_{a, t in c} b_at - sum_{i in c} price_i s_i - sum_a x_ac
 *     V_c - e_c <= upper_c T1,   V_c + d_c >= lower_c T1
 *     (a targeted Cash class ends at sum_a (reserve_a + u_a)).
 *   Rebalancing moves a class toward its target, never past it (soft, so a withdrawal that
 *     must come from an underweight class stays feasible): with lo_c = min(V_c0, target_c T1)
 *     and hi_c = max(V_c0, target_c T1),   V_c - p_c <= hi_c,   V_c + p_c >= lo_c.
 *     Without this the model would sell loss lots of an overweight class far past its target
 *     (still inside the band) just to realize losses: harvesting by another name.
 *   Optional `holdTo` ranges replace that rule (hard) to compare with a plan at equal or better
 *     drift: min_c <= V_c <= max_c, from `rangesFromPlan` = between the plan's value and target.
 *   Gain budget (when set): sum_i gainPerShare_i s_i <= budget (washed losses count as 0).
 *   HARVESTING, under the product's rules (Harvest Losses, Harvest Min Loss): a loss lot whose
 *     whole loss reaches the minimum may be sold and its class bought back (in a security of
 *     another wash group: WASH SALES). Any other loss lot (all of them with harvesting off) may
 *     be realized only to move money out of its class, never in a round trip. With z_c binary:
 *       sum_{such loss lots i in c} price_i s_i <= BIG z_c,   sum_{a, t in c} b_at <= T1 (1 - z_c).
 *   WASH SALES (IRC 1091): a wash group whose loss lots are sold is bought nowhere in the
 *     household, IRAs included (Rev. Rul. 2008-5). With w_g binary:
 *       sum_{loss lots i in g} price_i s_i <= BIG w_g,   sum_{a, t in g} b_at <= T1 (1 - w_g).
 *
 * Objective (minimize)
 *   sum_i taxPerShare_i s_i + PENALTY sum_c (e_c + d_c + p_c) + EPSILON * (dollars traded)
 *   taxPerShare_i = (price - basis/shares) x rate(term), rate = federal + state; the term is
 *     long when the lot (from `holdingFrom` if set, else `acquired`) has been held MORE than
 *     one year on the as-of date (IRS Publication 550: the holding period starts the day after
 *     acquisition, so a sale on the anniversary is still short-term).
 *   A loss lot with another purchase of its wash group in the 30 days before the as-of date
 *     (any account) is not sellable at all: selling it would create a wash sale (IRC 1091), which
 *     the planner never does, so the yardstick obeys the same rule.
 *   PENALTY (10 per dollar) is far above the largest tax per dollar moved (0.42), so the MIP
 *     always removes all drift beyond the bands that can be removed, and only then saves tax.
 *   EPSILON (1e-5 per dollar) only breaks ties against pointless trading in tax-free accounts.
 *
 * How this linear tax compares with the planner's estimate
 *   The model prices each lot on its own: a short-term loss saves 42%, a long-term loss 25%.
 *   Real returns net gains and losses (Schedule D): a long-term loss first offsets long-term
 *   gains, then short-term gains (worth 42% there), and net losses beyond the year's gains save
 *   only up to the $3,000 ordinary-income deduction (IRC 1211(b)), the rest carrying forward.
 *   Carryforwards on Settings are not used here. So the planner's netting-aware
 *   `summary.estimatedTax` can differ from this number in either direction; the bench compares
 *   the planner and the optimum on THIS linear tax, computed for both from their lot sales
 *   (`comparePlanToOptimum`), and reports the planner's own estimate beside it.
 *
 * Not modelled: minimum trade size, spreads, the Sales tab (this year's realized gains and its
 * wash-sale look-back), DRIP purchases, the plan modes other than threshold.
 */

export interface OptimalPlanOptions extends PlanOptions {
  /**
   * Dollar range each named class must end in (hard), instead of the soft "toward target,
   * never past it" rule; see `rangesFromPlan`.
   */
  holdTo?: Record<string, ValueRange>;
  /** Whole shares for lots in accounts without fractional trading (default true). */
  integerShares?: boolean;
  timeLimitSeconds?: number;
}

export interface ValueRange {
  min: Decimal;
  max: Decimal;
}

export interface OptimalLotSale {
  lot: string;
  account: string;
  ticker: string;
  shares: string;
  gain: string;
  term: TaxTerm;
  washed: boolean;
  tax: string;
}

export interface OptimalFlow {
  account: string;
  assetClass: string;
  /** Dollars bought and sold (taxable sells are the lot sales' proceeds). */
  buy: string;
  sell: string;
}

export interface OptimalClass {
  assetClass: string;
  target: string;
  /** Band limits as weights. */
  lower: string;
  upper: string;
  /** Dollars before and after. */
  before: string;
  after: string;
}

/** What `comparePlanToOptimum` needs to price a plan the way the model prices its own sales. */
export interface ComparisonBasis {
  totalAfter: string;
  shortRate: string;
  longRate: string;
  taxableAccounts: string[];
  washedLots: string[];
  classOf: Record<string, string>;
  /** The targeted cash class, if Targets has one. */
  cashClass: string | null;
}

export interface OptimalPlan {
  /** HiGHS model status: 'Optimal' when the numbers below are the optimum. */
  status: string;
  /** Linear tax of the optimum's lot sales (Decimal as string): see the formulation above. */
  tax: string;
  realizedGain: string;
  /** Sum over classes of the weight beyond the band, as a fraction of the household (10 places). */
  residualDrift: string;
  objective: number;
  solveMs: number;
  model: { variables: number; integers: number; binaries: number; constraints: number };
  sales: OptimalLotSale[];
  flows: OptimalFlow[];
  classes: OptimalClass[];
  basis: ComparisonBasis;
}

const PENALTY = 10;
const EPSILON = 1e-5;
const WASH_WINDOW_DAYS = 30;

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highsInstance: Promise<Highs> | null = null;
/** One WebAssembly instance per process: loading compiles the module, solving is per call. */
function highs(): Promise<Highs> {
  highsInstance ??= highsLoader();
  return highsInstance;
}

interface LotColumn {
  lot: Lot;
  name: string;
  price: Decimal;
  assetClass: string;
  term: TaxTerm;
  washed: boolean;
  /** Gain per share counted for tax (0 for a washed loss). */
  gainPerShare: Decimal;
  taxPerShare: Decimal;
  /** A loss lot that may be harvested: sold while its class is bought back. */
  harvestable: boolean;
}

/** Held for more than one year on `asOf` (the day after acquisition starts the count). */
export function termOn(lot: Pick<Lot, 'acquired' | 'holdingFrom'>, asOf: IsoDate): { term: TaxTerm; longTermOn: IsoDate } {
  const longTermOn = addDays(addYears(lot.holdingFrom ?? lot.acquired, 1), 1);
  return { term: asOf >= longTermOn ? 'long' : 'short', longTermOn };
}

export async function solveOptimalPlan(household: Household, options: OptimalPlanOptions = {}): Promise<OptimalPlan> {
  const { settings } = household;
  const asOf = settings.asOf;
  if (asOf === null) throw new Error('solveOptimalPlan needs Settings.asOf');
  const shortRate = settings.shortTermRate.plus(settings.stateRate);
  const longRate = settings.longTermRate.plus(settings.stateRate);
  const waitDays = options.longTermWaitDays ?? settings.longTermWaitDays;
  const gainBudget = options.gainBudget !== undefined ? options.gainBudget : settings.gainBudget;
  const harvest = options.harvestLosses ?? settings.harvestLosses;
  const harvestMinLoss = options.harvestMinLoss ?? settings.harvestMinLoss;
  const integerShares = options.integerShares ?? true;
  const securities = securityIndex(household.securities);
  const classOf = (ticker: string) => securities.get(ticker)!.assetClass;
  const accountOf = new Map(household.accounts.map((a) => [a.name, a]));

  // Targets, bands and values before.
  const inForce = targetsOn(household.targets, asOf);
  const holdings = valueHoldings(household);
  const flowOf = (name: string) => options.cashFlows?.[name] ?? ZERO;
  const totalAfter = household.accounts.reduce((t, a) => t.plus(flowOf(a.name)).minus(a.withdraw), holdings.total);
  const T1 = totalAfter.toNumber();
  const classes = inForce.map(({ assetClass, target }, i) => {
    const own = household.targets[i];
    const band = bandFor(target, bandRule(
      { relative: own.band, absolute: own.absBand },
      { relative: options.band ?? settings.band, absolute: settings.absBand },
    ));
    return { assetClass, target, lower: band.lower, upper: band.upper, before: holdings.byClass.get(assetClass) ?? ZERO, isCash: isCashClass(assetClass) };
  });
  const cashClass = classes.find((c) => c.isCash)?.assetClass ?? null;
  // The product's rule: short-term gains are taken only for a class beyond its band.
  const beyondBand = new Set(
    classes.filter((c) => c.before.greaterThan(c.upper.times(totalAfter)) || c.before.lessThan(c.lower.times(totalAfter))).map((c) => c.assetClass),
  );

  // Wash-sale look-back: wash groups bought in the last 30 days, with the lots that bought them.
  const recentBuys = new Map<string, string[]>();
  for (const lot of household.lots) {
    const age = daysBetween(lot.acquired, asOf);
    if (age < 0 || age > WASH_WINDOW_DAYS) continue;
    const group = securities.get(lot.ticker)!.washGroup;
    recentBuys.set(group, [...(recentBuys.get(group) ?? []), lot.id]);
  }

  const lp = new LpModel();
  const columns: LotColumn[] = [];
  household.lots.forEach((lot, i) => {
    const account = accountOf.get(lot.account);
    if (!account || account.treatment !== 'taxable' || lot.shares.isZero()) return;
    const security = securities.get(lot.ticker)!;
    const { term, longTermOn } = termOn(lot, asOf);
    const rawGain = security.price.minus(lot.basis.div(lot.shares));
    if (term === 'short' && rawGain.isPositive() && daysBetween(asOf, longTermOn) <= waitDays) return;
    if (term === 'short' && rawGain.isPositive() && !beyondBand.has(security.assetClass)) return;
    const washed = rawGain.isNegative() && (recentBuys.get(security.washGroup) ?? []).some((id) => id !== lot.id);
    // Selling such a lot would create a wash sale, which the planner never does (a plan that
    // creates one is a bug): the yardstick obeys the same rule, so the lot is not sellable.
    if (washed) return;
    const gainPerShare = washed ? ZERO : rawGain;
    const name = integerShares && !account.fractional
      ? lp.integer(`s${i}`, 0, lot.shares.toNumber())
      : lp.variable(`s${i}`, 0, lot.shares.toNumber());
    const taxPerShare = gainPerShare.times(term === 'long' ? longRate : shortRate);
    // The planner harvests a lot whose whole loss reaches the minimum (planner/harvest.ts).
    const harvestable = harvest && rawGain.isNegative() && lot.basis.minus(lot.shares.times(security.price)).greaterThanOrEqualTo(harvestMinLoss);
    columns.push({ lot, name, price: security.price, assetClass: security.assetClass, term, washed, gainPerShare, taxPerShare, harvestable });
    lp.cost(name, taxPerShare.toNumber() + EPSILON * security.price.toNumber());
  });

  // Pooled sells in tax-advantaged accounts, and buys wherever the menu allows.
  const sells: { account: string; assetClass: string; name: string }[] = [];
  const buys: { account: string; assetClass: string; washGroup: string; name: string }[] = [];
  household.accounts.forEach((account, a) => {
    const held = holdings.byAccount.get(account.name) ?? new Map<string, Decimal>();
    classes.forEach((c, k) => {
      if (c.isCash) return;
      const value = held.get(c.assetClass) ?? ZERO;
      if (account.treatment !== 'taxable' && value.isPositive()) {
        const name = lp.variable(`x${a}_${k}`, 0, value.toNumber());
        lp.cost(name, EPSILON);
        sells.push({ account: account.name, assetClass: c.assetClass, name });
      }
      household.securities.forEach((s, t) => {
        if (s.assetClass !== c.assetClass || (account.allowed !== null && !account.allowed.includes(s.ticker))) return;
        const name = lp.variable(`b${a}_${t}`);
        lp.cost(name, EPSILON);
        buys.push({ account: account.name, assetClass: c.assetClass, washGroup: s.washGroup, name });
      });
    });
    lp.variable(`u${a}`);
    const investable = account.cash.plus(flowOf(account.name)).minus(account.reserve).minus(account.withdraw);
    lp.row(`cash${a}`, [
      ...columns.filter((col) => col.lot.account === account.name).map((col) => [col.price.toNumber(), col.name] as Term),
      ...sells.filter((x) => x.account === account.name).map((x) => [1, x.name] as Term),
      ...buys.filter((b) => b.account === account.name).map((b) => [-1, b.name] as Term),
      [-1, `u${a}`],
    ], '=', -investable.toNumber());
  });

  classes.forEach((c, k) => {
    const change: Term[] = c.isCash
      ? household.accounts.map((_, a) => [1, `u${a}`] as Term)
      : [
          ...buys.filter((b) => b.assetClass === c.assetClass).map((b) => [1, b.name] as Term),
          ...sells.filter((x) => x.assetClass === c.assetClass).map((x) => [-1, x.name] as Term),
          ...columns.filter((col) => col.assetClass === c.assetClass).map((col) => [-col.price.toNumber(), col.name] as Term),
        ];
    // For cash the "change" is the leftover cash, and what it starts from is the reserves.
    const base = c.isCash ? household.accounts.reduce((t, a) => t.plus(a.reserve), ZERO).toNumber() : c.before.toNumber();
    const e = lp.variable(`e${k}`);
    const d = lp.variable(`d${k}`);
    lp.cost(e, PENALTY);
    lp.cost(d, PENALTY);
    lp.row(`over${k}`, [...change, [-1, e]], '<=', c.upper.toNumber() * T1 - base);
    lp.row(`under${k}`, [...change, [1, d]], '>=', c.lower.toNumber() * T1 - base);
    const range = options.holdTo?.[c.assetClass];
    if (range !== undefined) {
      lp.row(`holdMax${k}`, change, '<=', range.max.toNumber() - base);
      lp.row(`holdMin${k}`, change, '>=', range.min.toNumber() - base);
    } else if (!c.isCash) {
      const goal = c.target.toNumber() * T1;
      const p = lp.variable(`p${k}`);
      lp.cost(p, PENALTY);
      lp.row(`notPastHi${k}`, [...change, [-1, p]], '<=', Math.max(goal, base) - base);
      lp.row(`notPastLo${k}`, [...change, [1, p]], '>=', Math.min(goal, base) - base);
    }
    const lossSales = columns.filter((col) => col.assetClass === c.assetClass && !col.harvestable && (col.gainPerShare.isNegative() || col.washed));
    const classBuys = buys.filter((b) => b.assetClass === c.assetClass);
    if (lossSales.length > 0 && classBuys.length > 0) {
      const z = lp.binary(`z${k}`);
      const big = lossSales.reduce((t, col) => t + col.price.toNumber() * col.lot.shares.toNumber(), 0);
      lp.row(`lossOnlyWhenSelling${k}`, [...lossSales.map((col) => [col.price.toNumber(), col.name] as Term), [-big, z]], '<=', 0);
      lp.row(`noBuyWhenSelling${k}`, [...classBuys.map((b) => [1, b.name] as Term), [T1, z]], '<=', T1);
    }
  });

  // No wash sale inside the plan: a group whose loss lots are sold is bought nowhere.
  const washGroups = [...new Set(columns.filter((col) => col.gainPerShare.isNegative()).map((col) => securities.get(col.lot.ticker)!.washGroup))].sort();
  washGroups.forEach((group, g) => {
    const lossSales = columns.filter((col) => col.gainPerShare.isNegative() && securities.get(col.lot.ticker)!.washGroup === group);
    const groupBuys = buys.filter((b) => b.washGroup === group);
    if (groupBuys.length === 0) return;
    const w = lp.binary(`w${g}`);
    const big = lossSales.reduce((t, col) => t + col.price.toNumber() * col.lot.shares.toNumber(), 0);
    lp.row(`lossInGroup${g}`, [...lossSales.map((col) => [col.price.toNumber(), col.name] as Term), [-big, w]], '<=', 0);
    lp.row(`noBuyOfGroup${g}`, [...groupBuys.map((b) => [1, b.name] as Term), [T1, w]], '<=', T1);
  });

  if (gainBudget !== null) {
    lp.row('gainBudget', columns.map((col) => [col.gainPerShare.toNumber(), col.name] as Term), '<=', gainBudget.toNumber());
  }

  const solver = await highs();
  const started = performance.now();
  const result = solver.solve(lp.toString(), {
    output_flag: false,
    time_limit: options.timeLimitSeconds ?? 60,
    mip_rel_gap: 1e-6,
  });
  const solveMs = performance.now() - started;
  const value = (name: string): number => {
    const column = result.Columns[name] as { Primal?: number } | undefined;
    return column?.Primal ?? 0;
  };
  const hasSolution = result.Status === 'Optimal' || (result.Status === 'Time limit reached' && Number.isFinite(result.ObjectiveValue));

  // Read the solution back into exact decimals: whole shares rounded, fractions to 6 places.
  const sales: OptimalLotSale[] = [];
  let tax = ZERO;
  let realizedGain = ZERO;
  const after = new Map(classes.map((c) => [c.assetClass, c.before]));
  const flowMap = new Map<string, { buy: Decimal; sell: Decimal }>();
  const flow = (account: string, assetClass: string) => {
    const key = `${account}\u0000${assetClass}`;
    const entry = flowMap.get(key) ?? { buy: ZERO, sell: ZERO };
    flowMap.set(key, entry);
    return entry;
  };
  const dollars = (x: number) => dec(Math.max(x, 0).toFixed(2));
  if (hasSolution) {
    for (const col of columns) {
      const raw = value(col.name);
      const fractional = !integerShares || accountOf.get(col.lot.account)!.fractional;
      const shares = Decimal.min(dec(fractional ? Math.max(raw, 0).toFixed(6) : Math.max(Math.round(raw), 0)), col.lot.shares);
      if (shares.isZero()) continue;
      const proceeds = shares.times(col.price);
      const gain = proceeds.minus(col.lot.basis.times(shares).div(col.lot.shares));
      const counted = col.washed && gain.isNegative() ? ZERO : gain;
      const lotTax = counted.times(col.term === 'long' ? longRate : shortRate);
      tax = tax.plus(lotTax);
      realizedGain = realizedGain.plus(counted);
      after.set(col.assetClass, after.get(col.assetClass)!.minus(proceeds));
      flow(col.lot.account, col.assetClass).sell = flow(col.lot.account, col.assetClass).sell.plus(proceeds);
      sales.push({
        lot: col.lot.id, account: col.lot.account, ticker: col.lot.ticker, shares: toPlain(shares),
        gain: toPlain(gain), term: col.term, washed: col.washed, tax: toPlain(lotTax),
      });
    }
    for (const x of sells) {
      const amount = dollars(value(x.name));
      if (amount.isZero()) continue;
      after.set(x.assetClass, after.get(x.assetClass)!.minus(amount));
      flow(x.account, x.assetClass).sell = flow(x.account, x.assetClass).sell.plus(amount);
    }
    for (const b of buys) {
      const amount = dollars(value(b.name));
      if (amount.isZero()) continue;
      after.set(b.assetClass, after.get(b.assetClass)!.plus(amount));
      flow(b.account, b.assetClass).buy = flow(b.account, b.assetClass).buy.plus(amount);
    }
    if (cashClass !== null) {
      const invested = classes.filter((c) => !c.isCash).reduce((t, c) => t.plus(after.get(c.assetClass)!), ZERO);
      after.set(cashClass, totalAfter.minus(invested));
    }
  }

  const classRows: OptimalClass[] = classes.map((c) => ({
    assetClass: c.assetClass,
    target: toPlain(c.target),
    lower: toPlain(c.lower),
    upper: toPlain(c.upper),
    before: toPlain(c.before),
    after: toPlain(after.get(c.assetClass)!),
  }));

  return {
    status: result.Status,
    tax: toPlain(tax),
    realizedGain: toPlain(realizedGain),
    residualDrift: toPlain(residualDrift(classRows, totalAfter).toDecimalPlaces(10)),
    objective: hasSolution ? result.ObjectiveValue : Number.NaN,
    solveMs,
    model: lp.size,
    sales,
    flows: [...flowMap].map(([key, f]) => {
      const [account, assetClass] = key.split('\u0000');
      return { account, assetClass, buy: toPlain(f.buy), sell: toPlain(f.sell) };
    }),
    classes: classRows,
    basis: {
      totalAfter: toPlain(totalAfter),
      shortRate: toPlain(shortRate),
      longRate: toPlain(longRate),
      taxableAccounts: household.accounts.filter((a) => a.treatment === 'taxable').map((a) => a.name),
      washedLots: columns.filter((c) => c.washed).map((c) => c.lot.id),
      classOf: Object.fromEntries(household.securities.map((s) => [s.ticker, classOf(s.ticker)])),
      cashClass,
    },
  };
}

/**
 * Weight beyond the bands, summed over classes: a class at 36% with an upper band of 33%
 * contributes 0.03. Zero when every class is within its band.
 */
export function residualDrift(
  classes: readonly Pick<OptimalClass, 'lower' | 'upper' | 'after'>[],
  total: Decimal,
): Decimal {
  if (total.isZero()) return ZERO;
  return classes.reduce((acc, c) => {
    const weight = dec(c.after).div(total);
    const beyond = Decimal.max(weight.minus(c.upper), dec(c.lower).minus(weight), ZERO);
    return acc.plus(beyond);
  }, ZERO);
}
