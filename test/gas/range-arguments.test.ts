import { beforeAll, describe, expect, it } from 'vitest';
import { createFakeGoogle } from '../../src/local-google/fake-google';
import { loadBundle, type BundleContext } from '../support/load-bundle';
import { exampleGrid } from '../support/example-grids';

/** Custom functions through the built bundle, as Sheets calls them, given odd ranges. */
let ctx: BundleContext;
beforeAll(() => {
  ctx = loadBundle(createFakeGoogle({ authMode: 'CUSTOM_FUNCTION' }).globals);
}, 30_000);

const g = (tab: string) => exampleGrid(tab);
const error = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the custom function to throw');
};

describe('DRIFT with odd ranges', () => {
  it('a single cell (Sheets passes a bare value)', () => {
    expect(error(() => ctx.DRIFT('US Large Cap', g('Securities'), g('Lots'), g('Accounts')))).toBe(
      'DRIFT: the 1st argument should be the Targets range, header row included (e.g. Targets!A:H); it is a single cell.',
    );
  });

  it('an empty range (blank cells only) and an omitted argument', () => {
    expect(error(() => ctx.DRIFT(g('Targets'), [[''], ['']], g('Lots'), g('Accounts')))).toBe(
      'DRIFT: the 2nd argument should be the Securities range, header row included; the range is empty.',
    );
    expect(error(() => ctx.DRIFT(g('Targets'), g('Securities'), g('Lots')))).toBe(
      'DRIFT: the 4th argument should be the Accounts range, header row included; it is empty.',
    );
  });

  it('a range without its header row', () => {
    expect(error(() => ctx.DRIFT(g('Targets').slice(1), g('Securities'), g('Lots'), g('Accounts')))).toBe(
      'DRIFT: the 1st argument should be the Targets range, header row included; its first row has no Asset Class, Target headers.',
    );
  });

  it('two ranges swapped: the message says which one it looks like', () => {
    expect(error(() => ctx.DRIFT(g('Targets'), g('Securities'), g('Accounts'), g('Lots')))).toBe(
      'DRIFT: the 3rd argument should be the Lots range, header row included; its first row has no Ticker, Shares, Acquired headers. It looks like the Accounts range: are two arguments swapped?',
    );
  });
});

describe('TAXLOTS and REBALANCE with odd ranges', () => {
  it('TAXLOTS with Securities and Lots swapped', () => {
    expect(error(() => ctx.TAXLOTS(g('Securities'), g('Lots'), '2026-11-20'))).toContain('It looks like the Securities range: are two arguments swapped?');
  });

  it('TAXLOTS with a range where the as-of date belongs', () => {
    expect(error(() => ctx.TAXLOTS(g('Lots'), g('Securities'), 'Nov 20'))).toBe(
      'TAXLOTS: the 3rd argument should be the as-of date (a date cell or YYYY-MM-DD); found "Nov 20".',
    );
  });

  it('TAXLOTS with an as-of date that does not exist', () => {
    expect(error(() => ctx.TAXLOTS(g('Lots'), g('Securities'), '2018-09-31'))).toBe(
      'TAXLOTS: the 3rd argument (the as-of date) "2018-09-31" is not a real date (September 2018 has 30 days).',
    );
  });

  it('REBALANCE with a single-cell Settings and with Settings and Sales swapped', () => {
    expect(error(() => ctx.REBALANCE(g('Targets'), g('Securities'), g('Lots'), g('Accounts'), 'As Of'))).toBe(
      'REBALANCE: the 5th argument should be the Settings range, header row included (e.g. Settings!A:H); it is a single cell.',
    );
    expect(error(() => ctx.REBALANCE(g('Targets'), g('Securities'), g('Lots'), g('Accounts'), g('Sales'), g('Settings')))).toContain(
      'It looks like the Sales range: are two arguments swapped?',
    );
  });

  it('REBALANCE with header-only Lots and Accounts: an empty household plans no trades, without a crash', () => {
    const table = ctx.REBALANCE(g('Targets'), g('Securities'), g('Lots').slice(0, 1), [['Account', 'Type']], g('Settings')) as unknown[][];
    expect(table).toHaveLength(2);
    expect(table[1][1]).toBe('NONE');
  });

  it('REBALANCE with a Lots range cut below its header: the first data row is taken for headers, and named', () => {
    expect(error(() => ctx.REBALANCE(g('Targets'), g('Securities'), g('Lots').slice(1), g('Accounts'), g('Settings')))).toBe(
      'REBALANCE: the 3rd argument should be the Lots range, header row included; its first row has no Account, Ticker, Shares, Acquired headers.',
    );
  });

  it('the right ranges still answer (a control)', () => {
    const table = ctx.TAXLOTS(g('Lots'), g('Securities'), '2026-11-20', g('Accounts'), g('Settings')) as unknown[][];
    expect(table.length).toBe(g('Lots').length); // a header row plus one row per lot: 27 lots
  });
});
