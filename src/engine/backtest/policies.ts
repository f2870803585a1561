import { Decimal } from '../money';
import type { Schedule } from '../types';
import type { MixEntry, Policy, PolicyView } from './types';
import { tradesForFlowOnly, tradesSteeringFlow, tradesToTarget } from './policy-trades';
import { DEFAULT_PLANNER_OPTIONS, plannerPolicy, type PlannerPolicyOptions } from './planner-policy';

/**
 * The built-in rebalancing policies. Each is an object with one method (see `Policy`); all run
 * through the same simulator, so they differ only in when and how they trade.
 */

export interface BandDefaults {
  /** Relative band for assets without their own (0.1 = 10% of target), or null for none. */
  band: Decimal | null;
  /** Absolute band for assets without their own (0.05 = 5 points), or null for none. */
  absBand: Decimal | null;
}

const MONTHS_BETWEEN: Record<Schedule, number> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };
const INTERVAL: Record<Schedule, string> = { monthly: 'month', quarterly: 'quarter', semiannual: 'half-year', annual: 'year' };

/** True when the period that just ended closes a calendar interval of the schedule. */
export function isCalendarDate(schedule: Schedule, period: number, periodsPerYear: number): boolean {
  return (period * (12 / periodsPerYear)) % MONTHS_BETWEEN[schedule] === 0;
}

/** A note when the data are coarser than the schedule (monthly rebalancing on annual data is yearly); else null. */
export function scheduleCaveat(schedule: Schedule, periodsPerYear: number): string | null {
  if (MONTHS_BETWEEN[schedule] >= 12 / periodsPerYear) return null;
  const data = periodsPerYear === 1 ? 'annual' : `${periodsPerYear}-per-year`;
  return `On ${data} data, ${schedule} rebalancing happens every period: the data cannot show drift within a period.`;
}

/** A note when every period is a calendar date, so a drift override between dates can never act; else null. */
export function overrideCaveat(schedule: Schedule, periodsPerYear: number): string | null {
  if (MONTHS_BETWEEN[schedule] > 12 / periodsPerYear) return null;
  return `every period ends a ${INTERVAL[schedule]}, so the drift override between dates never acts and this policy is the same as ${schedule}.`;
}

/** True when some asset's weight is outside its relative or its absolute band. */
export function bandCrossed(view: PolicyView, defaults: BandDefaults): boolean {
  if (!view.total.greaterThan(0)) return false;
  return view.mix.some((entry: MixEntry) => {
    const deviation = view.holdings[entry.asset].div(view.total).minus(entry.weight).abs();
    const band = entry.band ?? defaults.band;
    const absBand = entry.absBand ?? defaults.absBand;
    return (
      (band !== null && deviation.greaterThan(band.times(entry.weight))) ||
      (absBand !== null && deviation.greaterThan(absBand))
    );
  });
}

export function neverPolicy(): Policy {
  return {
    name: 'never',
    description:
      'Buy and hold: never sells to rebalance; contributions are bought at the target weights and withdrawals taken pro rata.',
    decide: (view) => ({ trades: tradesForFlowOnly(view), rebalance: false }),
  };
}

export function calendarPolicy(schedule: Schedule): Policy {
  return {
    name: schedule,
    description: `Rebalances fully to target at the end of each ${INTERVAL[schedule]}.`,
    decide: (view) =>
      isCalendarDate(schedule, view.period, view.periodsPerYear)
        ? { trades: tradesToTarget(view), rebalance: true }
        : { trades: tradesForFlowOnly(view), rebalance: false },
  };
}

export function thresholdPolicy(defaults: BandDefaults): Policy {
  return {
    name: 'threshold',
    description:
      'Checks the bands every period and rebalances fully to target only when some asset is outside its relative or absolute band.',
    decide: (view) =>
      bandCrossed(view, defaults)
        ? { trades: tradesToTarget(view), rebalance: true }
        : { trades: tradesForFlowOnly(view), rebalance: false },
  };
}

/**
 * Calendar rebalancing with a drift override: on the schedule it rebalances; between dates it
 * rebalances only when an asset drifts past `overrideBand` (relative to its target).
 */
export function calendarThresholdPolicy(schedule: Schedule, overrideBand: Decimal, name = 'calendar+threshold'): Policy {
  const override: BandDefaults = { band: overrideBand, absBand: null };
  return {
    name,
    description: `Rebalances at the end of each ${INTERVAL[schedule]}, and between them when an asset drifts more than ${overrideBand.times(100).toFixed()}% of its target.`,
    decide: (view) => {
      const due = isCalendarDate(schedule, view.period, view.periodsPerYear);
      // The override ignores per-asset bands: it is one household-wide trip wire (Settings `Override Threshold`).
      const tripped = bandCrossed({ ...view, mix: view.mix.map((e) => ({ ...e, band: null, absBand: null })) }, override);
      return due || tripped
        ? { trades: tradesToTarget(view), rebalance: true }
        : { trades: tradesForFlowOnly(view), rebalance: false };
    },
  };
}

export function cashFlowPolicy(): Policy {
  return {
    name: 'cash-flow',
    description:
      'Never sells to rebalance: contributions go to underweight assets and withdrawals come from overweight ones.',
    decide: (view) => ({ trades: tradesSteeringFlow(view), rebalance: false }),
  };
}

export const POLICY_NAMES = [
  'never',
  'monthly',
  'quarterly',
  'semiannual',
  'annual',
  'threshold',
  'calendar+threshold',
  'cash-flow',
  'planner',
] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export interface PolicyConfig {
  bands: BandDefaults;
  /** Schedule of `calendar+threshold` (annual unless set). */
  overrideSchedule: Schedule;
  /** Relative drift that trips `calendar+threshold` between dates (Settings `Override Threshold`, 20%). */
  overrideBand: Decimal;
  /** The planner policy's Settings (its bands are `bands`); defaults when absent. */
  planner?: Partial<Omit<PlannerPolicyOptions, 'bands'>>;
}

export const DEFAULT_POLICY_CONFIG: PolicyConfig = {
  bands: { band: new Decimal('0.1'), absBand: null },
  overrideSchedule: 'annual',
  overrideBand: new Decimal('0.2'),
};

export const POLICY_BUILDERS: Record<PolicyName, (config: PolicyConfig) => Policy> = {
  never: () => neverPolicy(),
  monthly: () => calendarPolicy('monthly'),
  quarterly: () => calendarPolicy('quarterly'),
  semiannual: () => calendarPolicy('semiannual'),
  annual: () => calendarPolicy('annual'),
  threshold: (config) => thresholdPolicy(config.bands),
  'calendar+threshold': (config) => calendarThresholdPolicy(config.overrideSchedule, config.overrideBand),
  'cash-flow': () => cashFlowPolicy(),
  planner: (config) => plannerPolicy({ ...DEFAULT_PLANNER_OPTIONS, ...config.planner, bands: config.bands }),
};

export function isPolicyName(name: string): name is PolicyName {
  return (POLICY_NAMES as readonly string[]).includes(name);
}

/** The schedule behind a policy name, for caveats about data frequency; null for unscheduled ones. */
export function policySchedule(name: PolicyName, config: PolicyConfig): Schedule | null {
  if (name === 'calendar+threshold') return config.overrideSchedule;
  if (name === 'monthly' || name === 'quarterly' || name === 'semiannual' || name === 'annual') return name;
  return null;
}
