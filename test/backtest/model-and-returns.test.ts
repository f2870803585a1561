import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAnnualReturns, type ReturnsTable } from '../../src/engine/backtest/returns-csv';
import { estimateReturnModel, monteCarloScenarios } from '../../src/engine/backtest/monte-carlo';
import { targetsOn } from '../../src/engine/targets';
import { dec } from '../../src/engine/money';
import { isoDate } from '../../src/engine/dates';
import type { TargetClass } from '../../src/engine/types';

const table = (text: string): ReturnsTable => {
  const parsed = parseAnnualReturns(text);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.table;
};

describe('the Monte Carlo model built from history', () => {
  it('means, sample volatilities and correlation of a three-year table, worked by hand', () => {
    // Stocks 10%, -20%, 30%: mean 6.667%; deviations 3.333, -26.667, 23.333 points; sample
    // variance (0.001111 + 0.071111 + 0.054444) / 2 = 0.063333, volatility 25.166%.
    // Bonds 2%, 4%, 0%: mean 2%, variance (0 + 0.0004 + 0.0004) / 2 = 0.0004, volatility 2%.
    // Covariance (0 - 0.005333 - 0.004667) / 2 = -0.005; correlation -0.005 / (0.251661 x 0.02) = -0.993399.
    const t = table('year,sp500_total_return,tbond_10y_total_return\n2000,0.1,0.02\n2001,-0.2,0.04\n2002,0.3,0\n');
    const model = estimateReturnModel(t, { stocks: 'sp500', bonds: 'tbond' });
    expect(model.assets).toEqual(['stocks', 'bonds']);
    expect(model.annualMeans.map((m) => m.toFixed(6))).toEqual(['0.066667', '0.020000']);
    expect(model.annualVolatilities.map((v) => v.toFixed(6))).toEqual(['0.251661', '0.020000']);
    expect(model.correlation.map((row) => row.map((c) => c.toFixed(5)))).toEqual([['1.00000', '-0.99340'], ['-0.99340', '1.00000']]);
  });

  it('from the 1928-2025 file: the model the CLI uses, and paths drawn from it', () => {
    const t = table(readFileSync(new URL('../../data/us-annual-returns.csv', import.meta.url), 'utf8'));
    const model = estimateReturnModel(t, { stocks: 'sp500', bonds: 'tbond' });
    // The arithmetic mean of the S&P 500 column, summed here from the file.
    const sp = t.rows.map((r) => r.returns.sp500_total_return.toNumber());
    expect(model.annualMeans[0]).toBeCloseTo(sp.reduce((a, b) => a + b, 0) / sp.length, 12);
    expect(model.annualMeans[0]).toBeGreaterThan(0.1);
    expect(model.annualMeans[0]).toBeLessThan(0.13);
    expect(model.annualVolatilities[0]).toBeGreaterThan(0.15);
    expect(model.annualVolatilities[0]).toBeLessThan(0.25);
    expect(Math.abs(model.correlation[0][1])).toBeLessThan(0.3);
    const outcome = monteCarloScenarios({ model, years: 3, paths: 4, seed: 7 });
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    expect(outcome.scenarios).toHaveLength(4);
    for (const s of outcome.scenarios) expect(s.periods).toHaveLength(36);
  });

  it('refuses a model it cannot draw from, saying why', () => {
    const model = { assets: ['a', 'b'], annualMeans: [0.05, 0.02], annualVolatilities: [0.2, 0.05], correlation: [[1, 1.2], [1.2, 1]] };
    expect(monteCarloScenarios({ model, years: 1, paths: 1, seed: 1 })).toEqual({ ok: false, errors: ['The correlation matrix is not positive definite.'] });
    expect(monteCarloScenarios({ model: { ...model, annualMeans: [0.05] }, years: 0, paths: 1.5, seed: 1 })).toEqual({
      ok: false,
      errors: ['Years must be a whole number of at least 1.', 'Paths must be a whole number of at least 1.', 'The model needs one mean, one volatility and one correlation row per asset.'],
    });
  });
});

describe('the returns reader: every error branch names the line', () => {
  it.each([
    ['', ['The returns file is empty.']],
    ['\n  \n', ['The returns file is empty.']],
    ['yr,a\n2000,0.1\n', ['The returns file must start with a header whose first column is "year".']],
    ['year,a\n', ['The returns file has no rows.']],
    ['year,a,b\n2000,0.1\n2001,0.1,0.2,0.3\n', ['Line 2: 2 values, expected 3.', 'Line 3: 4 values, expected 3.', 'The returns file has no rows.']],
    ['year,a\n20x0,0.1\n2000.5,0.1\n', ['Line 2: "20x0" is not a year.', 'Line 3: "2000.5" is not a year.', 'The returns file has no rows.']],
    ['year,a\n2000,0.1\n1999,0.2\n', ['Line 3: year 1999 does not follow 2000.']],
    ['year,a\n2000,10%\n2001,\n2002,1e-2\n', ['Line 2, column a: "10%" is not a number.', 'Line 3, column a: "" is not a number.']],
  ])('%j', (text, errors) => {
    expect(parseAnnualReturns(text)).toEqual({ ok: false, errors });
  });

  it('accepts CRLF, spaces around cells, a capitalised header and exponents', () => {
    const parsed = parseAnnualReturns('Year, a \r\n2000, 1e-2 \r\n2001,-0.5\r\n');
    expect(parsed.ok && parsed.table.rows.map((r) => [r.year, r.returns.a.toFixed()])).toEqual([[2000, '0.01'], [2001, '-0.5']]);
  });
});

describe('glide targets', () => {
  const glide = (assetClass: string, points: [string, string][]): TargetClass => ({
    assetClass, target: null, glide: points.map(([date, t]) => ({ date: isoDate(date), target: dec(t) })), band: null, absBand: null, location: null,
  });
  const path = [glide('Stocks', [['2026-01-01', '0.9'], ['2030-01-01', '0.7'], ['2040-01-01', '0.4']]), glide('Bonds', [['2026-01-01', '0.1'], ['2030-01-01', '0.3'], ['2040-01-01', '0.6']])];
  const on = (date: string) => targetsOn(path, isoDate(date)).map((t) => t.target.toFixed(6));

  it('after the last date the last target holds; before the first, the first', () => {
    expect(on('2040-01-01')).toEqual(['0.400000', '0.600000']);
    expect(on('2040-01-02')).toEqual(['0.400000', '0.600000']);
    expect(on('2099-12-31')).toEqual(['0.400000', '0.600000']);
    expect(on('2025-12-31')).toEqual(['0.900000', '0.100000']);
  });

  it('between dates, linear by day, and every blend sums to 100%', () => {
    // 2035-01-01 is 1,826 of the 3,652 days from 2030-01-01 to 2040-01-01: 0.7 - 0.3 x 1826/3652 = 0.55.
    expect(on('2035-01-01')).toEqual(['0.550000', '0.450000']);
    // 2028-01-01: 730 of 1,461 days: 0.9 - 0.2 x 730/1461 = 0.800068.
    expect(on('2028-01-01')).toEqual(['0.800068', '0.199932']);
    for (const date of ['2026-06-30', '2031-02-28', '2039-12-31']) {
      expect(targetsOn(path, isoDate(date)).reduce((a, t) => a.plus(t.target), dec(0)).toFixed(), date).toBe('1');
    }
  });

  it('the plain Target column without dated columns, and the first dated target with no as-of date', () => {
    expect(targetsOn([{ ...glide('Cash', []), target: dec('0.05') }], isoDate('2026-01-01'))[0].target.toFixed()).toBe('0.05');
    expect(targetsOn(path, null).map((t) => t.target.toFixed())).toEqual(['0.9', '0.1']);
  });
});
