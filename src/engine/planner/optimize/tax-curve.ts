import { gainTaxSchedule, NO_GAINS, type TaxYearContext } from '../../tax';
import type { Term } from '../../plan-types';

/**
 * The year's tax on the plan's realized gain of one character, as the linear program prices it:
 * a convex piecewise-linear function over the gains the plan can realize, given as pieces filled
 * left to right from `start` (the plan's largest possible net loss). With flat rates there is no
 * curve: each lot is priced at its own gain x rate, one piece, as the bench's yardstick does.
 *
 * Under the tables the curve comes from `gainTaxSchedule` (the tax module's exact breakpoints).
 * Two places are not convex (see `taxShape`): the worksheet's cap just above the 0% threshold,
 * and netting. A linear program cannot follow a rate that falls, so the curve is replaced by its
 * lower convex envelope there (adjacent pieces whose rate falls are merged into one piece at their
 * average rate). That is the tightest convex under-estimate; it only steers the choice of lots,
 * because every tax the plan shows is computed afterwards, exactly, by the tax module. The curve
 * of each character is taken with the other character's plan gain at zero (the tax is not
 * separable: short-term gain pushes long-term gain up the 0/15/20% bands).
 */
export interface TaxPiece {
  /** Dollars of gain this piece covers (Infinity for the last). */
  width: number;
  /** Tax per dollar of gain on this piece. */
  rate: number;
}

export interface TaxCurve {
  /** Gain at which the first piece starts: the tax there is the curve's zero. */
  start: number;
  pieces: TaxPiece[];
  /** The exact schedule had a falling rate, so the envelope was used. */
  convexified: boolean;
}

/**
 * The curve of gain of `term` between `lowest` and `highest` (the plan's extreme realized gains
 * of that character; `lowest <= 0 <= highest`).
 */
export function taxCurve(year: TaxYearContext, term: Term, lowest: number, highest: number): TaxCurve {
  const schedule = gainTaxSchedule(year, term, NO_GAINS);
  const start = Math.min(lowest, 0) - 1;
  const end = Math.max(highest, 0) + 1;
  const raw: TaxPiece[] = [];
  for (const segment of schedule) {
    const from = Math.max(segment.from.toNumber(), start);
    const to = Math.min(segment.to === null ? Infinity : segment.to.toNumber(), end);
    if (to <= from) continue;
    raw.push({ width: to - from, rate: segment.rate.toNumber() });
  }
  // Before the first segment (the schedule's left end lies right of `start`) the first rate holds.
  const covered = raw.reduce((t, p) => t + p.width, 0);
  if (raw.length === 0) raw.push({ width: end - start, rate: 0 });
  else if (covered < end - start) raw[raw.length - 1]!.width += end - start - covered;
  const pieces = lowerEnvelope(raw);
  pieces[pieces.length - 1]!.width = Infinity;
  return { start, pieces, convexified: pieces.length < mergeEqual(raw).length };
}

/** Pool adjacent violators: merge neighbours while a rate falls, keeping the area (the tax). */
export function lowerEnvelope(pieces: readonly TaxPiece[]): TaxPiece[] {
  const out: TaxPiece[] = [];
  for (const piece of pieces) {
    let current = { ...piece };
    while (out.length > 0 && out[out.length - 1]!.rate > current.rate) {
      const last = out.pop()!;
      const width = last.width + current.width;
      current = { width, rate: (last.rate * last.width + current.rate * current.width) / width };
    }
    out.push(current);
  }
  return mergeEqual(out);
}

function mergeEqual(pieces: readonly TaxPiece[]): TaxPiece[] {
  const out: TaxPiece[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.rate - p.rate) < 1e-12) last.width += p.width;
    else out.push({ ...p });
  }
  return out;
}
