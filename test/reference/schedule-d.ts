import type { Household, Sale } from '../../src/engine/types';
import type { Plan } from '../../src/engine/plan-types';
import { isLongTerm, yearOfDate } from './days';
import { R, r } from './numbers';

/**
 * Schedule D from the form's instructions, sharing no code with src/engine/tax.ts:
 * short-term results net against each other (a short-term loss carryforward is a short-term
 * loss), long-term likewise (Schedule D lines 7 and 15), then the two net against each other
 * (line 16). A net gain is taxed at its character's rate; a net loss offsets at most $3,000 of
 * ordinary income (IRC 1211(b)), valued at the ordinary (short-term) rate, and the rest carries
 * to next year keeping its character, the deduction using up short-term loss first (IRC
 * 1212(b); Capital Loss Carryover Worksheet). State tax is a flat rate on top of both.
 */
export interface Gains {
  shortTerm: R;
  longTerm: R;
}

export interface Rates {
  shortTerm: R;
  longTerm: R;
  state: R;
}

export const ORDINARY_LIMIT = new R(3000);
const zero = () => new R(0);
const pos = (x: R) => R.max(zero(), x);

export function scheduleD(realized: Gains, carryIn: Gains, rates: Rates): { tax: R; deduction: R; carryOut: Gains } {
  const st = realized.shortTerm.minus(carryIn.shortTerm);
  const lt = realized.longTerm.minus(carryIn.longTerm);
  const ordinary = rates.shortTerm.plus(rates.state);
  const capital = rates.longTerm.plus(rates.state);
  const net = st.plus(lt);
  let tax: R;
  let deduction = zero();
  if (net.lessThan(0)) {
    deduction = R.min(ORDINARY_LIMIT, net.negated());
    tax = deduction.times(ordinary).negated();
  } else if (st.greaterThanOrEqualTo(0) && lt.greaterThanOrEqualTo(0)) {
    tax = st.times(ordinary).plus(lt.times(capital));
  } else if (st.lessThan(0)) {
    tax = net.times(capital); // line 16 a gain, all of it long-term after the short-term loss
  } else {
    tax = net.times(ordinary); // a long-term loss reduces the short-term gain
  }
  const stLoss = pos(st.negated());
  const ltLoss = pos(lt.negated());
  const stCarry = pos(stLoss.minus(pos(lt)).minus(deduction));
  const deductionLeft = pos(deduction.minus(pos(stLoss.minus(pos(lt)))));
  const ltCarry = pos(ltLoss.minus(pos(st)).minus(deductionLeft));
  return { tax, deduction, carryOut: { shortTerm: stCarry, longTerm: ltCarry } };
}

const taxAdvantaged = (household: Pick<Household, 'accounts'>, account: string) => {
  const a = household.accounts.find((x) => x.name === account);
  return a !== undefined && a.type !== 'Taxable';
};

/**
 * Gains already realized in `year` per the Sales tab: gain = proceeds - basis + disallowed (a
 * washed loss is not deductible); sales inside IRAs are not reported; a row without `Acquired`
 * counts as short-term.
 */
export function realizedInYear(household: Pick<Household, 'accounts'>, sales: readonly Sale[], year: number): Gains {
  const out = { shortTerm: zero(), longTerm: zero() };
  for (const s of sales) {
    if (yearOfDate(s.date) !== year || taxAdvantaged(household, s.account)) continue;
    const gain = r(s.proceeds).minus(r(s.basis)).plus(r(s.disallowed));
    if (s.acquired !== null && isLongTerm(s.acquired, s.date)) out.longTerm = out.longTerm.plus(gain);
    else out.shortTerm = out.shortTerm.plus(gain);
  }
  return out;
}

/** What the plan's sales realize, each lot's term from its Holding From (else Acquired) on the plan date. */
export function realizedByPlan(household: Household, plan: Pick<Plan, 'asOf' | 'trades'>): Gains {
  const out = { shortTerm: zero(), longTerm: zero() };
  for (const t of plan.trades) {
    if (t.action !== 'SELL' || taxAdvantaged(household, t.account)) continue;
    for (const taken of t.lots) {
      const lot = household.lots.find((l) => l.id === taken.lot && l.account === t.account);
      const start = lot ? (lot.holdingFrom ?? lot.acquired) : taken.acquired;
      const gain = r(taken.proceeds).minus(r(taken.basis));
      if (isLongTerm(start, plan.asOf)) out.longTerm = out.longTerm.plus(gain);
      else out.shortTerm = out.shortTerm.plus(gain);
    }
  }
  return out;
}

export const ratesOf = (h: Household): Rates => ({ shortTerm: r(h.settings.shortTermRate), longTerm: r(h.settings.longTermRate), state: r(h.settings.stateRate) });
export const carryOf = (h: Household): Gains => ({ shortTerm: r(h.settings.stLossCarryforward), longTerm: r(h.settings.ltLossCarryforward) });

/** The tax the plan adds to the year: Schedule D with the plan's sales less Schedule D without them. */
export function planTaxIncrease(household: Household, plan: Pick<Plan, 'asOf' | 'trades'>): R {
  const existing = realizedInYear(household, household.sales, yearOfDate(plan.asOf));
  const added = realizedByPlan(household, plan);
  const withPlan = { shortTerm: existing.shortTerm.plus(added.shortTerm), longTerm: existing.longTerm.plus(added.longTerm) };
  return scheduleD(withPlan, carryOf(household), ratesOf(household)).tax.minus(scheduleD(existing, carryOf(household), ratesOf(household)).tax);
}
