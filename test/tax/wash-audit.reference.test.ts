import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertProperty } from '../support/fast-check-seed';
import type { Household } from '../../src/engine/types';
import { generateHistory } from '../support/generate-history';
import { listWashes, type RefWash } from '../reference/wash-sales';

/**
 * The history audit (`rebalance washes`, issue 12) judged by the reference checker.
 *
 * TODO(lead, after merging branch `wash`): point `audit` at the engine's history audit (the
 * `auditWashSales`-like function behind `rebalance washes --json`), mapping its result to
 * `AuditedWash` (the JSON fields of issue 12, numbers as decimal strings), and the tests below
 * run. Until then they are skipped: there is nothing to judge yet.
 */
interface AuditedWash {
  saleDate: string;
  account: string;
  ticker: string;
  lot: string | null;
  replacementAccount: string;
  replacementTicker: string;
  replacementLot: string | null;
  replacementAcquired: string;
  shares: string;
  disallowed: string;
  permanent: boolean;
  recorded: boolean;
}
// e.g. `const audit = (h: Household) => auditWashSales(h).washes.map(toAuditedWash);`
const audit: ((h: Household) => AuditedWash[]) | null = null;

/** What the reference says the audit must list: one row per (loss sale, replacement) match. */
function expected(h: Household): { key: string; disallowed: number }[] {
  return listWashes(h).map((w: RefWash) => ({
    key: [w.sale.date, w.sale.account, w.sale.ticker, w.sale.lot ?? '', w.replacement.account, w.replacement.ticker, w.replacement.date, w.shares.toFixed(), w.permanent].join(' | '),
    disallowed: w.disallowed.toNumber(),
  }));
}
const keyOf = (w: AuditedWash) => [w.saleDate, w.account, w.ticker, w.lot ?? '', w.replacementAccount, w.replacementTicker, w.replacementAcquired, w.shares, w.permanent].join(' | ');

describe.skipIf(audit === null)('history audit judged by the reference checker', () => {
  it('lists every wash sale the whole history holds (closed accounts, shares since sold, DRIP), and no other', () => {
    assertProperty(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { household } = generateHistory(seed);
        const want = expected(household);
        const got = audit!(household);
        expect(got.map(keyOf).sort()).toEqual(want.map((w) => w.key).sort());
        // Disallowed to the cent: the audit rounds each match, the reference does not.
        const byKey = new Map(want.map((w) => [w.key, w.disallowed]));
        for (const w of got) expect(Math.abs(Number(w.disallowed) - byKey.get(keyOf(w))!)).toBeLessThanOrEqual(0.01);
      }),
      { numRuns: 40 },
    );
  });

  it('flags as unrecorded exactly the washes whose loss the Sales row does not yet disallow', () => {
    assertProperty(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const { household } = generateHistory(seed);
        // Generated histories record no Disallowed, so every wash with a loss is unrecorded.
        for (const w of audit!(household)) expect(w.recorded, keyOf(w)).toBe(Number(w.disallowed) === 0);
      }),
      { numRuns: 20 },
    );
  });

  it.todo('after `washes --fix`, the audit of the fixed workbook lists every wash as recorded and the reference agrees on each Sales row\'s Disallowed (disallowedBySale)');
});

it('the reference finds washes in generated histories, so the audit tests above have something to judge', () => {
  const found = Array.from({ length: 30 }, (_, i) => listWashes(generateHistory(i + 1).household).length);
  expect(found.filter((n) => n > 0).length).toBeGreaterThan(5);
});
