import { Decimal } from '../../src/engine/money';
import { gridSource } from '../../src/workbook/tab-source';
import { readHousehold, type ReadOptions, type ReadResult } from '../../src/workbook/read-household';
import { formatIssue } from '../../src/workbook/issues';
import type { Household } from '../../src/engine/types';

/** A small valid household as cell grids; tests replace one tab to make one mistake. */
export function baseTabs(): Record<string, unknown[][]> {
  return {
    Accounts: [
      ['Account', 'Type', 'Cash'],
      ['Brokerage', 'Taxable', '1000'],
      ['IRA', 'Traditional IRA', '0'],
    ],
    Targets: [
      ['Asset Class', 'Target'],
      ['Stocks', '60%'],
      ['Bonds', '40%'],
    ],
    Securities: [
      ['Ticker', 'Asset Class', 'Price'],
      ['VTI', 'Stocks', '250'],
      ['BND', 'Bonds', '75'],
    ],
    Lots: [
      ['Account', 'Ticker', 'Shares', 'Cost Basis', 'Acquired'],
      ['Brokerage', 'VTI', '10', '2000', '2020-01-02'],
      ['IRA', 'BND', '100', '8000', '2019-05-01'],
    ],
    Settings: [
      ['Setting', 'Value'],
      ['As Of', '2026-11-20'],
    ],
  };
}

export function readTabs(tabs: Record<string, unknown[][]>, options?: ReadOptions): ReadResult {
  return readHousehold(gridSource(tabs), options);
}

export function withTab(name: string, rows: unknown[][], options?: ReadOptions): ReadResult {
  return readTabs({ ...baseTabs(), [name]: rows }, options);
}

export function errorsOf(result: ReadResult): string[] {
  return result.ok ? [] : result.errors.map(formatIssue);
}

export function warningsOf(result: ReadResult): string[] {
  return result.warnings.map(formatIssue);
}

export function householdOf(result: ReadResult): Household {
  if (!result.ok) throw new Error(`expected a household, got:\n${errorsOf(result).join('\n')}`);
  return result.household;
}

/** Decimals to plain strings, so households from different sources compare with toEqual. */
export function normalize(value: unknown): unknown {
  if (value instanceof Decimal) return value.toFixed();
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}
