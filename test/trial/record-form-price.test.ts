import { describe, expect, it } from 'vitest';
import { readPrice } from '../../sidebar/record-form';

describe('the record form reads a fill price as the Cash fields read dollars', () => {
  it('$247.10, 1,234.50 and " 57.9 " are prices; blank, 0, negatives and text are refused with what to do', () => {
    expect(readPrice('$247.10')).toEqual({ kind: 'price', price: '247.10' });
    expect(readPrice('$ 1,234.50')).toEqual({ kind: 'price', price: '1234.50' });
    expect(readPrice(' 57.9 ')).toEqual({ kind: 'price', price: '57.9' });
    expect(readPrice('')).toEqual({ kind: 'invalid', message: 'enter the fill price' });
    expect(readPrice('0')).toEqual({ kind: 'invalid', message: 'the fill price must be a number above 0 (found "0")' });
    expect(readPrice('-1')).toEqual({ kind: 'invalid', message: 'the fill price must be a number above 0 (found "-1")' });
    expect(readPrice('abc')).toEqual({ kind: 'invalid', message: 'the fill price must be a number above 0 (found "abc")' });
    expect(readPrice('57,90')).toEqual({ kind: 'invalid', message: 'the fill price must be a number above 0 (found "57,90")' });
  });
});
