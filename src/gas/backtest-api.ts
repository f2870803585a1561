/**
 * The sidebar's Backtest button, over google.script.run: reads the workbook, runs the backtest
 * (backtest-sidebar.ts) on the bundled history and returns plain JSON plus the SVG as a string.
 * Failures come back as values, like the other sidebar calls.
 */
import { readSheetHousehold } from './household-from-sheet';
import { backtestForHousehold, type BacktestSidebarInput, type BacktestSidebarResult } from './backtest-sidebar';
import { US_ANNUAL_RETURNS_CSV } from './returns-data';

export type { BacktestSidebarInput, BacktestSidebarResult, BacktestRowJson, SpreadJson } from './backtest-sidebar';

/** Sidebar Backtest: your policy against never, annual, threshold and the planner over rolling windows of 1928-2025 (plain JSON and an SVG string). */
export function runBacktestForSidebar(options: BacktestSidebarInput): BacktestSidebarResult {
  try {
    const read = readSheetHousehold(SpreadsheetApp.getActive(), new Date());
    if (!read.ok) return { ok: false, errors: ['The workbook has errors; fix them first.', ...read.errors.map((e) => e.text)] };
    return backtestForHousehold(read.household, options, US_ANNUAL_RETURNS_CSV);
  } catch (error) {
    return { ok: false, errors: [`The backtest failed: ${error instanceof Error ? error.message : String(error)}`] };
  }
}
