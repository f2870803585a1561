import { describe, expect, it } from 'vitest';
import { auditWashSales, fixWashSales } from '../../src/engine/wash-audit';
import { account, household, lot, sale, security } from './fixtures';

/**
 * A recorded Disallowed is in cents, so it fits more than one share count: a loss of $130.94 on
 * 33 shares is $3.968 a share, and 8.775 and 8.776 shares both come to $34.82. Recording a wash
 * and reading it back must give the shares it was for (FC_SEED=817567976 of the property test:
 * the IRA lot of 8.776 shares read back as 8.775, one thousandth of a share lost).
 */
const sold = { date: '2026-10-13', account: 'Closed Brokerage', ticker: 'VOO', shares: 33, proceeds: '687.46', basis: '818.4', acquired: '2026-07-14', lot: 'H1-W1' };
const shares = (h: ReturnType<typeof household>) => auditWashSales(h).washes.map((w) => [w.replacementLot, w.shares.toFixed(), w.disallowed.toFixed(), w.recorded]);

describe('a recorded Disallowed reads back as the shares it was for', () => {
  for (const [kind, type] of [['an IRA (permanent)', 'Traditional IRA'], ['a taxable account', 'Taxable']] as const) {
    it(`the whole replacement lot in ${kind}, though fewer shares give the same cents`, () => {
      const h = household({
        securities: [security('VOO', 400)],
        accounts: [account('Replacement', type, 0)],
        lots: [lot('R', 'Replacement', 'VOO', '8.776', '3688.62', '2026-10-26')],
        sales: [sale(sold)],
      });
      expect(shares(h)).toEqual([['R', '8.776', '34.82', false]]);
      const fix = fixWashSales(h);
      if (!fix.ok) throw new Error(fix.errors.join('\n'));
      expect(fix.lots.map((l) => [l.id, l.shares.toFixed()])).toEqual([['R', '8.776']]);
      expect(shares({ ...h, lots: fix.lots, sales: fix.sales })).toEqual([['R', '8.776', '34.82', true]]);
    });
  }

  it('two whole replacement lots, the second tiny: both read back', () => {
    const h = household({
      securities: [security('VOO', 400)],
      accounts: [account('IRA', 'Traditional IRA', 0)],
      lots: [lot('R1', 'IRA', 'VOO', '8.776', '3688.62', '2026-10-26'), lot('R2', 'IRA', 'VOO', '0.001', '0.42', '2026-10-27')],
      sales: [sale(sold)],
    });
    // 8.777 shares: $34.83 in all; the second lot's $0.01 is the increase to the cent.
    expect(shares(h)).toEqual([['R1', '8.776', '34.82', false], ['R2', '0.001', '0.01', false]]);
    const fix = fixWashSales(h);
    if (!fix.ok) throw new Error(fix.errors.join('\n'));
    expect(shares({ ...h, lots: fix.lots, sales: fix.sales })).toEqual([['R1', '8.776', '34.82', true], ['R2', '0.001', '0.01', true]]);
  });

  it('a second lot whose part is under a cent: used up, no match, the same after recording', () => {
    const h = household({
      securities: [security('VOO', 400)],
      accounts: [account('IRA', 'Traditional IRA', 0)],
      lots: [lot('R1', 'IRA', 'VOO', '8.776', '3688.62', '2026-10-26'), lot('R2', 'IRA', 'VOO', '0.0001', '0.04', '2026-10-27')],
      sales: [sale(sold)],
    });
    expect(shares(h)).toEqual([['R1', '8.776', '34.82', false]]);
    const fix = fixWashSales(h);
    if (!fix.ok) throw new Error(fix.errors.join('\n'));
    expect(shares({ ...h, lots: fix.lots, sales: fix.sales })).toEqual([['R1', '8.776', '34.82', true]]);
  });

  it('a Disallowed typed by hand that no whole lot fits still reads as the simplest share count', () => {
    const h = household({
      securities: [security('VOO', 400)],
      accounts: [account('IRA', 'Traditional IRA', 0)],
      lots: [lot('R', 'IRA', 'VOO', '20', '8000', '2026-10-26')],
      sales: [sale({ ...sold, disallowed: '39.68' })],
    });
    // $39.68 of $130.94 on 33 shares: 10 shares (9.999 and 10.001 give the same cents).
    expect(shares(h)[0]).toEqual(['R', '10', '39.68', true]);
  });
});
