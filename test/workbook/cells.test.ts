import { afterEach, describe, expect, it } from 'vitest';
import {
  parseBooleanCell,
  parseDateCell,
  parseNumberCell,
  parsePercentCell,
  percentScaleOf,
  type CellResult,
} from '../../src/workbook/cells';
import type { Decimal } from '../../src/engine/money';

const E = 'a number';

function num(r: CellResult<Decimal>): string {
  if (!r.ok) throw new Error(r.message);
  return r.value.toFixed();
}
function message<T>(r: CellResult<T>): string {
  if (r.ok) throw new Error(`expected an error, got ${String(r.value)}`);
  return r.message;
}

describe('numbers', () => {
  it('reads numeric cells and numeric text with $ and thousands separators', () => {
    expect(num(parseNumberCell(1234.5, E))).toBe('1234.5');
    expect(num(parseNumberCell('1,234.50', E))).toBe('1234.5');
    expect(num(parseNumberCell('$1,234.50', E))).toBe('1234.5');
    expect(num(parseNumberCell(' -$5 ', E))).toBe('-5');
    expect(num(parseNumberCell('(5.25)', E))).toBe('-5.25');
    expect(num(parseNumberCell('.5', E))).toBe('0.5');
    // 0.1 + 0.2 as a cell: the shortest decimal of the double, never 0.30000000000000004 garbage beyond it
    expect(num(parseNumberCell(0.1, E))).toBe('0.1');
  });

  it('rejects text that is not a number, misplaced separators, NaN and Infinity', () => {
    expect(message(parseNumberCell('abc', 'a number of shares greater than 0'))).toBe(
      'found "abc"; expected a number of shares greater than 0',
    );
    expect(message(parseNumberCell('1,2', E))).toBe('found "1,2"; expected a number');
    expect(message(parseNumberCell('1.2.3', E))).toContain('found "1.2.3"');
    expect(message(parseNumberCell(Number.NaN, E))).toContain('non-number NaN');
    expect(message(parseNumberCell(Number.POSITIVE_INFINITY, E))).toContain('non-number Infinity');
    expect(message(parseNumberCell(true, E))).toBe('found TRUE; expected a number');
    expect(message(parseNumberCell(new Date(), E))).toBe('found a date; expected a number');
  });

  it('rejects absurd magnitudes', () => {
    expect(message(parseNumberCell(1e16, E))).toBe('found 10000000000000000, which is implausibly large; expected a number');
    expect(message(parseNumberCell('2,000,000,000,000,000', E))).toContain('implausibly large');
    expect(num(parseNumberCell(1e15, E))).toBe('1000000000000000');
  });

  it.each(['#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#ERROR!', '#NULL!'])(
    'names the spreadsheet error %s',
    (code) => {
      expect(message(parseNumberCell(code, 'a price greater than 0'))).toBe(
        `found ${code} (a spreadsheet error); expected a price greater than 0`,
      );
    },
  );
});

describe('percentages', () => {
  it('decides the scale per column: any plain number above 1 means 0-100', () => {
    expect(percentScaleOf([0.3, 0.7])).toBe('fraction');
    expect(percentScaleOf([30, 70])).toBe('points');
    expect(percentScaleOf(['30', '0.5'])).toBe('points');
    // Text with a % sign does not vote; 1 alone is 100% as a fraction.
    expect(percentScaleOf(['30%', 0.7, 1, ''])).toBe('fraction');
  });

  it('reads 30%, 0.3 and 30 (on a 0-100 column) as the same fraction 0.3', () => {
    expect(num(parsePercentCell('30%', 'fraction', E))).toBe('0.3');
    expect(num(parsePercentCell('30%', 'points', E))).toBe('0.3');
    expect(num(parsePercentCell(0.3, 'fraction', E))).toBe('0.3');
    expect(num(parsePercentCell(30, 'points', E))).toBe('0.3');
    expect(num(parsePercentCell('30', 'points', E))).toBe('0.3');
    expect(num(parsePercentCell('0.02%', 'fraction', E))).toBe('0.0002');
    expect(num(parsePercentCell(' 12.5 % ', 'fraction', E))).toBe('0.125');
  });

  it('rejects what is not a percentage', () => {
    expect(message(parsePercentCell('thirty', 'fraction', 'a target'))).toBe('found "thirty"; expected a target');
    expect(message(parsePercentCell('$30%', 'fraction', E))).toContain('found "$30%"');
    expect(message(parsePercentCell('#N/A', 'fraction', E))).toContain('#N/A (a spreadsheet error)');
  });
});

describe('dates', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would set the text "undefined": with isolate off, the next file in this
    // worker would then run in that (unknown, so UTC) time zone.
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('reads ISO text', () => {
    expect(parseDateCell('2026-11-20', 'local')).toEqual({ ok: true, value: '2026-11-20' });
    expect(parseDateCell(' 2024-02-29 ', 'utc')).toEqual({ ok: true, value: '2024-02-29' });
  });

  it('reads a Date cell by local getters (Apps Script) or UTC getters (exceljs)', () => {
    process.env.TZ = 'America/Los_Angeles';
    const localMidnight = new Date(2026, 10, 20); // what Apps Script hands for 2026-11-20
    const utcMidnight = new Date(Date.UTC(2026, 10, 20)); // what exceljs hands for 2026-11-20
    expect(parseDateCell(localMidnight, 'local')).toEqual({ ok: true, value: '2026-11-20' });
    expect(parseDateCell(utcMidnight, 'utc')).toEqual({ ok: true, value: '2026-11-20' });
    // Read with the wrong getters, UTC midnight is still the 19th in California: why the option exists.
    expect(parseDateCell(utcMidnight, 'local')).toEqual({ ok: true, value: '2026-11-19' });
  });

  it('rejects a date serial number, other formats, impossible days and invalid Dates', () => {
    expect(message(parseDateCell(46346, 'local', 'an acquisition date'))).toBe(
      'found 46346; expected an acquisition date: format the cell as a date, or write it as YYYY-MM-DD text',
    );
    expect(message(parseDateCell('11/20/2026', 'local', 'an acquisition date'))).toBe(
      'found "11/20/2026"; expected an acquisition date as YYYY-MM-DD',
    );
    expect(message(parseDateCell('2026-02-29', 'local'))).toBe('found "2026-02-29", which is not a real date (February 2026 has 28 days); expected a real date as YYYY-MM-DD');
    expect(message(parseDateCell('2018-09-31', 'local', 'an acquisition date'))).toBe('found "2018-09-31", which is not a real date (September 2018 has 30 days); expected a real date as YYYY-MM-DD');
    expect(message(parseDateCell('2018-00-10', 'local'))).toBe('found "2018-00-10", which is not a real date (there is no month 00); expected a real date as YYYY-MM-DD');
    expect(message(parseDateCell('2018-09-00', 'local'))).toBe('found "2018-09-00", which is not a real date (there is no day 00); expected a real date as YYYY-MM-DD');
    expect(message(parseDateCell(new Date(Number.NaN), 'utc'))).toContain('found an invalid date');
  });
});

describe('booleans', () => {
  it.each([
    [true, true],
    ['yes', true],
    ['Y', true],
    ['TRUE', true],
    ['1', true],
    [1, true],
    [false, false],
    ['no', false],
    ['n', false],
    ['False', false],
    ['0', false],
    [0, false],
  ])('reads %j as %s', (cell, value) => {
    expect(parseBooleanCell(cell)).toEqual({ ok: true, value });
  });

  it('rejects anything else', () => {
    expect(message(parseBooleanCell('maybe'))).toBe('found "maybe"; expected yes or no');
    expect(message(parseBooleanCell(2))).toBe('found 2; expected yes or no');
  });
});
