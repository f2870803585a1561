import { HISTORY_TAB } from '../workbook/history';
import type { Spreadsheet } from './active-workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const DRIFT_CHART_TITLE = 'Household drift over time';

/**
 * The Dashboard's line chart of household drift from the History tab's Date and Household Drift
 * columns (A:B, whole columns, so each row a check appends shows without touching the chart).
 * Added once: a Dashboard that already has a chart with this title is left as it is.
 * A range on another tab is what the Sheets UI builds too (*unconfirmed* in the Apps Script
 * reference, which only shows same-sheet ranges).
 */
export function ensureDriftChart(dashboard: Sheet | null, history: Sheet | null): boolean {
  if (!dashboard || !history) return false;
  if (dashboard.getCharts().some((c) => c.getOptions().get('title') === DRIFT_CHART_TITLE)) return false;
  const chart = dashboard
    .newChart()
    .asLineChart()
    .addRange(history.getRange('A:B'))
    .setNumHeaders(1)
    .setOption('title', DRIFT_CHART_TITLE)
    .setOption('vAxis.format', 'percent')
    .setOption('legend', { position: 'none' })
    .setPosition(22, 11, 0, 0)
    .build();
  dashboard.insertChart(chart);
  return true;
}

export function historySheet(ss: Spreadsheet): Sheet | null {
  return ss.getSheets().find((s) => s.getName().toLowerCase() === HISTORY_TAB.toLowerCase()) ?? null;
}
