import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { roundCents, targetsOn } from '../../engine/index';
import { simulatedHouseholdFrom } from '../../engine/tax';
import { valueHoldings } from '../../engine/valuation';
import { noArgs } from '../args';
import { CommandFailure } from '../io';
import { loadHousehold } from '../load-household';
import type { BacktestIo } from './backtest';

/**
 * The returns data ships with the package: find it beside the code, not in the working
 * directory (lib/cli.mjs in the bundle, src/cli/commands/ when tests run the sources).
 */
function dataFile(): string {
  const candidates = ['../data/', '../../data/', '../../../data/'].map((up) => fileURLToPath(new URL(`${up}us-annual-returns.csv`, import.meta.url)));
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

async function backtestTargets(path: string) {
  const loaded = await loadHousehold(path, noArgs());
  if (!loaded.ok) throw new CommandFailure(loaded.message);
  const { household } = loaded;
  const inForce = targetsOn(household.targets, household.settings.asOf);
  return {
    classes: household.targets.map((t, i) => ({ name: t.assetClass, target: inForce[i].target, band: t.band, absBand: t.absBand })),
    tax: simulatedHouseholdFrom(household.settings),
    startValue: roundCents(valueHoldings(household).total),
    settings: household.settings,
  };
}

/** `rebalance backtest` on this machine: files from disk, workbooks through the reader. */
export function nodeBacktestIo(): BacktestIo {
  return { readFile: (p) => readFileSync(p, 'utf8'), loadHousehold: backtestTargets, dataPath: dataFile() };
}
