import type { DateCells } from './cells';

/**
 * The "sheet port": everything the reader needs from a workbook. Apps Script, an .xlsx file, a
 * folder of CSVs and in-memory grids all implement it, so one code path reads them all.
 */
export interface TabSource {
  tabNames(): string[];
  /**
   * The tab's cells as Apps Script's `getValues()` hands them, starting at A1 so that index 0 is
   * sheet row 1: numbers, booleans, Dates, strings ("" for empty; null/undefined tolerated).
   * null when the tab does not exist.
   */
  values(tab: string): unknown[][] | null;
  /**
   * How this source's Date cells map to calendar days, when it knows (an .xlsx gives UTC
   * midnight; Apps Script gives dates in the script's time zone, read with local getters).
   */
  readonly dateCells?: DateCells;
}

/** Tab names compare ignoring case, spaces and punctuation, like headers. */
export function tabKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The name a workbook gives a tab, matched as the reader matches it; null when absent. */
export function matchTabName(names: readonly string[], wanted: string): string | null {
  const key = tabKey(wanted);
  return names.find((name) => tabKey(name) === key) ?? null;
}

/** The source's own name for a tab, found case-insensitively; null when absent. */
export function findTabName(source: TabSource, wanted: string): string | null {
  return matchTabName(source.tabNames(), wanted);
}

/** An in-memory workbook: tests, custom-function ranges, and anything already in memory. */
export function gridSource(tabs: Record<string, unknown[][]>, dateCells?: DateCells): TabSource {
  const names = Object.keys(tabs);
  return {
    dateCells,
    tabNames: () => [...names],
    values(tab: string) {
      const key = tabKey(tab);
      const name = names.find((n) => tabKey(n) === key);
      return name === undefined ? null : tabs[name];
    },
  };
}
