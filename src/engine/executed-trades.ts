import { Decimal, ZERO, minDec, toPlain } from './money';
import type { TradeInput } from './trade-effects';

/** A trade as executed at the broker: a sale may name the lots the broker confirmed. */
export interface ExecutedTrade extends TradeInput {
  /** The shares the plan asked for, when known, so the Journal can say how the execution differed. */
  planned?: Decimal;
}

export interface ExecutedTrades {
  /** What to book: trades not executed are dropped, and each sale's named lots fit its shares. */
  trades: TradeInput[];
  /** The trades not executed, as the Journal names them ("BUY 212 AGG in Roth IRA"). */
  skipped: string[];
  /** One line per trade executed differently from the plan, and one per trade skipped. */
  journal: string[];
  errors: string[];
}

const describe = (t: ExecutedTrade, shares: Decimal | undefined) =>
  `${t.action}${shares ? ` ${toPlain(shares)}` : ''} ${t.ticker} in ${t.account}`;

const sharesOf = (n: Decimal) => `${toPlain(n)} share${n.equals(1) ? '' : 's'}`;

const lotList = (lots: readonly { lot: string; shares: Decimal }[]) => lots.map((l) => `${l.lot} ${toPlain(l.shares)}`).join(', ');

/** The named lots in order, taking shares from each until `shares` are taken (the last one partly). */
function firstShares(lots: readonly { lot: string; shares: Decimal }[], shares: Decimal): { lot: string; shares: Decimal }[] {
  const taken: { lot: string; shares: Decimal }[] = [];
  let need = shares;
  for (const l of lots) {
    if (!need.greaterThan(0)) break;
    const part = minDec(need, l.shares);
    taken.push({ lot: l.lot, shares: part });
    need = need.minus(part);
  }
  return taken;
}

/**
 * What a user executed, read against what was planned. One rule for every surface that records
 * (the sidebar's form, `rebalance apply`):
 * - 0 shares means the trade was not executed: it is skipped, and the Journal lists it.
 * - A sale's named lots (the plan's lot choice) are taken in the order named, up to the shares
 *   executed: a partly executed sale closes the plan's first lots and prorates the last one's
 *   basis. Shares beyond the named lots are chosen by the lot method among the lots left.
 * - A buy's basis is always its executed shares times its fill price (trade-effects.ts).
 * Negative shares are an error naming the trade.
 */
export function executedTrades(trades: readonly ExecutedTrade[]): ExecutedTrades {
  const out: ExecutedTrades = { trades: [], skipped: [], journal: [], errors: [] };
  for (const t of trades) {
    const { planned, ...trade } = t;
    if (t.shares.lessThan(0)) {
      out.errors.push(`${describe(t, t.shares)}: shares must be 0 (not executed) or more.`);
      continue;
    }
    if (t.shares.isZero()) {
      const name = describe(t, planned);
      out.skipped.push(name);
      out.journal.push(`Not executed: ${name} (skipped).`);
      continue;
    }
    const named = t.action === 'SELL' && t.lots && t.lots.length > 0 ? t.lots : null;
    const namedTotal = named ? named.reduce((acc, l) => acc.plus(l.shares), ZERO) : null;
    const plannedShares = planned ?? namedTotal;
    const what = describe(t, t.shares);
    if (plannedShares && t.shares.lessThan(plannedShares)) {
      out.journal.push(`${what}: partly executed, ${toPlain(t.shares)} of the ${toPlain(plannedShares)} shares planned.`);
    } else if (plannedShares && t.shares.greaterThan(plannedShares)) {
      out.journal.push(`${what}: ${sharesOf(t.shares.minus(plannedShares))} more than the ${toPlain(plannedShares)} planned.`);
    }
    if (!named || !namedTotal || namedTotal.equals(t.shares)) {
      out.trades.push(trade);
    } else if (namedTotal.greaterThan(t.shares)) {
      const lots = firstShares(named, t.shares);
      out.journal.push(`${what}: taken from the plan's lots in order (${lotList(lots)}).`);
      out.trades.push({ ...trade, lots });
    } else {
      const extra = t.shares.minus(namedTotal);
      out.journal.push(`${what}: the plan's lots (${lotList(named)}), then ${sharesOf(extra)} more chosen by the lot method.`);
      const { lots: _named, ...unnamed } = trade;
      out.trades.push({ ...trade, shares: namedTotal }, { ...unnamed, shares: extra });
    }
  }
  return out;
}
