import { dec, type Decimal } from '../../src/engine/money';
import type { BacktestOptions, MixEntry, TaxSetup } from '../../src/engine/backtest/types';

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
