import type { Household } from '../engine/types';
import { accountsToRows, lotsToRows } from '../workbook/write-tabs';

/**
 * A household as the tab grids a custom function receives (header row first), so a generated
 * household can be timed through the same DRIFT / TAXLOTS / REBALANCE code a formula cell runs.
 * Covers what generateHousehold produces: no glide paths, no sales, the generator's settings.
 */
export function householdGrids(h: Household): Record<'Targets' | 'Securities' | 'Lots' | 'Accounts' | 'Settings', string[][]> {
  const text = (v: { toFixed(): string } | null) => (v === null ? '' : v.toFixed());
  return {
    Targets: [['Asset Class', 'Target', 'Band', 'Abs Band'], ...h.targets.map((t) => [t.assetClass, text(t.target), text(t.band), text(t.absBand)])],
    Securities: [
      ['Ticker', 'Asset Class', 'Price', 'Wash Group', 'Rank', 'Ex-Dividend'],
      ...h.securities.map((s) => [s.ticker, s.assetClass, s.price.toFixed(), s.washGroup, String(s.rank), s.exDividend ?? '']),
    ],
    Lots: lotsToRows(h.lots),
    Accounts: accountsToRows(h.accounts),
    Settings: [
      ['Setting', 'Value'],
      ['As Of', h.settings.asOf ?? ''],
      ['State Rate', h.settings.stateRate.toFixed()],
    ],
  };
}
