import { Decimal, formatPercent } from '../money';
import type { WorkingState } from './state';

/**
 * Trade reasons (the contract in plan-types.ts): `reason` is ONE short sentence that says why,
 * at most REASON_MAX characters; `details` holds the rest, one sentence each. The planner's
 * steps give each decision a few *clauses* in order of importance (`Order.notes`) and longer
 * *details* (`Order.details`); `explainTrade` turns them into the two fields.
 */
export const REASON_MAX = 140;

/** "US Large Cap is 4.1 points over its 30% target" (from the weights before the plan). */
export function classDriftPhrase(state: WorkingState, assetClass: string): string {
  const before = state.context.weightBefore.get(assetClass);
  const target = state.context.targetWeight.get(assetClass);
  if (!before || !target) return `${assetClass} has no target`;
  const points = before.minus(target).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  const side = points.lessThan(0) ? 'under' : 'over';
  if (points.isZero()) return `${assetClass} is at its ${formatPercent(target, 0)} target`;
  return `${assetClass} is ${points.abs().toFixed(1)} points ${side} its ${formatPercent(target, 0)} target`;
}

/**
 * Market stress: when a class is under target because its prices fell, say so plainly. This is
 * the policy buying low, as designed; users who read it are less tempted to switch it off. Said
 * once per class in a plan, on its largest purchase (see assemble-plan.ts), not on every buy.
 */
export function fallenPricePhrase(state: WorkingState, assetClass: string): string | null {
  const fall = state.context.classBelowCost.get(assetClass);
  if (!fall || fall.lessThan('0.05')) return null;
  return `${assetClass} holdings are ${formatPercent(fall)} below what was paid: prices fell, and buying now is the policy buying low, as designed`;
}

/** Sale clauses naming where the money goes; merged trades list every destination once. */
export const PROCEEDS_PREFIX = 'the proceeds buy ';

export function proceedsBuyPhrase(account: string): string {
  return `bought with this plan's sale proceeds in ${account}`;
}

/** A clause as a sentence: capital first letter, one full stop. */
export function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Repeated clauses once, and the "the proceeds buy ..." clauses of merged sales as one "A, B and C". */
function mergeClauses(notes: readonly string[]): { clauses: string[]; proceeds: string | null } {
  const destinations: string[] = [];
  const clauses: string[] = [];
  for (const note of notes) {
    if (note.startsWith(PROCEEDS_PREFIX)) {
      const d = note.slice(PROCEEDS_PREFIX.length);
      if (!destinations.includes(d)) destinations.push(d);
    } else if (!clauses.includes(note)) {
      clauses.push(note);
    }
  }
  if (destinations.length === 0) return { clauses, proceeds: null };
  const list = destinations.length === 1 ? destinations[0] : `${destinations.slice(0, -1).join(', ')} and ${destinations[destinations.length - 1]}`;
  return { clauses, proceeds: `${PROCEEDS_PREFIX}${list}` };
}

/** `text` cut at a word boundary so that it and an ellipsis fit in `max` characters. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')}…`;
}

/**
 * The trade's `reason` and `details` from its clauses (most important first) and details: the
 * reason is the first clause, joined with the second by one semicolon when both fit in
 * REASON_MAX; every other clause, the proceeds and the details follow as sentences. A first
 * clause too long on its own (a long account name) is shortened in the reason and kept whole in
 * the details, so nothing said is lost.
 */
export function explainTrade(notes: readonly string[], details: readonly string[]): { reason: string; details: string[] } {
  const { clauses, proceeds } = mergeClauses(notes);
  const [first = '', ...others] = clauses;
  const rest = [...others];
  let reason = sentence(first);
  const more: string[] = [];
  if (reason.length > REASON_MAX) {
    more.push(reason);
    reason = shorten(reason, REASON_MAX);
  } else if (rest.length > 0) {
    const joined = sentence(`${first}; ${rest[0]}`);
    if (joined.length <= REASON_MAX) {
      reason = joined;
      rest.shift();
    }
  }
  const all = [...more, ...rest, ...(proceeds ? [proceeds] : []), ...details].map(sentence).filter((d) => d !== '');
  return { reason, details: all.filter((d, i) => all.indexOf(d) === i) };
}
