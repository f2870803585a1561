import type { Household } from '../../src/engine/types';

/**
 * A small reference for judging the wash-sale audit, written from the rules and not from
 * src/engine/wash-sales.ts (IRC 1091(a); Treas. Reg. 1.1091-1; Rev. Rul. 2008-5; Rev. Rul. 56-602):
 *  - a loss sale is a Sales row at a loss in a taxable account; an account not on the Accounts
 *    tab (closed) is taken as taxable;
 *  - an acquisition is shares bought: a lot held (its Acquired) or shares since sold (a Sales
 *    row's Acquired), in any account;
 *  - an acquisition can replace a loss sale's shares when it is in the same wash group, acquired
 *    within 30 days before or after the sale, not the same purchase (ground truth from the
 *    generator), and not shares disposed of in the same sale (same day, account and ticker);
 *  - shares that replaced a loss do not wash the loss of the shares they replaced, nor down a chain;
 *  - a replacement in a tax-advantaged account disallows the loss for good.
 * Plain numbers are enough here: shares are whole in the generated histories.
 */
export interface RefSale {
  row: number;
  date: string;
  account: string;
  ticker: string;
  group: string;
  shares: number;
  purchase: number;
  acquired: string | null;
}

export interface RefAcquisition {
  kind: 'lot' | 'sale';
  row: number;
  date: string;
  account: string;
  ticker: string;
  group: string;
  shares: number;
  purchase: string;
  /** For a Sales row: the day it was sold. */
  soldOn: string | null;
  taxAdvantaged: boolean;
}

const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

export function referenceHistory(h: Household, lotPurchase: readonly number[], salePurchase: readonly number[]) {
  const groupOf = (ticker: string) => h.securities.find((s) => s.ticker === ticker)?.washGroup ?? ticker;
  const typeOf = (account: string) => h.accounts.find((a) => a.name === account)?.type ?? null;
  const advantaged = (account: string) => {
    const type = typeOf(account);
    return type !== null && type !== 'Taxable';
  };
  const lossSales: RefSale[] = h.sales.flatMap((s, row) =>
    !advantaged(s.account) && s.basis.greaterThan(s.proceeds) && s.shares.greaterThan(0)
      ? [{ row, date: s.date, account: s.account, ticker: s.ticker, group: groupOf(s.ticker), shares: s.shares.toNumber(), purchase: salePurchase[row], acquired: s.acquired }]
      : [],
  );
  // A base lot (purchase -1) is its own purchase: name it by its row.
  const lotKey = (row: number) => (lotPurchase[row] === -1 ? `base-${row}` : `p${lotPurchase[row]}`);
  const acquisitions: RefAcquisition[] = [
    ...h.lots.flatMap((l, row) => (l.shares.greaterThan(0) ? [{
      kind: 'lot' as const, row, date: l.acquired, account: l.account, ticker: l.ticker, group: groupOf(l.ticker), shares: l.shares.toNumber(),
      purchase: lotKey(row), soldOn: null, taxAdvantaged: advantaged(l.account),
    }] : [])),
    ...h.sales.flatMap((s, row) => (s.acquired !== null ? [{
      kind: 'sale' as const, row, date: s.acquired, account: s.account, ticker: s.ticker, group: groupOf(s.ticker), shares: s.shares.toNumber(),
      purchase: `p${salePurchase[row]}`, soldOn: s.date, taxAdvantaged: advantaged(s.account),
    }] : [])),
  ];
  // `washed`: pairs matched (sold purchase -> replacement purchase). A replacement does not wash
  // the loss of the shares it replaced, directly or down a chain (else the losses would feed each
  // other's basis in a circle).
  const reaches = (washed: ReadonlySet<string>, from: string, to: string): boolean => {
    const next = new Map<string, string[]>();
    for (const pair of washed) {
      const [a, b] = pair.split('>');
      next.set(a, [...(next.get(a) ?? []), b]);
    }
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (at === to) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      stack.push(...(next.get(at) ?? []));
    }
    return false;
  };
  const eligible = (s: RefSale, a: RefAcquisition, washed: ReadonlySet<string> = new Set()) =>
    !reaches(washed, a.purchase, `p${s.purchase}`) && s.group === a.group && Math.abs(days(s.date, a.date)) <= 30 && a.purchase !== `p${s.purchase}` &&
    !(a.kind === 'sale' && a.soldOn === s.date && a.account === s.account && a.ticker === s.ticker);
  const purchaseOfAcquisition = (kind: 'lot' | 'sale', row: number) => (kind === 'lot' ? lotKey(row) : `p${salePurchase[row]}`);
  return { lossSales, acquisitions, eligible, purchaseOfAcquisition, reaches };
}
