import { Decimal } from '../money';
import { seriesForAssetClass, type HistorySeries } from './history';
import type { MixEntry } from './types';
import type { SimulatedHousehold } from '../tax';

/** What the backtest needs from a workbook: its Targets tab, one row per asset class. */
export interface BacktestWorkbookInput {
  classes: { name: string; target: Decimal; band: Decimal | null; absBand: Decimal | null }[];
  /** The workbook's Filing Status and incomes, when Filing Status is set (simulated years then use the tables). */
  tax?: SimulatedHousehold;
}

/** The mix and the history each class follows (by name; see `seriesForAssetClass`). */
export function mixFromWorkbook(input: BacktestWorkbookInput): { mix: MixEntry[]; series: Record<string, HistorySeries> } {
  const mix = input.classes.map((c) => ({ asset: c.name, weight: c.target, band: c.band, absBand: c.absBand }));
  const series: Record<string, HistorySeries> = {};
  for (const c of input.classes) series[c.name] = seriesForAssetClass(c.name);
  return { mix, series };
}

/** The names `--mix` gives its numbers to: stocks/bonds, then cash, then corporate bonds. */
const MIX_ASSETS: Record<number, { asset: string; series: HistorySeries }[]> = {
  1: [{ asset: 'stocks', series: 'sp500' }],
  2: [
    { asset: 'stocks', series: 'sp500' },
    { asset: 'bonds', series: 'tbond' },
  ],
  3: [
    { asset: 'stocks', series: 'sp500' },
    { asset: 'bonds', series: 'tbond' },
    { asset: 'cash', series: 'tbill' },
  ],
  4: [
    { asset: 'stocks', series: 'sp500' },
    { asset: 'bonds', series: 'tbond' },
    { asset: 'cash', series: 'tbill' },
    { asset: 'corporate bonds', series: 'baa' },
  ],
};

/** A mix from weights in order stocks, bonds[, cash[, corporate bonds]]; null when there are not 1-4 weights. */
export function mixFromWeights(weights: readonly Decimal[]): { mix: MixEntry[]; series: Record<string, HistorySeries> } | null {
  const names = MIX_ASSETS[weights.length];
  if (!names) return null;
  const mix = names.map((n, i) => ({ asset: n.asset, weight: weights[i], band: null, absBand: null }));
  const series: Record<string, HistorySeries> = {};
  for (const n of names) series[n.asset] = n.series;
  return { mix, series };
}
