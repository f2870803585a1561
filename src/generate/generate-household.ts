import { Decimal, ONE, ZERO, dec, roundCents, sumBy } from '../engine/money';
import { addDays, isoDate, type IsoDate } from '../engine/dates';
import type {
  Account,
  AccountType,
  Household,
  Lot,
  Security,
  Settings,
  TargetClass,
  TaxTreatment,
} from '../engine/types';
import { ACCOUNT_TREATMENT } from '../engine/types';
import { shortLotId } from '../engine/lots/short-lot-id';
import { defaultSettings as productDefaults } from '../engine/settings-defaults';
import { catalogClass, type CatalogClass, type ClassKind } from './asset-class-catalog';
import { mulberry32, type Rng } from './prng';

/**
 * Seeded households for benchmarks, property tests and Help > Diagnostics inside Apps Script (so
 * this lives in src/, where the bundle can reach it): realistic in shape (several account
 * types, a 401(k) fund menu, cash and reserves, lots bought over eight years with gains and
 * losses, some bought in the last 30 days and some near their one-year anniversary) and
 * drifted from target, so a planner has real work to do. Same seed and size, same household.
 */
export type HouseholdSize = 'S' | 'M' | 'L' | TaxableHeavy | HouseholdShape;

export interface HouseholdShape {
  accounts: number;
  classes: number;
  lots: number;
  /**
   * The accounts' types in order, each with its relative share of the money (`accounts` must
   * equal its length). Default: the usual sequence of types (Taxable, Traditional IRA, Roth
   * IRA, 401(k), ...) at their usual sizes.
   */
  mix?: readonly AccountMix[];
}

export interface AccountMix {
  type: AccountType;
  size: number;
}

export const HOUSEHOLD_SIZES: Record<'S' | 'M' | 'L', HouseholdShape & { value: number }> = {
  S: { accounts: 3, classes: 6, lots: 60, value: 350_000 },
  M: { accounts: 6, classes: 17, lots: 1_000, value: 2_500_000 },
  L: { accounts: 20, classes: 30, lots: 20_000, value: 25_000_000 },
};

/**
 * Taxable-heavy households, where rebalancing must sell in a taxable account and the choice of
 * lots decides the tax: TA, one taxable account with most of the money (and the embedded gains
 * of eight years of buying) beside a small Roth IRA; TB, two taxable accounts beside a small
 * traditional IRA. Same seed, same household, like S, M and L.
 */
export type TaxableHeavy = 'TA' | 'TB';

export const TAXABLE_HEAVY_SHAPES: Record<TaxableHeavy, HouseholdShape & { value: number }> = {
  TA: { accounts: 2, classes: 8, lots: 150, value: 1_200_000, mix: [{ type: 'Taxable', size: 16 }, { type: 'Roth IRA', size: 1 }] },
  TB: {
    accounts: 3, classes: 8, lots: 150, value: 1_500_000,
    mix: [{ type: 'Taxable', size: 8 }, { type: 'Taxable', size: 6 }, { type: 'Traditional IRA', size: 1 }],
  },
};

const NAMED_SHAPES: Record<'S' | 'M' | 'L' | TaxableHeavy, HouseholdShape & { value: number }> = { ...HOUSEHOLD_SIZES, ...TAXABLE_HEAVY_SHAPES };

export const GENERATED_AS_OF: IsoDate = isoDate('2026-11-20');

/** The order account types appear in: the first three make S, the first six M. */
const ACCOUNT_TYPE_SEQUENCE: readonly AccountType[] = [
  'Taxable', 'Traditional IRA', 'Roth IRA', '401(k)', 'HSA', 'Taxable', 'Roth IRA', 'Traditional IRA',
  '401(k)', 'Roth 401(k)', 'SEP IRA', '403(b)', 'Taxable', 'HSA', '457(b)', 'SIMPLE IRA',
  'Traditional IRA', 'Roth IRA', 'Taxable', '529',
];


/** Employer plans and 529s offer a short fund menu; IRAs, HSAs and brokerage accounts buy anything. */
const HAS_MENU: ReadonlySet<AccountType> = new Set(['401(k)', 'Roth 401(k)', '403(b)', '457(b)', 'SIMPLE IRA', '529']);

/** Rough relative size of each account type in a household. */
const ACCOUNT_SIZE: Record<AccountType, number> = {
  Taxable: 3, 'Traditional IRA': 2, 'Roth IRA': 1, '401(k)': 2.5, 'Roth 401(k)': 1, '403(b)': 1.5,
  '457(b)': 1, 'SEP IRA': 1, 'SIMPLE IRA': 0.7, HSA: 0.3, '529': 0.4,
};

/** Expected yearly return and volatility by class kind, to back out plausible cost bases. */
const MARKET: Record<ClassKind, { mu: number; sigma: number; price: [number, number] }> = {
  stock: { mu: 0.08, sigma: 0.17, price: [40, 480] },
  bond: { mu: 0.01, sigma: 0.05, price: [45, 110] },
  'real-estate': { mu: 0.05, sigma: 0.2, price: [35, 120] },
  alternative: { mu: 0.03, sigma: 0.15, price: [15, 260] },
};

const OWNERS = ['Alex', 'Sam'] as const;

export function generateHousehold(seed: number, size: HouseholdSize): Household {
  const shape = typeof size === 'string' ? NAMED_SHAPES[size] : size;
  if (shape.accounts < 1 || shape.classes < 2 || shape.lots < 1 || (shape.mix !== undefined && shape.mix.length !== shape.accounts)) {
    throw new Error(`A generated household needs at least 1 account, 2 classes and 1 lot, and one mix entry per account; got ${JSON.stringify(shape)}`);
  }
  const rng = mulberry32(seed);
  const scale = typeof size === 'string' ? NAMED_SHAPES[size].value : shape.lots * 2_500;
  const totalValue = scale * rng.between(0.7, 1.3);

  const classes = Array.from({ length: shape.classes }, (_, i) => catalogClass(i));
  const securities = classes.flatMap((c) => makeSecurities(rng, c));
  const targets = makeTargets(rng, classes);
  const types = shape.mix?.map((m) => m.type) ?? Array.from({ length: shape.accounts }, (_, i) => ACCOUNT_TYPE_SEQUENCE[i % ACCOUNT_TYPE_SEQUENCE.length]);
  const sizes = shape.mix?.map((m) => m.size) ?? types.map((t) => ACCOUNT_SIZE[t]);
  const accounts = makeAccounts(rng, types, classes, securities);
  const lots = makeLots(rng, shape.lots, totalValue, classes, targets, accounts, sizes, securities);
  fundAccounts(rng, accounts, lots, securities);

  return { accounts, targets, securities, lots, sales: [], settings: defaultSettings() };
}

/** The product's defaults (PRODUCT.md), as of the fixed date, with a 5% state rate. */
export function defaultSettings(): Settings {
  return { ...productDefaults(), asOf: GENERATED_AS_OF, stateRate: dec('0.05') };
}

function cents(rng: Rng, min: number, max: number): Decimal {
  return dec(Math.round(rng.between(min, max) * 100)).div(100);
}

function makeSecurities(rng: Rng, c: CatalogClass): Security[] {
  const count = rng.chance(0.6) ? 3 : 2;
  return c.tickers.slice(0, count).map((ticker, i) => ({
    ticker,
    assetClass: c.name,
    price: cents(rng, ...MARKET[c.kind].price),
    washGroup: i === 2 && c.thirdTracksFirst ? c.tickers[0] : ticker,
    rank: i + 1,
    exDividend: rng.chance(0.15) ? addDays(GENERATED_AS_OF, rng.int(1, 40)) : null,
    spread: rng.chance(0.1) ? dec('0.0005') : null,
  }));
}

/**
 * Targets in whole tenths of a percent, each at least 0.5%; the last class takes the
 * remainder so the column sums to exactly 1.
 */
function makeTargets(rng: Rng, classes: readonly CatalogClass[]): TargetClass[] {
  const UNITS = 1000;
  const MIN = 5;
  const weights = classes.map((c, i) => (i < 2 ? 4 : 1) * rng.between(0.3, 1.7) * (c.kind === 'alternative' ? 0.4 : 1));
  const weightSum = weights.reduce((a, w) => a + w, 0);
  const units = weights.slice(0, -1).map((w) => Math.max(MIN, Math.floor((w / weightSum) * (UNITS - MIN * classes.length)) + MIN));
  const targets = units.map((u) => dec(u).div(UNITS));
  targets.push(ONE.minus(targets.reduce((a, t) => a.plus(t), ZERO)));
  return classes.map((c, i) => {
    const roll = rng.next();
    return {
      assetClass: c.name,
      target: targets[i],
      glide: [],
      band: roll < 0.15 ? dec(rng.pick(['0.15', '0.2', '0.25'])) : null,
      absBand: roll >= 0.15 && roll < 0.25 ? dec(rng.pick(['0.02', '0.05'])) : null,
      location: c.kind === 'bond' && rng.chance(0.5) ? ['deferred', 'exempt', 'taxable'] : null,
    };
  });
}

function makeAccounts(rng: Rng, types: readonly AccountType[], classes: readonly CatalogClass[], securities: readonly Security[]): Account[] {
  const names = new Set<string>();
  return types.map((type, i) => {
    const owner = OWNERS[Math.floor(i / 2) % OWNERS.length];
    const label = type === 'Taxable' ? 'Brokerage' : type;
    let name = type === 'Taxable' && i === 0 ? 'Joint Brokerage' : `${owner} ${label}`;
    for (let k = 2; names.has(name); k++) name = `${owner} ${label} ${k}`;
    names.add(name);
    const treatment = ACCOUNT_TREATMENT[type];
    return {
      name,
      type,
      treatment,
      cash: ZERO,
      reserve: ZERO,
      withdraw: ZERO,
      allowed: HAS_MENU.has(type) ? fundMenu(rng, classes, securities) : null,
      fractional: treatment !== 'taxable' && rng.chance(0.5),
      drip: rng.chance(0.3),
    };
  });
}

/** A plan menu: the primary fund of the two core classes plus a few others. */
function fundMenu(rng: Rng, classes: readonly CatalogClass[], securities: readonly Security[]): string[] {
  const primary = (c: CatalogClass) => securities.find((s) => s.assetClass === c.name && s.rank === 1)!.ticker;
  const others = rng.shuffle(classes.slice(2)).slice(0, rng.int(1, 3));
  const menu = [primary(classes[0]), primary(classes[1]), ...others.map(primary)];
  if (rng.chance(0.3)) {
    const second = securities.find((s) => s.assetClass === classes[0].name && s.rank === 2);
    if (second) menu.push(second.ticker);
  }
  return menu;
}

/** How strongly an account of this treatment attracts a class (bonds lean to deferred accounts). */
function locationAffinity(kind: ClassKind, treatment: TaxTreatment): number {
  if (kind === 'bond') return treatment === 'deferred' ? 2 : treatment === 'taxable' ? 0.6 : 1;
  return treatment === 'exempt' ? 1.5 : 1;
}

function makeLots(
  rng: Rng,
  count: number,
  totalValue: number,
  classes: readonly CatalogClass[],
  targets: readonly TargetClass[],
  accounts: readonly Account[],
  sizes: readonly number[],
  securities: readonly Security[],
): Lot[] {
  // Each class is held at target times a drift factor; most classes sit well outside a 10% band.
  const held = targets.map((t) => {
    const roll = rng.next();
    const factor = roll < 0.3 ? rng.between(0.95, 1.05) : roll < 0.65 ? rng.between(0.55, 0.85) : rng.between(1.15, 1.6);
    return t.target!.toNumber() * factor;
  });
  const heldSum = held.reduce((a, v) => a + v, 0);
  const classValue = held.map((v) => (v / heldSum) * totalValue);
  const perClass = new Array<number>(classes.length).fill(0);
  for (let i = 0; i < count; i++) perClass[rng.weighted(held)]++;
  const accountSize = sizes.map((size) => size * rng.between(0.5, 1.5));

  const lots: Omit<Lot, 'id'>[] = [];
  classes.forEach((c, ci) => {
    const classSecurities = securities.filter((s) => s.assetClass === c.name);
    for (let k = 0; k < perClass[ci]; k++) {
      const eligible = accounts.map((a, ai) =>
        a.allowed === null || classSecurities.some((s) => a.allowed!.includes(s.ticker))
          ? accountSize[ai] * locationAffinity(c.kind, a.treatment)
          : 0,
      );
      if (eligible.every((w) => w === 0)) continue;
      const account = accounts[rng.weighted(eligible)];
      const choices = classSecurities.filter((s) => account.allowed === null || account.allowed.includes(s.ticker));
      const security = choices.length === 1 ? choices[0] : choices[rng.weighted(choices.map((s) => [0.7, 0.2, 0.1][s.rank - 1] ?? 0.1))];
      lots.push(makeLot(rng, account, security, c.kind, (classValue[ci] / perClass[ci]) * Math.exp(0.5 * rng.normal() - 0.125)));
    }
  });
  lots.sort((a, b) => a.account.localeCompare(b.account) || a.ticker.localeCompare(b.ticker) || a.acquired.localeCompare(b.acquired));
  // Ids as the reader makes them when the Lots tab has no Lot column (short-lot-id.ts), in row order.
  const used = new Set<string>();
  return lots.map((lot) => ({ id: shortLotId(lot, used), ...lot }));
}

function makeLot(rng: Rng, account: Account, security: Security, kind: ClassKind, dollars: number): Omit<Lot, 'id'> {
  const roll = rng.next();
  // 5% bought in the last 30 days (wash-sale window), 7% around the one-year mark, the rest over 8 years.
  const daysAgo = roll < 0.05 ? rng.int(1, 30) : roll < 0.12 ? rng.int(330, 400) : rng.int(31, 8 * 365);
  const acquired = addDays(GENERATED_AS_OF, -daysAgo);
  const years = daysAgo / 365.25;
  const { mu, sigma } = MARKET[kind];
  const growth = Math.exp(mu * years + sigma * Math.sqrt(years) * rng.normal());
  const price = security.price.toNumber();
  const rawShares = Math.max(dollars / price, account.fractional ? 0.001 : 1);
  const shares = account.fractional ? dec(rawShares.toFixed(3)) : dec(Math.max(1, Math.floor(rawShares)));
  const basisPerShare = Decimal.max(dec((price / growth).toFixed(4)), dec('0.01'));
  const basis = Decimal.max(roundCents(shares.times(basisPerShare)), dec('0.01'));
  // A few recent lots carry an earlier holding period from a wash sale (IRC 1223(3) tacking).
  const holdingFrom = account.treatment === 'taxable' && daysAgo < 200 && rng.chance(0.05) ? addDays(acquired, -rng.int(30, 300)) : null;
  return { account: account.name, ticker: security.ticker, shares, basis, acquired, holdingFrom };
}

/** Cash, reserves and the occasional deposit or withdrawal, sized to each account's holdings. */
function fundAccounts(rng: Rng, accounts: Account[], lots: readonly Lot[], securities: readonly Security[]): void {
  const price = new Map(securities.map((s) => [s.ticker, s.price]));
  const withdrawFrom = rng.chance(0.25) ? accounts.find((a) => a.treatment === 'taxable') : undefined;
  for (const account of accounts) {
    const value = sumBy(lots.filter((l) => l.account === account.name), (l) => l.shares.times(price.get(l.ticker)!));
    const v = value.toNumber();
    let cash = v * rng.between(0, 0.02);
    if (account.treatment === 'taxable' && rng.chance(0.35)) cash += v * rng.between(0.02, 0.08);
    account.cash = roundCents(dec(cash.toFixed(2)));
    if (rng.chance(0.4)) account.reserve = dec(rng.pick([250, 500, 1000, 2000]));
    if (account === withdrawFrom && v > 0) account.withdraw = roundCents(dec((v * rng.between(0.01, 0.05)).toFixed(2)));
  }
}

/**
 * Cash flows for a generated household, in both forms a user types them: the Accounts tab's
 * Withdraw column and the plan's own cash (the sidebar's "Cash to add", the CLI's `--cash`),
 * deposits positive and withdrawals negative. Withdrawals stay within what the account holds
 * less its reserve; set `impossible` for one that exceeds it. Its own random stream: the
 * household of a seed is the same with or without flows.
 */
export function generateCashFlows(seed: number, household: Household, impossible = false): { household: Household; cashFlows: Record<string, Decimal> } {
  const rng = mulberry32(seed ^ 0x5eed_cafe);
  const price = new Map(household.securities.map((s) => [s.ticker, s.price]));
  const cashFlows: Record<string, Decimal> = {};
  const accounts = household.accounts.map((a) => {
    const holdings = sumBy(household.lots.filter((l) => l.account === a.name), (l) => l.shares.times(price.get(l.ticker)!));
    const room = Decimal.max(ZERO, a.cash.plus(holdings).minus(a.reserve)).toNumber();
    const roll = rng.next();
    let withdraw = ZERO;
    if (roll < 0.25) cashFlows[a.name] = roundCents(dec((holdings.toNumber() * rng.between(0.005, 0.1) + rng.between(50, 5000)).toFixed(2)));
    else if (roll < 0.5 && room > 0) cashFlows[a.name] = roundCents(dec((room * rng.between(0.001, 0.3)).toFixed(2))).negated();
    if (rng.chance(0.25) && room > 0) withdraw = roundCents(dec((room * rng.between(0.001, 0.3)).toFixed(2)));
    // A typed withdrawal and the Withdraw column together stay within what the account can pay.
    const typed = cashFlows[a.name]?.lessThan(0) ? cashFlows[a.name].negated() : ZERO;
    if (typed.plus(withdraw).greaterThan(room)) withdraw = ZERO;
    return { ...a, withdraw };
  });
  if (impossible) {
    const a = rng.pick(accounts);
    const holdings = sumBy(household.lots.filter((l) => l.account === a.name), (l) => l.shares.times(price.get(l.ticker)!));
    cashFlows[a.name] = roundCents(a.cash.plus(holdings).minus(a.reserve).minus(a.withdraw).plus(rng.between(0.01, 50_000).toFixed(2))).negated();
  }
  return { household: { ...household, accounts }, cashFlows };
}
