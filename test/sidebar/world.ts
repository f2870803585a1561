import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createFakeGoogle, type FakeGoogle } from '../../src/local-google/fake-google';
import { loadBundle, type BundleContext } from '../support/load-bundle';
import { exampleGrid } from '../support/example-grids';

export const TABS = ['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'] as const;

export const sidebarHtml = () => readFileSync(fileURLToPath(new URL('../../dist/Sidebar.html', import.meta.url)), 'utf8');

/** The example household as typed cells, optionally with changes per tab. */
export function exampleSheets(change: Partial<Record<string, (rows: string[][]) => string[][]>> = {}): Record<string, string[][]> {
  return Object.fromEntries(TABS.map((tab) => [tab, (change[tab] ?? ((r) => r))(exampleGrid(tab))]));
}

export interface World {
  google: FakeGoogle;
  ctx: BundleContext;
}

/** dist/Code.js in a bare vm over an in-memory spreadsheet holding `sheets`. */
export function world(sheets: Record<string, unknown[][]> = exampleSheets()): World {
  const google = createFakeGoogle({ spreadsheet: { sheets }, htmlFiles: { Sidebar: sidebarHtml() } });
  const ctx = loadBundle(google.globals);
  return { google, ctx };
}

/** `n` extra lots of VTI in the Taxable account, each 1 share for $300, so the Lots tab grows. */
export function withExtraLots(n: number): Record<string, string[][]> {
  return exampleSheets({
    Lots: (rows) => [...rows, ...Array.from({ length: n }, (_, i) => ['Taxable Brokerage', 'VTI', '1', '300.00', '2020-01-02', `EXTRA-${i}`, ''])],
  });
}
