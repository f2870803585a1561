/** Flags and positionals several commands share, declared once so their help reads the same everywhere. */
import { switchFlag, valueFlag, type PositionalSpec } from './args';
import { date } from './flag-kinds';

export const WORKBOOK: PositionalSpec = {
  metavar: '<workbook>',
  help: 'an .xlsx file, or a folder of CSV files named after the tabs (Accounts.csv, Targets.csv, Securities.csv, Lots.csv, ...)',
  required: true,
  what: 'a workbook: an .xlsx file or a folder of CSV tabs',
};

export const JSON_FLAG = switchFlag('json', 'machine output: JSON, every amount a decimal string');

export const AS_OF = valueFlag('as-of', date, "the date to value the household on (default: the Settings tab's As Of, else today)");
