import { Decimal, ZERO, formatDollars, sumBy } from '../money';
import type { Household } from '../types';
import type { PlanOptions } from '../plan-types';

/**
 * What one account is asked to take in and pay out with this plan. Every source of a cash flow
 * lands here, and nowhere else: a positive amount typed with the plan (the sidebar's "Cash to
 * add", the CLI's `--cash`) is a deposit; a negative one and the Accounts tab's `Withdraw`
 * column are one withdrawal. The planner works from these figures only, so a withdrawal is
 * raised once, whichever form it was typed in.
 */
export interface CashRequest {
  account: string;
  /** Cash added with the plan, before any trade (>= 0). */
  deposit: Decimal;
  /** Cash to raise and pay out after the trades (>= 0): the typed withdrawal plus the Withdraw column. */
  withdrawal: Decimal;
  /** The part of `withdrawal` typed with the plan, and the part from the Withdraw column. */
  typedWithdrawal: Decimal;
  columnWithdrawal: Decimal;
}

export function cashRequests(household: Household, options: PlanOptions): Map<string, CashRequest> {
  const flows = options.cashFlows ?? {};
  const requests = new Map<string, CashRequest>();
  for (const a of household.accounts) {
    const typed = flows[a.name] ?? ZERO;
    const typedWithdrawal = typed.lessThan(0) ? typed.negated() : ZERO;
    requests.set(a.name, {
      account: a.name,
      deposit: typed.greaterThan(0) ? typed : ZERO,
      withdrawal: typedWithdrawal.plus(a.withdraw),
      typedWithdrawal,
      columnWithdrawal: a.withdraw,
    });
  }
  return requests;
}

/** "$10,000.00 (typed with the plan) and $5,000.00 (the Accounts tab's Withdraw)" — where a withdrawal came from. */
export function withdrawalSources(request: CashRequest): string {
  const parts: string[] = [];
  if (request.typedWithdrawal.greaterThan(0)) parts.push(`${formatDollars(request.typedWithdrawal)} asked for with this plan`);
  if (request.columnWithdrawal.greaterThan(0)) parts.push(`${formatDollars(request.columnWithdrawal)} in the Accounts tab's Withdraw column`);
  return parts.join(' plus ');
}

/**
 * Requests no plan can meet, each a sentence naming the account and the amounts: cash for an
 * account the Accounts tab does not have, and a withdrawal larger than everything the account
 * holds once its reserve is kept. These are refused before any trade is planned.
 */
export function impossibleRequests(household: Household, options: PlanOptions): string[] {
  const problems: string[] = [];
  const names = household.accounts.map((a) => a.name);
  for (const [account, amount] of Object.entries(options.cashFlows ?? {})) {
    if (names.includes(account)) continue;
    problems.push(`Cash of ${formatDollars(amount)} for "${account}": no account of that name on the Accounts tab (accounts: ${names.join(', ')}).`);
  }
  const price = new Map(household.securities.map((s) => [s.ticker, s.price]));
  for (const request of cashRequests(household, options).values()) {
    if (!request.withdrawal.greaterThan(0)) continue;
    const a = household.accounts.find((x) => x.name === request.account)!;
    const holdings = sumBy(household.lots.filter((l) => l.account === a.name), (l) => l.shares.times(price.get(l.ticker) ?? ZERO));
    const available = a.cash.plus(request.deposit).plus(holdings).minus(a.reserve);
    if (request.withdrawal.lessThanOrEqualTo(available)) continue;
    const held = `${formatDollars(a.cash.plus(request.deposit))} cash and ${formatDollars(holdings)} of holdings`;
    const reserve = a.reserve.greaterThan(0) ? `, less its ${formatDollars(a.reserve)} reserve` : '';
    problems.push(
      `${a.name}: cannot withdraw ${formatDollars(request.withdrawal)} (${withdrawalSources(request)}): the account holds ${held}, so at most ${formatDollars(Decimal.max(ZERO, available))} can be raised${reserve}.`,
    );
  }
  return problems;
}
