import { ZERO, type Decimal } from '../../money';
import type { Lot } from '../../types';
import type { WorkingState } from '../state';
import { washedIfSold } from '../sale-candidates';
import { chooseSecurityToBuy } from '../choose-security';
import { lossSavesNothing } from '../loss-value';

/**
 * The model's prices, per dollar, in the product's order of preference. Each tier is far above
 * the next, so no amount of a cheaper tier buys a dollar of a dearer one: a withdrawal is always
 * raised (`shortfall`), a lot about to turn long-term or a short-term gain inside the band is
 * sold only for that (`defer`, `shortTermInBand`), drift beyond a band goes first (`band`), then
 * drift from target of the classes being rebalanced (`drift`, above any tax rate: 0.5 at most),
 * then tax (its dollars: the objective's unit), then idle cash, then the spread, a sale of a
 * class left alone to fund another, and a tiny cost per dollar traded against churn.
 */
export const COST = {
  shortfall: 1000,
  gainBudget: 500,
  defer: 100,
  shortTermInBand: 100,
  band: 10,
  drift: 1,
  inactiveSale: 0.002,
  idleCash: 0.005,
  /** Proceeds left idle: above all drift, so a sale always has somewhere to go. */
  idleProceeds: 20,
  /** Per half percent of the household a class is from target: the most underweight first. */
  step: 0.0002,
  steps: 8,
  location: 0.0001,
  churn: 0.0001,
} as const;

/**
 * What is decided before the solve, so the model stays linear (the wash-sale rule is a yes/no
 * per wash group, not a price):
 *  - `active`: the classes being rebalanced (beyond their band in threshold mode; every class in
 *    full and cash-only mode);
 *  - `beyondBand`: classes whose short-term gains may be sold (PRODUCT.md: only to fix drift
 *    beyond the band);
 *  - `noBuyGroups`: wash groups in which the plan may realize a loss, and so buys nowhere, IRAs
 *    included (IRC 1091, Rev. Rul. 2008-5). With harvesting on, the candidates are the groups
 *    holding a loss worth harvesting (Harvest Min Loss) and the groups with any loss in a class
 *    over target; the largest losses go first, each only while its class keeps a fund of another
 *    group that some account can buy (the replacement a round trip needs: two funds of a class
 *    both at a loss, one is harvested into the other). An over-target class whose only group has
 *    losses is harvested all the same (it is sold down, not bought). The group kept buyable in an
 *    over-target class is `kept`: optimize-plan.ts solves again with it harvested too
 *    (`Revisions.alsoHarvest`) where the first solution does not buy the class, or where that
 *    solve costs less. With harvesting
 *    off, a loss is realized only to move money out of a class over target, and then no fund of
 *    that class is bought (no round trip);
 *  - `lossCounts`: with harvesting on, a loss below Harvest Min Loss is priced as worth nothing
 *    (so never sold for its loss alone, only to rebalance) unless its class is over target and
 *    cannot be bought back (no group `kept`).
 */
export interface FixedChoices {
  active: Set<string>;
  beyondBand: Set<string>;
  noBuyGroups: Set<string>;
  /** Harvests not made, each with why (the step-by-step planner's words). */
  warnings: string[];
  /** Over-target classes, each with the loss groups kept buyable as its replacement. */
  kept: Map<string, Set<string>>;
  lossCounts(lot: Lot, gainPerShare: Decimal): boolean;
  /** A loss below Harvest Min Loss in a class where such losses may not be sold (`Revisions`). */
  lossBarred(lot: Lot, gainPerShare: Decimal): boolean;
}

/**
 * Choices a first solve showed should be made the other way (optimize-plan.ts): loss groups
 * harvested too, and per class the yardstick's rule for a loss below Harvest Min Loss (realized
 * only while the class is bought nowhere, never in a round trip) enforced one way or the other:
 * such losses not sold (`noSmallLosses`), or the class not bought (`noBuys`).
 */
export interface Revisions {
  alsoHarvest?: ReadonlySet<string>;
  noSmallLosses?: ReadonlySet<string>;
  noBuys?: ReadonlySet<string>;
}

export function choicesBeforeSolve(state: WorkingState, revisions: Revisions = {}): FixedChoices {
  const alsoHarvest = revisions.alsoHarvest ?? new Set<string>();
  const noSmallLosses = revisions.noSmallLosses ?? new Set<string>();
  const { context } = state;
  const { mode, harvestLosses, harvestMinLoss } = context.options;
  const beyondBand = new Set(context.classes.filter((c) => state.outOfBand(c)));
  const active = new Set(mode === 'threshold' ? beyondBand : context.classes);
  const overTarget = new Set(context.classes.filter((c) => state.gap(c).greaterThan(0)));
  const harvesting = harvestLosses && mode !== 'cash-only';
  const noBuyGroups = new Set<string>();
  const groupsOfClass = (assetClass: string) => new Set((context.securitiesByClass.get(assetClass) ?? []).map((s) => s.washGroup));
  for (const assetClass of revisions.noBuys ?? []) for (const g of groupsOfClass(assetClass)) noBuyGroups.add(g);
  const warnings: string[] = [];
  const candidates: { account: string; ticker: string; assetClass: string; group: string; loss: Decimal; overTarget: boolean }[] = [];
  const totalLoss = (lots: readonly Lot[], price: Decimal) => lots.reduce((t, l) => t.plus(l.basis.minus(l.shares.times(price))), ZERO);
  for (const account of context.household.accounts) {
    if (account.treatment !== 'taxable') continue;
    for (const ticker of state.tickersHeld(account.name)) {
      const security = context.securities.get(ticker)!;
      const assetClass = security.assetClass;
      if (!context.classes.includes(assetClass)) continue;
      const losing = state.heldLots(account.name, ticker).filter((lot) => lot.basis.greaterThan(lot.shares.times(security.price)));
      const open = losing.filter((lot) => !washedIfSold(state, lot));
      if (overTarget.has(assetClass) && mode !== 'cash-only' && open.length > 0) {
        if (harvesting) candidates.push({ account: account.name, ticker, assetClass, group: security.washGroup, loss: totalLoss(open, security.price), overTarget: true });
        else for (const g of groupsOfClass(assetClass)) noBuyGroups.add(g);
        continue;
      }
      if (!harvesting) continue;
      const worth = (lot: Lot) => lot.basis.minus(lot.shares.times(security.price)).greaterThanOrEqualTo(harvestMinLoss);
      const harvestable = losing.filter(worth);
      if (harvestable.length === 0) continue;
      if (harvestable.some((lot) => washedIfSold(state, lot))) {
        warnings.push(`${ticker} in ${account.name} has a harvestable loss, but a purchase of a substantially identical security in the last 30 days would wash it; it can be harvested after the 30 days pass.`);
      }
      const clear = harvestable.filter((lot) => !washedIfSold(state, lot));
      if (clear.length === 0) continue;
      const worthless = lossSavesNothing(state, clear, security.price);
      if (worthless) warnings.push(worthless);
      else candidates.push({ account: account.name, ticker, assetClass, group: security.washGroup, loss: totalLoss(clear, security.price), overTarget: false });
    }
  }
  // The largest losses of a group (over all accounts) first; a group is harvested only while its
  // class keeps a fund some account can buy (two funds of a class both at a loss: one is
  // harvested, into the other).
  const groupLoss = new Map<string, Decimal>();
  for (const c of candidates) groupLoss.set(c.group, (groupLoss.get(c.group) ?? ZERO).plus(c.loss));
  candidates.sort((a, b) => groupLoss.get(b.group)!.comparedTo(groupLoss.get(a.group)!) || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) || b.loss.comparedTo(a.loss));
  const refused = new Set<string>();
  const kept = new Map<string, Set<string>>();
  for (const c of candidates) {
    if (noBuyGroups.has(c.group)) continue;
    const others = new Set([...noBuyGroups, c.group]);
    if (replaceable(state, c.assetClass, others)) noBuyGroups.add(c.group);
    else if (c.overTarget) {
      // The class is sold down: its last buyable group is harvested too unless another group of
      // the class would buy it back (then the solve decides, see `kept`).
      const replacesAnother = candidates.some((o) => o.assetClass === c.assetClass && o.group !== c.group && noBuyGroups.has(o.group));
      if (alsoHarvest.has(c.group) || !replacesAnother) noBuyGroups.add(c.group);
      else kept.set(c.assetClass, (kept.get(c.assetClass) ?? new Set()).add(c.group));
    } else if (!refused.has(`${c.account}\u0000${c.ticker}`)) {
      refused.add(`${c.account}\u0000${c.ticker}`);
      warnings.push(`${c.ticker} in ${c.account} has a harvestable loss, but ${c.assetClass} has no replacement security with a different wash group that ${c.account} can buy; add one (Rank 2) to harvest it.`);
    }
  }
  return {
    active,
    beyondBand,
    noBuyGroups,
    warnings,
    kept,
    lossBarred: (lot, gainPerShare) =>
      noSmallLosses.has(context.securities.get(lot.ticker)!.assetClass) && gainPerShare.negated().times(lot.shares).lessThan(harvestMinLoss),
    lossCounts: (lot, gainPerShare) => {
      const assetClass = context.securities.get(lot.ticker)!.assetClass;
      // Below Harvest Min Loss a loss counts only where its class is sold and not bought back:
      // realized to move money out of the class, never in a round trip.
      return (overTarget.has(assetClass) && !kept.has(assetClass)) || gainPerShare.negated().times(lot.shares).greaterThanOrEqualTo(harvestMinLoss);
    },
  };
}

/** Some account can buy the class outside these wash groups (a replacement that keeps the losses). */
function replaceable(state: WorkingState, assetClass: string, excluded: ReadonlySet<string>): boolean {
  return state.context.household.accounts.some((a) => chooseSecurityToBuy(state, a.name, assetClass, excluded) !== null);
}
