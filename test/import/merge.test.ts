import fc from 'fast-check';
import '../support/fast-check-seed';
import { describe, expect, it } from 'vitest';
import { gridSource, readHousehold, type TabSource } from '../../src/workbook/index';
import { planImport, type ImportFileInput } from '../../src/import/index';
import { exampleGrid } from '../support/example-grids';
import { fixture } from './helpers';
import { assertProperty } from '../support/fast-check-seed';

const TABS = ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'];

/** The example household, with Broker IDs on Accounts and a user's Note column on Lots. */
function household(edit: (tabs: Record<string, string[][]>) => void = () => {}): Record<string, string[][]> {
  const tabs = Object.fromEntries(TABS.map((t) => [t, exampleGrid(t)]));
  tabs.Accounts = tabs.Accounts.map((row, i) => [...row, i === 0 ? 'Broker ID' : row[0] === 'Taxable Brokerage' ? 'XXXX-4321' : row[0] === 'Roth IRA' ? 'U1234567' : '']);
  tabs.Lots = tabs.Lots.map((row, i) => [...row, i === 0 ? 'Note' : `note ${i}`]);
  edit(tabs);
  return tabs;
}

const file = (name: string, text = fixture(name)): ImportFileInput => ({ name, text });

function plan(tabs: Record<string, string[][]>, files: ImportFileInput[], account?: string) {
  return planImport(gridSource(tabs), { files, account, defaultAsOf: '2026-11-20' as never });
}

function ok(tabs: Record<string, string[][]>, files: ImportFileInput[], account?: string) {
  const p = plan(tabs, files, account);
  if (!p.ok) throw new Error([...p.errors, ...p.issues.map((i) => `${i.tab} ${i.row} ${i.column}: ${i.message}`)].join('\n'));
  return p;
}

/** The tabs after writing an import: Lots and Sales replaced. */
function after(tabs: Record<string, string[][]>, p: ReturnType<typeof ok>): Record<string, string[][]> {
  return { ...tabs, Lots: p.lotsTab.map((r) => r.map(String)), Sales: p.salesTab.map((r) => r.map(String)) };
}

const lotsOf = (tabs: Record<string, string[][]>, account: string, ticker: string) => {
  const read = readHousehold(gridSource(tabs) as TabSource, { defaultAsOf: '2026-11-20' as never });
  if (!read.ok) throw new Error('unreadable');
  return read.household.lots.filter((l) => l.account === account && l.ticker === ticker).map((l) => [l.id, l.shares.toFixed(), l.basis.toFixed(), l.acquired]);
};

describe('an open-lots file replaces the lots of the tickers it lists, in its account', () => {
  it('Schwab VOO: two lots unchanged (ids and notes kept), one added; every other lot left alone', () => {
    const tabs = household();
    const p = ok(tabs, [file('schwab-lots-voo.csv')]);
    expect(p.preview.account).toBe('Taxable Brokerage');
    expect(p.preview.changes).toEqual([
      { account: 'Taxable Brokerage', ticker: 'VOO', added: 1, replaced: 0, removed: 0, unchanged: 2, sharesBefore: '260', sharesAfter: '265', basisBefore: '62286', basisAfter: '65149.3' },
    ]);
    const next = after(tabs, p);
    expect(lotsOf(next, 'Taxable Brokerage', 'VOO')).toEqual([
      ['TX-VOO-2015', '200', '36480', '2015-03-12'],
      ['TX-VOO-2021', '60', '25806', '2021-11-15'],
      ['TB-VOO-2026a', '5', '2863.3', '2026-10-02'],
    ]);
    // The user's Note stays with its lot; the new lot has none.
    const header = next.Lots[0];
    const note = header.indexOf('Note');
    expect(next.Lots.find((r) => r.includes('TX-VOO-2021'))![note]).toBe('note 2');
    expect(next.Lots.find((r) => r.includes('TB-VOO-2026a'))![note]).toBe('');
    // Every lot of another ticker or account is exactly as it was.
    const others = (g: string[][]) => g.slice(1).filter((r) => !(r[0] === 'Taxable Brokerage' && r[1] === 'VOO'));
    expect(others(next.Lots)).toEqual(others(tabs.Lots));
  });

  it('a lot the broker no longer lists is removed, and one with other shares is replaced', () => {
    const tabs = household();
    const vb = '"VB Lot Details for XXXX-4321 as of 11/20/2026"\r\n\r\n"Open Date","Quantity","Cost Basis",\r\n"09/20/2018","120","$19,008.00",\r\n"Total","120","$19,008.00",\r\n';
    const p = ok(tabs, [file('vb.csv', vb)]);
    expect(p.preview.changes[0]).toMatchObject({ ticker: 'VB', added: 0, replaced: 1, removed: 1, unchanged: 0, sharesBefore: '190', sharesAfter: '120' });
    expect(p.preview.replaced).toBe(2);
    expect(lotsOf(after(tabs, p), 'Taxable Brokerage', 'VB')).toEqual([['TB-VB-2018a', '120', '19008', '2018-09-20']]);
  });

  it('importing the same files twice changes nothing', () => {
    const tabs = household();
    const files = [file('schwab-lots-voo.csv'), file('schwab-realized.csv')];
    const first = after(tabs, ok(tabs, files));
    const second = ok(first, files);
    expect(second.preview.changed).toBe(false);
    expect(second.preview.sales).toBe(0);
    expect(second.preview.salesSkipped).toBe(3);
    expect(after(first, second)).toEqual(first);
  });
});

describe('a realized file appends sales, skipping those already present', () => {
  it('Schwab realized: VNQ and IEFA are on Sales already, VWO is appended with its dates', () => {
    const tabs = household();
    const p = ok(tabs, [file('schwab-realized.csv')]);
    expect(p.preview.salesSkipped).toBe(2);
    expect(p.preview.salesAdded).toEqual([
      { date: '2026-11-02', account: 'Taxable Brokerage', ticker: 'VWO', shares: '40', proceeds: '2064', basis: '2085.63', acquired: '2026-03-03', disallowed: '0' },
    ]);
    const next = after(tabs, p);
    expect(next.Sales.slice(0, tabs.Sales.length)).toEqual(tabs.Sales);
    expect(next.Sales.at(-1)).toEqual(['2026-11-02', 'Taxable Brokerage', 'VWO', '40', '2064', '2085.63', '2026-03-03', '', '0']);
  });

  it('the broker\'s wash-sale disallowed amount goes into Disallowed', () => {
    const tabs = household((t) => (t.Sales = t.Sales.slice(0, 1)));
    const p = ok(tabs, [file('schwab-realized.csv')]);
    expect(p.preview.salesAdded.find((s) => s.ticker === 'IEFA')?.disallowed).toBe('1200');
  });
});

describe('nothing is planned on an error', () => {
  it('every ticker missing from Securities is listed, with the file it came from', () => {
    const tabs = household();
    const text = 'Symbol,Quantity,Cost Basis,Date Acquired\nXYZ,1,$10,01/02/2026\nABC,2,$20,01/02/2026\nVOO,1,$500,01/02/2026\nXYZ,1,$10,01/03/2026\n';
    const p = plan(tabs, [file('other.csv', text)], 'Taxable Brokerage');
    expect(!p.ok && p.errors).toEqual(['2 tickers are not on the Securities tab: ABC (other.csv), XYZ (other.csv). Add each with its asset class, then import again.']);
  });

  it('a file with no account number needs --account; a wrong --account lists the accounts', () => {
    const tabs = household();
    const text = 'Symbol,Quantity,Cost Basis,Date Acquired\nVOO,1,$500,01/02/2026\n';
    const none = plan(tabs, [file('g.csv', text)]);
    expect(!none.ok && none.errors[0]).toMatch(/g\.csv does not show its account number; choose the account/);
    const wrong = plan(tabs, [file('g.csv', text)], 'Brokerage');
    expect(!wrong.ok && wrong.errors[0]).toMatch(/--account "Brokerage" is not on the Accounts tab; expected one of: Taxable Brokerage, Traditional IRA/);
  });

  it('an account number no Broker ID matches says how to fix it; --account against another Broker ID is refused', () => {
    const tabs = household((t) => (t.Accounts = t.Accounts.map((r) => r.slice(0, -1))));
    const p = plan(tabs, [file('schwab-lots-voo.csv')]);
    expect(!p.ok && p.errors[0]).toMatch(/is for account XXXX-4321, which no account's Broker ID matches; add it to the Accounts tab's Broker ID column/);
    const q = plan(household(), [file('schwab-lots-voo.csv')], 'Roth IRA');
    expect(!q.ok && q.errors[0]).toMatch(/is for account XXXX-4321, but Roth IRA's Broker ID is U1234567/);
  });

  it('one Broker ID on two accounts is refused', () => {
    const tabs = household((t) => (t.Accounts = t.Accounts.map((r) => (r[0] === 'HSA' ? [...r.slice(0, -1), 'xxxx-4321'] : r))));
    const p = plan(tabs, [file('schwab-lots-voo.csv')]);
    expect(!p.ok && p.errors).toEqual(['Accounts: Broker ID xxxx-4321 is given to both Taxable Brokerage and HSA; expected each account\'s own number']);
  });

  it('the same file twice, or two files listing one ticker, is refused', () => {
    const tabs = household();
    const twice = plan(tabs, [file('a.csv', fixture('schwab-realized.csv')), file('b.csv', fixture('schwab-realized.csv'))]);
    expect(!twice.ok && twice.errors[0]).toMatch(/b\.csv is the same file as a\.csv/);
    const dup = plan(tabs, [file('schwab-lots-voo.csv'), file('v2.csv', fixture('schwab-lots-voo.csv').replace('"5"', '"6"'))]);
    expect(!dup.ok && dup.errors[0]).toMatch(/both list the lots of VOO in Taxable Brokerage/);
  });

  it('a lot bought after the as-of date is refused', () => {
    const tabs = household();
    const p = plan(tabs, [file('late.csv', fixture('schwab-lots-voo.csv').replace('10/02/2026', '12/02/2026'))]);
    expect(!p.ok && p.errors[0]).toMatch(/late\.csv, line 6: VOO acquired 2026-12-02, after the as-of date 2026-11-20/);
  });
});

describe('Fidelity positions are a check, never lots', () => {
  it('reports which positions agree with the Lots tab and which differ; no lot changes', () => {
    const tabs = household((t) => {
      t.Accounts = t.Accounts.map((r) => (r[0] === 'Traditional IRA' ? [...r.slice(0, -1), 'Z00000000'] : r));
      t.Securities.push(['VXUS', 'International Developed', '64.10', '', '9', '', '']);
    });
    const p = ok(tabs, [file('fidelity-positions.csv')]);
    expect(p.preview.changed).toBe(false);
    expect(p.preview.lots).toBe(0);
    const text = p.preview.warnings.join('\n');
    expect(text).toMatch(/cannot replace your lots/);
    expect(text).toMatch(/VTI in Traditional IRA: the broker shows 100 shares with basis \$21000\.00, the Lots tab 0 shares/);
    expect(text).toMatch(/VXUS in 111111111: no account's Broker ID matches/);
  });
});

describe('property: an import is idempotent', () => {
  it('importing a generic lots file twice gives the first result back, whatever its lots', () => {
    const lot = fc.record({
      ticker: fc.constantFrom('VOO', 'VTI', 'BND', 'VEA'),
      shares: fc.integer({ min: 1, max: 5000 }),
      cents: fc.integer({ min: 0, max: 50_000_000 }),
      day: fc.integer({ min: 0, max: 3000 }),
    });
    assertProperty(
      fc.property(fc.array(lot, { minLength: 1, maxLength: 12 }), (lots) => {
        const tabs = household();
        const rows = lots.map((l) => {
          const d = new Date(Date.UTC(2016, 0, 1) + l.day * 86_400_000);
          const us = `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
          return `${l.ticker},${l.shares},"$${(l.cents / 100).toFixed(2)}",${us}`;
        });
        const files = [file('lots.csv', ['Symbol,Quantity,Cost Basis,Date Acquired', ...rows].join('\n'))];
        const once = after(tabs, ok(tabs, files, 'Taxable Brokerage'));
        const twice = ok(once, files, 'Taxable Brokerage');
        expect(twice.preview.changed).toBe(false);
        expect(after(once, twice)).toEqual(once);
        // Shares of every listed ticker are what the file says; untouched tickers keep theirs.
        for (const t of new Set(lots.map((l) => l.ticker))) {
          const want = lots.filter((l) => l.ticker === t).reduce((n, l) => n + l.shares, 0);
          expect(lotsOf(once, 'Taxable Brokerage', t).reduce((n, l) => n + Number(l[1]), 0)).toBe(want);
        }
      }),
      { numRuns: 20 },
    );
  });
});

describe('writing into the tabs the user laid out', () => {
  it('a Lots tab kept in Cost/Share gets cost per share; a Sales tab without Disallowed gains the column only when needed', () => {
    const tabs = household((t) => {
      t.Lots = t.Lots.map((r, i) => {
        const [account, ticker, shares, basis, acquired, lot, from, note] = r;
        return [account, ticker, shares, i === 0 ? 'Cost/Share' : String(Number(basis) / Number(shares)), acquired, lot, from, note];
      });
      t.Sales = t.Sales.map((r) => r.slice(0, 8));
    });
    const p = ok(tabs, [file('schwab-lots-voo.csv'), file('schwab-realized.csv')]);
    const next = after(tabs, p);
    expect(next.Lots[0].slice(0, 5)).toEqual(['Account', 'Ticker', 'Shares', 'Cost/Share', 'Acquired']);
    expect(next.Lots.find((r) => r[5] === 'TB-VOO-2026a')!.slice(0, 5)).toEqual(['Taxable Brokerage', 'VOO', '5', '572.66', '2026-10-02']);
    expect(next.Sales[0]).toEqual(['Date', 'Account', 'Ticker', 'Shares', 'Proceeds', 'Cost Basis', 'Acquired', 'Lot']);
    // A disallowed loss needs the column: it is added at the right, with the old rows left blank.
    const washed = household((t) => (t.Sales = t.Sales.slice(0, 1).map((r) => r.slice(0, 8))));
    const q = after(washed, ok(washed, [file('schwab-realized.csv')]));
    expect(q.Sales[0].at(-1)).toBe('Disallowed');
    expect(q.Sales.find((r) => r[2] === 'IEFA')!.at(-1)).toBe('1200');
  });

  it('a workbook with no Sales tab gets one with the canonical headers', () => {
    const tabs = household((t) => delete (t as Record<string, unknown>).Sales);
    const p = ok(tabs, [file('schwab-realized.csv')]);
    expect(p.salesTab[0]).toEqual(['Date', 'Account', 'Ticker', 'Shares', 'Proceeds', 'Cost Basis', 'Acquired', 'Lot', 'Disallowed']);
    expect(p.salesTab.length).toBe(4);
  });

  it('only the chosen account\'s lots of a ticker are replaced; the same ticker elsewhere is left alone', () => {
    const tabs = household();
    const bnd = '"BND Lot Details for XXXX-4321 as of 11/20/2026"\r\n\r\n"Open Date","Quantity","Cost Basis",\r\n"08/10/2021","260","$22,594.00",\r\n';
    const p = ok(tabs, [file('bnd.csv', bnd)]);
    const next = after(tabs, p);
    expect(lotsOf(next, 'Taxable Brokerage', 'BND').map((l) => l[1])).toEqual(['260']);
    expect(lotsOf(next, 'Traditional IRA', 'BND')).toEqual(lotsOf(tabs, 'Traditional IRA', 'BND'));
  });
});
