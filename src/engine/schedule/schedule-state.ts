import { parseIsoDate, type IsoDate } from '../dates';

/**
 * What the schedule remembers between runs (Apps Script keeps it in document properties; the
 * CLI reads it from a JSON file). Each `...Key` names the last notice of its kind that was
 * delivered (or deliberately not needed), so a rerun in the same period sends nothing twice.
 */
export interface ScheduleState {
  /** As-of date of the last review handled (sent, or not needed under quiet mode). */
  lastReview: IsoDate | null;
  reviewKey: string | null;
  alertKey: string | null;
  reminderKey: string | null;
  cpaKey: string | null;
  /** The broken-workbook notice last sent (a digest of its error list). */
  errorsKey: string | null;
  pausedAt: IsoDate | null;
  pauseReason: string | null;
  /** Household drift (a fraction, as a decimal string) when the schedule was paused. */
  driftAtPause: string | null;
  lastRun: { at: string; asOf: string; kind: string; result: string } | null;
}

export function emptyScheduleState(): ScheduleState {
  return {
    lastReview: null,
    reviewKey: null,
    alertKey: null,
    reminderKey: null,
    cpaKey: null,
    errorsKey: null,
    pausedAt: null,
    pauseReason: null,
    driftAtPause: null,
    lastRun: null,
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const date = (value: unknown): IsoDate | null => (typeof value === 'string' ? parseIsoDate(value) : null);

/** Reads a stored state leniently: anything missing or malformed is "never happened". */
export function parseScheduleState(input: unknown): ScheduleState {
  const obj = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const run = (typeof obj.lastRun === 'object' && obj.lastRun !== null ? obj.lastRun : null) as Record<string, unknown> | null;
  return {
    lastReview: date(obj.lastReview),
    reviewKey: text(obj.reviewKey),
    alertKey: text(obj.alertKey),
    reminderKey: text(obj.reminderKey),
    cpaKey: text(obj.cpaKey),
    errorsKey: text(obj.errorsKey),
    pausedAt: date(obj.pausedAt),
    pauseReason: text(obj.pauseReason),
    driftAtPause: text(obj.driftAtPause),
    lastRun: run ? { at: String(run.at ?? ''), asOf: String(run.asOf ?? ''), kind: String(run.kind ?? ''), result: String(run.result ?? '') } : null,
  };
}
