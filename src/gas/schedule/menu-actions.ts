import { computeDrift, daysBetween, formatPercent, dec, type IsoDate } from '../../engine/index';
import { decideCheck } from '../../engine/schedule/decide-check';
import { nextReviewDate } from '../../engine/schedule/periods';
import { renderCheckEmail } from '../../engine/notify/check-email';
import { renderErrorEmail } from '../../engine/notify/error-email';
import { slackWebhookProblem } from '../../engine/schedule/slack-webhook';
import { todayIn, type Spreadsheet } from '../active-workbook';
import { sendEmail } from './deliver';
import { checkDonePayload } from '../../engine/notify/webhook-payload';
import { WEBHOOK_SERVICES } from '../../engine/notify/webhook-url';
import { sendWebhook, webhookMeta } from './webhook';
import type { JournalEntry } from './journal-log';
import { appendJournal } from './journal-log';
import { readForSchedule, recipientFor, runCheckAt, type RunOutcome } from './run-check';
import { loadPending, loadState, saveState } from './schedule-store';
import { CHECK_HOUR, adoptFiringTrigger, checkTimeText, installCheckTrigger, removeCheckTriggers, scheduleTriggers } from './trigger';
import { authorizationRequired, clearReauth, reauthRecorded, saveReauth } from './reauth';
import { BusyError, withDocumentLock } from '../atomic-write';

/**
 * What the menu items do. Each returns the text it showed, so tests (and the sidebar helper)
 * can assert it; `now` is a parameter so tests control the clock.
 */

function ui(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

/** The trigger's entry: the time it fired (the event carries it, in UTC), else the clock. */
export function fireTime(e: unknown): Date {
  const ev = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
  const n = (k: string) => (typeof ev[k] === 'number' ? (ev[k] as number) : NaN);
  const parts = [n('year'), n('month'), n('day-of-month'), n('hour'), n('minute'), n('second')];
  if (parts.slice(0, 3).some(Number.isNaN)) return new Date();
  const [y, mo, d, h, mi, s] = parts.map((p) => (Number.isNaN(p) ? 0 : p));
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

/** The trigger's id, from the time-driven event (triggerUid), or null. */
function firingTriggerId(e: unknown): string | null {
  const uid = typeof e === 'object' && e !== null ? (e as Record<string, unknown>).triggerUid : undefined;
  return typeof uid === 'string' || typeof uid === 'number' ? String(uid) : null;
}

/** How long a check waits for another editor's check (or a recording) to finish before skipping this run. */
export const CHECK_LOCK_WAIT_MS = 30_000;

/**
 * The daily trigger handler: never throws (add-on triggers send no failure email), records
 * instead. First it asks Google whether every scope is authorized: after an update that added
 * one, the trigger runs without a prompt and would throw at the first new call, so it records
 * that and stops. Then decide -> send -> save runs under the document lock, so two editors'
 * triggers firing together send one period's notice once.
 */
export function scheduledCheck(e: unknown): RunOutcome {
  const now = fireTime(e);
  const ss = SpreadsheetApp.getActive();
  let auth = { required: false, url: '' };
  try {
    auth = authorizationRequired();
  } catch (error) {
    console.warn(`Rebalancer: could not ask Google about authorization: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (auth.required) return recordReauthorization(ss, now, auth.url);
  try {
    return withDocumentLock(
      () => {
        clearReauth();
        adoptFiringTrigger(firingTriggerId(e));
        return runCheckAt(ss, now);
      },
      CHECK_LOCK_WAIT_MS,
      'another scheduled check (or a recording) held this spreadsheet for too long',
    );
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (error instanceof BusyError) {
      // Not our turn: the other holder decides and saves; writing state here could undo its record.
      console.warn(`Rebalancer: scheduled check skipped: ${text}`);
      return { kind: 'skipped', summary: `skipped: ${text}; the next daily run checks again`, emailsSent: 0, failures: [] };
    }
    const outcome: RunOutcome = { kind: 'failed', summary: `the scheduled check failed: ${text}`, emailsSent: 0, failures: [text] };
    try {
      const state = loadState();
      saveState({ ...state, lastRun: { at: now.toISOString(), asOf: '', kind: 'failed', result: outcome.summary } });
      appendJournal(ss, now, [{ event: 'notice failed', asOf: todayIn(ss, now), details: outcome.summary }]);
      const subject = 'Scheduled check failed';
      sendEmail(recipientFor(null), { subject, text: `${subject}: ${text}\n\n${ss.getUrl()}`, html: `<p>${subject}: ${text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}</p>` }, 'failed');
    } catch {
      // Nothing else is left to tell anyone with; the state above is the record.
    }
    return outcome;
  }
}

/**
 * Re-authorization needed: no other service is called (any of them may be the new scope), only
 * the Journal (the spreadsheet scope was granted at install) and document properties (no scope).
 */
function recordReauthorization(ss: Spreadsheet, now: Date, url: string): RunOutcome {
  const summary = 'the scheduled check did not run: after an update, Google needs the person who installed the schedule to authorize the add-on again (open it from the menu once, or use the link in the sidebar)';
  const asOf = todayIn(ss, now);
  try {
    // Recorded once, from the first day it stopped: the banner and the Journal say since when.
    if (!reauthRecorded()) {
      saveReauth(now, asOf, url);
      appendJournal(ss, now, [{ event: 'check', asOf, details: `Re-authorization required: ${summary}.` }]);
    }
  } catch (error) {
    console.error(`Rebalancer: re-authorization required, and it could not be recorded: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { kind: 'reauthorize', summary, emailsSent: 0, failures: [] };
}

export function installScheduleAt(now: Date): string {
  const ss = SpreadsheetApp.getActive();
  const timeZone = ss.getSpreadsheetTimeZone();
  let replaced: number;
  try {
    ({ replaced } = installCheckTrigger(timeZone));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    if (!/too many time-based triggers/i.test(why)) throw error;
    // A trigger from a version that saved no id: Google allows one per user and document.
    const text = `You already have a daily check in this spreadsheet, made by an earlier version of the add-on, so Google refused a second one (${why}). It keeps running; after its next run (around ${CHECK_HOUR}:00) Install and Remove find it.`;
    ui().alert('Schedule', text, ui().ButtonSet.OK);
    return text;
  }
  const state = loadState();
  const read = readForSchedule(ss, now);
  const schedule = read.ok ? read.household.settings.schedule : 'monthly';
  const next = nextReviewDate(schedule, state.lastReview, read.today);
  const text = [
    replaced > 0 ? 'The daily check was reinstalled (the old trigger was replaced, so there is still one).' : 'The daily check is installed.',
    `It runs once a day ${checkTimeText(timeZone)} and emails you when a ${schedule} review is due (next: ${next <= read.today ? 'on the next run' : next}) or when a class passes the override threshold.`,
    read.ok ? '' : `Note: the workbook has ${read.errors.length} error(s) now; the check will email you the list.`,
  ].filter(Boolean).join('\n\n');
  ui().alert('Schedule installed', text, ui().ButtonSet.OK);
  return text;
}

export function removeScheduleAt(): string {
  const removed = removeCheckTriggers();
  const text = removed > 0 ? 'The daily check was removed. No more scheduled emails from this spreadsheet.' : 'No daily check was installed for you in this spreadsheet.';
  ui().alert('Schedule removed', text, ui().ButtonSet.OK);
  return text;
}

export function pauseScheduleAt(now: Date): string {
  const answer = ui().prompt('Pause the schedule', 'Why are you pausing the scheduled checks? (kept with the pause, and shown in the monthly reminder)', ui().ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui().Button.OK) return 'cancelled';
  const reason = answer.getResponseText().trim();
  if (reason === '') {
    const text = 'The schedule was not paused: a reason is needed.';
    ui().alert('Not paused', text, ui().ButtonSet.OK);
    return text;
  }
  const ss = SpreadsheetApp.getActive();
  const read = readForSchedule(ss, now);
  const drift = read.ok ? computeDrift(read.household).householdDrift.toFixed() : null;
  saveState({ ...loadState(), pausedAt: read.today, pauseReason: reason.slice(0, 500), driftAtPause: drift, reminderKey: null });
  appendJournal(ss, now, [{ event: 'check', asOf: read.today, details: `Schedule paused: ${reason.slice(0, 500)}` }]);
  const text = `The schedule is paused from ${read.today}. No review or alert emails until you resume; a reminder comes every 30 days.`;
  ui().alert('Schedule paused', text, ui().ButtonSet.OK);
  return text;
}

export function resumeScheduleAt(now: Date): string {
  const ss = SpreadsheetApp.getActive();
  const state = loadState();
  const today = todayIn(ss, now) as IsoDate;
  if (state.pausedAt === null) {
    const text = 'The schedule is not paused.';
    ui().alert('Schedule', text, ui().ButtonSet.OK);
    return text;
  }
  saveState({ ...state, pausedAt: null, pauseReason: null, driftAtPause: null, reminderKey: null });
  appendJournal(ss, now, [{ event: 'check', asOf: today, details: `Schedule resumed after ${daysBetween(state.pausedAt, today)} days.` }]);
  const text = `The schedule is resumed after ${daysBetween(state.pausedAt, today)} days. The next daily run checks whether a review or alert is due.`;
  ui().alert('Schedule resumed', text, ui().ButtonSet.OK);
  return text;
}

/** Sends the email the check would send now, as a review, marked as a test; the schedule's memory is not touched. */
export function sendTestEmailAt(now: Date): string {
  const ss = SpreadsheetApp.getActive();
  const read = readForSchedule(ss, now);
  let to: string;
  let result;
  if (!read.ok) {
    to = recipientFor(null);
    const email = renderErrorEmail(read.errors, ss.getUrl(), read.today);
    result = sendEmail(to, { ...email, subject: `[Test] ${email.subject}` }, 'test');
  } else {
    const settings = read.household.settings;
    to = recipientFor(settings.email);
    const decision = decideCheck({ household: read.household, asOf: read.today, state: loadState(), forceReview: true });
    const problem = settings.slackWebhook === null ? null : slackWebhookProblem(settings.slackWebhook);
    result = sendEmail(to, renderCheckEmail(decision, { spreadsheetUrl: ss.getUrl(), test: true, notes: problem ? [problem] : [], checkTime: checkTimeText(ss.getSpreadsheetTimeZone()) }), 'test');
  }
  const text = result.ok ? `A test email was sent to ${to}.` : `The test email${to ? ` to ${to}` : ''} was not sent: ${result.error}`;
  appendJournal(ss, now, [{ event: result.ok ? 'notice sent' : 'notice failed', asOf: read.today, details: `Test email: ${text}` }]);
  ui().alert('Test email', text, ui().ButtonSet.OK);
  return text;
}

/**
 * "Send a test webhook": the check.done payload the check would send now (as a review), marked
 * `"test": true`, so Make and Zapier can learn the payload's structure from it. The schedule's
 * memory is not touched; what happened is journaled and shown.
 */
export function sendTestWebhookAt(now: Date): string {
  const ss = SpreadsheetApp.getActive();
  const read = readForSchedule(ss, now);
  let text: string;
  if (!read.ok) {
    text = `No test webhook was sent: the workbook has ${read.errors.length} error(s); the first: ${read.errors[0]?.text ?? ''}`;
  } else {
    const url = read.household.settings.webhookUrl;
    if (url === null) {
      text = `No test webhook was sent: set Webhook URL on the Settings tab to a webhook address starting with ${WEBHOOK_SERVICES.map((s) => `${s.shown} (${s.name})`).join(', ')}.`;
    } else {
      const decision = decideCheck({ household: read.household, asOf: read.today, state: loadState(), forceReview: true });
      const journal: JournalEntry[] = [];
      const outcome = sendWebhook(url, checkDonePayload(decision, webhookMeta(ss, now, true)), journal);
      appendJournal(ss, now, journal);
      text =
        outcome.kind === 'posted'
          ? `A test check.done event was posted to ${outcome.service} (HTTP ${outcome.code}). In Make or Zapier, use it to set up the data structure; it carries "test": true.`
          : outcome.kind === 'refused'
            ? outcome.problem
            : outcome.kind === 'failed'
              ? `The test webhook to ${outcome.service} was not delivered: ${outcome.error}`
              : 'No test webhook was sent.';
    }
  }
  ui().alert('Test webhook', text, ui().ButtonSet.OK);
  return text;
}

export function scheduleStatusAt(now: Date): string {
  const ss = SpreadsheetApp.getActive();
  const state = loadState();
  const read = readForSchedule(ss, now);
  const installed = scheduleTriggers().length > 0;
  const lines: string[] = [installed ? `Installed: one daily check ${checkTimeText(ss.getSpreadsheetTimeZone())}.` : 'Not installed for you in this spreadsheet: use Schedule ▸ Install monthly check.'];
  if (read.ok) {
    const s = read.household.settings;
    lines.push(`Review: ${s.schedule}; next review ${nextReviewDate(s.schedule, state.lastReview, read.today)}. Override threshold ${formatPercent(s.overrideThreshold, 0)}. Notify: ${s.notify === 'always' ? 'always' : 'only when action is needed'}. Automation: ${s.automation}.`);
  } else lines.push(`The workbook has ${read.errors.length} error(s); the check emails the list instead of checking.`);
  if (state.pausedAt !== null) {
    const days = daysBetween(state.pausedAt, read.today);
    let drift = '';
    if (read.ok) {
      const driftNow = computeDrift(read.household).householdDrift;
      if (state.driftAtPause !== null) {
        const change = driftNow.minus(dec(state.driftAtPause)).times(100);
        drift = ` Household drift was ${formatPercent(dec(state.driftAtPause))} at the pause and is ${formatPercent(driftNow)} now (${change.isNegative() ? '' : '+'}${change.toFixed(1)} points since the pause).`;
      } else drift = ` Household drift now ${formatPercent(driftNow)}.`;
    }
    lines.push(`Paused for ${days} days (since ${state.pausedAt}; reason: ${state.pauseReason ?? 'none given'}).${drift}`);
  }
  if (state.lastRun) lines.push(`Last run ${state.lastRun.at}: ${state.lastRun.result}`);
  const pending = loadPending();
  if (pending.length > 0) lines.push(`${pending.length} Slack message(s) waiting to be retried on the next run.`);
  const text = lines.join('\n\n');
  ui().alert('Schedule', text, ui().ButtonSet.OK);
  return text;
}

// Re-exported for main.ts's top-level handler.
export { runCheckAt };
