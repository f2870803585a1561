import type { TaxTableData } from './table-types';

/*
 * Tax year 2026: Rev. Proc. 2025-32 (the IRS's inflation adjustments for 2026, which include the
 * amendments made by Public Law 119-21), sections 3.01 (tax rate tables), 3.03 (maximum capital
 * gains rate) and 3.16 (standard deduction).
 * The figures were checked against these published copies (found with the project's search tool):
 *   [B] brackets and standard deductions, all four statuses: thelighthousecpa.com/tax-rates
 *       ("2026 federal income tax brackets"); the single and joint brackets and all four standard
 *       deductions agree with the IRS release as reproduced in planomy-tax-data-2026.json
 *       (source "irs-rev-proc-2025-32") and localnewswave.com ($32,200 / $16,100 / $24,150).
 *   [G] capital gains, single / joint / head of household: marca.com (2025-10-14, "the 0% capital
 *       gains tax rate applies to ... $49,450 ... $98,900 ... $66,200"; 15% up to $545,500 /
 *       $613,700 / $579,600).
 *   [S] married filing separately capital gains: NOT FOUND in the search tool's pages or docs.
 *       IRC 1(j)(5)(B) sets the separate amounts at half the joint ones: $98,900 / 2 = $49,450 and
 *       $613,700 / 2 = $306,850 (equal to the single 0% amount, as every year). Check against
 *       Rev. Proc. 2025-32 section 3.03 before relying on the separate 15%/20% threshold.
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
    'Married Filing Separately': { zeroUpTo: 49_450, fifteenUpTo: 306_850 }, // [S] derived, see above
    'Head of Household': { zeroUpTo: 66_200, fifteenUpTo: 579_600 }, // [G]
  },
  standardDeduction: {
    Single: 16_100, // [B]
    'Married Filing Jointly': 32_200, // [B]
    'Married Filing Separately': 16_100, // [B]
    'Head of Household': 24_150, // [B]
  },
};
