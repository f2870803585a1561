import { describe, expect, it } from 'vitest';
import { parseExecutedPlan } from '../../src/present/plan-json';

describe('a plan JSON whose shares were cleared', () => {
  it('spaces only are a cleared field, refused like "" with what to enter', () => {
    const json = (shares: unknown) => parseExecutedPlan({ id: 'P', asOf: '2025-01-15', trades: [{ account: 'Roth', action: 'BUY', ticker: 'AGG', shares, price: '100' }] });
    expect(json(' ')).toEqual({ ok: false, errors: ['trades[0].shares: expected the shares executed, or 0 if the trade was not executed; found " "'] });
    expect(json('')).toEqual({ ok: false, errors: ['trades[0].shares: expected the shares executed, or 0 if the trade was not executed; found ""'] });
  });
});
