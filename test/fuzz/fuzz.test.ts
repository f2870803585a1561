import { beforeAll, describe, expect, it } from 'vitest';
import { checkErrorsForTest, checkMutant, nonBlankRows, nonFiniteValues } from './check-mutant';
import { loadFuzzBases, mutantRng, mutateWorkbook, type BaseWorkbook } from './mutate-workbook';
import { runFuzz } from './run-fuzz';
import { Decimal } from '../../src/engine/money';
import { LOT_COLUMNS } from '../../src/workbook/read-lots';
import { freshSeed } from '../support/fast-check-seed';

/** The fixed seed of `npm run fuzz`. */
const SEED = 20261120;
/**
 * Each run: the first 2,000 mutants of the fixed seed (so what once failed stays covered), then
 * 2,000 of the run's fresh seed (printed; FC_SEED replays it), so every run meets new workbooks
 * instead of the same 10,000 again. `npm run fuzz` runs 50,000.
 */
const MUTANTS = 2_000;

let bases: BaseWorkbook[];
beforeAll(async () => {
  bases = await loadFuzzBases();
});

describe('fuzzing the reader, drift and planner with hostile workbooks', () => {
  it.each([
    ['the fixed seed', SEED],
    ["this run's fresh seed", freshSeed()],
  ])(`${MUTANTS} mutants of the example household (%s, %i): clear errors or a whole household, never a failure`, (_, seed) => {
    // The planner runs on every accepted mutant (planShare 1), not on a sample.
    const counts = runFuzz(bases, { seed, mutants: MUTANTS, planShare: 1 });
    console.log(
      `fuzz seed ${seed}: ${counts.mutants} mutants, ${counts.errors} errors, ${counts.accepted} accepted (${counts.planned} planned), ${counts.failures} failures, ${(counts.ms / 1000).toFixed(1)} s; replay: npm run fuzz -- --seed ${seed} --mutants ${MUTANTS}`,
    );
    for (const d of counts.details) console.log(`mutant ${d.index}: ${d.mutations.join(' ; ')}\n  ${d.failures.join('\n  ')}`);
    expect(counts.failures).toBe(0);
    expect(counts.mutants).toBe(MUTANTS);
    expect(counts.errors + counts.accepted).toBe(MUTANTS);
    // Both halves of the contract are exercised: a fair share is accepted and planned.
    expect(counts.accepted).toBeGreaterThan(MUTANTS / 10);
    expect(counts.planned).toBe(counts.accepted);
    expect(counts.errors).toBeGreaterThan(MUTANTS / 10);
  }, 120_000);

  it('is repeatable: a seed and an index name one workbook', () => {
    const a = mutateWorkbook(bases, mutantRng(SEED, 1234));
    const b = mutateWorkbook(bases, mutantRng(SEED, 1234));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.mutations.length).toBeGreaterThan(0);
    const c = mutateWorkbook(bases, mutantRng(SEED + 1, 1234));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('the unmutated example household is accepted whole and planned', () => {
    for (const base of bases) {
      const tabs = Object.fromEntries(Object.entries(base.tabs).map(([k, g]) => [k, g.map((r) => [...r])]));
      const verdict = checkMutant({ base: base.name, tabs, dateCells: base.dateCells, mutations: [] }, { plan: true });
      expect(verdict).toEqual({ kind: 'accepted', failures: [], planned: true });
    }
  });
});

describe('the checks themselves catch what they are for', () => {
  it('counts non-blank rows in known columns only (notes elsewhere do not make a lot)', () => {
    const grid = [
      [],
      ['Account', 'Ticker', 'Shares', 'My notes'],
      ['A', 'VOO', 1, ''],
      ['', ' ', '', 'just a note'],
      ['', '', '', ''],
      ['B', '', '', ''],
    ];
    // Header on row 2; rows 3 and 6 hold something under Account/Ticker/Shares: 2 rows.
    expect(nonBlankRows(grid, LOT_COLUMNS)).toBe(2);
  });

  it('finds NaN and Infinity anywhere in a value', () => {
    const value = { a: [new Decimal(1), { b: new Decimal(NaN) }], c: Infinity, d: 'NaN as text is fine' };
    expect(nonFiniteValues(value)).toEqual(['$.a[1].b=NaN', '$.c=Infinity']);
  });

  it('flags an error that is not well formed: no found/expected, a leaked JavaScript value, no real column', () => {
    const mutant = { base: 'csv' as const, tabs: bases[0].tabs, dateCells: 'local' as const, mutations: [] };
    const e = (column: string, message: string) => checkErrorsForTest(mutant, [{ tab: 'Lots', row: 2, column, message }]);
    expect(e('Shares', 'found "x"; expected a number of shares greater than 0')).toEqual([]);
    expect(e('Shares', 'found the non-number NaN; expected a number of shares greater than 0')).toEqual([]);
    expect(e('', 'found no Lots tab; expected a tab named Lots')).toEqual([]);
    expect(e('Shares', 'bad shares')).toEqual(['message does not say what was found and what was expected: Lots!2/Shares: bad shares']);
    expect(e('Shares', 'found () => 1; expected a number')).toEqual(['message leaks a JavaScript value: Lots!2/Shares: found () => 1; expected a number']);
    expect(e('Shares', 'found NaN; expected a number')).toHaveLength(1);
    expect(e('Shares', 'found "NaN"; expected a number')).toEqual([]); // the user's own text, quoted
    expect(e('Shares', 'found Invalid Date; expected a date')).toHaveLength(1);
    expect(e('3', 'found "x"; expected a number')).toEqual(['error names no real column: Lots!2/3: found "x"; expected a number']);
  });

  it('a lot in a closed account is refused with tab, row and column', () => {
    const tabs = Object.fromEntries(Object.entries(bases[0].tabs).map(([k, g]) => [k, g.map((r) => [...r])]));
    tabs.Lots.push(['Old 401(k)', 'VOO', '10', '5000', '2019-01-02', '', '']);
    const verdict = checkMutant({ base: 'csv', tabs, dateCells: 'local', mutations: [] }, { plan: false });
    expect(verdict).toEqual({ kind: 'errors', failures: [], planned: false });
  });
});
