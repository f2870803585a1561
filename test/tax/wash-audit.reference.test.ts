import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertProperty } from '../support/fast-check-seed';
import type { Household } from '../../src/engine/types';
import { generateHistory } from '../support/generate-history';
import { disallowedBySale, listWashes, washChains, type RefWash } from '../reference/wash-sales';
import { auditWashSales, fixWashSales, historyWashJson, type HistoryWashJson } from '../../src/engine/wash-audit';

/**
 * The history audit (`rebalance washes`, issue 12) judged by the reference checker.
 *
 * The audit's JSON rows (`rebalance washes --json`) against the reference's matches.
 */
type AuditedWash = HistoryWashJson;
const audit = (h: Household): AuditedWash[] => auditWashSales(h).washes.map(historyWashJson);

/** What the reference says the audit must list: one row per (loss sale, replacement) match. */
function expected(h: Household): { key: string; disallowed: number }[] {
  return listWashes(h).map((w: RefWash) => ({
    key: [w.sale.date, w.sale.account, w.sale.ticker, w.sale.lot ?? '', w.replacement.account, w.replacement.ticker, w.replacement.date, w.shares.toFixed(), w.permanent].join(' | '),
    disallowed: w.disallowed.toNumber(),
  }));
}
/**
 * Seeds that once failed these properties. 322085687 (history 789722): one loss sale, two
 * replacements bought the same day (Joint Brokerage BND, Sam Roth IRA AGG); the engine split the
 * loss by lot id, the reference by row order, until both took the same-day order of
 * src/engine/wash-order.ts (pinned below and in wash-same-day.test.ts).
 */
const SEEDS = [322085687];
const keyOf = (w: AuditedWash) => [w.saleDate, w.account, w.ticker, w.lot ?? '', w.replacementAccount, w.replacementTicker, w.replacementAcquired, w.shares, w.permanent].join(' | ');

describe('history audit judged by the reference checker', () => {
  it('lists every wash sale the whole history holds (closed accounts, shares since sold, DRIP), and no other', () => {
    assertProperty(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { household } = generateHistory(seed);
        fc.pre(washChains(household).length === 0);
        const want = expected(household);
        const got = audit(household);
        expect(got.map(keyOf).sort()).toEqual(want.map((w) => w.key).sort());
        // Disallowed to the cent: the audit rounds each match, the reference does not.
        const byKey = new Map(want.map((w) => [w.key, w.disallowed]));
        for (const w of got) expect(Math.abs(Number(w.disallowed) - byKey.get(keyOf(w))!)).toBeLessThanOrEqual(0.01);
      }),
      { numRuns: 40 },
      SEEDS,
    );
  });

  it('history 789722 (fresh seed 322085687): the same-day Joint Brokerage lot takes the whole rest of the loss, the Roth lot none', () => {
    const { household } = generateHistory(789722);
    const bnd = (rows: { key: string }[]) => rows.map((w) => w.key).filter((k) => k.startsWith('2026-10-14 | Former Brokerage | BND')).sort();
    const want = [
      '2026-10-14 | Former Brokerage | BND | H2 | Joint Brokerage | BND | 2026-10-06 | 0.819 | false',
      '2026-10-14 | Former Brokerage | BND | H2 | Joint Brokerage | BND | 2026-10-21 | 35.181 | false',
    ];
    expect(bnd(expected(household))).toEqual(want);
    expect(bnd(audit(household).map((w) => ({ key: keyOf(w) })))).toEqual(want);
  });

  it('flags as unrecorded exactly the washes whose loss the Sales row does not yet disallow', () => {
    assertProperty(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { household } = generateHistory(seed);
        fc.pre(washChains(household).length === 0);
        // Generated histories record no Disallowed, so every wash with a loss is unrecorded.
        for (const w of audit(household)) expect(w.recorded, keyOf(w)).toBe(Number(w.disallowed) === 0);
      }),
      { numRuns: 20 },
      SEEDS,
    );
  });

  it("after `washes --fix`, the audit lists every wash as recorded and the reference agrees on each Sales row's Disallowed", () => {
    let fixedSome = 0;
    assertProperty(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { household } = generateHistory(seed);
        fc.pre(washChains(household).length === 0);
        const fixed = fixWashSales(household);
        if (!fixed.ok) throw new Error(fixed.errors.join('; '));
        if (fixed.fixed.length > 0) fixedSome++;
        const after: Household = { ...household, lots: fixed.lots, sales: fixed.sales };
        expect(audit(after).filter((w) => !w.recorded).map(keyOf)).toEqual([]);
        for (const [sale, { disallowed, recorded }] of disallowedBySale(listWashes(after))) {
          expect(recorded, `${sale.account} ${sale.ticker} ${sale.date}: reference disallows ${disallowed.toFixed(2)}, the row records ${sale.recordedDisallowed.toFixed(2)}`).toBe(true);
        }
      }),
      { numRuns: 20 },
      SEEDS,
    );
    expect(fixedSome).toBeGreaterThan(0);
  });
});

it('the reference finds washes in generated histories, so the audit tests above have something to judge', () => {
  const found = Array.from({ length: 30 }, (_, i) => listWashes(generateHistory(i + 1).household).length);
  expect(found.filter((n) => n > 0).length).toBeGreaterThan(5);
});
