import { describe, expect, it } from 'vitest';
import { computeDrift, dec, isoDate, type Household, type Settings } from '../../src/engine/index';

const settings = {
  asOf: isoDate('2026-11-20'),
  band: dec('0.1'),
  absBand: null,
} as Settings;

function household(parts: Partial<Household>): Household {
  return { accounts: [], targets: [], securities: [], lots: [], sales: [], settings, ...parts };
}

const account = (name: string, cash = '0') => ({
  name, type: 'Taxable' as const, treatment: 'taxable' as const, cash: dec(cash), reserve: dec(0),
  withdraw: dec(0), allowed: null, fractional: false, drip: false,
});
const target = (assetClass: string, t: string, band: string | null = null, absBand: string | null = null) => ({
  assetClass, target: dec(t), glide: [], band: band === null ? null : dec(band), absBand: absBand === null ? null : dec(absBand), location: null,
});
const security = (ticker: string, assetClass: string, price: string) => ({
  ticker, assetClass, price: dec(price), washGroup: ticker, rank: 1, exDividend: null, spread: null,
});
const lot = (account: string, ticker: string, shares: string) => ({
  id: `${ticker}-${shares}`, account, ticker, shares: dec(shares), basis: dec(1000), acquired: isoDate('2020-01-02'), holdingFrom: null,
});

describe('household drift', () => {
  it('60/40 held at 65/35 is 5% household drift; bonds are below a 5% relative band', () => {
    // Stocks: 650 shares x $100 = $65,000; bonds: 350 x $100 = $35,000; total $100,000.
    // Stocks 65% vs 60%: +5 points, relative 5/60 = 8.33% -> inside a 10% band (54%..66%).
    // Bonds 35% vs 40%: -5 points, relative -12.5% -> below a 5% band (38%..42%).
    const report = computeDrift(household({
      accounts: [account('Brokerage')],
      targets: [target('Stocks', '0.6'), target('Bonds', '0.4', '0.05')],
      securities: [security('VTI', 'Stocks', '100'), security('BND', 'Bonds', '100')],
      lots: [lot('Brokerage', 'VTI', '650'), lot('Brokerage', 'BND', '350')],
    }));
    expect(report.total.toFixed()).toBe('100000');
    expect(report.householdDrift.toFixed()).toBe('0.05');
    const [stocks, bonds] = report.rows;
    expect(stocks.weight.toFixed()).toBe('0.65');
    expect(stocks.status).toBe('within');
    expect(stocks.band!.lower.toFixed()).toBe('0.54');
    expect(stocks.band!.upper.toFixed()).toBe('0.66');
    expect(stocks.relativeDrift!.toFixed(4)).toBe('0.0833');
    expect(bonds.status).toBe('under');
    expect(bonds.band!.lower.toFixed()).toBe('0.38');
    expect(bonds.drift.toFixed()).toBe('-0.05');
  });

  it('a 30% target with a 10% relative band triggers above 33% and below 27%', () => {
    const make = (a: string, b: string) => computeDrift(household({
      accounts: [account('A')],
      targets: [target('X', '0.3'), target('Y', '0.7')],
      securities: [security('X', 'X', '1'), security('Y', 'Y', '1')],
      lots: [lot('A', 'X', a), lot('A', 'Y', b)],
    })).rows[0].status;
    expect(make('330', '670')).toBe('within');
    expect(make('331', '669')).toBe('over');
    expect(make('270', '730')).toBe('within');
    expect(make('269', '731')).toBe('under');
  });

  it('the narrower of a relative and an absolute band applies', () => {
    // Target 50%: relative 10% gives +/-5 points, absolute 3 points is narrower -> 47%..53%.
    const report = computeDrift(household({
      accounts: [account('A')],
      targets: [target('X', '0.5', '0.1', '0.03'), target('Y', '0.5')],
      securities: [security('X', 'X', '1'), security('Y', 'Y', '1')],
      lots: [lot('A', 'X', '540'), lot('A', 'Y', '460')],
    }));
    expect(report.rows[0].band!.kind).toBe('absolute');
    expect(report.rows[0].band!.upper.toFixed()).toBe('0.53');
    expect(report.rows[0].status).toBe('over');
  });

  it('account cash counts in the total and shows as its own row when untargeted', () => {
    // $9,000 of stock + $1,000 cash: stock 90% of a 100% target, cash 10% with no target.
    // Household drift = (|0.9-1| + |0.1-0|)/2 = 0.1.
    const report = computeDrift(household({
      accounts: [account('A', '1000')],
      targets: [target('Stocks', '1')],
      securities: [security('VTI', 'Stocks', '90')],
      lots: [lot('A', 'VTI', '100')],
    }));
    expect(report.total.toFixed()).toBe('10000');
    expect(report.rows.map((r) => r.assetClass)).toEqual(['Stocks', 'Cash']);
    expect(report.rows[1].weight.toFixed()).toBe('0.1');
    expect(report.rows[1].band).toBeNull();
    expect(report.householdDrift.toFixed()).toBe('0.1');
  });

  it('a glide path interpolates linearly between dated targets', () => {
    // 2026-01-01: 80% stocks, 2027-01-01: 60%. 2026-11-20 is day 323 of 365:
    // 0.8 + (0.6 - 0.8) * 323/365 = 0.8 - 0.176986... = 0.623013...
    const report = computeDrift(household({
      accounts: [account('A')],
      targets: [
        { ...target('Stocks', '0'), target: null, glide: [{ date: isoDate('2026-01-01'), target: dec('0.8') }, { date: isoDate('2027-01-01'), target: dec('0.6') }] },
        { ...target('Bonds', '0'), target: null, glide: [{ date: isoDate('2026-01-01'), target: dec('0.2') }, { date: isoDate('2027-01-01'), target: dec('0.4') }] },
      ],
      securities: [security('VTI', 'Stocks', '1'), security('BND', 'Bonds', '1')],
      lots: [lot('A', 'VTI', '60'), lot('A', 'BND', '40')],
    }));
    expect(report.rows[0].target.toFixed(6)).toBe('0.623014');
    expect(report.rows[0].target.plus(report.rows[1].target).toFixed()).toBe('1');
  });
});
