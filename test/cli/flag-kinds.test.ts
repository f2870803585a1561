import { describe, expect, it } from 'vitest';
import { amount, parseDollars, parseRate, weights, yesNo } from '../../src/cli/flag-kinds';

describe('dollar amounts on the command line', () => {
  it.each([
    ['7000', '7000'],
    ['7,000', '7000'],
    ['$7,000.50', '7000.5'],
    ['1,234,567', '1234567'],
    ['500_000', '500000'],
    ['-2500', '-2500'],
    ['-$2,500', '-2500'],
    ['$-2,500', '-2500'],
    ['0.5', '0.5'],
    [' 12 ', '12'],
  ])('%s is %s', (text, expected) => {
    expect(parseDollars(text)?.toFixed()).toBe(expected);
  });

  it.each([',000', '7,00', '1,0000', '7000.123', '1e3', '10k', '', '$', '--5', '-$-5', '7 000', '1,000_000', 'abc', '.5'])(
    '"%s" is not an amount (a stray comma is never a different number)',
    (text) => {
      expect(parseDollars(text)).toBeNull();
    },
  );

  it('bounds say what they expected', () => {
    expect(amount({ min: 0 }).parse('-5')).toEqual({ ok: false, problem: 'expected an amount of at least 0; found "-5"' });
    expect(amount({ above: 0 }).parse('0')).toEqual({ ok: false, problem: 'expected an amount above 0; found "0"' });
  });
});

describe('other kinds', () => {
  it('rates: 8% and 8 and 0.08 are the same; weights are percents', () => {
    expect([parseRate('8%'), parseRate('8'), parseRate('0.08')].map((r) => r?.toFixed())).toEqual(['0.08', '0.08', '0.08']);
    expect(parseRate('eight')).toBeNull();
    const mix = weights('70/30', 4).parse('70/30');
    expect(mix.ok && mix.value.map((w) => w.toFixed())).toEqual(['0.7', '0.3']);
    expect(weights('70/30', 4).parse('70/abc').ok).toBe(false);
    expect(weights('70/30', 4).parse('150').ok).toBe(false);
  });

  it('yes/no accepts the usual spellings and nothing else', () => {
    expect(['yes', 'Y', 'true', 'on', '1'].map((t) => yesNo.parse(t))).toEqual(Array(5).fill({ ok: true, value: true }));
    expect(['no', 'N', 'false', 'off', '0'].map((t) => yesNo.parse(t))).toEqual(Array(5).fill({ ok: true, value: false }));
    expect(yesNo.parse('maybe')).toEqual({ ok: false, problem: 'expected one of yes, no; found "maybe"' });
  });
});
