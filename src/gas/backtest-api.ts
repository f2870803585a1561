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

export type ChartDialogResult = { ok: true } | { ok: false; errors: string[] };

/**
 * "Open larger": the backtest's wide chart in a modal dialog (HtmlService; needs the
 * script.container.ui scope, as any dialog). The SVG comes back from the sidebar, which got it
 * from runBacktestForSidebar: rerunning the backtest would take seconds. It is shown only
 * through an <img> data URL, where no script in it could run, and only when it is an SVG
 * document of a sane size.
 */
export function showBacktestChart(svg: string, title: string): ChartDialogResult {
  if (typeof svg !== 'string' || !svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"') || svg.length > 400_000) {
    return { ok: false, errors: ['The chart could not be shown: run the backtest again.'] };
  }
  const heading = String(title ?? '').slice(0, 200).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<div style="font:13px Roboto,Arial,sans-serif;color:#202124;margin:0">
<img alt="${heading}" style="display:block;width:100%;height:auto" src="data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}">
</div>`;
  try {
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(800).setHeight(560), 'Backtest: value and drift');
    return { ok: true };
  } catch (error) {
    return { ok: false, errors: [`The chart could not be shown: ${error instanceof Error ? error.message : String(error)}`] };
  }
}
