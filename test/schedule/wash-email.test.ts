import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/engine/index';
import { decideCheck } from '../../src/engine/schedule/decide-check';
import { emptyScheduleState } from '../../src/engine/schedule/schedule-state';
import { renderCheckEmail } from '../../src/engine/notify/check-email';
import { exampleHousehold } from './example-household';

const AS_OF = isoDate('2026-11-20');

describe('the check email lists wash sales the tabs do not record yet', () => {
  it('a DRIP buy typed in after the IEMG loss: in the HTML and the text, with how to record it', () => {
    const household = exampleHousehold({}, (tabs) => {
      tabs.Lots.push(['Taxable Brokerage', 'IEMG', '10', '575', '2026-11-12', 'TX-IEMG-DRIP', '']);
    });
    const decision = decideCheck({ household, asOf: AS_OF, state: emptyScheduleState() });
    expect(decision.content.unrecordedWashes.map((w) => [w.ticker, w.replacementLot, w.disallowed.toFixed()])).toEqual([['IEMG', 'TX-IEMG-DRIP', '67']]);
    const email = renderCheckEmail(decision, { spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit' });
    expect(decision.kind).toBe('review');
    expect(email.html).toContain('Wash sales not yet recorded');
    expect(email.html).toContain('$67.00');
    expect(email.text).toContain('WASH SALES NOT YET RECORDED');
    expect(email.text).toContain('Loss of $67.00 on 10 shares of IEMG');
    expect(email.text).toContain('rebalance washes --fix');
  });

  it('says nothing when every wash sale is recorded', () => {
    const decision = decideCheck({ household: exampleHousehold(), asOf: AS_OF, state: emptyScheduleState() });
    expect(decision.content.unrecordedWashes).toEqual([]);
    expect(renderCheckEmail(decision, { spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/x/edit' }).text).not.toContain('WASH SALES NOT YET RECORDED');
  });
});
