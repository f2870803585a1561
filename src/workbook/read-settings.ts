import { closest } from '../present/did-you-mean';
import { FILING_STATUSES, LOT_METHODS, SCHEDULES, type FilingStatus, type LotMethodName, type Schedule, type Settings } from '../engine/types';
import { Decimal, dec } from '../engine/money';
import type { IssueLog } from './issues';
import {
  describeCell,
  isBlank,
  parseBooleanCell,
  parseDateCell,
  parseIntegerCell,
  parseNumberCell,
  parsePercentCell,
  parseTextCell,
  percentScaleOf,
  type CellResult,
  type DateCells,
} from './cells';
import { normalizeHeader, type ColumnSpec } from './headers';
import { readTable, type Table } from './table';
import { rowReader, tabContext } from './fields';

export const SETTINGS_TAB = 'Settings';

export const SETTING_COLUMNS: readonly ColumnSpec[] = [
  { key: 'setting', header: 'Setting', aliases: ['Name'], required: true },
  { key: 'value', header: 'Value', required: true },
];

type Parse<T> = (cell: unknown, dateCells: DateCells) => CellResult<T>;

interface SettingSpec<K extends keyof Settings> {
  name: string;
  aliases?: readonly string[];
  parse: Parse<Settings[K]>;
}

const okValue = <T>(value: T): CellResult<T> => ({ ok: true, value });
const failed = <T>(cell: unknown, expected: string): CellResult<T> => ({
  ok: false,
  message: `found ${describeCell(cell)}; expected ${expected}`,
});

/** One setting is one value, so its percent scale is decided by that value alone (37 → 37%). */
function percent(expected: string, max: Decimal | null, allowZero: boolean): Parse<Decimal> {
  return (cell) => {
    const r = parsePercentCell(cell, percentScaleOf([cell]), expected);
    if (!r.ok) return r;
    const low = allowZero ? r.value.isNegative() && !r.value.isZero() : !r.value.greaterThan(0);
    if (low || (max !== null && r.value.greaterThan(max))) {
      return { ok: false, message: `found ${r.value.times(100).toFixed()}%; expected ${expected}` };
    }
    return r;
  };
}

function dollars(expected: string): Parse<Decimal> {
  return (cell) => {
    const r = parseNumberCell(cell, expected);
    if (r.ok && r.value.isNegative()) return { ok: false, message: `found ${r.value.toFixed()}; expected ${expected}` };
    return r;
  };
}

/** `none` (or blank) switches an optional limit off. */
function orNone<T>(parse: Parse<T>): Parse<T | null> {
  return (cell, dateCells) =>
    typeof cell === 'string' && normalizeHeader(cell) === 'none' ? okValue(null) : parse(cell, dateCells);
}

/** `standard` (or blank) means the standard deduction for the year and status. */
function orStandard(parse: Parse<Decimal>): Parse<Decimal | null> {
  return (cell, dateCells) =>
    typeof cell === 'string' && ['standard', 'standarddeduction', 'default'].includes(normalizeHeader(cell)) ? okValue(null) : parse(cell, dateCells);
}

/** A word from a fixed list, matched like headers; `spellings` maps extra normalized spellings. */
function choice<T extends string>(options: readonly T[], spellings: Record<string, T>, expected: string): Parse<T> {
  return (cell) => {
    if (typeof cell !== 'string') return failed(cell, expected);
    const key = normalizeHeader(cell);
    const found = options.find((o) => normalizeHeader(o) === key) ?? spellings[key];
    return found ? okValue(found) : failed(cell, expected);
  };
}

function text(expected: string, check: (t: string) => boolean): Parse<string | null> {
  return (cell) => {
    const r = parseTextCell(cell, expected);
    if (!r.ok) return r;
    return check(r.value) ? okValue(r.value) : failed(cell, expected);
  };
}

const RATE = 'a tax rate between 0% and 100%';
const ONE = dec(1);

/** Every setting: its name on the tab, how its value reads; defaults live in settings-defaults.ts. */
/** Settings the workbook can give (`taxTableYear` is the backtest's own, never read from a tab). */
type WorkbookSettingKey = Exclude<keyof Settings, 'taxTableYear'>;

const SETTINGS: { [K in WorkbookSettingKey]: SettingSpec<K> } = {
  asOf: {
    name: 'As Of',
    aliases: ['As Of Date', 'Date'],
    parse: (cell, dateCells) => parseDateCell(cell, dateCells, 'the date the plan is for'),
  },
  shortTermRate: { name: 'Short-Term Rate', aliases: ['ST Rate'], parse: percent(RATE, ONE, true) },
  longTermRate: { name: 'Long-Term Rate', aliases: ['LT Rate'], parse: percent(RATE, ONE, true) },
  stateRate: { name: 'State Rate', parse: percent(RATE, ONE, true) },
  lotMethod: {
    name: 'Lot Method',
    parse: choice<LotMethodName>(LOT_METHODS, { specificid: 'SpecID', specificidentification: 'SpecID', specificlots: 'SpecID' }, `one of ${LOT_METHODS.join(', ')}`),
  },
  band: { name: 'Band', aliases: ['Relative Band'], parse: percent('a relative band above 0% (e.g. 10%)', ONE, false) },
  absBand: { name: 'Abs Band', aliases: ['Absolute Band'], parse: orNone(percent('an absolute band above 0 points (e.g. 5%), or none', ONE, false)) },
  minTrade: { name: 'Min Trade', aliases: ['Minimum Trade'], parse: dollars('a dollar amount (0 or more)') },
  harvestLosses: { name: 'Harvest Losses', aliases: ['Harvest'], parse: (cell) => parseBooleanCell(cell) },
  harvestMinLoss: { name: 'Harvest Min Loss', aliases: ['Min Harvest Loss'], parse: dollars('a dollar amount (0 or more)') },
  gainBudget: { name: 'Gain Budget', parse: orNone(dollars('a dollar amount (0 or more), or none')) },
  longTermWaitDays: {
    name: 'Long-Term Wait Days',
    aliases: ['LT Wait Days', 'Wait Days'],
    parse: (cell) => {
      const expected = 'a whole number of days from 0 to 365';
      const r = parseIntegerCell(cell, expected);
      return r.ok && (r.value < 0 || r.value > 365) ? failed(cell, expected) : r;
    },
  },
  stLossCarryforward: { name: 'ST Loss Carryforward', aliases: ['Short-Term Loss Carryforward'], parse: dollars('the loss carried forward as a positive dollar amount') },
  ltLossCarryforward: { name: 'LT Loss Carryforward', aliases: ['Long-Term Loss Carryforward'], parse: dollars('the loss carried forward as a positive dollar amount') },
  spread: { name: 'Spread', parse: percent('a trading cost percentage, 0% or more (e.g. 0.02%)', dec('0.1'), true) },
  schedule: {
    name: 'Schedule',
    parse: choice<Schedule>(SCHEDULES, { semiannually: 'semiannual', twiceayear: 'semiannual', annually: 'annual', yearly: 'annual', quarter: 'quarterly', month: 'monthly' }, `one of ${SCHEDULES.join(', ')}`),
  },
  overrideThreshold: { name: 'Override Threshold', parse: percent('a relative drift above 0% (e.g. 20%)', null, false) },
  automation: {
    name: 'Automation',
    parse: choice<'notify' | 'auto-plan'>(['notify', 'auto-plan'], { auto: 'auto-plan', autoplanning: 'auto-plan' }, 'notify or auto-plan'),
  },
  notify: {
    name: 'Notify',
    parse: choice<'always' | 'action'>(['always', 'action'], {
      onlywhenactionisneeded: 'action',
      whenactionisneeded: 'action',
      onlywhenactionneeded: 'action',
      actionneeded: 'action',
      onlywhenneeded: 'action',
      whenneeded: 'action',
    }, 'always, or only when action is needed'),
  },
  email: { name: 'Email', parse: text('an email address', (t) => t.includes('@')) },
  cpaEmail: { name: 'CPA Email', parse: text('an email address', (t) => t.includes('@')) },
  cpaThreshold: { name: 'CPA Threshold', parse: orNone(dollars('a dollar amount of harvested losses (0 or more), or none')) },
  slackWebhook: { name: 'Slack Webhook', parse: text('a webhook address starting with https://', (t) => /^https:\/\/\S+$/.test(t)) },
  webhookUrl: { name: 'Webhook URL', aliases: ['Webhook'], parse: text('a Make, Zapier or n8n webhook address starting with https://', (t) => /^https:\/\/\S+$/.test(t)) },
  filingStatus: {
    name: 'Filing Status',
    aliases: ['Filing'],
    parse: orNone(
      choice<FilingStatus>(FILING_STATUSES, {
        mfj: 'Married Filing Jointly',
        joint: 'Married Filing Jointly',
        marriedjointly: 'Married Filing Jointly',
        qualifyingsurvivingspouse: 'Married Filing Jointly',
        mfs: 'Married Filing Separately',
        separate: 'Married Filing Separately',
        marriedseparately: 'Married Filing Separately',
        hoh: 'Head of Household',
        headofhousehold: 'Head of Household',
      }, `one of ${FILING_STATUSES.join(', ')}, or none`),
    ),
  },
  income: { name: 'Income', aliases: ['AGI', 'Adjusted Gross Income'], parse: dollars('a dollar amount (0 or more): adjusted gross income before capital gains') },
  deductions: { name: 'Deductions', aliases: ['Deduction'], parse: orStandard(dollars('a dollar amount (0 or more), or standard')) },
  qualifiedDividends: { name: 'Qualified Dividends', parse: dollars('a dollar amount (0 or more)') },
  investmentIncome: { name: 'Investment Income', aliases: ['Net Investment Income'], parse: dollars('a dollar amount (0 or more)') },
  harvestGains: { name: 'Harvest Gains', aliases: ['Gain Harvesting'], parse: (cell) => parseBooleanCell(cell) },
};

const KEYS = Object.keys(SETTINGS) as WorkbookSettingKey[];

const BY_NAME = new Map<string, WorkbookSettingKey>();
for (const key of KEYS) {
  for (const name of [SETTINGS[key].name, ...(SETTINGS[key].aliases ?? [])]) BY_NAME.set(normalizeHeader(name), key);
}

/** The name users see for a setting, for messages. */
export function settingName(key: keyof Settings): string {
  return key === 'taxTableYear' ? key : SETTINGS[key].name;
}

function apply<K extends WorkbookSettingKey>(settings: Settings, key: K, cell: unknown, dateCells: DateCells): string | null {
  const result = (SETTINGS[key] as SettingSpec<K>).parse(cell, dateCells);
  if (!result.ok) return result.message;
  settings[key] = result.value;
  return null;
}

export interface SettingsRead {
  table: Table;
  /** Rows where each setting was given, for messages about it. */
  rows: Partial<Record<keyof Settings, number>>;
}

/** Settings that a surface reads itself (the importer's column mapping): known, not warned about. */
const READ_ELSEWHERE = new Set(['importcolumns']);

/** Settings that only the federal tables use: without a Filing Status they change nothing. */
const TABLE_SETTINGS: readonly WorkbookSettingKey[] = ['income', 'deductions', 'qualifiedDividends', 'investmentIncome', 'harvestGains'];

/**
 * Income, Deductions, ... or Harvest Gains given without a Filing Status (left out, or misspelled
 * and so warned about as unknown) would be silently ignored, the plan taxed at the flat rates: say so.
 */
function warnTablesWithoutFilingStatus(settings: Settings, given: readonly WorkbookSettingKey[], rows: Partial<Record<keyof Settings, number>>, log: IssueLog): void {
  if (settings.filingStatus !== null) return;
  const used = TABLE_SETTINGS.filter((k) => given.includes(k) && (k !== 'harvestGains' || settings.harvestGains));
  if (used.length === 0) return;
  const names = used.map(settingName).join(', ');
  log.warn(
    { tab: SETTINGS_TAB, row: rows[used[0]] as number, column: 'Setting' },
    `found ${names} but no Filing Status; ${used.length === 1 ? 'it is' : 'they are'} used only with the federal tables, so tax is figured at the flat Short-Term and Long-Term Rates (add a Filing Status row, e.g. Married Filing Jointly)`,
  );
}

/** Reads Settings onto `settings` (holding the defaults); unknown names are warnings. */
export function readSettings(grid: readonly unknown[][], log: IssueLog, dateCells: DateCells, settings: Settings): SettingsRead | null {
  const table = readTable(SETTINGS_TAB, grid, SETTING_COLUMNS, log);
  if (!table) return null;
  const ctx = tabContext(table, log, dateCells, SETTING_COLUMNS);
  const rows: Partial<Record<keyof Settings, number>> = {};
  const given: WorkbookSettingKey[] = [];
  for (const dataRow of table.rows) {
    const r = rowReader(ctx, dataRow);
    const name = r.text('setting', 'a setting name', true);
    if (name === null) continue;
    const key = BY_NAME.get(normalizeHeader(name));
    if (key === undefined) {
      if (READ_ELSEWHERE.has(normalizeHeader(name))) continue;
      const near = closest(name, KEYS.map(settingName));
      // A likely typo names the setting meant; only when there is none is the whole list worth reading.
      const expected = near ? `did you mean ${near}?` : `expected one of ${KEYS.map(settingName).join(', ')}`;
      r.warn('setting', `found unknown setting "${name}"; ${expected} (this row is ignored)`);
      continue;
    }
    const seen = rows[key];
    if (seen !== undefined) {
      r.error('setting', `found "${name}" again; expected each setting once (first on row ${seen})`);
      continue;
    }
    rows[key] = r.row;
    const cell = r.raw('value');
    if (isBlank(cell)) continue; // blank means "use the default"
    const message = apply(settings, key, cell, dateCells);
    if (message) r.error('value', `${settingName(key)}: ${message}`);
    else given.push(key);
  }
  warnTablesWithoutFilingStatus(settings, given, rows, log);
  return { table, rows };
}
