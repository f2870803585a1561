/**
 * Date cells as ISO calendar days in the spreadsheet's time zone. Apps Script hands a date cell
 * as a Date for the instant it denotes in the spreadsheet's zone, while the script's own zone
 * (what `getDate()` uses) may differ; formatting in the spreadsheet's zone gives the day the user
 * typed. One `Utilities.formatDate` per distinct instant: lots bought the same day share it.
 */
import { isDateObject } from '../workbook/cells';

export type Grid = unknown[][];

export function dateCellsToIso(grids: readonly Grid[], timeZone: () => string | null): Grid[] {
  let zone: string | null | undefined;
  const days = new Map<number, string>();
  const iso = (d: Date): string | Date => {
    const time = d.getTime();
    if (Number.isNaN(time)) return d;
    const hit = days.get(time);
    if (hit) return hit;
    if (zone === undefined) zone = timeZone();
    const day = zone
      ? Utilities.formatDate(d, zone, 'yyyy-MM-dd')
      : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    days.set(time, day);
    return day;
  };
  return grids.map((grid) => (grid.some((row) => Array.isArray(row) && row.some(isDateObject)) ? grid.map((row) => (Array.isArray(row) ? row.map((v) => (isDateObject(v) ? iso(v) : v)) : row)) : grid));
}
