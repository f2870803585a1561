/** Fractional shares are shown in full on every surface: 65.913808, never 65.9138. */
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { describeLots } from '../../src/engine/taxlots';
import { lotsTableCells } from '../../src/present/lots-table';
import { shares } from '../../sidebar/format';
import { readShares } from '../../sidebar/record-form';
import { d, household, lot, security } from '../tax/fixtures';

describe('shares in full', () => {
  it('the sidebar shows every digit, with thousands separators on the whole part only', () => {
    expect(shares('65.913808')).toBe('65.913808');
    expect(shares('2459.029572')).toBe('2,459.029572');
    expect(shares('1234567.1234567')).toBe('1,234,567.1234567');
    expect(shares('212')).toBe('212');
    expect(shares('0.000001')).toBe('0.000001');
    expect(shares('n/a')).toBe('n/a');
  });

  it('TAXLOTS shows a lot of 1.23456789 shares as it is held', () => {
    const h = household({ securities: [security('X', 10)], lots: [lot('A', 'Taxable', 'X', dec('1.23456789'), 10, '2024-01-02')] });
    const [, row] = lotsTableCells(describeLots(h, d('2025-01-02')));
    expect(row[4]).toBe(1.23456789);
  });
});

describe('the record form reads a shares field', () => {
  it('blank or 0 is not executed; a number is recorded as typed; text and negatives are refused', () => {
    expect(readShares('')).toEqual({ kind: 'skip' });
    expect(readShares('   ')).toEqual({ kind: 'skip' });
    expect(readShares('0')).toEqual({ kind: 'skip' });
    expect(readShares('0.000')).toEqual({ kind: 'skip' });
    expect(readShares('-0')).toEqual({ kind: 'skip' });
    expect(readShares(' 65.913808 ')).toEqual({ kind: 'shares', shares: '65.913808' });
    expect(readShares('1,250.5')).toEqual({ kind: 'shares', shares: '1250.5' });
    expect(readShares('-5')).toEqual({ kind: 'invalid', message: 'shares cannot be negative (found "-5")' });
    expect(readShares('abc')).toEqual({ kind: 'invalid', message: '"abc" is not a number of shares' });
    expect(readShares('1,25')).toEqual({ kind: 'invalid', message: '"1,25" is not a number of shares' });
    expect(readShares('12.')).toEqual({ kind: 'invalid', message: '"12." is not a number of shares' });
  });
});
