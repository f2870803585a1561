import { Decimal } from '../money';
import { cholesky } from './cholesky';
import { mulberry32 } from './prng';
import { HISTORY_SERIES, type HistorySeries } from './history';
import type { ReturnsTable } from './returns-csv';
import type { Period, Scenario } from './types';

/** Annual arithmetic means and volatilities per asset, and their correlation matrix (in `assets` order). */
export interface ReturnModel {
  assets: string[];
  annualMeans: number[];
  annualVolatilities: number[];
  correlation: number[][];
}

export interface MonteCarloRequest {
  model: ReturnModel;
  years: number;
  paths: number;
  seed: number;
}

export type MonteCarloOutcome = { ok: true; scenarios: Scenario[] } | { ok: false; errors: string[] };

/** The model's parameters from history: arithmetic mean, sample volatility and correlation of each series. */
export function estimateReturnModel(
  table: ReturnsTable,
  assetSeries: Readonly<Record<string, HistorySeries>>,
): ReturnModel {
  const assets = Object.keys(assetSeries);
  const series = assets.map((a) => table.rows.map((row) => row.returns[HISTORY_SERIES[assetSeries[a]]].toNumber()));
  const n = table.rows.length;
  const means = series.map((xs) => xs.reduce((s, x) => s + x, 0) / n);
  const cov = (i: number, j: number) =>
    series[i].reduce((s, x, k) => s + (x - means[i]) * (series[j][k] - means[j]), 0) / (n - 1);
  const vols = assets.map((_, i) => Math.sqrt(cov(i, i)));
  const correlation = assets.map((_, i) => assets.map((__, j) => (i === j ? 1 : cov(i, j) / (vols[i] * vols[j]))));
  return { assets, annualMeans: means, annualVolatilities: vols, correlation };
}

/**
 * Seeded monthly paths: each month, correlated normal returns with mean = annual mean / 12 and
 * volatility = annual volatility / sqrt(12) (independent months, no fat tails, no volatility
 * clustering: a textbook model, kinder than history in a crash). A monthly return is cut at
 * -99% so no asset goes to zero, and rounded to 10 decimal places when it becomes a Decimal, so
 * floating-point noise in the last bit cannot change a result. Same seed, same paths.
 */
export function monteCarloScenarios(request: MonteCarloRequest): MonteCarloOutcome {
  const { model, years, paths, seed } = request;
  const errors: string[] = [];
  const k = model.assets.length;
  if (!Number.isInteger(years) || years < 1) errors.push('Years must be a whole number of at least 1.');
  if (!Number.isInteger(paths) || paths < 1) errors.push('Paths must be a whole number of at least 1.');
  if (model.annualMeans.length !== k || model.annualVolatilities.length !== k || model.correlation.length !== k) {
    errors.push('The model needs one mean, one volatility and one correlation row per asset.');
  }
  const lower = errors.length === 0 ? cholesky(model.correlation) : null;
  if (errors.length === 0 && lower === null) errors.push('The correlation matrix is not positive definite.');
  if (errors.length > 0 || lower === null) return { ok: false, errors };

  const random = mulberry32(seed);
  const monthlyMean = model.annualMeans.map((m) => m / 12);
  const monthlyVol = model.annualVolatilities.map((v) => v / Math.sqrt(12));
  const scenarios: Scenario[] = [];
  const z = new Array<number>(k);
  for (let p = 1; p <= paths; p += 1) {
    const periods: Period[] = [];
    for (let month = 1; month <= years * 12; month += 1) {
      for (let i = 0; i < k; i += 1) z[i] = random.normal();
      const returns: Record<string, Decimal> = {};
      for (let i = 0; i < k; i += 1) {
        let shock = 0;
        for (let j = 0; j <= i; j += 1) shock += lower[i][j] * z[j];
        const r = Math.max(-0.99, monthlyMean[i] + monthlyVol[i] * shock);
        returns[model.assets[i]] = new Decimal(r.toFixed(10));
      }
      periods.push({ label: `month ${month}`, returns });
    }
    scenarios.push({ label: `path ${p} (seed ${seed})`, periodsPerYear: 12, periods });
  }
  return { ok: true, scenarios };
}
