import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/engine/index';
import { decideCheck } from '../../src/engine/schedule/decide-check';
import { emptyScheduleState } from '../../src/engine/schedule/schedule-state';
import { renderCheckEmail } from '../../src/engine/notify/check-email';
import { slackCheckText } from '../../src/engine/notify/slack-text';
import { exampleHousehold } from '../schedule/example-household';

describe('a tax saving in the email and on Slack reads as a saving, as in the subject, the sidebar and the CLI', () => {
  const decision = decideCheck({ household: exampleHousehold(), asOf: isoDate('2026-11-20'), state: emptyScheduleState() });
  const mail = renderCheckEmail(decision, { spreadsheetUrl: null });
  it('the plan summary says "estimated tax saved $90.65", the BND sale "saves $90.65", never "-$90.65"', () => {
    expect(mail.subject).toContain('est. tax saving $91');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('estimated tax saved $90.65');
      expect(body).not.toContain('-$90.65');
    }
    expect(mail.text).toContain('* Taxable Brokerage: SELL 250 BND = $18,450.00, saves $90.65');
    expect(mail.text).toContain('* Traditional IRA: SELL 37 IVV = $22,932.60, est. tax $0.00');
    expect(mail.html).toMatch(/>saves \$90\.65<\/td>/);
  });
  it('Slack says the same', () => {
    expect(slackCheckText(decision, null)).toContain('14 trades proposed; estimated tax saved $90.65.');
  });
});
