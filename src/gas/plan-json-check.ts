import type { PlanJson, TradeJson } from '../present/plan-json';
import { parseExecutedPlan } from '../present/plan-json';

export type PlanJsonCheck = { ok: true; plan: PlanJson } | { ok: false; errors: string[] };

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

/**
 * A plan coming back from the sidebar is untrusted input: the trades must parse as an executed
 * plan (id, as-of date, account, action, ticker, positive shares and price), and everything the
 * Plan tab shows is rebuilt field by field as text, so no stray object or number type reaches a cell.
 */
export function checkPlanJson(input: unknown): PlanJsonCheck {
  const parsed = parseExecutedPlan(input);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  // 0 shares marks a trade not executed when recording; a plan to write proposes only real trades.
  const empty = parsed.value.trades.flatMap((t, i) => (t.shares.isZero() ? [`trades[${i}].shares: expected a number greater than 0 in a plan; found 0`] : []));
  if (empty.length > 0) return { ok: false, errors: empty };
  const raw = record(input);
  const trades: TradeJson[] = list(raw.trades).map((t) => {
    const r = record(t);
    return {
      account: text(r.account),
      action: r.action === 'SELL' ? 'SELL' : 'BUY',
      ticker: text(r.ticker),
      shares: text(r.shares),
      price: text(r.price),
      amount: text(r.amount),
      lots: list(r.lots).map((l) => {
        const lot = record(l);
        return {
          lot: text(lot.lot),
          acquired: text(lot.acquired),
          shares: text(lot.shares),
          basis: text(lot.basis),
          proceeds: text(lot.proceeds),
          gain: text(lot.gain),
          term: lot.term === 'long' ? 'long' : 'short',
        };
      }),
      shortTermGain: text(r.shortTermGain),
      longTermGain: text(r.longTermGain),
      tax: text(r.tax),
      purpose: text(r.purpose),
      reason: text(r.reason),
      details: list(r.details).map(text).filter((d) => d !== ''),
    };
  });
  const summary: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(record(raw.summary))) summary[k] = typeof v === 'number' && Number.isFinite(v) ? v : text(v);
  return {
    ok: true,
    plan: {
      id: parsed.value.id,
      asOf: parsed.value.asOf,
      cashFlows: (parsed.value.cashFlows ?? []).map((f) => ({ account: f.account, amount: f.amount.toFixed(), kind: f.kind })),
      trades,
      drift: list(raw.drift).map((d) => {
        const r = record(d);
        return { assetClass: text(r.assetClass), target: text(r.target), before: text(r.before), after: text(r.after), status: text(r.status), statusAfter: text(r.statusAfter) };
      }),
      deferred: list(raw.deferred).map((d) => {
        const r = record(d);
        return { account: text(r.account), ticker: text(r.ticker), lot: text(r.lot), shares: text(r.shares), longTermOn: text(r.longTermOn), taxSaved: text(r.taxSaved), reason: text(r.reason) };
      }),
      warnings: list(raw.warnings).map(text),
      summary,
    },
  };
}
