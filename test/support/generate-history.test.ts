import { describe, expect, it } from 'vitest';
import { CLOSED_ACCOUNTS, generateHistory } from './generate-history';
import { generateHousehold } from '../../src/generate/generate-household';

describe('generated histories hold the inputs that broke this round', () => {
  const draws = Array.from({ length: 40 }, (_, i) => generateHistory(i + 1));
  const count = (test: (d: (typeof draws)[number]) => boolean) => draws.filter(test).length;

  it('sales in closed accounts, shares bought and since sold, partial sales of held lots, DRIP lots', () => {
    expect(count((d) => d.household.sales.some((s) => (CLOSED_ACCOUNTS as readonly string[]).includes(s.account)))).toBeGreaterThan(10);
    expect(count((d) => d.household.sales.some((s) => s.acquired !== null && s.date.localeCompare(s.acquired) > 0 && s.acquired >= '2026-10-01'))).toBeGreaterThan(10);
    expect(count((d) => d.household.sales.some((s) => d.household.lots.some((l) => l.id === s.lot)))).toBeGreaterThan(10);
    expect(count((d) => d.household.lots.some((l) => l.id.startsWith('DRIP-')))).toBeGreaterThan(5);
    expect(count((d) => d.household.sales.some((s) => s.basis.greaterThan(s.proceeds)))).toBeGreaterThan(20);
  });

  it('withdrawals on the Accounts tab, deposits and withdrawals typed in the form', () => {
    expect(count((d) => d.household.accounts.some((a) => a.withdraw.greaterThan(0)))).toBeGreaterThan(5);
    expect(count((d) => Object.values(d.options.cashFlows ?? {}).some((v) => v.greaterThan(0)))).toBeGreaterThan(5);
    expect(count((d) => Object.values(d.options.cashFlows ?? {}).some((v) => v.lessThan(0)))).toBeGreaterThan(3);
  });

  it('every sale follows its acquisition, and knobs switch closed accounts and recent purchases off', () => {
    for (const d of draws) for (const s of d.household.sales) expect(s.acquired! < s.date, `${s.account} ${s.ticker}`).toBe(true);
    const quiet = Array.from({ length: 20 }, (_, i) => generateHistory(i + 1, { closedAccounts: false, boughtAndSold: false, negativeCashFlows: false }));
    for (const d of quiet) {
      const open = new Set(d.household.accounts.map((a) => a.name));
      for (const s of d.household.sales) expect(open.has(s.account)).toBe(true);
      expect(Object.values(d.options.cashFlows ?? {}).every((v) => v.greaterThanOrEqualTo(0))).toBe(true);
    }
    expect(quiet.some((d) => d.household.sales.length > 0)).toBe(true);
  });

  it('same seed, same history; the base household is generateHousehold(seed) with the history added', () => {
    expect(JSON.stringify(generateHistory(9))).toBe(JSON.stringify(generateHistory(9)));
    const base = generateHousehold(9, 'S');
    const h = generateHistory(9).household;
    expect(h.targets).toEqual(base.targets);
    expect(h.lots.slice(0, base.lots.length)).toEqual(base.lots);
  });
});
