import type { FilingStatus } from '../../types';

/** One ordinary-income bracket: `rate` (a percent) applies to taxable income above `over`. */
export interface BracketRow {
  over: number;
  rate: number;
}

/**
 * One tax year's federal figures, as published. Dollar amounts are whole dollars and rates are
 * percents, exactly as the IRS prints them; `table-for-year.ts` turns them into Decimals.
 */
export interface TaxTableData {
  year: number;
  /** Where the figures come from (the revenue procedure and any amending law). */
  source: string;
  /** IRC 1(j)(2): ordinary rates on taxable income, lowest bracket first (the first `over` is 0). */
  ordinary: Record<FilingStatus, readonly BracketRow[]>;
  /**
   * IRC 1(h)(1) and 1(j)(5): the long-term gain / qualified dividend rate is 0% while taxable
   * income is at most `zeroUpTo`, 15% up to `fifteenUpTo`, 20% above.
   */
  capitalGains: Record<FilingStatus, { zeroUpTo: number; fifteenUpTo: number }>;
  /** IRC 63(c): the basic standard deduction (no additions for age or blindness). */
  standardDeduction: Record<FilingStatus, number>;
}
