import { describe, expect, it } from 'vitest';
import { dec, toPlain } from '../../src/engine/money';
import { planRebalance } from '../../src/engine/planner';
import { describeLots } from '../../src/engine/taxlots';
import { gainOf, saleTax, taxYearContext } from '../../src/engine/tax';
import { readHousehold, gridSource } from '../../src/workbook/index';
import { harvestOpportunities } from '../../src/engine/schedule/harvest-opportunities';
import { planJson } from '../../src/present/plan-json';
import { AS_OF, acct, household, lot, sale, sec, target } from '../planner/builders';
import { settings } from './fixtures';
import { exampleHousehold, exampleTabs } from '../schedule/example-household';

describe('the tax settings on the Settings tab', () => {
  it('reads Filing Status (and its usual spellings), Income, Deductions, Qualified Dividends, Investment Income, Harvest Gains', () => {
    const h = exampleHousehold({ 'Filing Status': 'MFJ', Income: '$112,200', Deductions: 'standard', 'Qualified Dividends': '$1,200', 'Investment Income': '$3,400', 'Harvest Gains': 'yes' });
    const s = h.settings;
    expect([s.filingStatus, toPlain(s.income), s.deductions, toPlain(s.qualifiedDividends), toPlain(s.investmentIncome), s.harvestGains]).toEqual(['Married Filing Jointly', '112200', null, '1200', '3400', true]);
    expect(exampleHousehold({ 'Filing Status': 'head of household', Deductions: '$40,000' }).settings).toMatchObject({ filingStatus: 'Head of Household' });
    expect(toPlain(exampleHousehold({ Deductions: '$40,000' }).settings.deductions!)).toBe('40000');
  });

  it('without them, nothing changes: no Filing Status, the flat rates', () => {
    const s = exampleHousehold().settings;
    expect([s.filingStatus, toPlain(s.income), s.deductions, s.harvestGains]).toEqual([null, '0', null, false]);
  });

  it('a misspelled status or a negative income is an error naming the row and the choices', () => {
    const read = readHousehold(gridSource(exampleTabs({ 'Filing Status': 'Married', Income: '-5000' })), {});
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const messages = read.errors.map((e) => `${e.tab}!${e.row} ${e.column}: ${e.message}`);
    expect(messages.some((m) => /^Settings!\d+ Value: Filing Status: found "Married"; expected one of Single, Married Filing Jointly, Married Filing Separately, Head of Household, or none/.test(m))).toBe(true);
    expect(messages.some((m) => /Income: found -5000/.test(m))).toBe(true);
  });
});

describe('the example household under the 2026 tables', () => {
  const tables = { 'Filing Status': 'Married Filing Jointly', Income: '$112,200' };

  it('TAXLOTS Tax If Sold is what selling the lot alone adds to the year, as the harvest table says', () => {
    const h = exampleHousehold(tables);
    const year = taxYearContext(h, AS_OF);
    const views = describeLots(h, AS_OF).filter((v) => v.taxable);
    for (const v of views) expect(toPlain(v.tax!)).toBe(toPlain(saleTax(year, gainOf(v.term, v.gain))));
    const bnd = views.find((v) => v.lot === 'TX-BND-2021')!;
    expect(toPlain(harvestOpportunities(h, AS_OF)[0].taxSaved)).toBe(toPlain(bnd.tax!.negated()));
  });

  it('the plan summary splits the tax and gives the marginal rates and the 0% room left', () => {
    const plan = planRebalance(exampleHousehold(tables));
    const d = plan.summary.taxDetail!;
    expect(d.taxYear).toBe(2026);
    expect(d.federal.plus(d.niit).plus(d.state).toFixed()).toBe(plan.trades.reduce((acc, t) => acc.plus(t.tax), dec(0)).toFixed());
    const json = planJson(plan).summary;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['federalTax', 'niit', 'stateTax', 'marginalShortTermRate', 'marginalLongTermRate', 'zeroRateRoom']));
    expect(Object.keys(planJson(planRebalance(exampleHousehold())).summary)).not.toContain('federalTax');
  });
});

describe('gain harvesting (Harvest Gains)', () => {
  // Joint 2026, $100,000 of income: taxable 67,800, so 31,100 of long-term gain fits the 0% band.
  const base = () =>
    household({
      accounts: [acct('Taxable', 'Taxable', 0)],
      targets: [target('US Stocks', 1)],
      securities: [sec('VTI', 'US Stocks', 300)],
      lots: [lot('A', 'Taxable', 'VTI', 100, 10_000, '2020-01-02'), lot('B', 'Taxable', 'VTI', 200, 40_000, '2021-01-04'), lot('C', 'Taxable', 'VTI', 10, 3_200, '2026-06-01')],
      settings: settings({ asOf: AS_OF, lotMethod: 'MinTax', stateRate: dec(0), spread: dec(0), harvestLosses: false, filingStatus: 'Married Filing Jointly', income: dec(100_000), harvestGains: true }),
    });

  it('realizes long-term gain up to the 0% room, most gain per dollar first, and buys the shares back at once', () => {
    const plan = planRebalance(base());
    // Lot A: 100 x (300 - 100) = 20,000; room left 11,100; lot B gains 100 a share: 111 shares.
    // The short-term lot C is never touched (it is not long-term, and it is at a loss).
    const sell = plan.trades.find((t) => t.action === 'SELL')!;
    const buy = plan.trades.find((t) => t.action === 'BUY')!;
    expect([toPlain(sell.shares), toPlain(sell.longTermGain), toPlain(sell.tax)]).toEqual(['211', '31100', '0']);
    expect(sell.lots.map((l) => [l.lot, toPlain(l.shares)])).toEqual([['A', '100'], ['B', '111']]);
    expect([buy.ticker, toPlain(buy.shares), toPlain(buy.amount)]).toEqual(['VTI', '211', toPlain(sell.amount)]);
    expect(sell.purpose).toBe('harvest-gains');
    expect(sell.reason).toContain('inside the 0% federal bracket');
    expect(sell.details.join(' ')).toContain('a later sale owes about $4,665 less federal tax at 15%');
    expect(toPlain(plan.summary.taxDetail!.zeroRateRoom)).toBe('0');
    expect(toPlain(plan.summary.taxDetail!.federal)).toBe('0');
  });

  it('this year\'s sales use the room first; a year that nets to a loss has no room', () => {
    const h = base();
    const withGain = { ...h, sales: [sale('Taxable', 'VTI', '2026-03-02', 10, 3_000, 1_000, '2019-01-02')] };
    const sell = planRebalance(withGain).trades.find((t) => t.action === 'SELL')!;
    expect(toPlain(sell.longTermGain)).toBe('29100'); // 31,100 - 2,000
    const withLoss = { ...h, sales: [sale('Taxable', 'VTI', '2026-03-02', 10, 1_000, 3_000, '2019-01-02')] };
    expect(planRebalance(withLoss).trades).toEqual([]);
  });

  it('without Filing Status it harvests nothing and says why', () => {
    const h = base();
    const plan = planRebalance({ ...h, settings: { ...h.settings, filingStatus: null } });
    expect(plan.trades).toEqual([]);
    expect(plan.warnings.join(' ')).toMatch(/Harvest Gains is on, but without Filing Status/);
  });
});

describe('loss harvesting priced honestly', () => {
  it('a loss that would offset gains taxed at 0% saves nothing: not harvested, and the plan says so', () => {
    // Joint 2026, $40,000 income, $20,000 of long-term gain already this year: all at 0%.
    const h = household({
      accounts: [acct('Taxable', 'Taxable', 0)],
      targets: [target('US Stocks', 1)],
      securities: [sec('VTI', 'US Stocks', 100), sec('ITOT', 'US Stocks', 100, { rank: 2 })],
      lots: [lot('L', 'Taxable', 'VTI', 50, 9_000, '2022-01-03')],
      sales: [sale('Taxable', 'VTI', '2026-02-02', 100, 30_000, 10_000, '2018-01-02')],
      settings: settings({ asOf: AS_OF, lotMethod: 'MinTax', stateRate: dec(0), spread: dec(0), harvestLosses: true, harvestMinLoss: dec(500), filingStatus: 'Married Filing Jointly', income: dec(40_000) }),
    });
    const plan = planRebalance(h);
    expect(plan.trades).toEqual([]);
    expect(plan.warnings.join(' ')).toMatch(/VTI in Taxable has a \$4,000 loss, but harvesting it would save \$0 this year/);
    // Under flat rates the same loss is harvested.
    const flat = planRebalance({ ...h, settings: { ...h.settings, filingStatus: null } });
    expect(flat.trades.map((t) => `${t.action} ${t.ticker}`)).toEqual(['SELL VTI', 'BUY ITOT']);
  });
});

describe('the planner prices each sale at its marginal tax given the others', () => {
  // Stocks are $60,000 of $80,000 against a 50% target: $20,000 to sell. The taxable VTI lot gains
  // $50 a share; the couple (joint 2026, $126,100 income: taxable 93,900) has $5,000 of 0% room.
  const h = (filingStatus: 'Married Filing Jointly' | null) =>
    household({
      accounts: [acct('Taxable', 'Taxable', 0), acct('IRA', 'Traditional IRA', 0)],
      targets: [target('Stocks', '0.5', '0.1'), target('Bonds', '0.5', '0.1')],
      securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
      lots: [lot('T1', 'Taxable', 'VTI', 400, 20_000, '2019-05-01'), lot('I1', 'IRA', 'VTI', 200, 30_000, '2019-05-01'), lot('I2', 'IRA', 'BND', 200, 20_000, '2019-05-01')],
      settings: settings({ asOf: AS_OF, lotMethod: 'MinTax', stateRate: dec(0), spread: dec(0), harvestLosses: false, filingStatus, income: dec(126_100) }),
    });
  const sells = (filingStatus: 'Married Filing Jointly' | null) =>
    planRebalance(h(filingStatus)).trades.filter((t) => t.action === 'SELL').map((t) => `${t.account} ${toPlain(t.shares)} ${t.ticker} tax ${toPlain(t.tax)}`);

  it('flat rates: the IRA sale is free and a taxable gain is not, so the IRA sells it all', () => {
    expect(sells(null)).toEqual(['IRA 200 VTI tax 0']);
  });

  it('tables: a long-term gain inside the 0% band is free too, taken up to the band edge, then the IRA', () => {
    // 100 shares x $50 = $5,000 of gain at 0%; the bracket jumps to 15% there, so the rest comes from the IRA.
    expect(sells('Married Filing Jointly')).toEqual(['Taxable 100 VTI tax 0', 'IRA 100 VTI tax 0']);
  });
});

describe('freeLongTermGain agrees with the schedule', () => {
  it('equals zeroRateRoom when no state rate and no NIIT apply', async () => {
    const { freeLongTermGain, zeroRateRoom } = await import('../../src/engine/tax');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.constantFrom('Single', 'Married Filing Jointly', 'Married Filing Separately', 'Head of Household' as const), fc.integer({ min: 0, max: 150_000 }), fc.integer({ min: 0, max: 60_000 }), (status, income, lt) => {
        const rates = { ...(taxYearContext(household({ accounts: [], targets: [], securities: [], lots: [], settings: settings({ asOf: AS_OF, stateRate: dec(0), filingStatus: status as 'Single', income: dec(income) }) }), AS_OF)) };
        const year = { ...rates, existing: { shortTerm: dec(0), longTerm: dec(lt) } };
        const exact = zeroRateRoom(year)!;
        const fast = freeLongTermGain(year);
        expect((fast ?? dec(0)).toFixed()).toBe(exact.toFixed());
      }),
      { numRuns: 60 },
    );
  });
});

describe('tax settings that cannot be priced are workbook errors', () => {
  it('Filing Status with an as-of year that has no table, and dividends above Income, name the Settings row', () => {
    const read = readHousehold(gridSource(exampleTabs({ 'Filing Status': 'Single', 'As Of': '2027-02-01', Income: '$50,000', 'Qualified Dividends': '$60,000' })), {});
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const messages = read.errors.map((e) => `${e.tab} ${e.column}: ${e.message}`);
    expect(messages).toContain('Settings Value: Filing Status: the federal tables exist for 2025 and 2026, not for 2027 (the as-of year); clear Filing Status to use the flat rates, or plan as of a year with tables');
    expect(messages.some((m) => m.startsWith('Settings Value: Qualified Dividends: found 60000, more than Income (50000)'))).toBe(true);
  });
});
