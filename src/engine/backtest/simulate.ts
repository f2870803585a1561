import { Decimal, ZERO, ONE, maxDec } from '../money';
import { LotBook } from './lot-book';
import { NO_CARRYFORWARD, NO_GAINS, taxForSimulatedYear, type LossCarryforward, type RealizedGains } from './capital-gains-tax';
import { simulatedTaxYear } from '../tax';
import { annualizedReturn, annualizedVolatility, maxDrawdown, measureDrift } from './stats';
import type { BacktestOptions, BacktestResult, Policy, PolicyView, Scenario } from './types';

export type BacktestOutcome = { ok: true; result: BacktestResult } | { ok: false; errors: string[] };

/** Slack allowed between a policy's trades and the cash flow: far below a cent, far above 34-digit rounding. */
const CONSERVATION_TOLERANCE = new Decimal('1e-12');

/** The input problems that make a run meaningless, as messages (errors as values). */
export function validateBacktest(scenario: Scenario, options: BacktestOptions): string[] {
  const errors: string[] = [];
  if (!Number.isInteger(scenario.periodsPerYear) || scenario.periodsPerYear < 1 || 12 % scenario.periodsPerYear !== 0) {
    errors.push(`Periods per year must divide 12 (1, 2, 3, 4, 6 or 12); got ${scenario.periodsPerYear}.`);
  }
  if (!options.startValue.greaterThan(0)) errors.push('The start value must be more than zero.');
  if (options.mix.length === 0) errors.push('The target mix is empty.');
  const seen = new Set<string>();
  for (const entry of options.mix) {
    if (seen.has(entry.asset)) errors.push(`Asset "${entry.asset}" appears twice in the mix.`);
    seen.add(entry.asset);
    if (entry.weight.isNegative()) errors.push(`Asset "${entry.asset}" has a negative target.`);
  }
  const total = options.mix.reduce((acc, e) => acc.plus(e.weight), ZERO);
  if (options.mix.length > 0 && total.minus(ONE).abs().greaterThan('1e-9')) {
    errors.push(`Targets sum to ${total.times(100).toFixed()}%, not 100%.`);
  }
  scenario.periods.forEach((period) => {
    for (const entry of options.mix) {
      const r = period.returns[entry.asset];
      if (r === undefined) errors.push(`Period ${period.label} has no return for "${entry.asset}".`);
      else if (r.lessThanOrEqualTo(-1)) errors.push(`Period ${period.label}: a return of ${r.times(100).toFixed()}% for "${entry.asset}" would wipe it out.`);
    }
  });
  if (options.tax.shortTermRate.isNegative() || options.tax.longTermRate.isNegative()) errors.push('Tax rates cannot be negative.');
  if (options.tax.household) {
    try {
      simulatedTaxYear(options.tax.household, 1);
    } catch (error) {
      errors.push((error as Error).message);
    }
  }
  return errors;
}

function addGains(a: RealizedGains, b: RealizedGains): RealizedGains {
  return { shortTerm: a.shortTerm.plus(b.shortTerm), longTerm: a.longTerm.plus(b.longTerm) };
}

/**
 * Runs one policy over one scenario. Each period, in this order:
 *  1. every asset earns the period's return;
 *  2. drift is measured (after returns, before any trade);
 *  3. the policy places the period's cash flow and may rebalance (sells first, then buys; a
 *     sale in a taxable account realizes gains on the lots it takes, by the lot method);
 *  4. at the end of each tax year (and of the run) the year's gains are taxed (flat rates, or
 *     with Filing Status the year's tables: `taxForSimulatedYear`); the bill is paid
 *     by selling pro rata out of the portfolio (the gains that sale realizes fall into the next
 *     year) or, with `payFrom: 'outside'`, by money from elsewhere.
 * At the end, the after-tax value deducts the tax a sale of everything would cost.
 */
export function runBacktest(scenario: Scenario, policy: Policy, options: BacktestOptions): BacktestOutcome {
  const errors = validateBacktest(scenario, options);
  if (errors.length > 0) return { ok: false, errors };

  const { mix, tax } = options;
  const assets = mix.map((e) => e.asset);
  const ppy = scenario.periodsPerYear;
  const n = scenario.periods.length;
  const book = new LotBook(assets, 12 / ppy);
  mix.forEach((entry, i) => book.buy(i, options.startValue.times(entry.weight), 0));

  let yearGains: RealizedGains = NO_GAINS;
  let carry: LossCarryforward = NO_CARRYFORWARD;
  let taxesPaid = ZERO;
  let traded = ZERO;
  let rebalances = 0;
  let maxDriftTotal = ZERO;
  let maxDriftAsset = ZERO;
  let previous = options.startValue;
  const values: Decimal[] = [options.startValue];
  const drift: Decimal[] = [ZERO];
  const periodReturns: Decimal[] = [];

  for (let t = 1; t <= n; t += 1) {
    const period = scenario.periods[t - 1];
    book.applyReturns(assets.map((a) => period.returns[a]));
    const held = book.values();
    const total = held.reduce((acc, v) => acc.plus(v), ZERO);
    const requested = options.cashFlows?.[t - 1] ?? ZERO;
    const flow = maxDec(requested, total.neg());

    const measured = measureDrift(mix, held, total);
    drift.push(measured.total);
    maxDriftTotal = maxDec(maxDriftTotal, measured.total);
    maxDriftAsset = maxDec(maxDriftAsset, measured.maxAsset);

    const holdings: Record<string, Decimal> = {};
    const prices: Record<string, Decimal> = {};
    assets.forEach((a, i) => {
      holdings[a] = held[i];
      prices[a] = book.price(i);
    });
    const view: PolicyView = {
      period: t,
      periodCount: n,
      periodsPerYear: ppy,
      mix,
      holdings,
      prices,
      total,
      flow,
      lots: () => book.lotViews(t),
      tax,
      realizedThisYear: yearGains,
    };
    const decision = policy.decide(view);
    const trades = assets.map((a) => decision.trades[a] ?? ZERO);
    const net = trades.reduce((acc, v) => acc.plus(v), ZERO);
    if (net.minus(flow).abs().greaterThan(CONSERVATION_TOLERANCE.times(maxDec(total, ONE)))) {
      throw new Error(`Policy "${policy.name}" traded ${net.toFixed()} in period ${period.label} but the cash flow was ${flow.toFixed()}.`);
    }
    trades.forEach((amount, i) => {
      if (amount.isNegative()) {
        const sold = amount.neg();
        if (sold.greaterThan(held[i].plus(CONSERVATION_TOLERANCE.times(maxDec(total, ONE))))) {
          throw new Error(`Policy "${policy.name}" sold more "${assets[i]}" than held in period ${period.label}.`);
        }
        const gains = book.sell(i, sold, t, tax, decision.lotsToSell?.[assets[i]]);
        if (tax.taxable) yearGains = addGains(yearGains, gains);
        traded = traded.plus(sold);
      }
    });
    trades.forEach((amount, i) => {
      if (amount.greaterThan(0)) {
        book.buy(i, amount, t);
        traded = traded.plus(amount);
      }
    });
    if (decision.rebalance) rebalances += 1;

    if (tax.taxable && (t % ppy === 0 || t === n)) {
      const bill = taxForSimulatedYear(tax, Math.ceil(t / ppy), yearGains, carry);
      carry = bill.carryforward;
      yearGains = NO_GAINS;
      taxesPaid = taxesPaid.plus(bill.tax);
      if (tax.payFrom === 'portfolio' && bill.tax.greaterThan(0)) {
        const now = book.values();
        const worth = now.reduce((acc, v) => acc.plus(v), ZERO);
        const raise = Decimal.min(bill.tax, worth);
        now.forEach((v, i) => {
          if (!worth.greaterThan(0)) return;
          const sold = raise.times(v).div(worth);
          yearGains = addGains(yearGains, book.sell(i, sold, t, tax));
          traded = traded.plus(sold);
        });
      }
    }

    const value = book.values().reduce((acc, v) => acc.plus(v), ZERO);
    // Time-weighted: the cash flow is not a return; tax paid out of the portfolio is a cost, so it is.
    periodReturns.push(previous.greaterThan(0) ? value.minus(flow).div(previous).minus(ONE) : ZERO);
    values.push(value);
    previous = value;
  }

  const endingValue = values[values.length - 1];
  let liquidationTax = ZERO;
  if (tax.taxable) {
    let gains = yearGains;
    assets.forEach((_, i) => {
      gains = addGains(gains, book.sell(i, book.value(i), n, tax));
    });
    // The sale of everything comes after the last year's bill, like the sales that pay it: one more year.
    liquidationTax = taxForSimulatedYear(tax, Math.ceil(n / ppy) + 1, gains, carry).tax;
  }
  const averageValue = values.reduce((acc, v) => acc.plus(v), ZERO).div(values.length);

  return {
    ok: true,
    result: {
      policy: policy.name,
      scenario: scenario.label,
      startValue: options.startValue,
      endingValue,
      endingValueAfterTax: endingValue.minus(liquidationTax),
      liquidationTax,
      taxesPaid,
      annualizedReturn: annualizedReturn(periodReturns, ppy),
      volatility: annualizedVolatility(periodReturns, ppy),
      maxDrawdown: maxDrawdown(periodReturns),
      maxDrift: { total: maxDriftTotal, maxAsset: maxDriftAsset },
      rebalances,
      turnover: averageValue.greaterThan(0) ? traded.div(averageValue) : ZERO,
      values,
      drift,
      periodReturns,
    },
  };
}
