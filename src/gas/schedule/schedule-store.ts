import { emptyScheduleState, parseScheduleState, type ScheduleState } from '../../engine/schedule/schedule-state';

/**
 * The schedule's memory in document properties (shared by everyone editing this document, so a
 * second editor's trigger sees what the first one sent). Apps Script caps a value at 9 KB.
 */
export const STATE_KEY = 'rebalancer.schedule.state';
export const PENDING_KEY = 'rebalancer.schedule.pending';
export const VALUE_LIMIT_BYTES = 9000;

/** A Slack message that failed and waits for the next run (check summaries, plan recorded). */
export interface PendingNotice {
  channel: 'slack';
  what: string;
  text: string;
  firstFailedAt: string;
  attempts: number;
  lastError: string;
}

function store(): GoogleAppsScript.Properties.Properties {
  const props = PropertiesService.getDocumentProperties();
  if (!props) throw new Error('The schedule needs a document: open it from the spreadsheet.');
  return props;
}

function parse(json: string | null): unknown {
  if (!json) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

export function loadState(): ScheduleState {
  const raw = parse(store().getProperty(STATE_KEY));
  return raw === null ? emptyScheduleState() : parseScheduleState(raw);
}

export function saveState(state: ScheduleState): void {
  const trimmed: ScheduleState = {
    ...state,
    pauseReason: state.pauseReason === null ? null : state.pauseReason.slice(0, 500),
    lastRun: state.lastRun === null ? null : { ...state.lastRun, result: state.lastRun.result.slice(0, 2000) },
  };
  store().setProperty(STATE_KEY, JSON.stringify(trimmed));
}

export function loadPending(): PendingNotice[] {
  const raw = parse(store().getProperty(PENDING_KEY));
  return Array.isArray(raw) ? (raw.filter((p) => p && typeof p.text === 'string') as PendingNotice[]) : [];
}

/** UTF-8 bytes of a string, as the property quota counts them (no TextEncoder in Apps Script). */
function utf8Bytes(text: string): number {
  return encodeURIComponent(text).replace(/%[0-9A-F]{2}/g, 'x').length;
}

/**
 * Saves the pending queue under the 9 KB cap. Oldest messages are dropped first when it would
 * not fit; the caller journals what was dropped, so nothing is lost silently.
 */
export function savePending(pending: readonly PendingNotice[]): PendingNotice[] {
  let kept = pending.map((p) => ({ ...p, text: p.text.slice(0, 1500), lastError: p.lastError.slice(0, 300) }));
  const dropped: PendingNotice[] = [];
  while (kept.length > 0 && utf8Bytes(JSON.stringify(kept)) > VALUE_LIMIT_BYTES) dropped.push(kept.shift()!);
  if (kept.length === 0) store().deleteProperty(PENDING_KEY);
  else store().setProperty(PENDING_KEY, JSON.stringify(kept));
  return dropped;
}
