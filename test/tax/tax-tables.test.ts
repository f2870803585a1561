import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dec, type Decimal } from '../../src/engine/money';
import { isoDate } from '../../src/engine/dates';
import {
  gainTaxSchedule,
  ordinaryTax,
  planTax,
  statusTable,
  taxRatesFrom,
  taxShape,
  yearTax,
  zeroRateRoom,
  type GainsByTerm,
  type TaxRates,
} from '../../src/engine/tax';
import { FILING_STATUSES, type FilingStatus } from '../../src/engine/types';
import { settings } from './fixtures';
import { assertProperty } from '../support/fast-check-seed';

const g = (shortTerm: number, longTerm: number): GainsByTerm => ({ shortTerm: dec(shortTerm), longTerm: dec(longTerm) });
const none = g(0, 0);
const s = (value: Decimal) => value.toFixed();

function tables(status: FilingStatus, year: number, income: number, extra: Partial<Parameters<typeof settings>[0]> = {}): TaxRates {
  return taxRatesFrom(settings({ filingStatus: status, income: dec(income), stateRate: dec(0), asOf: isoDate(`${year}-06-30`), ...extra }));
}

describe('the published tables (2025 Rev. Proc. 2024-40 with P.L. 119-21; 2026 Rev. Proc. 2025-32)', () => {
  it('the issue check: a couple with $112,200 of income pays 0% on the first $18,900 of long-term gain in 2026, 15% after', () => {
    // 112,200 - 32,200 standard deduction = 80,000 taxable; the 0% band ends at 98,900.
    const rates = tables('Married Filing Jointly', 2026, 112_200);
    expect(s(zeroRateRoom({ existing: none, carryforward: none, rates })!)).toBe('18900');
    expect(s(yearTax(g(0, 18_900), none, rates).tax)).toBe('0');
    // A gain straddling the threshold: 25,000 - 18,900 = 6,100 at 15% = 915.
    expect(s(yearTax(g(0, 25_000), none, rates).tax)).toBe('915');
  });

  const cases: [FilingStatus, number, number, number, number][] = [
    // status, year, standard deduction, 0% threshold, top of the 12% bracket
    ['Single', 2025, 15_750, 48_350, 48_475],
    ['Married Filing Jointly', 2025, 31_500, 96_700, 96_950],
    ['Married Filing Separately', 2025, 15_750, 48_350, 48_475],
    ['Head of Household', 2025, 23_625, 64_750, 64_850],
    ['Single', 2026, 16_100, 49_450, 50_400],
    ['Married Filing Jointly', 2026, 32_200, 98_900, 100_800],
    ['Married Filing Separately', 2026, 16_100, 49_450, 50_400],
    ['Head of Household', 2026, 24_150, 66_200, 67_450],
  ];
  for (const [status, year, deduction, zeroUpTo, twelveTop] of cases) {
    it(`${status} ${year}: standard deduction $${deduction}, 0% to $${zeroUpTo}, a gain straddling it pays 15% on the part above`, () => {
      const t = statusTable(year, status);
      expect(s(t.standardDeduction)).toBe(String(deduction));
      expect(s(t.zeroUpTo)).toBe(String(zeroUpTo));
      // Ordinary income leaves $10,000 of the 0% band; a $15,000 long-term gain: 5,000 x 15% = 750.
      const rates = tables(status, year, deduction + zeroUpTo - 10_000);
      expect(s(yearTax(g(0, 15_000), none, rates).tax)).toBe('750');
      // The regular tax at the top of the 12% bracket: 10% of the first bracket, 12% of the second.
      const first = t.ordinary[1].over.toNumber();
      expect(s(ordinaryTax(dec(twelveTop), t))).toBe(s(dec(first).times('0.1').plus(dec(twelveTop - first).times('0.12'))));
    });
  }

  it('a year without a table is a clear error', () => {
    expect(() => tables('Single', 2027, 50_000)).toThrow(/No federal tax table for 2027.*2025 and 2026/);
  });
});

describe('worked examples under the tables', () => {
  it('a short-term gain across a bracket: single 2026, $100,000 income, $30,000 short-term', () => {
    // Taxable 83,900 -> 113,900: 21,800 at 22% (to 105,700) = 4,796 and 8,200 at 24% = 1,968.
    expect(s(yearTax(g(30_000, 0), none, tables('Single', 2026, 100_000)).tax)).toBe('6764');
  });

  it('NIIT partly applying: single 2025, $180,000 income, $5,000 interest, $40,000 long-term gain', () => {
    // Federal: all 40,000 at 15% = 6,000 (taxable 164,250 is past the 0% band).
    // NIIT: MAGI 220,000 is 20,000 over $200,000; NII 45,000; 3.8% x 20,000 = 760 (none before the gain).
    const result = yearTax(g(0, 40_000), none, tables('Single', 2025, 180_000, { investmentIncome: dec(5000) }));
    expect([s(result.parts.federal), s(result.parts.niit), s(result.tax)]).toEqual(['6000', '760', '6760']);
  });

  it('NIIT on all of the net investment income once MAGI is far enough over: joint 2026', () => {
    // MAGI 400,000 + 10,000 = 410,000, 160,000 over $250,000: NIIT on the whole 10,000 gain = 380.
    const result = yearTax(g(0, 10_000), none, tables('Married Filing Jointly', 2026, 400_000));
    expect(s(result.parts.niit)).toBe('380');
  });

  it('a loss offsets ordinary income at 12%: head of household 2026, $60,000 income, $5,000 short-term loss', () => {
    // Taxable 35,850, in the 12% bracket (17,700-67,450): 3,000 x 12% = -360; 2,000 carries forward.
    const result = yearTax(g(-5000, 0), none, tables('Head of Household', 2026, 60_000));
    expect([s(result.tax), s(result.ordinaryOffset), s(result.carryforward.shortTerm)]).toEqual(['-360', '3000', '2000']);
  });

  it("married filing separately: the offset is capped at $1,500 (IRC 1211(b)(1))", () => {
    // Taxable 80,000 - 15,750 = 64,250, in the 22% bracket: 1,500 x 22% = -330; 8,500 carries.
    const result = yearTax(g(0, -10_000), none, tables('Married Filing Separately', 2025, 80_000));
    expect([s(result.tax), s(result.ordinaryOffset), s(result.carryforward.longTerm)]).toEqual(['-330', '1500', '8500']);
  });

  it('a loss is worth nothing when ordinary income is below the standard deduction', () => {
    expect(s(yearTax(g(0, -2000), none, tables('Single', 2026, 10_000)).tax)).toBe('0');
  });

  it('qualified dividends are part of Income and taxed like long-term gain: the 0% band and the gain tax stay the same', () => {
    // Joint 2026, income 112,200 of which 10,000 qualified dividends: taxable 80,000, ordinary part
    // 70,000; the dividends sit at 0% in [70,000, 80,000], so the room above is still 18,900.
    const rates = tables('Married Filing Jointly', 2026, 112_200, { qualifiedDividends: dec(10_000) });
    expect(s(zeroRateRoom({ existing: none, carryforward: none, rates })!)).toBe('18900');
    expect(s(yearTax(g(0, 25_000), none, rates).tax)).toBe('915');
    // A short-term gain pushes the dividends up the bands: ordinary part 70,000 -> 90,000, all at
    // 12% (= 2,400), and the dividends now sit in [90,000, 100,000]: 1,100 above 98,900 at 15% (= 165).
    expect(s(yearTax(g(20_000, 0), none, rates).tax)).toBe('2565');
  });

  it('the state rate stays a flat rate on net gains, added to the federal part', () => {
    const result = yearTax(g(0, 25_000), none, tables('Married Filing Jointly', 2026, 112_200, { stateRate: dec('0.05') }));
    expect([s(result.parts.federal), s(result.parts.state), s(result.tax)]).toEqual(['915', '1250', '2165']);
  });

  it('Deductions overrides the standard deduction', () => {
    // Itemized 50,000: taxable 62,200, 0% room 36,700.
    const rates = tables('Married Filing Jointly', 2026, 112_200, { deductions: dec(50_000) });
    expect(s(zeroRateRoom({ existing: none, carryforward: none, rates })!)).toBe('36700');
  });

  it('the gain schedule: long-term breakpoints and rates for the issue couple', () => {
    const rates = tables('Married Filing Jointly', 2026, 112_200);
    const shape = gainTaxSchedule({ existing: none, carryforward: none, rates }, 'long').map((x) => [x.from.toFixed(), x.to?.toFixed() ?? null, x.rate.toFixed()]);
    // Loss: beyond 3,000 only carries (0%), then offsets at 12%; gains 0% to 18,900, 15%, then
    // + 3.8% NIIT from MAGI 250,000 (gain 137,800), then 20% from taxable 613,700 (gain 533,700).
    expect(shape.slice(-5)).toEqual([
      ['-3000', '0', '0.12'],
      ['0', '18900', '0'],
      ['18900', '137800', '0.15'],
      ['137800', '533700', '0.188'],
      ['533700', null, '0.238'],
    ]);
    expect(taxShape({ existing: none, carryforward: none, rates }).convex.longTerm).toBe(false); // 12% then 0%: netting, see TaxShape
  });
});

const statusArb = fc.constantFrom(...FILING_STATUSES);
const money = (max: number) => fc.integer({ min: 0, max }).map((n) => dec(n));

describe('properties', () => {
  it('tax never decreases when a gain is added (any status, year, incomes, existing results)', () => {
    assertProperty(
      fc.property(
        statusArb,
        fc.constantFrom(2025, 2026),
        money(900_000),
        money(50_000),
        fc.integer({ min: -50_000, max: 200_000 }),
        fc.integer({ min: -50_000, max: 200_000 }),
        fc.constantFrom<'shortTerm' | 'longTerm'>('shortTerm', 'longTerm'),
        fc.integer({ min: 1, max: 100_000 }),
        (status, year, income, investmentIncome, st, lt, term, added) => {
          const rates = taxRatesFrom(settings({ filingStatus: status, income, investmentIncome, asOf: isoDate(`${year}-03-01`) }));
          const before = g(st, lt);
          const after = { ...before, [term]: before[term].plus(added) };
          return !yearTax(after, none, rates).tax.lessThan(yearTax(before, none, rates).tax);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('without Filing Status the tax is exactly the flat-rate Schedule D formula of before', () => {
    // The formula as it was before the tables, written out independently.
    const flat = (r: GainsByTerm, c: GainsByTerm, st: Decimal, lt: Decimal, state: Decimal) => {
      const ns = r.shortTerm.minus(c.shortTerm);
      const nl = r.longTerm.minus(c.longTerm);
      const total = ns.plus(nl);
      if (total.lessThan(0)) return Decimal_min(dec(3000), total.negated()).times(st.plus(state)).negated();
      if (ns.lessThan(0)) return total.times(lt.plus(state));
      if (nl.lessThan(0)) return total.times(st.plus(state));
      return ns.times(st.plus(state)).plus(nl.times(lt.plus(state)));
    };
    const Decimal_min = (a: Decimal, b: Decimal) => (a.lessThan(b) ? a : b);
    assertProperty(
      fc.property(
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 13 }),
        (st, lt, cst, clt, stRate, ltRate, stateRate) => {
          const set = settings({ shortTermRate: dec(stRate).div(100), longTermRate: dec(ltRate).div(100), stateRate: dec(stateRate).div(100), income: dec(80_000) });
          const rates = taxRatesFrom(set);
          expect(rates.household).toBeUndefined();
          const got = yearTax(g(st, lt), g(cst, clt), rates).tax;
          expect(got.toFixed()).toBe(flat(g(st, lt), g(cst, clt), set.shortTermRate, set.longTermRate, set.stateRate).toFixed());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('planTax under the tables: the parts of a plan add up to its tax', () => {
    assertProperty(
      fc.property(statusArb, money(400_000), fc.integer({ min: -30_000, max: 80_000 }), fc.integer({ min: -30_000, max: 80_000 }), (status, income, st, lt) => {
        const rates = taxRatesFrom(settings({ filingStatus: status, income, asOf: isoDate('2026-05-01') }));
        const t = yearTax(g(st, lt), none, rates);
        expect(t.parts.federal.plus(t.parts.niit).plus(t.parts.state).toFixed()).toBe(t.tax.toFixed());
        expect(planTax(none, g(st, lt), none, rates).toFixed()).toBe(t.tax.toFixed());
      }),
      { numRuns: 50 },
    );
  });
});
