import type { Account, Household, Lot, Sale, Security, TargetClass, WorkbookIssue } from '../engine/types';
import type { IsoDate } from '../engine/dates';
import { issueLog, type IssueLog } from './issues';
import type { DateCells } from './cells';
import { findTabName, type TabSource } from './tab-source';
import { columnName, nameKey, type TabRead } from './table';
import { defaultSettings } from './settings-defaults';
import { readSettings, SETTINGS_TAB } from './read-settings';
import { taxYearsWithTables } from '../engine/tax/tables/table-for-year';
import { yearOf } from '../engine/dates';
import { ACCOUNTS_TAB, readAccounts } from './read-accounts';
import { readTargets, TARGETS_TAB } from './read-targets';
import { readSecurities, SECURITIES_TAB } from './read-securities';
import { LOTS_TAB, readLots } from './read-lots';
import { readSales, SALES_TAB } from './read-sales';

export type ReadResult =
  | { ok: true; household: Household; warnings: WorkbookIssue[] }
  | { ok: false; errors: WorkbookIssue[]; warnings: WorkbookIssue[] };

export interface ReadOptions {
  /** The plan's date; overrides the Settings tab's `As Of`. */
  asOf?: IsoDate;
  /** How Date cells become calendar days; default: what the source says, else local. */
  dateCells?: DateCells;
  /** The date to use when neither `asOf` nor Settings gives one (a surface with a clock: today). */
  defaultAsOf?: IsoDate;
  /**
   * False where no as-of date may exist (a custom function without the Settings range: it must
   * not read the clock). Then a household may come back with `settings.asOf` null; checks that
   * need the date (an acquired date in the future) are skipped.
   */
  requireAsOf?: boolean;
  /**
   * True for a surface that needs no targets (TAXLOTS): the Targets tab may be absent and a
   * security's class is not checked against it. The household then has no targets.
   */
  withoutTargets?: boolean;
}

function grid(source: TabSource, tab: string, required: boolean, log: IssueLog): unknown[][] | null {
  const name = findTabName(source, tab);
  const values = name === null ? null : source.values(name);
  if (values === null && required) {
    log.error({ tab, row: 1, column: '' }, `found no ${tab} tab; expected a tab named ${tab}`);
  }
  return values;
}

function ref<T>(read: TabRead<T>, row: number, key: string, fallback: string) {
  return { tab: read.table.tab, row, column: columnName(read.table, key, fallback) };
}

/**
 * Reads the contract tabs into a validated Household. Collects every error of every tab (and
 * the checks across tabs) before answering; returns a household only when there are none.
 * Never throws on bad input.
 */
export function readHousehold(source: TabSource, options: ReadOptions = {}): ReadResult {
  const log = issueLog();
  const dateCells = options.dateCells ?? source.dateCells ?? 'local';

  const settings = defaultSettings();
  const settingsGrid = grid(source, SETTINGS_TAB, false, log);
  const settingsRead = settingsGrid ? readSettings(settingsGrid, log, dateCells, settings) : null;
  if (options.asOf !== undefined) settings.asOf = options.asOf;
  if (settings.asOf === null && options.defaultAsOf !== undefined) settings.asOf = options.defaultAsOf;
  if (settings.asOf === null && options.requireAsOf !== false) {
    const row = settingsRead?.rows.asOf;
    const settingsBroken = settingsGrid !== null && settingsRead === null;
    if (!settingsBroken) {
      log.error(
        { tab: SETTINGS_TAB, row: row ?? settingsRead?.table.headerRow ?? 1, column: row ? 'Value' : 'As Of' },
        row
          ? 'As Of: found an empty cell; expected the date the plan is for as YYYY-MM-DD'
          : 'found no As Of setting; expected a row "As Of" with the date the plan is for (YYYY-MM-DD)',
      );
    }
  }
  const asOf = settings.asOf;
  // Filing Status prices tax from the as-of year's tables: a year without one is the user's to fix here.
  const statusRow = settingsRead?.rows.filingStatus;
  if (settings.filingStatus && asOf !== null && statusRow !== undefined && !taxYearsWithTables().includes(yearOf(asOf))) {
    log.error(
      { tab: SETTINGS_TAB, row: statusRow, column: 'Value' },
      `Filing Status: the federal tables exist for ${taxYearsWithTables().join(' and ')}, not for ${yearOf(asOf)} (the as-of year); clear Filing Status to use the flat rates, or plan as of a year with tables`,
    );
  }
  const dividendsRow = settingsRead?.rows.qualifiedDividends;
  if (dividendsRow !== undefined && settings.qualifiedDividends.greaterThan(settings.income)) {
    log.error(
      { tab: SETTINGS_TAB, row: dividendsRow, column: 'Value' },
      `Qualified Dividends: found ${settings.qualifiedDividends.toFixed()}, more than Income (${settings.income.toFixed()}); expected the qualified part of the dividends already counted in Income`,
    );
  }

  const accountsGrid = grid(source, ACCOUNTS_TAB, true, log);
  const targetsGrid = options.withoutTargets ? null : grid(source, TARGETS_TAB, true, log);
  const securitiesGrid = grid(source, SECURITIES_TAB, true, log);
  const lotsGrid = grid(source, LOTS_TAB, true, log);
  const salesGrid = grid(source, SALES_TAB, false, log);

  const accounts = accountsGrid && readAccounts(accountsGrid, log, dateCells);
  const targets = targetsGrid && readTargets(targetsGrid, log, dateCells);
  const noTargets = options.withoutTargets === true;
  const securities = securitiesGrid && readSecurities(securitiesGrid, log, dateCells);
  const lots = lotsGrid && readLots(lotsGrid, log, dateCells, asOf);
  const sales = salesGrid ? readSales(salesGrid, log, dateCells, asOf) : null;

  if (targets && securities) checkSecurityClasses(targets, securities, log);
  if (accounts && securities) checkAllowed(accounts, securities, log);
  if (accounts && lots) checkAccounts(accounts, lots, log, 'error');
  if (accounts && sales) checkAccounts(accounts, sales, log, 'warning');
  if (securities && lots) checkTickers(securities, lots, log);
  if (securities && sales) checkTickers(securities, sales, log);

  if (log.errors.length > 0 || !accounts || (!targets && !noTargets) || !securities || !lots || (asOf === null && options.requireAsOf !== false)) {
    return { ok: false, errors: log.errors, warnings: log.warnings };
  }
  return {
    ok: true,
    household: {
      accounts: accounts.items.map((i) => i.value),
      targets: targets ? targets.items.map((i) => i.value) : [],
      securities: securities.items.map((i) => i.value),
      lots: lots.items.map((i) => i.value),
      sales: sales ? sales.items.map((i) => i.value) : [],
      settings,
    },
    warnings: log.warnings,
  };
}

/** Every security's class is on Targets (spelled as Targets spells it); a class nothing can buy is a warning. */
function checkSecurityClasses(targets: TabRead<TargetClass>, securities: TabRead<Security>, log: IssueLog): void {
  const classes = targets.names;
  for (const item of securities.items) {
    const canonical = classes.get(nameKey(item.value.assetClass));
    if (canonical === undefined) {
      log.error(
        ref(securities, item.row, 'assetClass', 'Asset Class'),
        `found "${item.value.assetClass}"; expected an asset class listed on ${TARGETS_TAB}`,
      );
    } else item.value.assetClass = canonical;
  }
  // Classes of every security row, read in full or not: a bad price is not a missing security.
  const classColumn = securities.table.columns.get('assetClass');
  const held = new Set(
    securities.table.rows.map((r) => (classColumn ? nameKey(String(r.cells[classColumn.index] ?? '')) : '')),
  );
  for (const t of targets.items) {
    if (!held.has(nameKey(t.value.assetClass))) {
      log.warn(
        ref(targets, t.row, 'assetClass', 'Asset Class'),
        `found no security for "${t.value.assetClass}" on ${SECURITIES_TAB}; expected at least one to buy it with`,
      );
    }
  }
}

function checkAllowed(accounts: TabRead<Account>, securities: TabRead<Security>, log: IssueLog): void {
  const tickers = securities.names;
  for (const item of accounts.items) {
    for (const ticker of item.value.allowed ?? []) {
      if (!tickers.has(nameKey(ticker))) {
        log.warn(
          ref(accounts, item.row, 'allowed', 'Allowed'),
          `found "${ticker}", which is not on ${SECURITIES_TAB}; it cannot be bought without a price`,
        );
      }
    }
  }
}

/**
 * A lot must sit in a listed account (spelled as Accounts spells it). A sale may come from an
 * account since closed, and still counts for wash sales: a warning.
 */
function checkAccounts<T extends Lot | Sale>(
  accounts: TabRead<Account>,
  read: TabRead<T>,
  log: IssueLog,
  level: 'error' | 'warning',
): void {
  const names = accounts.names;
  for (const item of read.items) {
    const canonical = names.get(nameKey(item.value.account));
    if (canonical !== undefined) {
      item.value.account = canonical;
      continue;
    }
    const at = ref(read, item.row, 'account', 'Account');
    if (level === 'error') {
      log.error(at, `found "${item.value.account}"; expected an account listed on ${ACCOUNTS_TAB}`);
    } else {
      log.warn(at, `found "${item.value.account}", which is not on ${ACCOUNTS_TAB}; the sale still counts for wash sales`);
    }
  }
}

function checkTickers<T extends Lot | Sale>(securities: TabRead<Security>, read: TabRead<T>, log: IssueLog): void {
  for (const item of read.items) {
    if (!securities.names.has(nameKey(item.value.ticker))) {
      log.error(
        ref(read, item.row, 'ticker', 'Ticker'),
        `found "${item.value.ticker}"; expected a ticker listed on ${SECURITIES_TAB} (with its price and asset class)`,
      );
    }
  }
}
