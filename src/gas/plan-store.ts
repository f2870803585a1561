import type { Spreadsheet } from './active-workbook';
import type { TabWrite } from './atomic-write';

/**
 * The last plan written to the Plan tab, kept so "Record executed plan" (a menu item that opens
 * a fresh sidebar) can offer exactly that plan, lots and all: the Plan tab's cells lose the
 * detail. It lives in a hidden tab written in the same all-or-nothing write as the Plan tab and
 * the Journal row, so "written" and "kept" cannot disagree, and its size is no quota's business:
 * a property value holds 9 KB and a store 500 KB, which a 5,000-lot plan outgrows. A cell holds
 * 50,000 characters, so the JSON is split into rows of 40,000.
 */
export const PLAN_STORE_TAB = '_rebalancer_plan';
const HEADER = 'Last plan written (JSON, read by Record executed plan; do not edit)';
const CHUNK = 40_000;
/**
 * Each part starts with this letter: Sheets reads a written string the way it reads typing, so
 * a bare part such as "-12.5" or "1/2" could come back a number or a date.
 */
const MARK = 'p';

/** Where earlier versions kept the plan: chunks in document properties, now deleted when a plan is written. */
const LEGACY_PREFIX = 'rebalancer.lastPlan';

/** The hidden tab's write for `json`, to go into the same writeTabsAtomically call as the Plan tab. */
export function planStoreWrite(json: string): TabWrite {
  const rows: string[][] = [[HEADER]];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([MARK + json.slice(i, i + CHUNK)]);
  return { tab: PLAN_STORE_TAB, rows, raw: true, hide: true };
}

/** The JSON text written last, or null. One getValues whatever the size. */
export function loadLastPlan(ss: Spreadsheet): string | null {
  const sheet = ss.getSheetByName(PLAN_STORE_TAB);
  if (sheet) {
    const parts = sheet.getDataRange().getValues().slice(1).map((row) => String(row[0] ?? ''));
    if (parts.length === 0 || parts.some((p) => !p.startsWith(MARK))) return null;
    return parts.map((p) => p.slice(MARK.length)).join('');
  }
  return loadLegacyPlan();
}

/** A plan kept by an earlier version (before the hidden tab), so an update does not lose it. */
function loadLegacyPlan(): string | null {
  const props = PropertiesService.getDocumentProperties();
  if (!props) return null;
  const all = props.getProperties();
  const count = Number(all[`${LEGACY_PREFIX}.count`] ?? '0');
  if (!Number.isInteger(count) || count <= 0) return null;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const part = all[`${LEGACY_PREFIX}.${i}`];
    if (part === undefined) return null;
    parts.push(part);
  }
  return parts.join('');
}

/**
 * Deletes every plan chunk earlier versions left in document properties (they count against the
 * 500 KB store the schedule also needs). Returns how many were deleted; never throws, since the
 * plan itself is already safely written when this runs.
 */
export function forgetLegacyPlan(): number {
  try {
    const props = PropertiesService.getDocumentProperties();
    if (!props) return 0;
    const stale = props.getKeys().filter((k) => k === LEGACY_PREFIX || k.startsWith(`${LEGACY_PREFIX}.`));
    for (const key of stale) props.deleteProperty(key);
    return stale.length;
  } catch {
    return 0;
  }
}

/** Where the sidebar should open: 'record' once after the Record executed plan menu item. */
const START_KEY = 'rebalancer.sidebarStart';

export function setSidebarStart(step: 'record'): void {
  PropertiesService.getUserProperties().setProperty(START_KEY, step);
}

export function takeSidebarStart(): 'drift' | 'record' {
  const props = PropertiesService.getUserProperties();
  const step = props.getProperty(START_KEY);
  if (step === null) return 'drift';
  props.deleteProperty(START_KEY);
  return step === 'record' ? 'record' : 'drift';
}
