import { readHousehold, gridSource } from '../../src/workbook/index';
import type { Household } from '../../src/engine/index';
import { exampleGrid } from '../support/example-grids';

export const TABS = ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'] as const;

/** The example household's tabs, with Settings rows replaced or added by name. */
export function exampleTabs(settings: Record<string, string> = {}, edit: (tabs: Record<string, string[][]>) => void = () => {}): Record<string, string[][]> {
  const tabs: Record<string, string[][]> = Object.fromEntries(TABS.map((t) => [t, exampleGrid(t)]));
  for (const [name, value] of Object.entries(settings)) {
    const row = tabs.Settings.find((r) => r[0] === name);
    if (row) row[1] = value;
    else tabs.Settings.push([name, value]);
  }
  edit(tabs);
  return tabs;
}

export function exampleHousehold(settings: Record<string, string> = {}, edit?: (tabs: Record<string, string[][]>) => void): Household {
  const read = readHousehold(gridSource(exampleTabs(settings, edit)), {});
  if (!read.ok) throw new Error(read.errors.map((e) => e.message).join('\n'));
  return read.household;
}
