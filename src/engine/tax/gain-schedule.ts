import { Decimal, ZERO, dec } from '../money';
import type { Term } from '../plan-types';
import { NIIT_THRESHOLD, incomeLines, ordinaryLossLimit, totalOf, type NettedGains } from './household-tax';
import { NO_GAINS, ORDINARY_LOSS_LIMIT, addGains, gainOf, yearTax, type GainsByTerm, type TaxYearContext } from './year-tax';

/** On added gain between `from` and `to` (null: no end), each dollar adds `rate` of tax. */
export interface GainSegment {
  from: Decimal;
  to: Decimal | null;
  rate: Decimal;
}

type Part = 'total' | 'federal';

const PROBE = dec(1000);

/**
 * The tax of the year as a piecewise-linear function of gain of one character added on top of
 * this year's sales and `before` (a plan's other sales): its breakpoints and the marginal rate
 * between them, from the left end (beyond it losses only carry forward) to the last bracket.
 * Exact: every point where netting changes (a net result crossing zero, the $3,000 / $1,500
 * limit) or an income line crosses a table threshold (taxable income, its ordinary part, MAGI
 * for NIIT) is a candidate breakpoint, and the tax is evaluated there.
 * `part: 'federal'` gives federal income tax alone (for the 0% bracket room).
 */
export function gainTaxSchedule(year: TaxYearContext, term: Term, before: GainsByTerm = NO_GAINS, part: Part = 'total'): GainSegment[] {
  const prior = addGains(year.existing, before);
  const value = (x: Decimal) => {
    const parts = yearTax(addGains(prior, gainOf(term, x)), year.carryforward, year.rates).parts;
    return part === 'federal' ? parts.federal : totalOf(parts);
  };
  const household = year.rates.household;
  const limit = household ? ordinaryLossLimit(household.table.status) : ORDINARY_LOSS_LIMIT;
  const netShort = prior.shortTerm.minus(year.carryforward.shortTerm);
  const netLong = prior.longTerm.minus(year.carryforward.longTerm);
  const own = term === 'long' ? netLong : netShort;
  const total = netShort.plus(netLong);
  const kinks = [own.negated(), total.negated(), total.negated().minus(limit), ZERO];
  const left = Decimal.min(...kinks).minus(1);
  const points = new Map<string, Decimal>();
  const add = (x: Decimal) => {
    if (x.greaterThan(left)) points.set(x.toFixed(), x);
  };
  kinks.forEach(add);
  if (household) {
    const t = household.table;
    const incomeThresholds = [...t.ordinary.map((b) => b.over), t.zeroUpTo, t.fifteenUpTo, ZERO];
    for (const start of [left, ...kinks]) {
      const netted = nettedAt(addGains(prior, gainOf(term, start)), year.carryforward, limit);
      const lines = incomeLines(household, netted);
      const raw = lines.agi.minus(household.deductions);
      const quantities: [Decimal, Decimal[]][] = [
        [raw, incomeThresholds],
        [lines.taxableIncome.minus(lines.preferential), incomeThresholds],
        [lines.agi, [NIIT_THRESHOLD[t.status]]],
        [household.investmentIncome.plus(lines.agi).minus(household.income), [ZERO]],
      ];
      // Within a netting region each line moves dollar for dollar with the gain (up, down or
      // not at all), so the gain that takes it to a threshold is start +/- the distance.
      for (const [q, thresholds] of quantities) {
        for (const threshold of thresholds) {
          const distance = threshold.minus(q);
          add(start.plus(distance));
          add(start.minus(distance));
        }
      }
    }
  }
  const xs = [left, ...[...points.values()].sort((a, b) => a.comparedTo(b))];
  const ys = xs.map(value);
  const segments: GainSegment[] = [];
  const push = (from: Decimal, to: Decimal | null, rate: Decimal) => {
    const r = rate.toDecimalPlaces(12);
    const last = segments[segments.length - 1];
    if (last && last.rate.equals(r)) last.to = to;
    else segments.push({ from, to, rate: r });
  };
  // Left of the first point the rate is that of the first PROBE dollars beyond it.
  push(left.minus(PROBE), left, ys[0].minus(value(left.minus(PROBE))).div(PROBE));
  for (let i = 1; i < xs.length; i++) push(xs[i - 1], xs[i], ys[i].minus(ys[i - 1]).div(xs[i].minus(xs[i - 1])));
  const end = xs[xs.length - 1];
  push(end, null, value(end.plus(PROBE)).minus(ys[ys.length - 1]).div(PROBE));
  return segments;
}

function nettedAt(realized: GainsByTerm, carryforward: GainsByTerm, limit: Decimal): NettedGains {
  const y = yearTax(realized, carryforward, { shortTerm: ZERO, longTerm: ZERO, state: ZERO });
  // yearTax without tables uses the $3,000 limit; redo the offset for the separate $1,500.
  const total = y.netShortTerm.plus(y.netLongTerm);
  const ordinaryOffset = total.lessThan(0) ? Decimal.min(limit, total.negated()) : ZERO;
  return { taxedShortTerm: y.taxedShortTerm, taxedLongTerm: y.taxedLongTerm, ordinaryOffset };
}


/**
 * How much more long-term gain the household can realize this year with no federal income tax
 * on it (the 0% bracket of IRC 1(h)(1)(B)), after this year's sales and `before`; zero while the
 * year nets to a capital loss. Null without
 * Filing Status (flat rates have no bracket). NIIT and the state's flat rate may still apply.
 */
export function zeroRateRoom(year: TaxYearContext, before: GainsByTerm = NO_GAINS): Decimal | null {
  if (!year.rates.household) return null;
  // While the year nets to a loss, a gain first absorbs that loss (or the carryforward it would
  // leave), which is worth as much later as the basis it would raise: no room is claimed then.
  const prior = addGains(year.existing, before);
  const net = prior.shortTerm.plus(prior.longTerm).minus(year.carryforward.shortTerm).minus(year.carryforward.longTerm);
  if (net.lessThan(0)) return ZERO;
  const schedule = gainTaxSchedule(year, 'long', before, 'federal');
  const here = schedule.find((s) => !s.from.greaterThan(0) && (s.to === null || s.to.greaterThan(0)));
  return here && here.rate.isZero() && here.to !== null ? here.to : ZERO;
}

/**
 * The year's tax as the optimization planner consumes it: for short- and long-term gain added
 * to this year's sales, the breakpoints and marginal rates (federal + NIIT + state). Each axis
 * is exact with the other character held where it is. Two honest caveats: (1) the tax is not
 * separable (short-term gain pushes long-term gain up the 0/15/20% bands), so a two-variable
 * model must re-price one axis after moving along the other; (2) it is convex along each axis
 * except in two small places, both reported by `convex`: the band where taxable income is just
 * above the 0% threshold but still in the 12% bracket (up to $1,900 of income; the worksheet's
 * line-24 cap), and netting (an offsetting loss is worth the other character's rate).
 */
export interface TaxShape {
  shortTerm: GainSegment[];
  longTerm: GainSegment[];
  convex: { shortTerm: boolean; longTerm: boolean };
}

export function taxShape(year: TaxYearContext, before: GainsByTerm = NO_GAINS): TaxShape {
  const shortTerm = gainTaxSchedule(year, 'short', before);
  const longTerm = gainTaxSchedule(year, 'long', before);
  const rising = (s: GainSegment[]) => s.every((seg, i) => i === 0 || !seg.rate.lessThan(s[i - 1].rate));
  return { shortTerm, longTerm, convex: { shortTerm: rising(shortTerm), longTerm: rising(longTerm) } };
}

/**
 * Long-term gain the household can add that costs no tax at all this year (0% federal band, no
 * NIIT, no state rate), after this year's sales and `before`; null when the next dollar is
 * taxed. The planner asks this for every candidate sale, so it is worked out directly from the
 * income lines instead of from the schedule (the two agree: see the property test).
 */
export function freeLongTermGain(year: TaxYearContext, before: GainsByTerm = NO_GAINS): Decimal | null {
  const household = year.rates.household;
  if (!household || year.rates.state.greaterThan(0)) return null;
  const prior = addGains(year.existing, before);
  const limit = ordinaryLossLimit(household.table.status);
  const netted = nettedAt(prior, year.carryforward, limit);
  if (netted.ordinaryOffset.greaterThan(0) || prior.shortTerm.plus(prior.longTerm).minus(year.carryforward.shortTerm).minus(year.carryforward.longTerm).lessThan(0)) return null;
  const lines = incomeLines(household, netted);
  let room = household.table.zeroUpTo.minus(lines.agi.minus(household.deductions));
  room = Decimal.min(room, NIIT_THRESHOLD[household.table.status].minus(lines.agi));
  return room.greaterThan(0) ? room : null;
}
