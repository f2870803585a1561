import { describe, expect, it } from 'vitest';
import { dec, toPlain } from '../../src/engine/money';
import { planRebalance } from '../../src/engine/planner';
import { longTermWait, saleRate, taxRatesFrom, type TaxYearContext } from '../../src/engine/tax';
import { AS_OF, acct, household, lot, sec, target } from '../planner/builders';
import { settings } from './fixtures';

const none = { shortTerm: dec(0), longTerm: dec(0) };

/**
 * A couple filing jointly in 2026 with $232,200 of income: $200,000 taxable, in the 22% bracket
 * ($100,800 to $211,400), and MAGI $17,800 under the $250,000 NIIT threshold. The first dollar of
 * short-term gain pays 22%; a larger gain crosses into 24% and NIIT.
 */
const couple = (extra: Parameters<typeof settings>[0] = {}) =>
  settings({ asOf: AS_OF, lotMethod: 'MinTax', stateRate: dec(0), spread: dec(0), harvestLosses: false, filingStatus: 'Married Filing Jointly', income: dec(232_200), ...extra });

function stocksOverweight(extra: Parameters<typeof settings>[0] = {}) {
  return household({
    accounts: [acct('Taxable', 'Taxable', 0)],
    targets: [target('Stocks', '0.5', '0.1'), target('Bonds', '0.5', '0.1')],
    securities: [sec('VTI', 'Stocks', 100), sec('BND', 'Bonds', 100)],
    // Short-term (bought June 2026): $60 of gain a share.
    lots: [lot('V', 'Taxable', 'VTI', 1000, 40_000, '2026-06-01'), lot('B', 'Taxable', 'BND', 100, 10_000, '2026-06-01')],
    settings: couple(extra),
  });
}

describe('the rate a reason quotes is the sale\'s own marginal rate in the plan (issue 15)', () => {
  it('a short-term sale across the 22% / 24% bracket and into NIIT says 24.5%, not the first dollar\'s 22%', () => {
    const plan = planRebalance(stocksOverweight());
    const sell = plan.trades.find((t) => t.action === 'SELL')!;
    // $110,000 in all, $55,000 each: 450 shares of VTI, 450 x 60 = 27,000 of short-term gain.
    expect([toPlain(sell.shares), toPlain(sell.shortTermGain)]).toEqual(['450', '27000']);
    // 11,400 x 22% + 15,600 x 24% = 6,252; NIIT 3.8% x (259,200 - 250,000) = 349.60: 6,601.60 = 24.45%.
    expect(toPlain(sell.tax)).toBe('6601.6');
    // The rate may be quoted in the reason (step-by-step planner) or its first detail (optimizer).
    const quoted = [sell.reason, ...sell.details].join(' ');
    expect(quoted).toContain('short-term gain taxed at about 24.5%');
    expect(quoted).not.toMatch(/taxed at about 22%/);
  });

  it('the rate is priced after the plan\'s earlier sales and this year\'s Sales tab', () => {
    const rates = taxRatesFrom(couple());
    const year: TaxYearContext = { existing: none, carryforward: none, rates };
    expect(toPlain(saleRate(year, 'short', dec(1000)))).toBe('0.22');
    // After $20,000 of earlier short-term gain, the next $1,000 is all at 24% + 3.8% NIIT.
    expect(toPlain(saleRate(year, 'short', dec(1000), { shortTerm: dec(40_000), longTerm: dec(0) }))).toBe('0.278');
    // Flat rates: the character's rate plus the state's, as before.
    const flat: TaxYearContext = { existing: none, carryforward: none, rates: taxRatesFrom(settings({ shortTermRate: dec('0.32'), longTermRate: dec('0.15'), stateRate: dec('0.05') })) };
    expect(toPlain(saleRate(flat, 'short', dec(1000), { shortTerm: dec(-5000), longTerm: dec(0) }))).toBe('0.37');
  });

  it('waiting for long-term: the saving and both rates are those of this gain after the plan\'s sales', () => {
    const rates = taxRatesFrom(couple());
    const year: TaxYearContext = { existing: none, carryforward: none, rates };
    // 27,000 short-term: 6,601.60 (above). Long-term: the same gain is at 15% (taxable 227,000 is
    // under the 15% band's top) plus the same NIIT: 4,050 + 349.60 = 4,399.60. Saving 2,202.
    const wait = longTermWait(year, dec(27_000));
    expect([toPlain(wait.saving), toPlain(wait.shortTermRate.times(100).toDecimalPlaces(2)), toPlain(wait.longTermRate.times(100).toDecimalPlaces(2))]).toEqual(['2202', '24.45', '16.29']);
    // Flat: gain x (short - long), the federal rates quoted, as before.
    const flat: TaxYearContext = { existing: none, carryforward: none, rates: taxRatesFrom(settings({ shortTermRate: dec('0.32'), longTermRate: dec('0.15'), stateRate: dec('0.05') })) };
    const flatWait = longTermWait(flat, dec(27_000));
    expect([toPlain(flatWait.saving), toPlain(flatWait.shortTermRate), toPlain(flatWait.longTermRate)]).toEqual(['4590', '0.32', '0.15']);
  });

  it('a lot held back for long-term says what waiting saves at the plan\'s marginal rates', () => {
    // Only a lot 20 days from long-term is over: the planner holds it back (Long-Term Wait Days 30).
    const h = stocksOverweight();
    h.lots = [lot('V', 'Taxable', 'VTI', 1000, 40_000, '2025-12-01'), lot('B', 'Taxable', 'BND', 100, 10_000, '2026-06-01')];
    const plan = planRebalance(h);
    const held = plan.deferred.find((d) => d.lot === 'V');
    expect(held).toBeDefined();
    // The whole lot's 60,000 of gain: ST 11,400 x 22% + 48,600 x 24% = 14,172 + NIIT 3.8% x 42,200 = 1,603.60;
    // LT all at 15% (taxable 260,000 < 613,700) 9,000 + the same NIIT. Saving 14,172 - 9,000 = 5,172.
    expect(held!.reason).toContain('waiting until then saves about $5,172');
    expect(held!.reason).toMatch(/short-term 26\.3% vs long-term 17\.7%/);
  });
});
