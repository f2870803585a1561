import type { Spreadsheet } from '../active-workbook';
import { reauthNotice, type ReauthJson } from './reauth';
import { checkTimeText, scheduleTriggers } from './trigger';

export type { ReauthJson } from './reauth';

/** The schedule as the sidebar shows it: installed for you, when it runs, and whether it is stuck on authorization. */
export interface ScheduleJson {
  installed: boolean;
  /** "around 7:00 (America/New_York)": the spreadsheet's zone, which the trigger runs in. */
  when: string;
  reauth: ReauthJson | null;
}

export function scheduleForSidebar(ss: Spreadsheet): ScheduleJson {
  const when = checkTimeText(ss.getSpreadsheetTimeZone());
  let installed = false;
  try {
    installed = scheduleTriggers().length > 0;
  } catch {
    // The sidebar must open even when the trigger list cannot be read; the menu's status says more.
  }
  return { installed, when, reauth: reauthNotice() };
}
