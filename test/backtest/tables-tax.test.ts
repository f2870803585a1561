import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { runBacktest } from '../../src/engine/backtest/simulate';
import { constantReturnsScenario } from '../../src/engine/backtest/constant-returns';
import { householdFromView, plannerPolicy, DEFAULT_PLANNER_OPTIONS } from '../../src/engine/backtest/planner-policy';
import { runBacktestRequest } from '../../src/engine/backtest/backtest-request';
import { DEFAULT_POLICY_CONFIG } from '../../src/engine/backtest/policies';
import type { Policy, PolicyView } from '../../src/engine/backtest/types';
import { simulatedTaxYear, simulatedTablesNote, type SimulatedHousehold } from '../../src/engine/tax';
import { planRebalance } from '../../src/engine/planner';
import { COUPLE, cents, mix, options, taxable } from './helpers';

/** Sells a fixed dollar amount of stocks into bonds in the given periods. */
function selling(amounts: Record<number, string>): Policy {
  return {
    name: 'fixed sales',
    description: 'sells stocks on a fixed schedule',
    decide: (view: PolicyView) => {
      const amount = amounts[view.period];
      if (!amount) return { trades: { stocks: dec(0), bonds: dec(0) }, rebalance: false };
      return { trades: { stocks: dec(amount).negated(), bonds: dec(amount) }, rebalance: true };
    },
  };
}

describe('backtest under the tax tables (Filing Status set)', () => {
  // $100,000 at 50/50; stocks double every year, bonds earn 0. End of year 1: stocks $100,000 on
  // $50,000 of basis. Selling $40,000 realizes $20,000 of long-term gain (held a year: bought at
  // the end of year 0, sold at the end of year 1).
  const scenario = constantReturnsScenario({ stocks: dec(1), bonds: dec(0) }, 2);
  const weights = mix({ stocks: '0.5', bonds: '0.5' });
  const run = (household: SimulatedHousehold | undefined) => {
    const outcome = runBacktest(scenario, selling({ 1: '40000', 2: '20000' }), options('100000', weights, taxable({ lotMethod: 'FIFO', payFrom: 'outside', longTermRate: dec('0.2'), household })));
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    return outcome.result;
  };

  it('a gain straddling the 0% threshold: $18,900 at 0%, the other $1,100 at 15%', () => {
    const r = run(COUPLE);
    // Year 1 (2026): 20,000 - 18,900 = 1,100 x 15% = 165.
    // Year 2 (2027, priced with the 2026 table, the latest): stocks $120,000 on $30,000 of basis;
    // selling $20,000 realizes 20,000 x 90/120 = $15,000, inside the band: 0.
    expect(cents(r.taxesPaid)).toBe('165.00');
    // Selling everything is year 3 (2028, the 2026 table again): stocks $100,000 on $25,000 of
    // basis = $75,000; (75,000 - 18,900) x 15% = 8,415. Bonds earned nothing.
    expect(cents(r.liquidationTax)).toBe('8415.00');
  });

  it('without Filing Status the same run pays the flat 20%', () => {
    const r = run(undefined);
    expect(cents(r.taxesPaid)).toBe('7000.00'); // (20,000 + 15,000) x 20%
    expect(cents(r.liquidationTax)).toBe('15000.00'); // 75,000 x 20%
  });

  it('NIIT and the state rate are part of a simulated year, as in the planner', () => {
    // $240,000 of income: MAGI over $250,000 once the $20,000 gain is added -> 3.8% of 10,000.
    const rich = { ...COUPLE, income: dec(240_000), investmentIncome: dec(0), stateRate: dec('0.05') };
    const r = run(rich);
    // Year 1: taxable 240,000 - 32,200 = 207,800 is in the 22% bracket, so the gain pays 15%:
    // 3,000 federal + 380 NIIT + 1,000 state = 4,380. Year 2: 15,000 x 15% + 3.8% x 5,000 + 5% x 15,000 = 2,250 + 190 + 750.
    expect(cents(r.taxesPaid)).toBe('7570.00');
  });

  it('a net loss offsets ordinary income ($1,500 married filing separately) under the tables', () => {
    // Stocks halve in year 1: selling $20,000 of $25,000 (basis $40,000 of $50,000) loses $20,000.
    const falling = constantReturnsScenario({ stocks: dec('-0.5'), bonds: dec(0) }, 1);
    const separate = { ...COUPLE, filingStatus: 'Married Filing Separately' as const, income: dec(80_000) };
    const outcome = runBacktest(falling, selling({ 1: '20000' }), options('100000', weights, taxable({ lotMethod: 'FIFO', payFrom: 'outside', household: separate })));
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    // 80,000 - 16,100 = 63,900 taxable is in the 22% bracket (over 50,400): the $1,500 offset saves 330.
    expect(cents(outcome.result.taxesPaid)).toBe('-330.00');
  });

  it('which table prices which simulated year: its own, else the latest; before the first, an error', () => {
    expect(simulatedTaxYear({ firstYear: 2025 }, 1)).toEqual({ taxYear: 2025, tableYear: 2025 });
    expect(simulatedTaxYear({ firstYear: 2025 }, 2)).toEqual({ taxYear: 2026, tableYear: 2026 });
    expect(simulatedTaxYear({ firstYear: 2025 }, 5)).toEqual({ taxYear: 2029, tableYear: 2026 });
    expect(() => simulatedTaxYear({ firstYear: 2024 }, 1)).toThrow(/No federal tax table for 2024/);
    expect(simulatedTablesNote({ ...COUPLE, firstYear: 2025 }, 10)).toContain("2025-2034 with each year's federal table (2025, 2026); 2027-2034 use the 2026 table, the latest published");
    const outcome = runBacktest(scenario, selling({}), options('100000', weights, taxable({ household: { ...COUPLE, firstYear: 2019 } })));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.join(' ')).toMatch(/No federal tax table for 2019/);
  });

  it('the report says which tables were used', () => {
    const outcome = runBacktestRequest({
      mix: weights,
      startValue: dec(100_000),
      policies: ['never'],
      policyConfig: DEFAULT_POLICY_CONFIG,
      tax: taxable({ household: COUPLE }),
      cashFlowPerPeriod: null,
      source: { kind: 'constant', annualReturns: [dec('0.05'), dec('0.02')], years: 3 },
    });
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    const note = outcome.report.notes.find((n) => n.includes('Filing Status'))!;
    expect(note).toContain('simulated years are taxed as 2026-2028');
    expect(note).toContain('2027-2028 use the 2026 table');
    expect(outcome.report.notes.join(' ')).not.toContain('is not modelled');
  });

  describe('the planner policy under the tables', () => {
    const view = (period: number, realizedThisYear?: { shortTerm: ReturnType<typeof dec>; longTerm: ReturnType<typeof dec> }): PolicyView => ({
      period,
      periodCount: 12,
      periodsPerYear: 1,
      mix: weights,
      holdings: { stocks: dec(80_000), bonds: dec(20_000) },
      prices: { stocks: dec(2), bonds: dec(1) },
      total: dec(100_000),
      flow: dec(0),
      lots: () => [
        { asset: 'stocks', acquired: 0, shares: dec(40_000), basis: dec(50_000), value: dec(80_000), termIfSoldNow: 'long' },
        { asset: 'bonds', acquired: 0, shares: dec(20_000), basis: dec(20_000), value: dec(20_000), termIfSoldNow: 'long' },
      ],
      tax: taxable({ household: COUPLE }),
      realizedThisYear,
    });

    it('plans each simulated year as its tax year, with the table the simulator bills it with', () => {
      const year1 = householdFromView(view(1), DEFAULT_PLANNER_OPTIONS);
      expect(year1.settings.asOf).toBe('2026-12-02');
      expect(year1.settings.filingStatus).toBe('Married Filing Jointly');
      expect(year1.settings.taxTableYear).toBe(2026);
      expect(year1.lots.find((l) => l.ticker === 'ASSET1')!.acquired).toBe('2025-12-01');
      const year4 = householdFromView(view(4), DEFAULT_PLANNER_OPTIONS);
      expect(year4.settings.asOf).toBe('2029-12-02');
      expect(year4.settings.taxTableYear).toBe(2026);
      // The plan prices with the tables: its summary carries the tables' detail.
      expect(planRebalance(year4).summary.taxDetail?.taxYear).toBe(2026);
    });

    it("gives the planner the year's earlier gains, so the 0% room it sees is what is left", () => {
      const h = householdFromView(view(1, { shortTerm: dec(-500), longTerm: dec(10_000) }), DEFAULT_PLANNER_OPTIONS);
      expect(h.sales.map((s) => [s.proceeds.minus(s.basis).toFixed(), s.acquired! < '2026-01-01' ? 'long' : 'short'])).toEqual([
        ['-500', 'short'],
        ['10000', 'long'],
      ]);
      // $10,000 of the couple's $18,900 is used, less the $500 short-term loss netted against it: $9,400 left.
      const plan = planRebalance({ ...h, lots: [] });
      expect(plan.summary.taxDetail?.zeroRateRoom.toFixed()).toBe('9400');
    });

    it('runs a whole backtest, and without Filing Status keeps the flat calendar (2001)', () => {
      const outcome = runBacktest(constantReturnsScenario({ stocks: dec('0.3'), bonds: dec('0.01') }, 4), plannerPolicy(), options('100000', weights, taxable({ household: COUPLE })));
      expect(outcome.ok).toBe(true);
      const flat = householdFromView({ ...view(1), tax: taxable() }, DEFAULT_PLANNER_OPTIONS);
      expect(flat.settings.asOf).toBe('2002-01-02');
      expect(flat.settings.filingStatus).toBeNull();
      expect(flat.sales).toEqual([]);
    });
  });
});
