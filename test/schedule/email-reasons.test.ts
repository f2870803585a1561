import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/engine/index';
import { decideCheck } from '../../src/engine/schedule/decide-check';
import { emptyScheduleState } from '../../src/engine/schedule/schedule-state';
import { renderCheckEmail } from '../../src/engine/notify/check-email';
import { escapeHtml } from '../../src/engine/notify/escape';
import { exampleHousehold } from './example-household';

describe("each trade's reason and, on a second line, its first detail (the reason contract)", () => {
  const decision = decideCheck({ household: exampleHousehold(), asOf: isoDate('2026-11-20'), state: emptyScheduleState() });
  const plan = decision.content.plan!;
  const [first, second] = plan.trades;
  const withDetails = {
    ...decision,
    content: {
      ...decision.content,
      plan: {
        ...plan,
        trades: plan.trades.map((t, i) =>
          i === 0 ? { ...t, reason: 'US Bonds is 4.3 points under target; selling the 2021 lot harvests a $3,275 loss', details: ['Lot TX-BND-2021: 250 shares, long-term, loss $3,275 at 15% + 5% state <saves>.', 'A second detail stays in the sidebar.'] } : { ...t, details: [] },
        ),
      },
    },
  };
  const email = renderCheckEmail(withDetails, { spreadsheetUrl: null });

  it('text: the reason under the trade, then details[0]; later details are left to the sidebar', () => {
    expect(email.text).toContain(
      `* ${first.account}: SELL 250 BND = $18,450.00, saves $90.65\n    US Bonds is 4.3 points under target; selling the 2021 lot harvests a $3,275 loss\n    Lot TX-BND-2021: 250 shares, long-term, loss $3,275 at 15% + 5% state <saves>.\n* ${second.account}:`,
    );
    expect(email.text).not.toContain('A second detail');
  });

  it('HTML: both lines, escaped; a trade without details has only its reason', () => {
    expect(email.html).toContain(escapeHtml('Lot TX-BND-2021: 250 shares, long-term, loss $3,275 at 15% + 5% state <saves>.'));
    expect(email.html).not.toContain('<saves>');
    expect(email.html).not.toContain('A second detail');
    expect(email.html).toContain(escapeHtml(second.reason));
  });
});
