import type { TaxTableData } from './table-types';

/*
 * Tax year 2026: Rev. Proc. 2025-32 (Internal Revenue Bulletin 2025-45; the IRS's inflation
 * adjustments for 2026, which include the amendments made by Public Law 119-21): its rate tables,
 * maximum capital gains rate and standard deduction sections (numbered 3.01 / 3.03 in most
 * published copies, 4.01 in some; the IRS PDF, irs.gov/pub/irs-drop/rp-25-32.pdf, was not in the
 * search tool's corpus, so the section numbers are not checked).
 * The figures were checked against these published copies (found with the project's search tool):
 *   [B] brackets and standard deductions, all four statuses: thelighthousecpa.com/tax-rates
 *       ("2026 federal income tax brackets"); the single and joint brackets and all four standard
 *       deductions agree with the IRS release as reproduced in planomy-tax-data-2026.json
 *       (source "irs-rev-proc-2025-32") and localnewswave.com ($32,200 / $16,100 / $24,150).
 *   [G] capital gains, single / joint / head of household: marca.com (2025-10-14, "the 0% capital
 *       gains tax rate applies to ... $49,450 ... $98,900 ... $66,200"; 15% up to $545,500 /
 *       $613,700 / $579,600).
 *   [R] every figure of this file, married filing separately included: a tax-rules reference
 *       that transcribes Rev. Proc. 2025-32 sections 3.01 and 3.03 ("5.3 2026 rate schedules",
 *       "5.4 Net capital gain": separate 0% up to $49,450, 15% up to $306,850) with the printed
 *       "$base plus N%" amounts, which test/tax/published-tables.test.ts reproduces from these
 *       thresholds (e.g. $103,291.75 at $384,350 separate, $191,171 at $640,600 head of
 *       household); two more published tables agree (a compliance audit quoting section 3.03, and
 *       a planner's parameter file noting that $306,850 is exactly half of the joint $613,700).
 *   The separate capital-gain thresholds were earlier derived as half the joint ones under IRC
 *   1(j)(5)(B); [R] confirms the published figures are those same amounts.
 */
export const TAX_TABLE_2026: TaxTableData = {
  year: 2026,
  source: 'Rev. Proc. 2025-32',
  ordinary: {
    Single: [
      { over: 0, rate: 10 }, // [B]
      { over: 12_400, rate: 12 }, // [B]
      { over: 50_400, rate: 22 }, // [B]
      { over: 105_700, rate: 24 }, // [B]
      { over: 201_775, rate: 32 }, // [B]
      { over: 256_225, rate: 35 }, // [B]
      { over: 640_600, rate: 37 }, // [B]
    ],
    'Married Filing Jointly': [
      { over: 0, rate: 10 }, // [B]
      { over: 24_800, rate: 12 }, // [B]
      { over: 100_800, rate: 22 }, // [B]
      { over: 211_400, rate: 24 }, // [B]
      { over: 403_550, rate: 32 }, // [B]
      { over: 512_450, rate: 35 }, // [B]
      { over: 768_700, rate: 37 }, // [B]
    ],
    'Married Filing Separately': [
      { over: 0, rate: 10 }, // [B]
      { over: 12_400, rate: 12 }, // [B]
      { over: 50_400, rate: 22 }, // [B]
      { over: 105_700, rate: 24 }, // [B]
      { over: 201_775, rate: 32 }, // [B]
      { over: 256_225, rate: 35 }, // [B]
      { over: 384_350, rate: 37 }, // [B]
    ],
    'Head of Household': [
      { over: 0, rate: 10 }, // [B]
      { over: 17_700, rate: 12 }, // [B]
      { over: 67_450, rate: 22 }, // [B]
      { over: 105_700, rate: 24 }, // [B]
      { over: 201_750, rate: 32 }, // [B]
      { over: 256_200, rate: 35 }, // [B]
      { over: 640_600, rate: 37 }, // [B]
    ],
  },
  capitalGains: {
    Single: { zeroUpTo: 49_450, fifteenUpTo: 545_500 }, // [G]
    'Married Filing Jointly': { zeroUpTo: 98_900, fifteenUpTo: 613_700 }, // [G]
    'Married Filing Separately': { zeroUpTo: 49_450, fifteenUpTo: 306_850 }, // [R]
    'Head of Household': { zeroUpTo: 66_200, fifteenUpTo: 579_600 }, // [G]
  },
  standardDeduction: {
    Single: 16_100, // [B]
    'Married Filing Jointly': 32_200, // [B]
    'Married Filing Separately': 16_100, // [B]
    'Head of Household': 24_150, // [B]
  },
};
