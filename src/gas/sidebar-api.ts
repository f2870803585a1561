import { notifyPlanRecorded } from './schedule/plan-recorded';
import { notifyPlanWritten } from './schedule/plan-written';
/**
 * What the sidebar calls through google.script.run. Every argument and result is plain JSON
 * (strings, numbers, booleans, null, arrays, plain objects): money and dates travel as decimal
 * and ISO strings because google.script.run fails a call that carries a Date or a Decimal.
 * Reads are batched (one getValues per tab, see active-workbook.ts); writes go through
 * `writeTabsAtomically` under the document lock. Failures come back as values, never as throws,
 * so the sidebar can show them next to the button that caused them.
 */
import { LOT_METHODS, computeDrift, daysBetween, parseIsoDate, planOutcome, toPlain, type Household } from '../engine/index';
import { accountPlans } from '../engine/account-plan';
import { driftJson } from '../present/drift-table';
import { planJson, type ExecutedPlanJson, type PlanJson } from '../present/plan-json';
import { JOURNAL_HEADERS, JOURNAL_TAB, journalGrid, journalRow, recordedPlanIds } from '../workbook/journal';
import { driftSeries, historyGrid } from '../workbook/history';
import { withDocumentLock, writeTabsAtomically, type TabWrite } from './atomic-write';
import { readSheetHousehold, type IssueJson } from './household-from-sheet';
import { PLAN_TAB, planTab } from './plan-tab';
import { checkPlanJson } from './plan-json-check';
import { forgetLegacyPlan, loadLastPlan, planStoreWrite, setSidebarStart, takeSidebarStart } from './plan-store';
import { recordExecutedPlan, tabName, type RecordOutcome } from './record-executed';
import { MODES, planOptionsFromSidebar, type SidebarOptionsInput } from './sidebar-options';
import { todayIn, type Spreadsheet } from './active-workbook';
import { loadState } from './schedule/schedule-store';
import { scheduleForSidebar, type ScheduleJson } from './schedule/sidebar-schedule';

export type { SidebarOptionsInput } from './sidebar-options';
export type { IssueJson } from './household-from-sheet';
export type { ExecutedPlanJson, PlanJson, TradeJson } from '../present/plan-json';
export type { RecordOutcome } from './record-executed';
export type { ScheduleJson, ReauthJson } from './schedule/sidebar-schedule';

export interface ClassBarJson {
  assetClass: string;
  value: string;
  /** Fractions as decimal strings: 0.414 is 41.4%. */
  weight: string;
  target: string;
  bandLow: string | null;
  bandHigh: string | null;
  /** within | over | under | no target */
  status: string;
}

export interface AccountJson {
  name: string;
  type: string;
  cash: string;
  total: string;
  classes: { assetClass: string; value: string; weight: string }[];
  /**
   * The account against its share of the household plan (engine/account-plan.ts): each class's
   * weight now and planned, with the tolerance band around the plan. null when no plan can be
   * made (`planProblem` says why).
   */
  planned: AccountClassPlanJson[] | null;
  planProblem: string | null;
}

export interface AccountClassPlanJson {
  assetClass: string;
  weight: string;
  planned: string;
  bandLow: string;
  bandHigh: string;
  /** within | over | under | no target */
  status: string;
}

export interface OptionDefaults {
  mode: string;
  modes: string[];
  lotMethod: string;
  lotMethods: string[];
  /** Dollars as text; '' when Settings sets no budget. */
  gainBudget: string;
  harvest: boolean;
}

export type PlannerState =
  | {
      ok: true;
      asOf: string;
      total: string;
      householdDrift: string;
      classes: ClassBarJson[];
      accounts: AccountJson[];
      defaults: OptionDefaults;
      warnings: IssueJson[];
      /** 'record' when opened from the Record executed plan menu item. */
      startStep: 'drift' | 'record';
      /** The plan last written to the Plan tab, for recording; null once the Journal holds it as recorded. */
      lastPlan: PlanJson | null;
      /** The id of the plan last written when the Journal says it is already recorded, else null. */
      lastPlanRecorded: string | null;
      /** While the scheduled checks are paused: since when, why, and the drift then and now. */
      paused: PauseJson | null;
      schedule: ScheduleJson;
      /** Household drift at each scheduled check (History tab), oldest first, the last 90: the sparkline. */
      driftHistory: { date: string; drift: string }[];
    }
  | { ok: false; errors: IssueJson[]; warnings: IssueJson[]; startStep: 'drift' | 'record'; schedule: ScheduleJson };

export interface PauseJson {
  since: string;
  days: number;
  reason: string;
  /** Household drift when paused (a decimal string), or '' if it was not recorded. */
  driftAtPause: string;
  driftNow: string;
}

export type MakePlanResult = { ok: true; plan: PlanJson; warnings: IssueJson[] } | { ok: false; errors: string[]; issues: IssueJson[] };

export type WriteResult = { ok: true; planId: string; trades: number } | { ok: false; errors: string[] };

const active = (): Spreadsheet => SpreadsheetApp.getActive();

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The schedule's pause, as the sidebar shows it: a paused schedule should never be forgotten. */
function pauseInfo(today: string, driftNow: string): PauseJson | null {
  const schedule = loadState();
  if (!schedule.pausedAt) return null;
  const date = parseIsoDate(today);
  return {
    since: schedule.pausedAt,
    days: date ? Math.max(0, daysBetween(schedule.pausedAt, date)) : 0,
    reason: schedule.pauseReason ?? '',
    driftAtPause: schedule.driftAtPause ?? '',
    driftNow,
  };
}

function lastPlan(ss: Spreadsheet): PlanJson | null {
  const text = loadLastPlan(ss);
  if (text === null) return null;
  try {
    const checked = checkPlanJson(JSON.parse(text));
    return checked.ok ? checked.plan : null;
  } catch {
    return null;
  }
}

/** The last plan written, unless it is recorded already: a recorded plan is not offered again. */
function lastPlanToRecord(ss: Spreadsheet, recorded: readonly string[]): { lastPlan: PlanJson | null; lastPlanRecorded: string | null } {
  const last = lastPlan(ss);
  if (last && recorded.includes(last.id)) return { lastPlan: null, lastPlanRecorded: last.id };
  return { lastPlan: last, lastPlanRecorded: null };
}

/** Drift for the household and per account, each account's cash, and Settings' defaults for the options. */
export function getPlannerState(): PlannerState {
  const ss = active();
  const startStep = takeSidebarStart();
  const read = readSheetHousehold(ss, new Date());
  const schedule = scheduleForSidebar(ss);
  if (!read.ok) return { ok: false, errors: read.errors, warnings: read.warnings, startStep, schedule };
  const { household } = read;
  const drift = driftJson(computeDrift(household));
  const byAccount = new Map(drift.accounts.map((a) => [a.account, a]));
  const plans = accountPlansJson(household);
  const s = household.settings;
  return {
    ok: true,
    asOf: s.asOf ?? '',
    total: drift.total,
    householdDrift: drift.householdDrift,
    classes: drift.classes.map((c) => ({
      assetClass: c.assetClass,
      value: c.value,
      weight: c.weight,
      target: c.target,
      bandLow: c.bandLow,
      bandHigh: c.bandHigh,
      status: c.status,
    })),
    accounts: household.accounts.map((a) => ({
      name: a.name,
      type: a.type,
      cash: toPlain(a.cash),
      total: byAccount.get(a.name)?.total ?? toPlain(a.cash),
      classes: byAccount.get(a.name)?.classes ?? [],
      planned: plans.ok ? (plans.accounts.get(a.name) ?? []) : null,
      planProblem: plans.ok ? null : plans.problem,
    })),
    defaults: {
      mode: 'threshold',
      modes: [...MODES],
      lotMethod: s.lotMethod,
      lotMethods: [...LOT_METHODS],
      gainBudget: s.gainBudget === null ? '' : toPlain(s.gainBudget),
      harvest: s.harvestLosses,
    },
    warnings: read.warnings,
    startStep,
    ...lastPlanToRecord(ss, recordedPlanIds(journalGrid(read.source))),
    paused: pauseInfo(todayIn(ss, new Date()), drift.householdDrift),
    schedule,
    driftHistory: driftSeries(historyGrid(read.source)).slice(-90).map((p) => ({ date: p.date, drift: toPlain(p.drift) })),
  };
}

/** Each account's share of the household plan, as JSON; a planner failure is a message, not a throw. */
function accountPlansJson(household: Household): { ok: true; accounts: Map<string, AccountClassPlanJson[]> } | { ok: false; problem: string } {
  try {
    const plans = accountPlans(household);
    if (!plans.ok) return { ok: false, problem: `No household plan can be made: ${plans.errors.join('; ')}` };
    return {
      ok: true,
      accounts: new Map(
        plans.accounts.map((a) => [
          a.account,
          a.classes.map((c) => ({ assetClass: c.assetClass, weight: toPlain(c.weight), planned: toPlain(c.planned), bandLow: toPlain(c.bandLow), bandHigh: toPlain(c.bandHigh), status: c.status })),
        ]),
      ),
    };
  } catch (error) {
    return { ok: false, problem: `No household plan can be made: ${message(error)}` };
  }
}

/** A plan for the options the sidebar's form holds (all text); nothing is written. */
export function makePlan(options: SidebarOptionsInput): MakePlanResult {
  const read = readSheetHousehold(active(), new Date());
  if (!read.ok) return { ok: false, errors: ['The workbook has errors; fix them first.'], issues: read.errors };
  const parsed = planOptionsFromSidebar(options, read.household.accounts.map((a) => a.name));
  if (!parsed.ok) return { ok: false, errors: parsed.errors, issues: [] };
  // A request no plan can meet (a withdrawal larger than the account, ...) comes back as errors
  // for the sidebar's error box, never as a plan with a warning beside it.
  const outcome = planOutcome(read.household, parsed.options);
  if (!outcome.ok) return { ok: false, errors: outcome.errors, issues: [] };
  return { ok: true, plan: planJson(outcome.plan), warnings: read.warnings };
}

/**
 * Writes the plan to the Plan tab (replacing it), a 'plan written' row to the Journal and the plan
 * itself (hidden, for Record executed plan) all or nothing, under the document lock: so "Nothing
 * was written" is true whenever it is said.
 */
export function writePlanToSheet(plan: PlanJson): WriteResult {
  const checked = checkPlanJson(plan);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const p = checked.plan;
  const ss = active();
  try {
    const written = withDocumentLock(() => {
      const names = ss.getSheets().map((s) => s.getName());
      const journalName = tabName(names, JOURNAL_TAB);
      const journal = names.includes(journalName) ? ss.getSheetByName(journalName) : null;
      const hasJournal = journal !== null && journal.getLastRow() > 0;
      const now = new Date();
      const details = `${p.trades.length} trade${p.trades.length === 1 ? '' : 's'} written to the Plan tab.`;
      const writes: TabWrite[] = [
        { tab: tabName(names, PLAN_TAB), ...planTab(p) },
        {
          tab: journalName,
          rows: [...(hasJournal ? [] : [[...JOURNAL_HEADERS]]), journalRow(now.toISOString(), p.id, 'plan written', p.asOf, details)],
          append: hasJournal,
        },
        // The plan Record executed plan offers, in the same all-or-nothing write (plan-store.ts).
        planStoreWrite(JSON.stringify(p)),
      ];
      writeTabsAtomically(ss, writes);
      forgetLegacyPlan();
      return { ok: true as const, planId: p.id, trades: p.trades.length };
    });
    // After the lock: the webhook journals under its own, and a failed post never unwrites the plan.
    notifyPlanWritten(ss, p, new Date());
    return written;
  } catch (error) {
    return { ok: false, errors: [`Nothing was written: ${message(error)}`] };
  }
}

/**
 * Records what the user executed at the broker (fill prices and shares possibly edited; a trade
 * with 0 shares was not executed and is skipped) into Lots, Sales, Accounts and the Journal, all
 * or nothing. A plan already recorded is refused.
 */
export function recordExecuted(plan: ExecutedPlanJson): RecordOutcome {
  try {
    const ss = active();
    const now = new Date();
    // After the recording's lock is released: the Slack note journals under its own lock, and a
    // failed post never undoes a recording (it is queued and retried by the daily check).
    // Slack hears about the trades executed, not the ones marked not executed (0 shares).
    const executed = Array.isArray(plan?.trades) ? plan.trades.filter((t) => Number(t.shares) > 0) : [];
    return recordExecutedPlan(ss, plan, now, (settings) => notifyPlanRecorded(ss, plan.id, executed, now, settings));
  } catch (error) {
    return { ok: false, errors: [`Nothing was recorded: ${message(error)}`] };
  }
}

/** Opens the sidebar at its Record step (menu item). */
export function openAtRecordStep(show: () => void): void {
  setSidebarStart('record');
  show();
}
