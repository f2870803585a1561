import { describe, expect, it } from 'vitest';
import { planRebalance } from '../../src/engine/planner';
import { alignOnPoint, alignTable } from '../../src/present/drift-table';
import { planText } from '../../src/present/plan-table';
import { gridSource, readHousehold } from '../../src/workbook/index';
import { exampleGrid } from '../support/example-grids';

function examplePlan() {
  const tabs = Object.fromEntries(['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings'].map((t) => [t, exampleGrid(t)]));
  const read = readHousehold(gridSource(tabs), {});
  if (!read.ok) throw new Error('unreadable');
  return planRebalance(read.household);
}

describe('rebalance plan as text', () => {
  it('share counts line up on their decimal point; a saving says "saves"', () => {
    const text = planText(examplePlan());
    const lines = text.split('\n').filter((l) => /^ {2}(BUY|SELL) /.test(l));
    expect(lines.length).toBe(14);
    // The column where each count's whole part ends is the same on every line.
    const ends = lines.map((l) => /^ {2}(?:BUY |SELL)\s+(\d+)/.exec(l)!.index + /^ {2}(?:BUY |SELL)\s+\d+/.exec(l)![0].length);
    expect(new Set(ends).size).toBe(1);
    expect(text).toMatch(/SELL +250 +BND +@ +\$73\.80 = \$18,450\.00 {2}saves \$90\.65/);
    expect(text).toContain('estimated tax saved $90.65');
    expect(text).not.toContain('-$90.65');
    expect(text).toContain('(--verbose shows the details');
  });

  it('--verbose prints the details under each reason', () => {
    const text = planText(examplePlan(), { verbose: true });
    expect(text).toContain('          - Do not buy BND or a substantially identical fund in any account (IRAs included) for 31 days');
  });

  it('alignTable right-aligns a point column on the decimal point', () => {
    expect(alignOnPoint(['250', '86.13571', '2459.029572', ''])).toEqual(['250       ', '86.13571 ', '2459.029572', '']);
    const table = alignTable([['Shares', 'Ticker'], ['250', 'VOO'], ['86.13571', 'FXAIX'], ['2459.029572', 'FXNAX']], ['point', false]).split('\n');
    expect(table).toEqual(['     Shares  Ticker', '-----------  ------', ' 250         VOO', '  86.13571   FXAIX', '2459.029572  FXNAX']);
  });
});
