import { dec, isoDate, parseIsoDate, toPlain, type Plan, type Trade, type ExecutedPlan, type Decimal } from '../engine/index';

/**
 * The plan as JSON: every number a decimal string, dates ISO. This is what `rebalance plan
 * --json` prints, what the sidebar receives through google.script.run (no Decimal, no Date),
 * and what `rebalance apply --plan` and Record executed read back.
 */
export interface TradeJson {
  account: string;
  action: 'BUY' | 'SELL';
  ticker: string;
  shares: string;
  price: string;
  amount: string;
  lots: { lot: string; acquired: string; shares: string; basis: string; proceeds: string; gain: string; term: 'short' | 'long' }[];
  shortTermGain: string;
  longTermGain: string;
  tax: string;
  purpose: string;
  /** One short sentence that says why (at most 140 characters). */
  reason: string;
  /** The longer story: lots, rates, buying-low note, wash-sale guidance; one sentence each. */
  details: string[];
}

export interface PlanJson {
  id: string;
  asOf: string;
  /** Deposits (positive) and withdrawals (negative) made with the plan. */
  cashFlows: { account: string; amount: string; kind: 'deposit' | 'withdrawal' }[];
  trades: TradeJson[];
  drift: { assetClass: string; target: string; before: string; after: string; status: string; statusAfter: string }[];
  deferred: { account: string; ticker: string; lot: string; shares: string; longTermOn: string; taxSaved: string; reason: string }[];
  warnings: string[];
  summary: Record<string, string | number>;
}

/**
 * A plan as executed, coming back to record: each trade's `shares` is what was executed ('0'
 * when not executed) and `plannedShares` what the plan asked for.
 */
export interface ExecutedPlanJson extends Omit<PlanJson, 'trades'> {
  trades: (TradeJson & { plannedShares?: string })[];
}

export function tradeJson(t: Trade): TradeJson {
  return {
    account: t.account,
    action: t.action,
    ticker: t.ticker,
    shares: toPlain(t.shares),
    price: toPlain(t.price),
    amount: toPlain(t.amount),
    lots: t.lots.map((l) => ({
      lot: l.lot,
      acquired: l.acquired,
      shares: toPlain(l.shares),
      basis: toPlain(l.basis),
      proceeds: toPlain(l.proceeds),
      gain: toPlain(l.gain),
      term: l.term,
    })),
    shortTermGain: toPlain(t.shortTermGain),
    longTermGain: toPlain(t.longTermGain),
    tax: toPlain(t.tax),
    purpose: t.purpose,
    reason: t.reason,
    details: [...t.details],
  };
}

export function planJson(plan: Plan): PlanJson {
  const s = plan.summary;
  return {
    id: plan.id,
    asOf: plan.asOf,
    cashFlows: plan.cashFlows.map((f) => ({ account: f.account, amount: toPlain(f.amount), kind: f.kind })),
    trades: plan.trades.map(tradeJson),
    drift: plan.drift.map((d) => ({
      assetClass: d.assetClass,
      target: toPlain(d.target),
      before: toPlain(d.before),
      after: toPlain(d.after),
      status: d.status,
      statusAfter: d.statusAfter,
    })),
    deferred: plan.deferred.map((d) => ({
      account: d.account,
      ticker: d.ticker,
      lot: d.lot,
      shares: toPlain(d.shares),
      longTermOn: d.longTermOn,
      taxSaved: toPlain(d.taxSaved),
      reason: d.reason,
    })),
    warnings: plan.warnings,
    summary: {
      trades: s.trades,
      bought: toPlain(s.bought),
      sold: toPlain(s.sold),
      shortTermGain: toPlain(s.shortTermGain),
      longTermGain: toPlain(s.longTermGain),
      estimatedTax: toPlain(s.estimatedTax),
      lossesHarvested: toPlain(s.lossesHarvested),
      deferred: s.deferred,
      driftBefore: toPlain(s.driftBefore),
      driftAfter: toPlain(s.driftAfter),
      tradingCost: toPlain(s.tradingCost),
      ...(s.taxDetail
        ? {
            taxYear: s.taxDetail.taxYear,
            filingStatus: s.taxDetail.filingStatus,
            federalTax: toPlain(s.taxDetail.federal),
            niit: toPlain(s.taxDetail.niit),
            stateTax: toPlain(s.taxDetail.state),
            marginalShortTermRate: toPlain(s.taxDetail.marginalShortTerm),
            marginalLongTermRate: toPlain(s.taxDetail.marginalLongTerm),
            zeroRateRoom: toPlain(s.taxDetail.zeroRateRoom),
          }
        : {}),
    },
  };
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * Reads an executed plan (the planner's JSON, or trades a user typed): `id`, `asOf`, and trades
 * with account, action, ticker, shares, price and optionally the lots a sale took. Every bad
 * field is reported with its path (`trades[2].shares`).
 */
export function parseExecutedPlan(input: unknown): ParseResult<ExecutedPlan> {
  const errors: string[] = [];
  const obj = (input ?? {}) as Record<string, unknown>;
  if (typeof input !== 'object' || input === null) return { ok: false, errors: ['The plan must be a JSON object with id, asOf and trades.'] };
  const id = typeof obj.id === 'string' && obj.id.trim() !== '' ? obj.id.trim() : null;
  if (!id) errors.push('id: expected the plan id (text)');
  const asOf = typeof obj.asOf === 'string' ? parseIsoDate(obj.asOf) : null;
  if (!asOf) errors.push(`asOf: expected a date as YYYY-MM-DD; found ${JSON.stringify(obj.asOf)}`);
  const num = (value: unknown, path: string, positive: boolean): Decimal | null => {
    const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
    if (!/^-?\d+(\.\d+)?$/.test(text)) {
      errors.push(`${path}: expected a decimal number; found ${JSON.stringify(value)}`);
      return null;
    }
    const d = dec(text);
    if (positive && !d.greaterThan(0)) {
      errors.push(`${path}: expected a number greater than 0; found ${text}`);
      return null;
    }
    return d;
  };
  const tradesIn = Array.isArray(obj.trades) ? obj.trades : null;
  if (!tradesIn) errors.push('trades: expected a list of trades');
  const trades: ExecutedPlan['trades'] = [];
  (tradesIn ?? []).forEach((raw: unknown, i: number) => {
    const t = (raw ?? {}) as Record<string, unknown>;
    const path = `trades[${i}]`;
    const account = typeof t.account === 'string' && t.account.trim() ? t.account.trim() : null;
    if (!account) errors.push(`${path}.account: expected an account name`);
    const action = t.action === 'BUY' || t.action === 'SELL' ? t.action : null;
    if (!action) errors.push(`${path}.action: expected BUY or SELL; found ${JSON.stringify(t.action)}`);
    const ticker = typeof t.ticker === 'string' && t.ticker.trim() ? t.ticker.trim().toUpperCase() : null;
    if (!ticker) errors.push(`${path}.ticker: expected a ticker`);
    // 0 shares: the trade was not executed (recorded as skipped). `plannedShares`, when the
    // sidebar sends it, is what the plan asked for, so the Journal can say what differed.
    // A blank (or only spaces) is a field cleared by mistake, not a silent "not executed".
    const blank = t.shares === null || t.shares === undefined || (typeof t.shares === 'string' && t.shares.trim() === '');
    if (blank) errors.push(`${path}.shares: expected the shares executed, or 0 if the trade was not executed; found ${JSON.stringify(t.shares ?? null)}`);
    const shares = blank ? null : num(t.shares, `${path}.shares`, false);
    if (shares && shares.lessThan(0)) errors.push(`${path}.shares: expected 0 (not executed) or the shares executed; found ${toPlain(shares)}`);
    const planned = t.plannedShares === undefined ? null : num(t.plannedShares, `${path}.plannedShares`, true);
    const price = num(t.price, `${path}.price`, true);
    let lots: { lot: string; shares: Decimal }[] | undefined;
    if (Array.isArray(t.lots) && t.lots.length > 0 && action === 'SELL') {
      lots = [];
      t.lots.forEach((rawLot: unknown, j: number) => {
        const l = (rawLot ?? {}) as Record<string, unknown>;
        const lotId = typeof l.lot === 'string' && l.lot.trim() ? l.lot.trim() : null;
        if (!lotId) errors.push(`${path}.lots[${j}].lot: expected a lot id`);
        const lotShares = num(l.shares, `${path}.lots[${j}].shares`, true);
        if (lotId && lotShares) lots!.push({ lot: lotId, shares: lotShares });
      });
    }
    if (account && action && ticker && shares && price) trades.push({ account, action, ticker, shares, price, ...(lots ? { lots } : {}), ...(planned ? { planned } : {}) });
  });
  const cashFlows: { account: string; amount: Decimal; kind: 'deposit' | 'withdrawal' }[] = [];
  (Array.isArray(obj.cashFlows) ? obj.cashFlows : []).forEach((raw: unknown, i: number) => {
    const f = (raw ?? {}) as Record<string, unknown>;
    const account = typeof f.account === 'string' && f.account.trim() ? f.account.trim() : null;
    if (!account) errors.push(`cashFlows[${i}].account: expected an account name`);
    const amount = num(f.amount, `cashFlows[${i}].amount`, false);
    if (f.kind !== undefined && f.kind !== 'deposit' && f.kind !== 'withdrawal') errors.push(`cashFlows[${i}].kind: expected deposit or withdrawal; found ${JSON.stringify(f.kind)}`);
    if (account && amount) cashFlows.push({ account, amount, kind: f.kind === 'withdrawal' || (f.kind === undefined && amount.lessThan(0)) ? 'withdrawal' : 'deposit' });
  });
  if (errors.length > 0 || !id || !asOf) return { ok: false, errors };
  return { ok: true, value: { id, asOf: isoDate(asOf), trades, ...(cashFlows.length > 0 ? { cashFlows } : {}) } };
}
