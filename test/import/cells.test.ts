import { describe, expect, it } from 'vitest';
import { cleanTicker, parseBrokerDate, parseMoney, parseQuantity } from '../../src/import/cells';

const money = (t: string) => {
  const r = parseMoney(t);
  return r.ok ? (r.value === null ? null : r.value.toFixed()) : `error: ${r.message}`;
};

describe('broker money cells', () => {
  it('reads every form brokers write', () => {
    expect(money('$1,303.92')).toBe('1303.92');
    expect(money('-$21.63')).toBe('-21.63');
    expect(money('$-21.63')).toBe('-21.63');
    expect(money('"$3621.38 "'.slice(1, -1))).toBe('3621.38');
    expect(money('(1,234.56)')).toBe('-1234.56');
    expect(money('($1,640.00)')).toBe('-1640');
    expect(money('+$120.00')).toBe('120');
    expect(money('1234.5 USD')).toBe('1234.5');
    expect(money('.5')).toBe('0.5');
  });
  it('reads --, n/a and - as empty', () => {
    for (const t of ['--', 'n/a', 'N/A', '-', '', '  ']) expect(money(t)).toBeNull();
  });
  it('refuses what is not money, saying what it found', () => {
    expect(money('12,34')).toMatch(/error: found "12,34"; expected an amount/);
    expect(money('-$-5')).toMatch(/^error/);
    expect(money('1.2.3')).toMatch(/^error/);
    expect(money('abc')).toMatch(/^error/);
  });
  it('a quantity has no dollar sign', () => {
    const q = parseQuantity('$5');
    expect(q.ok).toBe(false);
    const ok = parseQuantity('9,999.99');
    expect(ok.ok && ok.value?.toFixed()).toBe('9999.99');
  });
});

describe('broker date cells', () => {
  const date = (t: string) => {
    const r = parseBrokerDate(t);
    return r.ok ? r.value : `error`;
  };
  it('MM/DD/YYYY, with or without a time, and ISO forms', () => {
    expect(date('03/12/2015')).toBe('2015-03-12');
    expect(date('11/15/2021 09:31:02 AM')).toBe('2021-11-15');
    expect(date('1/5/2026')).toBe('2026-01-05');
    expect(date('11/20/2026 as of 04:00 PM ET')).toBe('2026-11-20');
    expect(date('2023-07-07, 15:39:46')).toBe('2023-07-07');
    expect(date('2026-03-02')).toBe('2026-03-02');
    expect(date('20260302;101500')).toBe('2026-03-02');
    expect(date('--')).toBeNull();
  });
  it('refuses impossible and ambiguous dates', () => {
    expect(date('02/30/2026')).toBe('error');
    expect(date('13/01/2026')).toBe('error');
    expect(date('03/12/15')).toBe('error');
    expect(date('Various')).toBe('error');
    expect(date('03/12/20155')).toBe('error');
  });
});

describe('tickers', () => {
  it('cleans the forms exports use', () => {
    expect(cleanTicker('VEA(921943858)')).toBe('VEA');
    expect(cleanTicker(' voo ')).toBe('VOO');
    expect(cleanTicker('BRK/B')).toBe('BRK.B');
    expect(cleanTicker('BRK B')).toBe('BRK.B');
  });
});
