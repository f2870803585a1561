import { formatDollars, formatPercent, type Decimal } from '../money';
import type { CheckDecision } from '../schedule/decide-check';
import { oneLine } from './escape';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function taxPhrase(tax: Decimal): string {
  return tax.isNegative() && !tax.abs().lessThan('0.5') ? `est. tax saving ${formatDollars(tax.negated(), 0)}` : `est. tax ${formatDollars(tax.abs().lessThan('0.5') ? tax.abs() : tax, 0)}`;
}

/** A subject that says what is needed, e.g. "Rebalance due: 3 classes outside their bands, est. tax $412". */
export function checkSubject(decision: CheckDecision, test = false): string {
  const c = decision.content;
  const outside = c.drift.rows.filter((r) => r.band !== null && r.status !== 'within').length;
  const plan = c.plan;
  let subject: string;
  switch (decision.kind) {
    case 'review':
      // No plan at all (a Withdraw the account cannot pay, ...): the reasons in the body say why.
      if (!plan && decision.reasons.some((r) => r.startsWith('No plan: '))) subject = 'Action needed: no plan can be made, see why below';
      else if (!plan || plan.trades.length === 0) subject = `No action needed: ${outside === 0 ? 'every class is within its band' : 'no trade is worth making'}`;
      else if (outside > 0) subject = `Rebalance due: ${plural(outside, 'class', 'classes')} outside ${outside === 1 ? 'its band' : 'their bands'}, ${taxPhrase(plan.summary.estimatedTax)}`;
      else subject = `Review: ${plural(plan.trades.length, 'trade', 'trades')} proposed, ${taxPhrase(plan.summary.estimatedTax)}`;
      break;
    case 'alert': {
      const past = [...c.pastOverride].sort((a, b) => b.relativeDrift!.abs().comparedTo(a.relativeDrift!.abs()));
      const signed = (d: Decimal) => `${d.isNegative() ? '-' : '+'}${formatPercent(d.abs(), 0)}`;
      subject =
        past.length === 1
          ? `Drift alert: ${past[0].assetClass} is ${signed(past[0].relativeDrift!)} from its target, past the ${formatPercent(c.overrideThreshold, 0)} override`
          : `Drift alert: ${past.length} classes past the ${formatPercent(c.overrideThreshold, 0)} override (largest: ${past[0].assetClass} ${signed(past[0].relativeDrift!)})`;
      break;
    }
    case 'paused-reminder': {
      const p = c.pause!;
      subject = `Schedule paused for ${plural(p.days, 'day', 'days')}: household drift ${formatPercent(p.driftNow)}${p.driftAtPause ? ` (was ${formatPercent(p.driftAtPause)})` : ''}`;
      break;
    }
    case 'nothing':
      subject = 'No action needed';
      break;
  }
  return oneLine(`${test ? '[Test] ' : ''}${subject}`);
}
