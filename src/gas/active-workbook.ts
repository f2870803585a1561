import { dateCellsToIso } from './date-cells';
import type { TabSource } from '../workbook/index';

/** The spreadsheet API the add-on uses, narrowed so the in-memory fake can stand in for it. */
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;


/**
 * The active spreadsheet as a TabSource: one `getValues` per tab, read lazily and once (the
 * batching rule: a constant number of spreadsheet calls per action, whatever the tab sizes).
 * Date cells become ISO text so no time-zone shift can move a date.
 */
export function spreadsheetSource(ss: Spreadsheet): TabSource {
  const timeZone = ss.getSpreadsheetTimeZone();
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  const cache = new Map<string, unknown[][]>();
  return {
    dateCells: 'local',
    tabNames: () => names,
    values(tab: string) {
      const hit = cache.get(tab);
      if (hit) return hit;
      const sheet = sheets.find((s) => s.getName() === tab);
      if (!sheet) return null;
      const [values] = dateCellsToIso([sheet.getDataRange().getValues()], () => timeZone);
      cache.set(tab, values);
      return values;
    },
  };
}

/** Today in the spreadsheet's time zone: menus, the sidebar and triggers have a clock. */
export function todayIn(ss: Spreadsheet, now: Date = new Date()): string {
  return Utilities.formatDate(now, ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
}

