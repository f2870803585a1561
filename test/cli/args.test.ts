import { describe, expect, it } from 'vitest';
import { UsageError, has, parseArgs, switchFlag, value, valueFlag, values, type CommandSpec } from '../../src/cli/args';
import { closest } from '../../src/cli/did-you-mean';
import { accountAmount, choice, count, date } from '../../src/cli/flag-kinds';
import { helpText, synopsis } from '../../src/cli/help';

const JSON_FLAG = switchFlag('json', 'machine output');
const AS_OF = valueFlag('as-of', date, 'the date');
const MODE = valueFlag('mode', choice(['threshold', 'full', 'cash-only'] as const), 'how far to trade');
const CASH = valueFlag('cash', accountAmount, 'cash per account', { repeatable: true });
const LOT_METHOD = valueFlag('lot-method', choice(['MinTax', 'HIFO', 'SpecID'] as const), 'lots');
const YEARS = valueFlag('years', count(1), 'years');
const PLAN = valueFlag('plan', count(0), 'a required one', { required: true });

const demo: CommandSpec = {
  name: 'demo',
  summary: 'a command for the parser tests',
  positionals: [{ metavar: '<workbook>', help: 'the workbook', required: true, what: 'a workbook' }],
  flags: [JSON_FLAG, AS_OF, MODE, CASH, LOT_METHOD, YEARS],
  run: async () => ({ stdout: '', exitCode: 0 }),
};
const other: CommandSpec = { ...demo, name: 'other', flags: [PLAN] };

const parse = (...argv: string[]) => parseArgs(argv, demo, [demo, other]);
const mistake = (...argv: string[]) => {
  try {
    parse(...argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
};

describe('one table drives the parser', () => {
  it('reads switches, values in both spellings, repeatable flags, and typed values', () => {
    const args = parse('book.xlsx', '--json', '--as-of=2026-11-20', '--mode', 'FULL', '--cash', 'Roth IRA=7,000', '--cash', 'Taxable=-2500.50', '--years', '3');
    expect(args.positionals).toEqual(['book.xlsx']);
    expect(has(args, JSON_FLAG)).toBe(true);
    expect(value(args, AS_OF)).toBe('2026-11-20');
    expect(value(args, MODE)).toBe('full');
    expect(values(args, CASH).map((c) => [c.account, c.amount.toFixed()])).toEqual([['Roth IRA', '7000'], ['Taxable', '-2500.5']]);
    expect(value(args, YEARS)).toBe(3);
  });

  it.each([
    [['--jsn'], 'unknown option --jsn for rebalance demo; did you mean --json?'],
    [['--cahs', 'Roth=1'], 'unknown option --cahs for rebalance demo; did you mean --cash?'],
    [['--mod', 'full'], 'unknown option --mod for rebalance demo; did you mean --mode?'],
    [['--method', 'HIFO'], 'unknown option --method for rebalance demo; did you mean --lot-method?'],
    [['--lotMethod', 'HIFO'], 'unknown option --lotMethod for rebalance demo; did you mean --lot-method?'],
    [['--as_of', '2026-01-01'], 'unknown option --as_of for rebalance demo; did you mean --as-of?'],
    [['-json'], 'unknown option -json for rebalance demo: options start with two dashes: did you mean --json?'],
  ])('%j is an error naming the flag and the closest valid one', (argv, message) => {
    expect(mistake('book.xlsx', ...argv)).toBe(message);
  });

  it("an option of another command says whose it is; a far-off name lists this command's options", () => {
    expect(mistake('book.xlsx', '--plan', '3')).toBe('unknown option --plan for rebalance demo (--plan is an option of rebalance other); its options are --json, --as-of, --mode, --cash, --lot-method, --years, --help, --debug');
    expect(mistake('book.xlsx', '--frobnicate')).toMatch(/^unknown option --frobnicate for rebalance demo; its options are --json, /);
  });

  it.each([
    [['--mode', 'fulll'], '--mode: expected one of threshold, full, cash-only; found "fulll"; did you mean full?'],
    [['--as-of', '2026-13-01'], '--as-of: "2026-13-01" is not a real date: there is no month 13'],
    [['--as-of', '2018-09-31'], '--as-of: "2018-09-31" is not a real date: September 2018 has 30 days'],
    [['--as-of', '2026-02-29'], '--as-of: "2026-02-29" is not a real date: February 2026 has 28 days'],
    [['--as-of', '11/20/2026'], '--as-of: expected a date as YYYY-MM-DD; found "11/20/2026"'],
    [['--years', '2.5'], '--years: expected a whole number of at least 1; found "2.5"'],
    [['--years', '0'], '--years: expected a whole number of at least 1; found "0"'],
    [['--cash', 'Roth IRA=,000'], '--cash: Roth IRA: expected an amount of dollars like 7000, 7,000.50 or $7,000 (negative to withdraw); found ",000"'],
    [['--cash', 'Roth IRA'], '--cash: expected ACCOUNT=AMOUNT, e.g. "Roth IRA=7000" (negative to withdraw); found "Roth IRA"'],
    [['--cash', '=500'], '--cash: expected ACCOUNT=AMOUNT, e.g. "Roth IRA=7000" (negative to withdraw); found "=500"'],
    [['--as-of'], '--as-of needs a value: YYYY-MM-DD'],
    [['--as-of', '--json'], '--as-of needs a value: YYYY-MM-DD'],
    [['--json=yes'], '--json takes no value; found "--json=yes"'],
    [['--mode', 'full', '--mode', 'threshold'], '--mode is given twice ("full" and "threshold"); give it once'],
    [['extra.xlsx'], 'demo takes <workbook>; found also "extra.xlsx"'],
  ])('%j is a malformed value, never silently ignored', (argv, message) => {
    expect(mistake('book.xlsx', ...argv)).toBe(message);
  });

  it('a missing positional or required flag is named; -- ends the flags; a negative amount is a value', () => {
    expect(mistake()).toBe('demo needs a workbook');
    expect(() => parseArgs(['b'], other)).toThrow('other needs --plan N');
    expect(parse('--', '--json').positionals).toEqual(['--json']);
    expect(values(parse('book', '--cash', 'A=-5'), CASH)[0].amount.toFixed()).toBe('-5');
  });

  it('the same value twice is harmless, a repeatable flag keeps every value', () => {
    expect(value(parse('b', '--mode', 'full', '--mode', 'full'), MODE)).toBe('full');
    expect(values(parse('b', '--cash', 'A=1', '--cash', 'A=2'), CASH)).toHaveLength(2);
  });

  it('usage and help come from the same table: every flag and every accepted value', () => {
    expect(synopsis(demo)).toBe('rebalance demo <workbook> [--json] [--as-of YYYY-MM-DD] [--mode threshold|full|cash-only] [--cash ACCOUNT=AMOUNT]... [--lot-method MinTax|HIFO|SpecID] [--years N]');
    const help = helpText(demo);
    for (const f of [...demo.flags.map((f) => f.name), 'help', 'debug']) expect(help).toContain(`--${f}`);
    expect(help).toContain('SpecID');
  });
});

describe('did you mean', () => {
  it.each([
    ['jsn', 'json'],
    ['josn', 'json'],
    ['cahs', 'cash'],
    ['mod', 'mode'],
    ['modes', 'mode'],
    ['out', 'out'],
    ['lot', 'lot-method'],
  ])('%s -> %s', (typed, expected) => {
    expect(closest(typed, ['json', 'cash', 'mode', 'lot-method', 'out', 'as-of'])).toBe(expected);
  });

  it('nothing close is no suggestion', () => {
    expect(closest('frobnicate', ['json', 'cash', 'mode'])).toBeNull();
    expect(closest('x', ['json', 'cash'])).toBeNull();
  });
});
