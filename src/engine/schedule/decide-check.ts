import { ZERO, dec, formatPercent, type Decimal } from '../money';
import { daysBetween, yearOf, type IsoDate } from '../dates';
import type { Household, Settings } from '../types';
import type { Plan } from '../plan-types';
import { computeDrift, type DriftReport, type DriftRow } from '../drift';
import { planOutcome } from '../planner';
import { nextReviewDate, periodKey } from './periods';
import type { ScheduleState } from './schedule-state';
import { harvestOpportunities, type HarvestOpportunity } from './harvest-opportunities';
import { lotsTurningLongTerm, type LotTurningLong } from './long-term-soon';
import { openWashWindows, type WashWindow } from './wash-windows';
import { auditWashSales, type HistoryWash } from '../wash-audit';
import { lossesHarvestedIn } from './harvested-losses';
import { taxYearContext, zeroRateRoom } from '../tax';

export type CheckKind = 'review' | 'alert' | 'nothing' | 'paused-reminder';

/** A reminder while paused goes out every this many days. */
export const PAUSE_REMINDER_DAYS = 30;

export interface CheckInput {
  household: Household;
  asOf: IsoDate;
  state: ScheduleState;
  /** Default: the household's own settings. */
  settings?: Settings;
  /** "Send a test email now": build a review whatever the schedule and state say. */
  forceReview?: boolean;
}

export interface CpaStatus {
  /** Losses harvested this year in taxable accounts (Sales tab). */
  harvested: Decimal;
  threshold: Decimal | null;
  /** The threshold is set and crossed, a CPA address is set, and no note went out this year. */
  due: boolean;
  key: string;
}

export interface PauseStatus {
  since: IsoDate;
  days: number;
  reason: string | null;
  /** Household drift (fraction) when paused, null if it was not known. */
  driftAtPause: Decimal | null;
  driftNow: Decimal;
}

/** What the email, Slack and the CLI show; computed once per run. */
export interface CheckContent {
  asOf: IsoDate;
  schedule: Settings['schedule'];
  nextReview: IsoDate;
  drift: DriftReport;
  /** Classes whose relative drift is at or past the override threshold. */
  pastOverride: DriftRow[];
  overrideThreshold: Decimal;
  /** The proposed plan; null when nothing is due (not worth planning). */
  plan: Plan | null;
  harvest: HarvestOpportunity[];
  longTermSoon: LotTurningLong[];
  washWindows: WashWindow[];
  /** Wash sales in the whole history the tabs do not record yet (the history audit). */
  unrecordedWashes: HistoryWash[];
  cpa: CpaStatus;
  pause: PauseStatus | null;
  /**
   * Long-term gain still realizable at the 0% federal rate this year (Filing Status set, else
   * null): after the proposed plan when there is one (the figure its summary shows), else
   * with this year's Sales alone. The same `zeroRateRoom` the plan summary and the sidebar use.
   */
  zeroRateRoom: Decimal | null;
}

export interface CheckDecision {
  kind: CheckKind;
  reasons: string[];
  /** The notice's key (stored once delivered so a rerun sends nothing twice); '' when nothing is due. */
  periodKey: string;
  /** Something for the user to do: trades proposed, an override passed, or a pause to reconsider. */
  actionNeeded: boolean;
  /** Whether the email goes out: something is due and (action is needed or Notify is "always"). */
  send: boolean;
  /** The key the alert for today's classes past the override would carry; null when none is past. */
  alertKey: string | null;
  content: CheckContent;
}

/** Classes past the override: |weight - target| / target >= threshold (relative drift). */
export function classesPastOverride(drift: DriftReport, threshold: Decimal): DriftRow[] {
  return drift.rows.filter((r) => r.band !== null && r.relativeDrift !== null && r.relativeDrift.abs().gte(threshold));
}

/**
 * The scheduled check's decision, pure: the same household, date and state give the same answer.
 * Order: a pause silences everything but its monthly reminder; then a due review; then an alert
 * between reviews when a class passes the override threshold; else nothing.
 */
export function decideCheck(input: CheckInput): CheckDecision {
  const { asOf, state } = input;
  const settings = input.settings ?? input.household.settings;
  const household: Household = { ...input.household, settings: { ...settings, asOf } };
  const drift = computeDrift(household);
  const threshold = settings.overrideThreshold;
  const pastOverride = classesPastOverride(drift, threshold);
  const reviewPeriod = periodKey(settings.schedule, asOf);
  const alertKey = pastOverride.length === 0 ? null : `alert:${reviewPeriod}:${pastOverride.map((r) => r.assetClass).sort().join('|')}`;
  const nextReview = nextReviewDate(settings.schedule, state.lastReview, asOf);
  const harvested = lossesHarvestedIn(yearOf(asOf), household.sales, household.accounts);
  const cpaKey = `cpa:${yearOf(asOf)}`;
  const cpa: CpaStatus = {
    harvested,
    threshold: settings.cpaThreshold,
    key: cpaKey,
    due: settings.cpaThreshold !== null && settings.cpaEmail !== null && harvested.gte(settings.cpaThreshold) && state.cpaKey !== cpaKey && state.pausedAt === null,
  };
  const content = (plan: Plan | null, pause: PauseStatus | null): CheckContent => ({
    asOf,
    schedule: settings.schedule,
    nextReview,
    drift,
    pastOverride,
    overrideThreshold: threshold,
    plan,
    harvest: harvestOpportunities(household, asOf),
    longTermSoon: lotsTurningLongTerm(household, asOf),
    washWindows: openWashWindows(household, asOf),
    unrecordedWashes: auditWashSales(household).washes.filter((w) => !w.recorded),
    cpa,
    pause,
    zeroRateRoom: plan?.summary.taxDetail ? plan.summary.taxDetail.zeroRateRoom : zeroRateRoom(taxYearContext(household, asOf)),
  });
  const decision = (kind: CheckKind, key: string, reasons: string[], actionNeeded: boolean, body: CheckContent): CheckDecision => ({
    kind,
    reasons,
    periodKey: key,
    actionNeeded,
    send: kind !== 'nothing' && (actionNeeded || settings.notify === 'always'),
    alertKey,
    content: body,
  });

  if (state.pausedAt !== null && !input.forceReview) {
    const days = Math.max(0, daysBetween(state.pausedAt, asOf));
    const pause: PauseStatus = {
      since: state.pausedAt,
      days,
      reason: state.pauseReason,
      driftAtPause: state.driftAtPause !== null && /^-?\d+(\.\d+)?$/.test(state.driftAtPause) ? dec(state.driftAtPause) : null,
      driftNow: drift.householdDrift,
    };
    const round = Math.floor(days / PAUSE_REMINDER_DAYS);
    const key = `paused:${state.pausedAt}:${round}`;
    if (round >= 1 && state.reminderKey !== key) {
      return decision('paused-reminder', key, [pauseReason(pause)], true, content(null, pause));
    }
    return decision('nothing', '', [`The schedule is paused since ${state.pausedAt}; the next reminder is due ${PAUSE_REMINDER_DAYS * (round + 1) - days} days from now.`], false, content(null, pause));
  }

  const outside = drift.rows.filter((r) => r.band !== null && r.status !== 'within');
  if (input.forceReview || nextReview <= asOf) {
    const { plan, refused } = checkPlan(household);
    const reasons = [`Scheduled ${settings.schedule} review for ${reviewPeriod} (due ${nextReview}).`, ...outside.map(outsideReason), ...refused];
    if (outside.length === 0) reasons.push('Every class is within its band.');
    // Once this review is handled, the next one is due at the start of the next period.
    const body = { ...content(plan, null), nextReview: nextReviewDate(settings.schedule, asOf, asOf) };
    return decision('review', `review:${reviewPeriod}`, reasons, plan === null || plan.trades.length > 0, body);
  }
  if (alertKey !== null && state.alertKey !== alertKey) {
    const { plan, refused } = checkPlan(household);
    return decision('alert', alertKey, [...pastOverride.map((r) => overrideReason(r, threshold)), ...refused], true, content(plan, null));
  }
  const reasons = [`Next ${settings.schedule} review on ${nextReview}.`];
  reasons.push(pastOverride.length === 0 ? `No class is past the ${formatPercent(threshold, 0)} override threshold.` : 'The classes past the override threshold were already reported this period.');
  return decision('nothing', '', reasons, false, content(null, null));
}

/** The check's plan, or none with the reasons (e.g. a Withdraw larger than the account) for the email. */
function checkPlan(household: Household): { plan: Plan | null; refused: string[] } {
  const outcome = planOutcome(household);
  return outcome.ok ? { plan: outcome.plan, refused: [] } : { plan: null, refused: outcome.errors.map((e) => `No plan: ${e}`) };
}

function outsideReason(r: DriftRow): string {
  const side = r.status === 'over' ? 'above' : 'below';
  return `${r.assetClass} is ${formatPercent(r.weight)} of the household, ${side} its band ${formatPercent(r.band!.lower)} to ${formatPercent(r.band!.upper)} (target ${formatPercent(r.target)}).`;
}

function overrideReason(r: DriftRow, threshold: Decimal): string {
  const rel = r.relativeDrift ?? ZERO;
  const side = rel.isNegative() ? 'below' : 'above';
  return `${r.assetClass} is ${formatPercent(rel.abs(), 0)} ${side} its target (${formatPercent(r.weight)} held, target ${formatPercent(r.target)}), past the ${formatPercent(threshold, 0)} override threshold.`;
}

function pauseReason(p: PauseStatus): string {
  const since = p.driftAtPause === null ? '' : `; household drift was ${formatPercent(p.driftAtPause)} then and is ${formatPercent(p.driftNow)} now`;
  return `The schedule has been paused for ${p.days} days (since ${p.since}${p.reason ? `, reason: ${p.reason}` : ''})${since}.`;
}

/** The state after a decision's notice was delivered (or was not needed): what a rerun must not repeat. */
export function stateAfterHandled(state: ScheduleState, decision: CheckDecision): ScheduleState {
  switch (decision.kind) {
    case 'review':
      // The review reported every class past the override: no separate alert for them this period.
      return { ...state, lastReview: decision.content.asOf, reviewKey: decision.periodKey, alertKey: decision.alertKey ?? state.alertKey };
    case 'alert':
      return { ...state, alertKey: decision.periodKey };
    case 'paused-reminder':
      return { ...state, reminderKey: decision.periodKey };
    case 'nothing':
      return state;
  }
}
