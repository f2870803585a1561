import { Decimal, ZERO, formatDollars, roundCents, toPlain } from './money';
import type { IsoDate } from './dates';
import { holdingStart } from './holding-period';
import { selectLotsForSale, pricedParts } from './lots/select-lots';
import { takeNamedShares } from './lots/take-shares';
import { taxRatesFrom } from './tax';
import type { TradeAction } from './plan-types';
import type { Account, Household, Lot, LotMethodName, Sale } from './types';

/** A trade as executed (or proposed) on the as-of date; `lots` names exactly which shares a sale took. */
export interface TradeInput {
  account: string;
  action: TradeAction;
  ticker: string;
  shares: Decimal;
  price: Decimal;
  lots?: { lot: string; shares: Decimal }[];
}

export interface TradeEffects {
  lots: Lot[];
  sales: Sale[];
  accounts: Account[];
  /** Indexes in `sales` of the rows these trades added. */
  newSaleRows: number[];
  /** Ids of the lots these trades created. */
  newLotIds: string[];
  errors: string[];
  journal: string[];
}

export interface ApplyOptions {
  asOf: IsoDate;
  lotMethod: LotMethodName;
  /** Id for the n-th buy (1-based). */
  lotId: (n: number) => string;
  /** Refuse a buy that costs more than the account's cash at that point. */
  checkCash: boolean;
}

/**
 * The bookkeeping of a batch of trades, before any wash-sale adjustment: sells close lots (a
 * partly sold lot keeps its id for what is left) and add Sales rows, buys add lots, cash moves
 * per account. All sells are applied before any buy, since a plan's buys are funded by its sells.
 * Works on copies; the household is not changed.
 */
export function applyTrades(household: Household, trades: readonly TradeInput[], options: ApplyOptions): TradeEffects {
  const { asOf } = options;
  // Lots by position (account and ticker), so each trade touches only its own position; the
  // list is put back together in the household's order at the end. `lots` collects the buys.
  const positionKey = (account: string, ticker: string) => `${account}\u0000${ticker}`;
  const positions = new Map<string, Lot[]>();
  for (const l of household.lots) {
    const key = positionKey(l.account, l.ticker);
    const position = positions.get(key);
    if (position) position.push({ ...l });
    else positions.set(key, [{ ...l }]);
  }
  const lotIds = new Set(household.lots.map((l) => l.id));
  const lots: Lot[] = [];
  const sales = household.sales.map((s) => ({ ...s }));
  const accounts = household.accounts.map((a) => ({ ...a }));
  const effects: TradeEffects = { lots, sales, accounts, newSaleRows: [], newLotIds: [], errors: [], journal: [] };
  const rates = taxRatesFrom(household.settings, asOf);
  const ordered = [...trades.filter((t) => t.action === 'SELL'), ...trades.filter((t) => t.action === 'BUY')];
  let buyNumber = 0;

  for (const trade of ordered) {
    const what = `${trade.action} ${toPlain(trade.shares)} ${trade.ticker} in ${trade.account}`;
    const account = accounts.find((a) => a.name === trade.account);
    const known = household.securities.some((s) => s.ticker === trade.ticker);
    if (trade.action === 'BUY') buyNumber += 1;
    if (!account) effects.errors.push(`${what}: no account named "${trade.account}" on the Accounts tab.`);
    if (!known) effects.errors.push(`${what}: no security "${trade.ticker}" on the Securities tab.`);
    if (!trade.shares.greaterThan(0)) effects.errors.push(`${what}: shares must be positive.`);
    if (trade.price.lessThan(0)) effects.errors.push(`${what}: price must not be negative.`);
    if (!account || !known || !trade.shares.greaterThan(0) || trade.price.lessThan(0)) continue;
    const amount = roundCents(trade.shares.times(trade.price));

    if (trade.action === 'SELL') {
      const taxable = account.treatment === 'taxable';
      let parts: Lot[];
      if (trade.lots && trade.lots.length > 0) {
        const key = positionKey(trade.account, trade.ticker);
        const position = positions.get(key) ?? [];
        const named = takeNamedShares(position, trade.lots);
        const namedTotal = trade.lots.reduce((acc, p) => acc.plus(p.shares), ZERO);
        if (!namedTotal.equals(trade.shares)) named.errors.push(`the named lots add up to ${toPlain(namedTotal)} shares, not ${toPlain(trade.shares)}.`);
        if (named.errors.length > 0) {
          effects.errors.push(...named.errors.map((e) => `${what}: ${e}`));
          continue;
        }
        const left = new Map(named.remaining.map((l) => [l.id, l]));
        positions.set(key, position.flatMap((l) => (left.has(l.id) ? [left.get(l.id) as Lot] : [])));
        parts = named.taken;
      } else {
        const key = positionKey(trade.account, trade.ticker);
        const before = positions.get(key) ?? [];
        const selection = selectLotsForSale({
          lots: before, account: trade.account, ticker: trade.ticker, shares: trade.shares, price: trade.price,
          saleDate: asOf, method: options.lotMethod, rates, taxable,
        });
        if (selection.errors.length > 0) {
          effects.errors.push(...selection.errors.map((e) => `${what}: ${e}`));
          continue;
        }
        positions.set(key, selection.remaining);
        parts = selection.taken.map((t) => {
          const source = before.find((l) => l.id === t.lot) as Lot;
          return { ...source, shares: t.shares, basis: t.basis };
        });
      }
      const priced = pricedParts(parts, trade.price, asOf, rates, taxable);
      priced.forEach((p, i) => {
        effects.newSaleRows.push(sales.length);
        sales.push({
          date: asOf, account: trade.account, ticker: trade.ticker, shares: p.shares, proceeds: p.proceeds,
          basis: p.basis, acquired: holdingStart(parts[i]), lot: p.lot, disallowed: ZERO,
        });
        effects.journal.push(`${what} @ ${formatDollars(trade.price)}: lot ${p.lot}, ${toPlain(p.shares)} shares, proceeds ${formatDollars(p.proceeds)}, basis ${formatDollars(p.basis)}, ${p.term}-term ${p.gain.lessThan(0) ? 'loss' : 'gain'} ${formatDollars(p.gain.abs())}.`);
      });
      account.cash = account.cash.plus(amount);
    } else {
      if (options.checkCash && amount.greaterThan(account.cash)) {
        effects.errors.push(`${what}: costs ${formatDollars(amount)} but the account has ${formatDollars(account.cash)} cash.`);
        continue;
      }
      const id = options.lotId(buyNumber);
      if (lotIds.has(id)) {
        effects.errors.push(`${what}: a lot with id "${id}" already exists.`);
        continue;
      }
      lots.push({ id, account: trade.account, ticker: trade.ticker, shares: trade.shares, basis: amount, acquired: asOf, holdingFrom: null });
      lotIds.add(id);
      effects.newLotIds.push(id);
      account.cash = account.cash.minus(amount);
      effects.journal.push(`${what} @ ${formatDollars(trade.price)}: new lot ${id}, cost ${formatDollars(amount)}.`);
    }
  }
  // Lots still held, in the household's order (a partly sold lot keeps its id and place), then the buys.
  const held = new Map<string, Lot>();
  for (const position of positions.values()) for (const l of position) held.set(l.id, l);
  effects.lots = [...household.lots.flatMap((l) => (held.has(l.id) ? [held.get(l.id)!] : [])), ...lots];
  return effects;
}
