import { toPlain, type Household, type IsoDate } from '../../engine/index';
import { decideCheck, stateAfterHandled, type CheckDecision } from '../../engine/schedule/decide-check';
import type { ScheduleState } from '../../engine/schedule/schedule-state';
import { redactWebhook, slackWebhookProblem } from '../../engine/schedule/slack-webhook';
import { renderCheckEmail } from '../../engine/notify/check-email';
import { errorsDigest, renderErrorEmail } from '../../engine/notify/error-email';
import { renderCpaNote } from '../../engine/notify/cpa-note';
import { slackCheckText } from '../../engine/notify/slack-text';
import { checkWebhookUrl } from '../../engine/notify/webhook-url';
import { checkDonePayload, planBrief, planWrittenPayload, washSaleFoundPayload } from '../../engine/notify/webhook-payload';
import { planJson } from '../../present/plan-json';
import { journalGrid, recordedPlanIds } from '../../workbook/journal';
import { todayIn, type Spreadsheet } from '../active-workbook';
import { withDocumentLock, writeTabsAtomically } from '../atomic-write';
import { readSheetHousehold, type IssueJson } from '../household-from-sheet';
import { PLAN_TAB, planTab } from '../plan-tab';
import { planStoreWrite } from '../plan-store';
import { tabName } from '../record-executed';
import { postSlack, sendEmail } from './deliver';
import { checkTimeText } from './trigger';
import { appendJournal, journalWrite, type JournalEntry } from './journal-log';
import { appendHistory } from './history-log';
import { driftSeries, historyGrid } from '../../workbook/history';
import { driftTrend } from '../../engine/schedule/drift-trend';
import { loadPending, loadState, savePending, saveState, type PendingNotice } from './schedule-store';
import { lastWashesAnnounced, rememberWashesAnnounced, sendWebhook, washesKey, webhookMeta } from './webhook';

export interface RunOutcome {
  /** skipped: another execution held the document lock; reauthorize: Google needs consent to a new scope. */
  kind: CheckDecision['kind'] | 'broken-workbook' | 'failed' | 'skipped' | 'reauthorize';
  /** One line a person can read: what was decided and what went out. */
  summary: string;
  emailsSent: number;
  failures: string[];
}

/** Where the user's notices go: Settings `Email`, else the account the trigger runs as. */
export function recipientFor(email: string | null): string {
  return email ?? Session.getEffectiveUser().getEmail();
}

/** The household as the schedule sees it: the sheet's prices, dated today (not Settings' As Of). */
export function readForSchedule(ss: Spreadsheet, now: Date): { ok: true; household: Household; today: IsoDate; read: Extract<ReturnType<typeof readSheetHousehold>, { ok: true }> } | { ok: false; errors: IssueJson[]; today: IsoDate } {
  const today = todayIn(ss, now) as IsoDate;
  const read = readSheetHousehold(ss, now);
  if (!read.ok) return { ok: false, errors: read.errors, today };
  return { ok: true, household: { ...read.household, settings: { ...read.household.settings, asOf: today } }, today, read };
}

/**
 * One scheduled check. Reads the workbook, decides (engine), writes the plan in auto-plan mode,
 * sends what is due, retries what failed before, and records the run in the Journal and in
 * document properties. A notice is marked delivered only once it went out, so a failed send is
 * retried on the next run and a rerun in the same period sends nothing twice.
 */
export function runCheckAt(ss: Spreadsheet, now: Date): RunOutcome {
  let state = loadState();
  const journal: JournalEntry[] = [];
  const failures: string[] = [];
  let emailsSent = 0;
  const url = ss.getUrl();
  const read = readForSchedule(ss, now);
  const asOf = read.today;
  const fail = (what: string, error: string) => {
    failures.push(`${what}: ${error}`);
    journal.push({ event: 'notice failed', asOf, details: `${what}: ${error}` });
  };

  if (!read.ok) {
    const key = errorsDigest(read.errors);
    let summary = `the workbook has ${read.errors.length} error(s); no check was made`;
    if (state.errorsKey !== key) {
      const to = recipientFor(null);
      const sent = sendEmail(to, renderErrorEmail(read.errors, url, asOf), key);
      if (sent.ok) {
        emailsSent++;
        state = { ...state, errorsKey: key };
        journal.push({ event: 'notice sent', asOf, details: `Error list emailed to ${to} (notice ${key}).` });
        summary += `; the error list was emailed to ${to}`;
      } else fail(`Error-list email to ${to}`, sent.error);
    } else summary += '; the same errors were emailed before';
    journal.unshift({ event: 'check', asOf, details: `${summary}. First: ${read.errors[0]?.text ?? ''}` });
    return finish(ss, now, state, journal, { kind: 'broken-workbook', summary, emailsSent, failures });
  }

  const { household } = read;
  const settings = household.settings;
  state = { ...state, errorsKey: null };
  const webhook = settings.slackWebhook;
  const webhookProblem = webhook === null ? null : slackWebhookProblem(webhook);
  const decision = decideCheck({ household, asOf, state });
  const earlier = loadPending();
  const fresh: PendingNotice[] = [];
  const notes: string[] = [];
  const planId = decision.content.plan?.id;

  if (decision.send && webhookProblem) notes.push(webhookProblem);
  const hookCheck = settings.webhookUrl === null ? null : checkWebhookUrl(settings.webhookUrl);
  if (decision.send && hookCheck && !hookCheck.ok) notes.push(hookCheck.problem);
  if (decision.send && settings.automation === 'auto-plan' && decision.content.plan && decision.content.plan.trades.length > 0) {
    notes.push(writeAutoPlan(ss, now, read.read.source, decision, journal, () => sendWebhook(settings.webhookUrl, planWrittenPayload(planBrief(decision.content.plan!), 'scheduled check', webhookMeta(ss, now)), journal, planId)));
  }

  let summary: string;
  if (decision.send) {
    const to = recipientFor(settings.email);
    // History as it was before this run's row: the trend since the last review.
    const trend = driftTrend(driftSeries(historyGrid(read.read.source)), state.lastReview, decision.content.drift.householdDrift);
    const email = renderCheckEmail(decision, { spreadsheetUrl: url, notes, checkTime: checkTimeText(ss.getSpreadsheetTimeZone()), trend });
    const sent = sendEmail(to, email, decision.periodKey);
    if (sent.ok) {
      emailsSent++;
      state = stateAfterHandled(state, decision);
      journal.push({ planId, event: 'notice sent', asOf, details: `Emailed ${to}: "${email.subject}" (notice ${sent.id}).` });
      summary = `${decision.kind} ${decision.periodKey}: emailed ${to}`;
      sendWebhook(settings.webhookUrl, checkDonePayload(decision, webhookMeta(ss, now)), journal, planId);
      // Slack follows a delivered email only, so a retried email never posts twice.
      if (webhook !== null && webhookProblem === null) {
        const posted = postSlack(webhook, slackCheckText(decision, url));
        if (posted.ok) journal.push({ planId, event: 'notice sent', asOf, details: `Slack summary posted (notice ${decision.periodKey}).` });
        else queueSlack(fresh, `Slack summary of ${decision.periodKey}`, slackCheckText(decision, url), posted.error, now, journal, failures, asOf);
      } else if (webhookProblem) {
        fail('Slack summary', webhookProblem);
      }
    } else {
      fail(`Email to ${to} (${decision.kind} ${decision.periodKey})`, sent.error);
      summary = `${decision.kind} ${decision.periodKey}: email failed, retried on the next run`;
    }
  } else if (decision.kind !== 'nothing') {
    state = stateAfterHandled(state, decision);
    summary = `${decision.kind} ${decision.periodKey}: no action needed, no email (Notify: only when action is needed)`;
    sendWebhook(settings.webhookUrl, checkDonePayload(decision, webhookMeta(ss, now)), journal, planId);
  } else {
    summary = `nothing due. ${decision.reasons.join(' ')}`;
  }

  if (decision.content.cpa.due && settings.cpaEmail) {
    const note = renderCpaNote(decision.content.cpa, asOf, url, settings.email ?? null);
    const sent = sendEmail(settings.cpaEmail, note, decision.content.cpa.key);
    if (sent.ok) {
      emailsSent++;
      state = { ...state, cpaKey: decision.content.cpa.key };
      journal.push({ event: 'notice sent', asOf, details: `CPA note emailed to ${settings.cpaEmail}: losses harvested ${toPlain(decision.content.cpa.harvested)} (notice ${sent.id}).` });
    } else fail(`CPA note to ${settings.cpaEmail}`, sent.error);
  }

  // Every check that read the workbook adds its row to History (the Dashboard's drift chart).
  try {
    appendHistory(ss, decision.content);
  } catch (error) {
    fail('History row', error instanceof Error ? error.message : String(error));
  }

  announceWashes(settings.webhookUrl, decision, ss, now, journal);
  keepPending([...retryPending(earlier, webhook, webhookProblem, journal, failures, asOf), ...fresh], journal, asOf);
  journal.unshift({ planId, event: 'check', asOf, details: summary });
  return finish(ss, now, state, journal, { kind: decision.kind, summary, emailsSent, failures });
}

/**
 * Auto-plan: allowed only once the user has recorded at least one plan (the Journal shows it), so
 * the add-on never writes plans for someone who has not yet checked one by hand. It writes the
 * Plan tab and a Journal row all-or-nothing; it never records trades as executed.
 */
function writeAutoPlan(ss: Spreadsheet, now: Date, source: Parameters<typeof journalGrid>[0], decision: CheckDecision, journal: JournalEntry[], written: () => void): string {
  const plan = decision.content.plan!;
  if (recordedPlanIds(journalGrid(source)).length === 0) {
    return 'Automation is set to auto-plan, but the Journal shows no recorded plan yet: auto-plan starts after you have approved and recorded one plan yourself. This check only notifies.';
  }
  try {
    withDocumentLock(() =>
      writeTabsAtomically(ss, [
        { tab: tabName(ss.getSheets().map((s) => s.getName()), PLAN_TAB), ...planTab(planJson(plan)) },
        journalWrite(ss, now, [{ planId: plan.id, event: 'plan written', asOf: plan.asOf, details: `Written by the scheduled check (${decision.kind} ${decision.periodKey}): ${plan.trades.length} trades.` }]),
        planStoreWrite(JSON.stringify(planJson(plan))),
      ]),
    );
    written();
    return `Auto-plan: plan ${plan.id} (${plan.trades.length} trades) was written to the Plan tab, ready to place at your broker. Nothing was recorded as executed: after placing the trades, use Record executed plan.`;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    journal.push({ planId: plan.id, event: 'notice failed', asOf: plan.asOf, details: `Auto-plan could not write the Plan tab: ${text}` });
    return `Auto-plan could not write the Plan tab (${text}); nothing was changed. The proposed trades are below.`;
  }
}

/**
 * wash-sale.found: wash sales the history audit finds that the tabs do not record yet, once per
 * set (a digest kept in document properties), whatever the check decided: a DRIP or a buy at
 * another broker can wash a loss on any day, not only on review days.
 */
function announceWashes(url: string | null, decision: CheckDecision, ss: Spreadsheet, now: Date, journal: JournalEntry[]): void {
  const washes = decision.content.unrecordedWashes;
  // A refused address is reported with the check's own event (and in the email), not daily here.
  if (url === null || washes.length === 0 || !checkWebhookUrl(url).ok) return;
  const key = washesKey(washes);
  if (lastWashesAnnounced() === key) return;
  const outcome = sendWebhook(url, washSaleFoundPayload(washes, decision.content.asOf, key, webhookMeta(ss, now)), journal);
  if (outcome.kind === 'posted') rememberWashesAnnounced(key);
}

function queueSlack(pending: PendingNotice[], what: string, text: string, error: string, now: Date, journal: JournalEntry[], failures: string[], asOf: string): void {
  pending.push({ channel: 'slack', what, text, firstFailedAt: now.toISOString(), attempts: 1, lastError: error });
  failures.push(`${what}: ${error}`);
  journal.push({ event: 'notice failed', asOf, details: `${what}: ${error}; retried on the next run.` });
}

/** Retries Slack messages queued by earlier runs; returns the ones still failing. */
function retryPending(earlier: readonly PendingNotice[], webhook: string | null, problem: string | null, journal: JournalEntry[], failures: string[], asOf: string): PendingNotice[] {
  const left: PendingNotice[] = [];
  for (const p of earlier) {
    if (webhook === null || problem !== null) {
      left.push(p);
      continue;
    }
    const posted = postSlack(webhook, p.text);
    if (posted.ok) journal.push({ event: 'notice sent', asOf, details: `${p.what}: posted on retry ${p.attempts}.` });
    else {
      left.push({ ...p, attempts: p.attempts + 1, lastError: posted.error });
      failures.push(`${p.what}: ${posted.error}`);
      journal.push({ event: 'notice failed', asOf, details: `${p.what}: retry ${p.attempts} failed: ${posted.error}; retried on the next run.` });
    }
  }
  return left;
}

/** Saves the retry queue; anything the 9 KB cap pushes out is journaled, not dropped silently. */
function keepPending(pending: readonly PendingNotice[], journal: JournalEntry[], asOf: string): void {
  for (const lost of savePending(pending)) journal.push({ event: 'notice failed', asOf, details: `${lost.what}: dropped from the retry queue (too many pending); last error: ${lost.lastError}` });
}

/** Journal and properties last: the run's record survives even if a notice failed. */
function finish(ss: Spreadsheet, now: Date, state: ScheduleState, journal: JournalEntry[], outcome: RunOutcome): RunOutcome {
  let result = outcome.failures.length === 0 ? outcome.summary : `${outcome.summary}; failed: ${outcome.failures.join('; ')}`;
  try {
    appendJournal(ss, now, journal);
  } catch (error) {
    result += `; the Journal could not be written: ${error instanceof Error ? error.message : String(error)}`;
  }
  saveState({ ...state, lastRun: { at: now.toISOString(), asOf: journal[0]?.asOf ?? '', kind: outcome.kind, result: redactWebhook(result, null) } });
  return outcome;
}
