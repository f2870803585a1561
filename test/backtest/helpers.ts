import { dec, type Decimal } from '../../src/engine/money';
import type { BacktestOptions, MixEntry, TaxSetup } from '../../src/engine/backtest/types';
import type { SimulatedHousehold } from '../../src/engine/tax';

export function mix(weights: Record<string, string>, bands: Record<string, { band?: string; absBand?: string }> = {}): MixEntry[] {
  return Object.entries(weights).map(([asset, w]) => ({
    asset,
    weight: dec(w),
    band: bands[asset]?.band ? dec(bands[asset].band as string) : null,
    absBand: bands[asset]?.absBand ? dec(bands[asset].absBand as string) : null,
  }));
}

export const NO_TAX: TaxSetup = {
  taxable: false,
  shortTermRate: dec('0.37'),
  longTermRate: dec('0.15'),
  lotMethod: 'FIFO',
  payFrom: 'portfolio',
};

export function taxable(overrides: Partial<TaxSetup> = {}): TaxSetup {
  return { ...NO_TAX, taxable: true, ...overrides };
}

export function options(start: string, entries: MixEntry[], tax: TaxSetup = NO_TAX, cashFlows?: Decimal[]): BacktestOptions {
  return { startValue: dec(start), mix: entries, tax, cashFlows };
}

export const cents = (d: Decimal) => d.toDecimalPlaces(2, 4).toFixed(2);

/** A couple filing jointly with $112,200 of income: $80,000 taxable, so 2026's 0% band has $18,900 left. */
export const COUPLE: SimulatedHousehold = {
  filingStatus: 'Married Filing Jointly',
  income: dec(112_200),
  deductions: null,
  qualifiedDividends: dec(0),
  investmentIncome: dec(0),
  stateRate: dec(0),
  firstYear: 2026,
};
