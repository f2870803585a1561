import { Decimal, ZERO, formatDollars, sumBy } from '../../money';
import { cachedTaxYearContext, quotedRate, saleRate, saleTax, type GainsByTerm, type TaxYearContext } from '../../tax';
import type { Solution } from '../../linear-program';
import type { Order, WorkingState } from '../state';
import { classDriftPhrase } from '../reasons';
import { chooseSecurityToBuy } from '../choose-security';
import type { HouseholdModel, SaleBlock } from './household-model';
import { formatDeferred } from '../rebalance-sales';
import type { DeferredLot } from '../sale-candidates';

/** The reason contract (notes/reason-contract.md): one sentence of at most 140 characters. */
export const REASON_LIMIT = 140;

/**
 * Each trade the optimizer made says why, from the solution: a sale names what it fixes and what
 * it costs per dollar, and its details compare it with the next-cheapest sale of the same class
 * the solution left unsold (the choice the optimum did not make); a buy names the class it
 * brings toward target and where the money came from. Sets `reason` and `details` on the orders.
 */
export function explainTrades(state: WorkingState, model: HouseholdModel, solution: Solution, orders: ReadonlySet<Order>, shownDeferred: readonly DeferredLot[]): void {
  const { context } = state;
  const year = cachedTaxYearContext(context.household, context.asOf, context.rates);
  const soldLots = new Set([...orders].flatMap((o) => o.lots.map((l) => l.lot)));
  const harvestSales = [...orders].filter((o) => o.purpose === 'harvest');
  for (const order of orders) {
    const assetClass = context.securities.get(order.ticker)!.assetClass;
    const drift = classDriftPhrase(state, assetClass);
    const account = context.accounts.get(order.account)!;
    const details: string[] = [];
    // Gain harvesting runs after the solve and explains its own trades (harvest-gains.ts).
    if (order.purpose === 'harvest-gains') continue;
    if (order.action === 'BUY') {
      const choice = chooseSecurityToBuy(state, order.account, assetClass);
      if (order.purpose === 'harvest-replacement') {
        const sold = harvestSales.find((s) => s.account === order.account && context.securities.get(s.ticker)!.assetClass === assetClass);
        order.reason = fit([
          `Replaces the ${sold?.ticker ?? 'fund'} sold for its loss: ${order.ticker} is also ${assetClass} but not substantially identical, so the loss stands`,
          `Replaces the ${sold?.ticker ?? 'fund'} sold for its loss with ${order.ticker}, not substantially identical, so the loss stands`,
        ]);
      } else if ((context.weightBefore.get(assetClass) ?? ZERO).greaterThan(context.targetWeight.get(assetClass) ?? ZERO)) {
        // Bought in a class that was over target: the plan's sales took it below, this brings it back.
        const soldHere = state.orders.filter((o) => o.account === order.account && o.action === 'SELL' && context.securities.get(o.ticker)!.assetClass === assetClass);
        const lossSold = soldHere.filter((o) => o.lots.some((l) => l.gain.isNegative()));
        order.reason = fit([
          lossSold.length > 0
            ? `Buys ${assetClass} back up to its target after the ${lossSold.map((o) => o.ticker).join(', ')} sold for a loss; ${order.ticker} is not substantially identical, so the loss stands`
            : `Buys ${assetClass} back up to its target after this plan's sales in ${order.account}`,
          `Buys ${assetClass} back up to its target after this plan's sales`,
        ]);
      } else {
        const source = state.orders.some((o) => o.account === order.account && o.action === 'SELL') ? "this plan's sale proceeds" : 'cash';
        order.reason = fit([`${drift}; bought in ${order.account} with ${source}`, `${drift}; bought with ${source}`]);
      }
      // The buying-low note is added once per class, on its largest buy (assemble-plan.ts).
      if (context.locationRank(assetClass, account.treatment) === 0 && context.household.accounts.length > 1) {
        details.push(`${assetClass} is bought in ${order.account}, where it is best located (${treatmentWord(account.treatment)}).`);
      }
      for (const note of choice?.notes ?? []) details.push(sentence(note));
      order.details = details;
      continue;
    }
    const taxable = account.treatment === 'taxable';
    const gains: GainsByTerm = {
      shortTerm: taxable ? sumBy(order.lots.filter((l) => l.term === 'short'), (l) => l.gain) : ZERO,
      longTerm: taxable ? sumBy(order.lots.filter((l) => l.term === 'long'), (l) => l.gain) : ZERO,
    };
    const gain = gains.shortTerm.plus(gains.longTerm);
    const tax = taxable ? saleTax(year, gains) : ZERO;
    const cents = order.amount.greaterThan(0) ? tax.div(order.amount).times(100).toDecimalPlaces(1) : ZERO;
    const lotWord = order.lots.length === 1 ? `the ${order.lots[0]!.acquired.slice(0, 4)} lot` : `${order.lots.length} lots`;
    const request = context.cashRequests.get(order.account)!;
    const need = Decimal.max(ZERO, new Decimal((model.need.get(order.account) ?? 0).toFixed(2)));
    const what = request.withdrawal.greaterThan(0)
      ? `for the ${formatDollars(request.withdrawal, 0)} withdrawal from ${order.account}`
      : `to bring ${order.account}'s cash up to its ${formatDollars(account.reserve, 0)} reserve`;
    if (need.greaterThan(0) && order.purpose !== 'withdrawal') details.push(`The sales in ${order.account} also raise the ${formatDollars(need, 0)} needed ${what}.`);
    if (order.purpose === 'withdrawal') {
      const alone = order.amount.greaterThanOrEqualTo(need) && state.orders.filter((o) => o.account === order.account && o.action === 'SELL').length === 1;
      const raises = alone ? `Raises ${formatDollars(need, 0)} ${what}` : `Part of the ${formatDollars(need, 0)} raised ${what}`;
      order.reason = fit([
        `${raises}; ${costPhrase(taxable, gain, tax, cents, lotWord)}`,
        raises,
      ]);
      const held = model.deferred.find((d) => order.lots.some((l) => l.lot === d.lot.id));
      if (held) details.push(`Sold before it turns long-term on ${held.longTermOn} because nothing else in ${order.account} can raise the cash; waiting would save about ${formatDollars(formatDeferred(state, held).taxSaved, 0)}.`);
    } else if (order.purpose === 'harvest') {
      const loss = gain.negated();
      const replaced = state.orders.some((o) => o.account === order.account && o.action === 'BUY' && o.purpose === 'harvest-replacement' && context.securities.get(o.ticker)!.assetClass === assetClass);
      order.reason = fit([
        `Harvests a ${formatDollars(loss, 0)} loss on ${order.ticker}, saving about ${formatDollars(tax.negated(), 0)} tax${replaced ? `; a different ${assetClass} fund keeps the exposure` : need.greaterThan(0) ? `; the proceeds raise cash ${what}` : ''}`,
        `Harvests a ${formatDollars(loss, 0)} loss on ${order.ticker}, saving about ${formatDollars(tax.negated(), 0)} tax`,
      ]);
    } else {
      order.reason = fit([
        `${drift}; ${taxable ? costPhrase(true, gain, tax, cents, lotWord) : `selling in ${order.account} costs no tax`}`,
        `${drift}; ${taxable ? costPhrase(true, gain, tax, cents, 'it') : 'tax-free in this account'}`,
      ]);
    }
    if (!taxable) details.push(`${order.account} is ${treatmentWord(account.treatment)}: a sale inside it realizes no gain or loss.`);
    for (const l of order.lots.slice(0, 5)) {
      if (!taxable) break;
      const kind = l.gain.isNegative() ? `${formatDollars(l.gain.negated(), 0)} ${l.term}-term loss` : `${formatDollars(l.gain, 0)} ${l.term}-term gain`;
      details.push(`Lot ${l.lot} (acquired ${l.acquired}): ${l.shares.toFixed()} shares, ${kind}.`);
    }
    if (taxable && order.lots.length > 5) details.push(`And ${order.lots.length - 5} more lots.`);
    // A harvest is sold for its loss, not as the cheapest way to move the class: no comparison.
    const next = order.purpose === 'harvest' ? null : nextCheapest(model, solution, assetClass, soldLots);
    if (next) {
      const where = next.taxable ? `the ${next.lots[0]!.acquired.slice(0, 4)} ${next.ticker} lot in ${next.account}` : `${next.ticker} in ${next.account}`;
      const nextCents = (next.costPerDollar * 100).toFixed(1);
      // "0.0 cents" would read as a free sale passed over for no reason: say that it is no cheaper.
      details.push(nextCents === '0.0'
        ? `Selling ${where} instead would cost no tax either; the plan needs only one of them.`
        : `The cheapest ${assetClass} sale the plan leaves unmade, ${where}, would cost about ${nextCents} cents of tax per dollar.`);
    } else if (order.purpose !== 'harvest') {
      details.push(`No other sale of ${assetClass} was open to the plan.`);
    }
    // The sale's own marginal rate, as the step-by-step planner quotes it (tax/sale-rate.ts): the
    // first dollar's rate would understate a sale that crosses a bracket or reaches NIIT.
    if (taxable && gain.greaterThan(0)) details.unshift(ratePhrase(state, year, order, gains, orders));
    if (gain.isNegative() && taxable) {
      details.push(`Do not buy ${order.ticker} or a substantially identical fund in any account (IRAs included) for 31 days, or the loss is washed (IRC 1091).`);
    }
    const deferredHere = shownDeferred.filter((d) => context.securities.get(d.lot.ticker)!.assetClass === assetClass && !soldLots.has(d.lot.id));
    if (deferredHere.length > 0) details.push(`${deferredHere.length === 1 ? 'A lot' : `${deferredHere.length} lots`} of ${assetClass} turning long-term soon ${deferredHere.length === 1 ? 'is' : 'are'} held back (see the deferred sales).`);
    order.details = details;
  }
}

/**
 * "Realizes a $27,000 short-term gain taxed at about 24.5%": the tax this sale adds after the
 * plan's other taxable sales (the optimizer decides them together, so each is priced as the last),
 * per dollar of its gain.
 */
function ratePhrase(state: WorkingState, year: TaxYearContext, order: Order, gains: GainsByTerm, orders: ReadonlySet<Order>): string {
  const { context } = state;
  const before = { shortTerm: ZERO, longTerm: ZERO };
  for (const other of orders) {
    if (other === order || other.action !== 'SELL' || context.accounts.get(other.account)!.treatment !== 'taxable') continue;
    for (const l of other.lots) {
      if (l.term === 'short') before.shortTerm = before.shortTerm.plus(l.gain);
      else before.longTerm = before.longTerm.plus(l.gain);
    }
  }
  const gain = gains.shortTerm.plus(gains.longTerm);
  const term = gains.longTerm.isZero() ? 'short' : gains.shortTerm.isZero() ? 'long' : null;
  const rate = term ? saleRate(year, term, gain, before) : saleTax(year, gains, before).div(gain);
  return `Realizes a ${formatDollars(gain, 0)} ${term ? `${term}-term` : 'short- and long-term'} gain taxed at about ${quotedRate(rate, context.rates)}, this sale's own rate after the plan's other sales.`;
}

function costPhrase(taxable: boolean, gain: Decimal, tax: Decimal, cents: Decimal, lotWord: string): string {
  if (!taxable) return 'no tax inside this account';
  const plural = /^\d/.test(lotWord);
  if (gain.isNegative()) return `${lotWord} ${plural ? 'sell' : 'sells'} at a loss, saving about ${formatDollars(tax.negated(), 0)} tax`;
  if (tax.isZero()) return `${lotWord} ${plural ? 'cost' : 'costs'} no tax`;
  return `${lotWord} ${plural ? 'cost' : 'costs'} ${cents.toFixed(1)} cents of tax per dollar, the least available`;
}

/** The unsold sale of the class the model priced lowest (lots neither sold nor held back). */
function nextCheapest(model: HouseholdModel, solution: Solution, assetClass: string, soldLots: ReadonlySet<string>): SaleBlock | null {
  let best: SaleBlock | null = null;
  for (const block of model.sales) {
    if (block.assetClass !== assetClass || block.heldBack !== null) continue;
    if (block.lots.some((l) => soldLots.has(l.id))) continue;
    if ((solution.x[block.column] ?? 0) > 1e-6) continue;
    if (!best || block.costPerDollar < best.costPerDollar) best = block;
  }
  return best;
}

function treatmentWord(treatment: string): string {
  return treatment === 'taxable' ? 'taxable' : treatment === 'deferred' ? 'tax-deferred' : 'tax-exempt';
}

function sentence(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** The first candidate that fits the contract's 140 characters (with its full stop), else the last cut at a word. */
export function fit(candidates: readonly string[]): string {
  for (const c of candidates) {
    const s = sentence(c);
    if (s.length <= REASON_LIMIT) return s;
  }
  const last = sentence(candidates[candidates.length - 1]!);
  const cut = last.slice(0, REASON_LIMIT - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[;,:]$/, '')}.`;
}

