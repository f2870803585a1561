import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertProperty } from '../support/fast-check-seed';
import { isoDate, planRebalance, toPlain, addDays, type IsoDate } from '../../src/engine/index';
import { nextReviewDate, periodKey, periodStart } from '../../src/engine/schedule/periods';
import { decideCheck, stateAfterHandled } from '../../src/engine/schedule/decide-check';
import { emptyScheduleState, parseScheduleState } from '../../src/engine/schedule/schedule-state';
import { harvestOpportunities } from '../../src/engine/schedule/harvest-opportunities';
import { lotsTurningLongTerm } from '../../src/engine/schedule/long-term-soon';
import { openWashWindows } from '../../src/engine/schedule/wash-windows';
import { lossesHarvestedIn } from '../../src/engine/schedule/harvested-losses';
import { redactWebhook, slackWebhookProblem } from '../../src/engine/schedule/slack-webhook';
import { exampleHousehold } from './example-household';

const d = isoDate;
const AS_OF = d('2026-11-20');

describe('review periods', () => {
  it('names calendar periods', () => {
    expect(periodKey('monthly', d('2026-11-20'))).toBe('2026-11');
    expect(periodKey('quarterly', d('2026-11-20'))).toBe('2026-Q4');
    expect(periodKey('semiannual', d('2026-06-30'))).toBe('2026-H1');
    expect(periodKey('annual', d('2026-11-20'))).toBe('2026');
    expect(periodStart('quarterly', d('2026-08-15'))).toBe('2026-07-01');
  });

  it('next review: due now with no review, the next period after one, overdue after a missed one', () => {
    expect(nextReviewDate('monthly', null, AS_OF)).toBe('2026-11-01');
    expect(nextReviewDate('monthly', d('2026-11-01'), AS_OF)).toBe('2026-12-01');
    expect(nextReviewDate('monthly', d('2026-12-03'), d('2026-12-31'))).toBe('2027-01-01');
    expect(nextReviewDate('quarterly', d('2026-10-03'), AS_OF)).toBe('2027-01-01');
    expect(nextReviewDate('quarterly', d('2026-06-30'), AS_OF)).toBe('2026-10-01');
    expect(nextReviewDate('semiannual', d('2026-07-01'), AS_OF)).toBe('2027-01-01');
    expect(nextReviewDate('semiannual', d('2026-02-11'), d('2026-05-01'))).toBe('2026-07-01');
    expect(nextReviewDate('annual', d('2026-01-05'), AS_OF)).toBe('2027-01-01');
  });

  it('property: after a review on day D, the next review is the first day after the period of D', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addDays(d('2024-01-01'), n));
    assertProperty(
      fc.property(day, fc.constantFrom('monthly', 'quarterly', 'semiannual', 'annual' as const), (reviewed, schedule) => {
        const next = nextReviewDate(schedule, reviewed, reviewed);
        expect(next > reviewed).toBe(true);
        expect(periodKey(schedule, next)).not.toBe(periodKey(schedule, reviewed));
        expect(periodKey(schedule, addDays(next as IsoDate, -1))).toBe(periodKey(schedule, reviewed));
        expect(next.endsWith('-01')).toBe(true);
      }),
    );
  });
});

describe('decideCheck on the example household (as of 2026-11-20)', () => {
  const household = exampleHousehold();

  it('no previous run: the November review is due, with the planner\'s trades', () => {
    const decision = decideCheck({ household, asOf: AS_OF, state: emptyScheduleState() });
    expect(decision.kind).toBe('review');
    expect(decision.periodKey).toBe('review:2026-11');
    expect(decision.send).toBe(true);
    expect(decision.content.plan!.trades).toHaveLength(14);
    expect(decision.reasons[0]).toBe('Scheduled monthly review for 2026-11 (due 2026-11-01).');
    // 7 classes outside their bands (all but Emerging Markets; Cash has no target).
    expect(decision.reasons).toHaveLength(8);
  });

  it('a rerun after the review was sent sends nothing, the same month', () => {
    const first = decideCheck({ household, asOf: AS_OF, state: emptyScheduleState() });
    const after = stateAfterHandled(emptyScheduleState(), first);
    expect(after.lastReview).toBe('2026-11-20');
    const second = decideCheck({ household, asOf: d('2026-11-21'), state: after });
    expect(second.kind).toBe('nothing');
    expect(second.send).toBe(false);
    // December starts a new period.
    expect(decideCheck({ household, asOf: d('2026-12-01'), state: after }).kind).toBe('review');
  });

  it('quarterly, reviewed in October: an override alert mid-quarter names the 5 classes past 20%', () => {
    const quarterly = exampleHousehold({ Schedule: 'quarterly' });
    const state = { ...emptyScheduleState(), lastReview: d('2026-10-01'), reviewKey: 'review:2026-Q4' };
    const decision = decideCheck({ household: quarterly, asOf: AS_OF, state });
    expect(decision.kind).toBe('alert');
    // Total $742,246.21 less $3,000 of cash reserves (Taxable $2,000, HSA $1,000) = $739,246.21,
    // the base the targets apply to. US Small Cap 86,384.84 / 739,246.21 = 11.686% vs 8%: +46.07%.
    // US Bonds 115,993.55 -> 15.691% vs 20%: -21.5%. TIPS 24,210 -> 3.275% vs 5%: -34.5%.
    // International Bonds 19,800 -> 2.678% vs 4%: -33.0%. REITs 27,690 -> 3.746% vs 5%: -25.1%.
    // US Large Cap 41.58% vs 35% is +18.8%: not past 20%.
    expect(decision.content.pastOverride.map((r) => r.assetClass)).toEqual(['US Small Cap', 'US Bonds', 'TIPS', 'International Bonds', 'REITs']);
    expect(decision.content.pastOverride[0].relativeDrift!.toFixed(4)).toBe('0.4607');
    expect(decision.periodKey).toBe('alert:2026-Q4:International Bonds|REITs|TIPS|US Bonds|US Small Cap');
    expect(decision.content.nextReview).toBe('2027-01-01');
    const again = decideCheck({ household: quarterly, asOf: d('2026-11-21'), state: stateAfterHandled(state, decision) });
    expect(again.kind).toBe('nothing');
  });

  it('nothing due, quiet mode: no email', () => {
    const calm = exampleHousehold({ 'Override Threshold': '60%' });
    const state = { ...emptyScheduleState(), lastReview: d('2026-11-02') };
    const decision = decideCheck({ household: calm, asOf: AS_OF, state });
    expect(decision).toMatchObject({ kind: 'nothing', send: false, periodKey: '' });
    expect(decision.content.plan).toBeNull();
  });

  it('a review with nothing to do is handled quietly under "only when action is needed"', () => {
    // Wide bands and no harvesting: the planner proposes nothing.
    const wide = exampleHousehold({ Band: '90%', 'Harvest Losses': 'no' }, (tabs) => {
      for (const row of tabs.Targets.slice(1)) row[2] = row[3] = '';
      for (const row of tabs.Accounts.slice(1)) row[2] = row[3] = '0';
    });
    const decision = decideCheck({ household: wide, asOf: AS_OF, state: emptyScheduleState() });
    expect(decision.kind).toBe('review');
    expect(decision.content.plan!.trades).toHaveLength(0);
    expect(decision.send).toBe(false);
    const always = decideCheck({ household: { ...wide, settings: { ...wide.settings, notify: 'always' } }, asOf: AS_OF, state: emptyScheduleState() });
    expect(always.send).toBe(true);
  });

  it('paused: silent, then a reminder every 30 days with the drift since the pause', () => {
    const paused = { ...emptyScheduleState(), pausedAt: d('2026-10-15'), pauseReason: 'waiting for a bonus', driftAtPause: '0.05' };
    const decision = decideCheck({ household, asOf: AS_OF, state: paused });
    // 2026-10-15 -> 2026-11-20 is 36 days: the first 30-day reminder.
    expect(decision.kind).toBe('paused-reminder');
    expect(decision.periodKey).toBe('paused:2026-10-15:1');
    expect(decision.content.pause!.days).toBe(36);
    expect(decision.reasons[0]).toContain('household drift was 5.0% then and is 11.0% now');
    const after = stateAfterHandled(paused, decision);
    expect(decideCheck({ household, asOf: d('2026-11-21'), state: after }).kind).toBe('nothing');
    expect(decideCheck({ household, asOf: d('2026-12-14'), state: after }).kind).toBe('paused-reminder'); // day 60
    expect(decideCheck({ household, asOf: AS_OF, state: { ...paused, pausedAt: d('2026-11-01') } }).kind).toBe('nothing'); // day 19
  });

  it('CPA note: due once a year when harvested losses pass the threshold', () => {
    // 2026 loss sales in Taxable: IEFA 8,850 - 7,650 = 1,200, all disallowed -> 0; IEMG 19,470 - 17,460 = 2,010.
    expect(toPlain(lossesHarvestedIn(2026, household.sales, household.accounts))).toBe('2010');
    const low = exampleHousehold({ 'CPA Threshold': '$2,000' });
    const decision = decideCheck({ household: low, asOf: AS_OF, state: emptyScheduleState() });
    expect(decision.content.cpa).toMatchObject({ due: true, key: 'cpa:2026' });
    expect(decideCheck({ household: low, asOf: AS_OF, state: { ...emptyScheduleState(), cpaKey: 'cpa:2026' } }).content.cpa.due).toBe(false);
    expect(decideCheck({ household, asOf: AS_OF, state: emptyScheduleState() }).content.cpa.due).toBe(false); // $3,000 threshold
  });
});

describe('what the check reports', () => {
  const household = exampleHousehold();

  it('harvest opportunities: BND in Taxable, not the washed VEA lot, saving what the plan says it saves', () => {
    // BND: 250 x $73.80 = $18,450 against $21,725 basis: $3,275 long-term loss. Not 20% of it
    // ($655): this year's Sales and the $1,250 carryforward already leave a net loss of $2,755
    // (VNQ +505, IEFA 0 after the disallowed 1,200, IEMG -2,010, carryforward -1,250), so the
    // harvest only fills the $3,000 ordinary offset: $245 x (32% + 5%) = $90.65; the rest carries forward.
    // VEA 2025 lot: 400 x 57.90 = 23,160 vs 24,080 = $920 loss, but the IRA bought VEA on 2026-11-12 (washed).
    const h = harvestOpportunities(household, AS_OF);
    expect(h.map((x) => [x.lot, toPlain(x.loss), x.term, toPlain(x.taxSaved)])).toEqual([['TX-BND-2021', '3275', 'long', '90.65']]);
    const plan = planRebalance(household);
    const bnd = plan.trades.find((t) => t.purpose === 'harvest' && t.ticker === 'BND')!;
    expect(toPlain(bnd.tax.negated())).toBe(toPlain(h[0].taxSaved));
  });

  it('lots turning long-term in 60 days: the VB lot of 2025-12-05', () => {
    // Long-term from 2026-12-06 (the day after the anniversary, Publication 550): 16 days away.
    // Gain 40 x 247.10 - 8,852 = $1,032; waiting saves (32%+5%) - (15%+5%) = 17% -> $175.44.
    const l = lotsTurningLongTerm(household, AS_OF);
    expect(l.map((x) => [x.lot, x.longTermOn, x.daysToLongTerm, toPlain(x.gain), toPlain(x.taxSavedByWaiting)])).toEqual([['TX-VB-2025', '2026-12-06', 16, '1032', '175.44']]);
  });

  it('wash-sale windows: the IEMG loss sale and the IRA VEA purchase', () => {
    const w = openWashWindows(household, AS_OF);
    // IEMG sold 2026-10-30 at a $2,010 loss: buying it back washes until 30 days after; clear on 2026-11-30.
    // VEA bought in the IRA 2026-11-12, while the Taxable VEA 2025 lot shows a loss: clear on 2026-12-13.
    expect(w.map((x) => [x.kind, x.ticker, x.clearOn, x.daysLeft, x.loss === null ? null : toPlain(x.loss)])).toEqual([
      ['loss-sale', 'IEMG', '2026-11-30', 10, '2010'],
      ['purchase', 'VEA', '2026-12-13', 23, null],
    ]);
  });
});

describe('Slack webhook setting', () => {
  it('accepts only hooks.slack.com and never repeats the address', () => {
    expect(slackWebhookProblem('https://hooks.slack.com/services/T000/B000/XXXX')).toBeNull();
    expect(slackWebhookProblem('https://hooks.slack.com/')).not.toBeNull();
    for (const bad of ['https://example.com/hook', 'http://hooks.slack.com/services/x', 'https://hooks.slack.com.evil.com/x']) {
      const problem = slackWebhookProblem(bad)!;
      expect(problem).toContain('Slack Webhook');
      expect(problem).not.toContain(bad);
    }
    expect(redactWebhook('Request failed for https://hooks.slack.com/services/T/B/secret returned code 500', null)).toBe('Request failed for [Slack webhook] returned code 500');
  });

  it('a stored state reads back leniently', () => {
    expect(parseScheduleState({ lastReview: '2026-11-02', reviewKey: 'review:2026-11', pausedAt: 'soon' })).toMatchObject({ lastReview: '2026-11-02', reviewKey: 'review:2026-11', pausedAt: null });
    expect(parseScheduleState('garbage')).toEqual(emptyScheduleState());
  });
});
