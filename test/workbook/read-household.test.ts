import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/engine/dates';
import { baseTabs, errorsOf, householdOf, readTabs, warningsOf, withTab } from './fixture';
import { gridSource } from '../../src/workbook/tab-source';
import { readHousehold } from '../../src/workbook/read-household';

const LOTS_HEADER = ['Account', 'Ticker', 'Shares', 'Cost Basis', 'Acquired'];

describe('the base fixture', () => {
  it('reads into a household', () => {
    const h = householdOf(readTabs(baseTabs()));
    expect(h.accounts.map((a) => [a.name, a.type, a.treatment, a.cash.toFixed()])).toEqual([
      ['Brokerage', 'Taxable', 'taxable', '1000'],
      ['IRA', 'Traditional IRA', 'deferred', '0'],
    ]);
    expect(h.targets.map((t) => [t.assetClass, t.target?.toFixed()])).toEqual([
      ['Stocks', '0.6'],
      ['Bonds', '0.4'],
    ]);
    expect(h.securities[0]).toMatchObject({ ticker: 'VTI', washGroup: 'VTI', rank: 1, exDividend: null, spread: null });
    expect(h.lots[0]).toMatchObject({ id: 'B-VTI-2020a', acquired: '2020-01-02', holdingFrom: null });
    expect(h.sales).toEqual([]);
    expect(h.settings.asOf).toBe('2026-11-20');
  });
});

describe('each mistake is reported with its tab, row and column', () => {
  it('targets that do not sum to 100%', () => {
    const r = withTab('Targets', [
      ['Asset Class', 'Target'],
      ['Stocks', '60%'],
      ['Bonds', '30%'],
    ]);
    expect(errorsOf(r)).toEqual(['Targets!row 1, column Target: found targets summing to 90.00%; expected them to sum to 100%']);
  });

  it('accepts a sum off by less than 0.01 point', () => {
    // 33.333 + 33.333 + 33.333 = 99.999%: within 0.01 point of 100%.
    const r = withTab('Targets', [
      ['Asset Class', 'Target'],
      ['Stocks', '33.333%'],
      ['Bonds', '33.333%'],
      ['Cash Equiv', '33.333%'],
    ]);
    expect(errorsOf(r)).toEqual([]);
    expect(warningsOf(r)).toEqual([
      'Targets!row 4, column Asset Class: found no security for "Cash Equiv" on Securities; expected at least one to buy it with',
    ]);
  });

  it('a lot in an unknown account', () => {
    const r = withTab('Lots', [LOTS_HEADER, ['Brokerage', 'VTI', '10', '2000', '2020-01-02'], ['Brokrage', 'BND', '1', '70', '2020-01-02']]);
    expect(errorsOf(r)).toEqual(['Lots!row 3, column Account: found "Brokrage"; expected an account listed on Accounts']);
  });

  it('a lot or sale ticker missing from Securities', () => {
    const tabs = baseTabs();
    tabs.Lots.push(['IRA', 'xyz', '1', '10', '2020-01-02']);
    tabs.Sales = [
      ['Date', 'Account', 'Ticker', 'Shares', 'Proceeds', 'Cost Basis'],
      ['2026-03-02', 'Brokerage', 'QQQ', '5', '2000', '2100'],
    ];
    expect(errorsOf(readTabs(tabs))).toEqual([
      'Lots!row 4, column Ticker: found "XYZ"; expected a ticker listed on Securities (with its price and asset class)',
      'Sales!row 2, column Ticker: found "QQQ"; expected a ticker listed on Securities (with its price and asset class)',
    ]);
  });

  it('a security whose asset class is not on Targets', () => {
    const tabs = baseTabs();
    tabs.Securities.push(['GLD', 'Gold', '190']);
    expect(errorsOf(readTabs(tabs))).toEqual([
      'Securities!row 4, column Asset Class: found "Gold"; expected an asset class listed on Targets',
    ]);
  });

  it('negative, zero and non-numeric shares', () => {
    const r = withTab('Lots', [
      LOTS_HEADER,
      ['Brokerage', 'VTI', -5, '2000', '2020-01-02'],
      ['Brokerage', 'VTI', '0', '2000', '2020-01-02'],
      ['Brokerage', 'VTI', 'abc', '2000', '2020-01-02'],
      ['Brokerage', 'VTI', '', '2000', '2020-01-02'],
    ]);
    expect(errorsOf(r)).toEqual([
      'Lots!row 2, column Shares: found -5; expected a number of shares greater than 0',
      'Lots!row 3, column Shares: found 0; expected a number of shares greater than 0',
      'Lots!row 4, column Shares: found "abc"; expected a number of shares greater than 0',
      'Lots!row 5, column Shares: found an empty cell; expected a number of shares greater than 0',
    ]);
  });

  it('a missing, zero or #N/A price', () => {
    const r = withTab('Securities', [
      ['Ticker', 'Asset Class', 'Price'],
      ['VTI', 'Stocks', ''],
      ['BND', 'Bonds', 0],
      ['VXUS', 'Stocks', '#N/A'],
    ]);
    expect(errorsOf(r)).toEqual([
      'Securities!row 2, column Price: found an empty cell; expected a price greater than 0',
      'Securities!row 3, column Price: found 0; expected a price greater than 0',
      'Securities!row 4, column Price: found #N/A (a spreadsheet error); expected a price greater than 0',
    ]);
  });

  it('an acquired date after the as-of date', () => {
    const r = withTab('Lots', [LOTS_HEADER, ['Brokerage', 'VTI', '10', '2000', '2026-11-21']]);
    expect(errorsOf(r)).toEqual([
      'Lots!row 2, column Acquired: found 2026-11-21, after the as-of date 2026-11-20; expected an acquisition date on or before 2026-11-20',
    ]);
    // The same lot is fine for a plan dated later.
    expect(errorsOf(withTab('Lots', [LOTS_HEADER, ['Brokerage', 'VTI', '10', '2000', '2026-11-21']], { asOf: isoDate('2026-12-01') }))).toEqual([]);
  });

  it('a day that does not exist is "not a real date", not a request for the form already used', () => {
    const r = withTab('Lots', [LOTS_HEADER, ['Brokerage', 'VTI', '10', '2000', '2018-09-31'], ['Brokerage', 'VTI', '1', '200', '2023-02-29'], ['Brokerage', 'VTI', '1', '200', '2023-13-01']]);
    expect(errorsOf(r)).toEqual([
      'Lots!row 2, column Acquired: found "2018-09-31", which is not a real date (September 2018 has 30 days); expected a real date as YYYY-MM-DD',
      'Lots!row 3, column Acquired: found "2023-02-29", which is not a real date (February 2023 has 28 days); expected a real date as YYYY-MM-DD',
      'Lots!row 4, column Acquired: found "2023-13-01", which is not a real date (there is no month 13); expected a real date as YYYY-MM-DD',
    ]);
  });

  it('a duplicate account name (ignoring case)', () => {
    const r = withTab('Accounts', [
      ['Account', 'Type'],
      ['Brokerage', 'Taxable'],
      ['IRA', 'Traditional IRA'],
      ['brokerage', 'Taxable'],
    ]);
    expect(errorsOf(r)).toEqual([
      'Accounts!row 4, column Account: found "brokerage" again; expected each account name once (first on row 2)',
    ]);
  });

  it('an unknown account type', () => {
    const r = withTab('Accounts', [
      ['Account', 'Type'],
      ['Brokerage', 'Taxable'],
      ['IRA', 'Annuity'],
    ]);
    expect(errorsOf(r)).toEqual([
      'Accounts!row 3, column Type: found "Annuity"; expected an account type: Taxable, Traditional IRA, Roth IRA, 401(k), Roth 401(k), 403(b), 457(b), SEP IRA, SIMPLE IRA, HSA, 529',
    ]);
  });

  it('a missing required tab', () => {
    const tabs = baseTabs();
    delete (tabs as Record<string, unknown>).Securities;
    // Without Securities nothing can be cross-checked against it, but every other error still comes.
    expect(errorsOf(readTabs(tabs))).toEqual(['Securities!row 1: found no Securities tab; expected a tab named Securities']);
  });

  it('a missing required column, named at the header row', () => {
    const r = withTab('Lots', [
      [],
      ['Account', 'Ticker', 'Cost Basis', 'Acquired'],
      ['Brokerage', 'VTI', '2000', '2020-01-02'],
    ]);
    expect(errorsOf(r)).toEqual(['Lots!row 2, column Shares: found no Shares column; expected one in the header row']);
    const noBasis = withTab('Lots', [['Account', 'Ticker', 'Shares', 'Acquired']]);
    expect(errorsOf(noBasis)).toEqual([
      'Lots!row 1, column Cost Basis: found no Cost Basis (or Cost/Share) column; expected one in the header row',
    ]);
  });

  it('an empty required tab', () => {
    expect(errorsOf(withTab('Accounts', [[''], []]))).toEqual([
      'Accounts!row 1: found an empty tab; expected a header row naming Account, Type',
    ]);
  });

  it('a missing as-of date, unless the caller gives one', () => {
    const tabs = baseTabs();
    tabs.Settings = [['Setting', 'Value']];
    expect(errorsOf(readTabs(tabs))).toEqual([
      'Settings!row 1, column As Of: found no As Of setting; expected a row "As Of" with the date the plan is for (YYYY-MM-DD)',
    ]);
    tabs.Settings.push(['As Of', '']);
    expect(errorsOf(readTabs(tabs))).toEqual([
      'Settings!row 2, column Value: As Of: found an empty cell; expected the date the plan is for as YYYY-MM-DD',
    ]);
    delete (tabs as Record<string, unknown>).Settings;
    const h = householdOf(readTabs(tabs, { asOf: isoDate('2026-06-30') }));
    expect(h.settings.asOf).toBe('2026-06-30');
  });

  it('collects every error of every tab in one read', () => {
    const tabs = baseTabs();
    tabs.Accounts.push(['Roth', 'Roth IRA', 'lots']);
    tabs.Securities[1][2] = '#REF!';
    tabs.Lots.push(['Nowhere', 'VTI', '1', '1', '2030-01-01']);
    tabs.Settings.push(['Short-Term Rate', 'high']);
    expect(errorsOf(readTabs(tabs))).toEqual([
      'Settings!row 3, column Value: Short-Term Rate: found "high"; expected a tax rate between 0% and 100%',
      'Accounts!row 4, column Cash: found "lots"; expected an amount of cash in dollars (0 or more)',
      'Securities!row 2, column Price: found #REF! (a spreadsheet error); expected a price greater than 0',
      'Lots!row 4, column Acquired: found 2030-01-01, after the as-of date 2026-11-20; expected an acquisition date on or before 2026-11-20',
    ]);
  });

  it('duplicate lot ids', () => {
    const r = withTab('Lots', [
      [...LOTS_HEADER, 'Lot'],
      ['Brokerage', 'VTI', '10', '2000', '2020-01-02', 'A1'],
      ['IRA', 'BND', '100', '8000', '2019-05-01', 'A1'],
    ]);
    expect(errorsOf(r)).toEqual(['Lots!row 3, column Lot: found lot id "A1" again; expected each lot id once (first on row 2)']);
  });

  it('never throws on garbage cells', () => {
    const junk = [null, undefined, {}, [], Number.NaN, () => 1, Symbol('x'), new Date(Number.NaN), true];
    const tabs: Record<string, unknown[][]> = {};
    for (const name of ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings']) {
      tabs[name] = [baseTabs()[name]?.[0] ?? ['Date', 'Account', 'Ticker', 'Shares', 'Proceeds', 'Cost Basis'], junk, junk];
    }
    const r = readHousehold(gridSource(tabs));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Every junk row of every table tab is refused by name, with a readable message: no
    // "undefined", "[object Object]" or stringified function leaks into what the user reads.
    for (const e of r.errors) {
      expect(Object.keys(tabs), JSON.stringify(e)).toContain(e.tab);
      expect([1, 2, 3], JSON.stringify(e)).toContain(e.row);
      expect(e.column, JSON.stringify(e)).not.toBe('');
      expect(e.message, JSON.stringify(e)).toMatch(/^found .+; expected .+/);
      expect(e.message, JSON.stringify(e)).not.toMatch(/undefined|\[object|=>|Symbol\(|Invalid Date/);
    }
    for (const tab of ['Accounts', 'Securities', 'Lots', 'Sales']) {
      for (const row of [2, 3]) expect(r.errors.some((e) => e.tab === tab && e.row === row), `${tab} row ${row}`).toBe(true);
    }
    expect(r.errors).toContainEqual({ tab: 'Lots', row: 2, column: 'Shares', message: 'found an unreadable value; expected a number of shares greater than 0' });
  });
});

describe('headers', () => {
  it('match ignoring case, spaces and punctuation, in any order, with unknown columns ignored', () => {
    const r = withTab('Lots', [
      ['notes', 'ACQUIRED', 'cost_basis', 'Shares ', 'ticker', 'ACCOUNT', 'Holding-From', 'Broker'],
      ['first buy', '2020-01-02', '2000', '10', 'vti', 'brokerage', '2019-12-01', 'Schwab'],
    ]);
    const h = householdOf(r);
    expect(h.lots).toHaveLength(1);
    expect(h.lots[0]).toMatchObject({ account: 'Brokerage', ticker: 'VTI', acquired: '2020-01-02', holdingFrom: '2019-12-01' });
    expect(h.lots[0].basis.toFixed()).toBe('2000');
  });

  it('accept Cost/Share instead of Cost Basis, times shares', () => {
    const r = withTab('Lots', [
      ['Account', 'Ticker', 'Shares', 'Cost/Share', 'Acquired'],
      ['Brokerage', 'VTI', '12.5', '$201.10', '2020-01-02'],
    ]);
    // 12.5 shares x $201.10 = $2,513.75
    expect(householdOf(r).lots[0].basis.toFixed()).toBe('2513.75');
  });

  it('reject a repeated header', () => {
    const r = withTab('Lots', [['Account', 'Ticker', 'Shares', 'Cost Basis', 'Acquired', 'TICKER']]);
    expect(errorsOf(r)).toEqual(['Lots!row 1, column TICKER: found a second "TICKER" column; expected each column once']);
  });

  it('start at the first non-empty row and number rows as the sheet does', () => {
    const r = withTab('Lots', [
      ['', ''],
      [],
      LOTS_HEADER,
      ['Brokerage', 'VTI', '10', '2000', '2020-01-02'],
      ['', '', '', '', '', 'a note in an unread column'],
      ['Brokerage', 'VTI', 'ten', '2000', '2020-01-02'],
    ]);
    expect(errorsOf(r)).toEqual(['Lots!row 6, column Shares: found "ten"; expected a number of shares greater than 0']);
  });

  // How fast is measured by `npm run bench:bundle`, not here.
  it('skip thousands of trailing empty rows', () => {
    const rows: unknown[][] = [LOTS_HEADER, ['Brokerage', 'VTI', '10', '2000', '2020-01-02']];
    const empty = Array.from({ length: 26 }, () => '');
    for (let i = 0; i < 50_000; i++) rows.push(empty);
    const h = householdOf(withTab('Lots', rows));
    expect(h.lots).toHaveLength(1);
  });

  it('find tabs by name regardless of case', () => {
    const tabs = baseTabs();
    const lower = Object.fromEntries(Object.entries(tabs).map(([k, v]) => [k.toLowerCase(), v]));
    expect(householdOf(readTabs(lower)).lots).toHaveLength(2);
  });
});

describe('Accounts', () => {
  it('maps obvious spellings of types to their tax treatment', () => {
    const r = withTab('Accounts', [
      ['Account', 'Type', 'Allowed', 'Fractional', 'DRIP'],
      ['Brokerage', 'brokerage', '', 'no', 'yes'],
      ['IRA', 'trad ira', '', '', ''],
      ['Roth', 'roth', 'vti; bnd  vxus,VEA', 'Y', 'N'],
      ['Work', '401k', 'FXAIX', true, false],
      ['Work Roth', 'Roth 401(k)', '', '', ''],
      ['HSA', 'HSA', '', '', ''],
      ['College', 529, '', '', ''],
      ['Old Job', '403b', '', '', ''],
    ]);
    const h = householdOf(r);
    expect(h.accounts.map((a) => `${a.name}: ${a.type} ${a.treatment}`)).toEqual([
      'Brokerage: Taxable taxable',
      'IRA: Traditional IRA deferred',
      'Roth: Roth IRA exempt',
      'Work: 401(k) deferred',
      'Work Roth: Roth 401(k) exempt',
      'HSA: HSA exempt',
      'College: 529 exempt',
      'Old Job: 403(b) deferred',
    ]);
    expect(h.accounts[0]).toMatchObject({ allowed: null, fractional: false, drip: true });
    expect(h.accounts[2]).toMatchObject({ allowed: ['VTI', 'BND', 'VXUS', 'VEA'], fractional: true, drip: false });
    expect(h.accounts[0].reserve.toFixed()).toBe('0');
    // Allowed tickers missing from Securities can't be bought: a warning, not an error.
    expect(warningsOf(r)).toContain(
      'Accounts!row 4, column Allowed: found "VXUS", which is not on Securities; it cannot be bought without a price',
    );
  });
});

describe('Targets', () => {
  it('reads 0-100 columns, fractions and % text alike', () => {
    for (const [a, b] of [
      [60, 40],
      [0.6, 0.4],
      ['60%', 0.4],
      ['60', '40'],
    ]) {
      const h = householdOf(withTab('Targets', [['Asset Class', 'Target'], ['Stocks', a], ['Bonds', b]]));
      expect(h.targets.map((t) => t.target?.toFixed())).toEqual(['0.6', '0.4']);
    }
  });

  it('reads bands, absolute bands and locations', () => {
    const h = householdOf(
      withTab('Targets', [
        ['Asset Class', 'Target', 'Band', 'Abs Band', 'Location'],
        ['Stocks', '60%', '10%', '', 'Roth; taxable'],
        ['Bonds', '40%', '5%', '2%', 'tax-deferred, tax-exempt, taxable'],
      ]),
    );
    expect(h.targets[0]).toMatchObject({ absBand: null, location: ['exempt', 'taxable'] });
    expect(h.targets[0].band?.toFixed()).toBe('0.1');
    expect(h.targets[1].absBand?.toFixed()).toBe('0.02');
    expect(h.targets[1].location).toEqual(['deferred', 'exempt', 'taxable']);
    const bad = withTab('Targets', [
      ['Asset Class', 'Target', 'Location'],
      ['Stocks', '60%', 'offshore'],
      ['Bonds', '40%', 'IRA'],
    ]);
    expect(errorsOf(bad)).toEqual([
      'Targets!row 2, column Location: found "offshore"; expected tax treatments in order, e.g. "deferred, exempt, taxable"',
    ]);
  });

  it('reads dated glide-path columns, sorted by date, each checked to sum to 100%', () => {
    const h = householdOf(
      withTab('Targets', [
        ['Asset Class', 'Target 2035-01-01', 'Target', 'Target 2030-01-01'],
        ['Stocks', '40%', '60%', '50%'],
        ['Bonds', '60%', '40%', '50%'],
      ]),
    );
    expect(h.targets[0].target?.toFixed()).toBe('0.6');
    expect(h.targets[0].glide.map((g) => `${g.date} ${g.target.toFixed()}`)).toEqual(['2030-01-01 0.5', '2035-01-01 0.4']);
    expect(h.targets[1].glide.map((g) => `${g.date} ${g.target.toFixed()}`)).toEqual(['2030-01-01 0.5', '2035-01-01 0.6']);

    const onlyDated = householdOf(
      withTab('Targets', [['Asset Class', 'Target 2030-01-01'], ['Stocks', '50%'], ['Bonds', '50%']]),
    );
    expect(onlyDated.targets[0].target).toBeNull();

    const bad = withTab('Targets', [
      ['Asset Class', 'Target', 'Target 2030-01-01', 'Target 2031-02-30'],
      ['Stocks', '60%', '50%', '50%'],
      ['Bonds', '40%', '45%', '50%'],
    ]);
    expect(errorsOf(bad)).toEqual([
      'Targets!row 1, column Target 2031-02-30: found "Target 2031-02-30"; expected a dated target column headed "Target YYYY-MM-DD"',
    ]);
    const badSum = withTab('Targets', [
      ['Asset Class', 'Target', 'Target 2030-01-01'],
      ['Stocks', '60%', '50%'],
      ['Bonds', '40%', '45%'],
    ]);
    expect(errorsOf(badSum)).toEqual([
      'Targets!row 1, column Target 2030-01-01: found targets summing to 95.00%; expected them to sum to 100%',
    ]);
  });

  it('rejects a target above 100% and a duplicate class', () => {
    const r = withTab('Targets', [
      ['Asset Class', 'Target'],
      ['Stocks', '160%'],
      ['stocks', '40%'],
      ['Bonds', '0%'],
    ]);
    expect(errorsOf(r)).toEqual([
      'Targets!row 2, column Target: found 160.00%; expected a target percentage between 0% and 100% (0% for a class being phased out)',
      'Targets!row 3, column Asset Class: found "stocks" again; expected each asset class once (first on row 2)',
    ]);
  });
});

describe('Securities', () => {
  it('upper-cases tickers, defaults the wash group and rank, reads ex-dividend and spread', () => {
    const h = householdOf(
      withTab('Securities', [
        ['Ticker', 'Asset Class', 'Price', 'Wash Group', 'Rank', 'Ex-Dividend', 'Spread'],
        [' vti ', 'stocks', '$250.10', '', '', '', ''],
        ['VOO', 'Stocks', 500, 'sp500', 2, new Date(2026, 11, 1), '0.03%'],
        ['BND', 'Bonds', '75', '', '', '2026-12-01', ''],
      ]),
    );
    expect(h.securities[0]).toMatchObject({ ticker: 'VTI', assetClass: 'Stocks', washGroup: 'VTI', rank: 1, spread: null });
    expect(h.securities[0].price.toFixed()).toBe('250.1');
    expect(h.securities[1]).toMatchObject({ washGroup: 'SP500', rank: 2, exDividend: '2026-12-01' });
    expect(h.securities[1].spread?.toFixed()).toBe('0.0003');
  });

  it('warns about a spread that looks like a missing % sign', () => {
    const r = withTab('Securities', [
      ['Ticker', 'Asset Class', 'Price', 'Spread'],
      ['VTI', 'Stocks', '250', 0.02],
      ['BND', 'Bonds', '75', ''],
    ]);
    expect(r.ok).toBe(true);
    expect(warningsOf(r)).toEqual([
      'Securities!row 2, column Spread: found a spread of 2.00%, which is high; write 0.02% (with the sign) if you meant 0.02%',
    ]);
  });
});

describe('Sales', () => {
  it('reads sales with optional columns', () => {
    const tabs = baseTabs();
    tabs.Sales = [
      ['Date', 'Account', 'Ticker', 'Shares', 'Proceeds', 'Cost Basis', 'Acquired', 'Lot', 'Disallowed'],
      ['2026-10-30', 'Brokerage', 'VTI', '5', '1,200.00', '1,400.00', '2025-07-22', 'L9', '150'],
      ['2026-02-02', 'Old Broker', 'BND', '1', '70', '72', '', '', ''],
    ];
    const r = readTabs(tabs);
    const h = householdOf(r);
    expect(h.sales[0]).toMatchObject({ date: '2026-10-30', acquired: '2025-07-22', lot: 'L9' });
    expect(h.sales[0].disallowed.toFixed()).toBe('150');
    expect(h.sales[1]).toMatchObject({ acquired: null, lot: null, account: 'Old Broker' });
    expect(h.sales[1].disallowed.toFixed()).toBe('0');
    expect(warningsOf(r)).toEqual([
      'Sales!row 3, column Account: found "Old Broker", which is not on Accounts; the sale still counts for wash sales',
    ]);
  });
});

describe('Settings', () => {
  it('defaults everything PRODUCT.md lists', () => {
    const s = householdOf(readTabs(baseTabs())).settings;
    expect({
      st: s.shortTermRate.toFixed(),
      lt: s.longTermRate.toFixed(),
      state: s.stateRate.toFixed(),
      band: s.band.toFixed(),
      minTrade: s.minTrade.toFixed(),
      harvestMinLoss: s.harvestMinLoss.toFixed(),
      spread: s.spread.toFixed(),
      override: s.overrideThreshold.toFixed(),
    }).toEqual({ st: '0.37', lt: '0.2', state: '0', band: '0.1', minTrade: '100', harvestMinLoss: '500', spread: '0.0002', override: '0.2' });
    expect(s).toMatchObject({
      lotMethod: 'MinTax',
      absBand: null,
      harvestLosses: true,
      gainBudget: null,
      longTermWaitDays: 30,
      schedule: 'monthly',
      automation: 'notify',
      notify: 'action',
      email: null,
    });
  });

  it('reads values in every accepted form; an unknown name is a warning', () => {
    // Messages name a column as the sheet writes its header (here "SETTING").
    const r = withTab('Settings', [
      ['SETTING', 'value'],
      ['as of', new Date(2026, 10, 20)],
      ['Short Term Rate', 35],
      ['long-term rate', 0.15],
      ['State Rate', '9.3%'],
      ['Lot Method', 'hifo'],
      ['Abs Band', 'none'],
      ['Min Trade', '$250'],
      ['Harvest Losses', 'no'],
      ['Gain Budget', '$10,000'],
      ['Long-Term Wait Days', 45],
      ['Schedule', 'Quarterly'],
      ['Notify', 'always'],
      ['Automation', 'auto-plan'],
      ['Favorite Color', 'green'],
      ['Email', 'me@example.com'],
    ]);
    const s = householdOf(r).settings;
    expect(s.asOf).toBe('2026-11-20');
    expect([s.shortTermRate, s.longTermRate, s.stateRate].map((d) => d.toFixed())).toEqual(['0.35', '0.15', '0.093']);
    expect(s).toMatchObject({ lotMethod: 'HIFO', absBand: null, harvestLosses: false, longTermWaitDays: 45, schedule: 'quarterly', notify: 'always', automation: 'auto-plan', email: 'me@example.com' });
    expect(s.minTrade.toFixed()).toBe('250');
    expect(s.gainBudget?.toFixed()).toBe('10000');
    expect(warningsOf(r)).toHaveLength(1);
    expect(warningsOf(r)[0]).toMatch(/^Settings!row 15, column SETTING: found unknown setting "Favorite Color"; expected one of As Of, /);
  });

  it('reports a bad value and a repeated setting', () => {
    const r = withTab('Settings', [
      ['Setting', 'Value'],
      ['As Of', '2026-11-20'],
      ['Lot Method', 'cheapest'],
      ['As Of', '2026-11-21'],
      ['Slack Webhook', 'http://example.com/hook'],
    ]);
    expect(errorsOf(r)).toEqual([
      'Settings!row 3, column Value: Lot Method: found "cheapest"; expected one of MinTax, HIFO, FIFO, LIFO, SpecID',
      'Settings!row 4, column Setting: found "As Of" again; expected each setting once (first on row 2)',
      'Settings!row 5, column Value: Slack Webhook: found "http://example.com/hook"; expected a webhook address starting with https://',
    ]);
  });
});
