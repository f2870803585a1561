import { Decimal, ZERO } from './money';
import type { IsoDate } from './dates';
import type { Household, Settings, TargetClass } from './types';
import type { DriftStatus } from './plan-types';
import { bandFor, bandRule, statusIn, type Band } from './bands';
import { targetsOn } from './targets';
import { isCashClass, targetBase, valueHoldings, type Holdings } from './valuation';

export interface DriftRow {
  assetClass: string;
  value: Decimal;
  /** Weight in the household, as a fraction. */
  weight: Decimal;
  target: Decimal;
  /** weight - target, as a fraction (0.041 is 4.1 points over). */
  drift: Decimal;
  /** drift / target; null when the target is zero. */
  relativeDrift: Decimal | null;
  /** null for cash that has no target of its own: it is shown, never traded for its own sake. */
  band: Band | null;
  status: DriftStatus;
}

export interface AccountBreakdown {
  account: string;
  total: Decimal;
  classes: { assetClass: string; value: Decimal; weight: Decimal }[];
}

export interface DriftReport {
  asOf: IsoDate | null;
  total: Decimal;
  rows: DriftRow[];
  /** Half the sum of absolute deviations from target: 60/40 held at 65/35 is 5% drift. */
  householdDrift: Decimal;
  /** Cash kept as account reserves, left out of the weights when Cash has no target. */
  reservedCash: Decimal;
  /** What the weights are fractions of: the total less reserved cash. */
  base: Decimal;
  accounts: AccountBreakdown[];
}

export interface BandDefaults {
  band: Decimal | null;
  absBand: Decimal | null;
}

export function bandDefaultsOf(settings: Pick<Settings, 'band' | 'absBand'>): BandDefaults {
  return { band: settings.band, absBand: settings.absBand };
}

/** Drift of the household as it stands. */
export function computeDrift(household: Household, defaults: BandDefaults = bandDefaultsOf(household.settings)): DriftReport {
  const holdings = valueHoldings(household);
  return driftOfHoldings(holdings, household.targets, household.settings.asOf, defaults);
}

/** Drift of any set of holdings (the household now, or after a proposed plan). */
export function driftOfHoldings(
  holdings: Holdings,
  targets: readonly TargetClass[],
  asOf: IsoDate | null,
  defaults: BandDefaults,
): DriftReport {
  const inForce = targetsOn(targets, asOf);
  const total = holdings.total;
  const base = targetBase(holdings);
  const weightOf = (value: Decimal) => (base.isZero() ? ZERO : value.div(base));
  const rows: DriftRow[] = inForce.map(({ assetClass, target }, i) => {
    const own = targets[i];
    const value = holdings.byClass.get(assetClass) ?? ZERO;
    const weight = weightOf(value);
    const band = bandFor(
      target,
      bandRule({ relative: own.band, absolute: own.absBand }, { relative: defaults.band, absolute: defaults.absBand }),
    );
    return row(assetClass, value, weight, target, band);
  });
  const untargetedCash = holdings.byClass.get(holdings.cashClass);
  if (untargetedCash && !targets.some((t) => isCashClass(t.assetClass))) {
    // Shown at full value; only the cash beyond the reserves counts as a weight (and as drift).
    rows.push(row(holdings.cashClass, untargetedCash, weightOf(untargetedCash.minus(holdings.reservedCash)), ZERO, null));
  }
  const householdDrift = rows.reduce((acc, r) => acc.plus(r.drift.abs()), ZERO).div(2);
  const accounts = [...holdings.byAccount.entries()].map(([account, classes]) => {
    const accountTotal = [...classes.values()].reduce((a, v) => a.plus(v), ZERO);
    return {
      account,
      total: accountTotal,
      classes: [...classes.entries()].map(([assetClass, value]) => ({
        assetClass,
        value,
        weight: accountTotal.isZero() ? ZERO : value.div(accountTotal),
      })),
    };
  });
  return { asOf, total, rows, householdDrift, accounts, reservedCash: holdings.reservedCash, base };
}

function row(assetClass: string, value: Decimal, weight: Decimal, target: Decimal, band: Band | null): DriftRow {
  const drift = weight.minus(target);
  return {
    assetClass,
    value,
    weight,
    target,
    drift,
    relativeDrift: target.isZero() ? null : drift.div(target),
    band,
    status: band ? statusIn(weight, band) : 'within',
  };
}
