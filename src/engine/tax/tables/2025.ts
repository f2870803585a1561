import type { TaxTableData } from './table-types';

/*
 * Tax year 2025: Rev. Proc. 2024-40 (IRB 2024-45), sections 3.01 (tax rate tables), 3.03
 * (maximum capital gains rate) and 3.15 (standard deduction), with the standard deduction as
 * amended in 2025 by Public Law 119-21 (the "One Big Beautiful Bill Act", sec. 70102).
 * The figures were checked against these published copies (found with the project's search tool):
 *   [B] brackets, all four statuses: capitalgroup.com/retirement/participant/tools/calculators/
 *       roth-401k-definitions.htm?table=TaxBracket ("Federal income tax brackets for 2025"),
 *       agreeing with kirkwoodgrp.com/tax-rates and etaxservices.net/taxchanges2025 (the latter
 *       misprints the head-of-household 32% top as $250,525; Rev. Proc. 2024-40 and [B] say $250,500).
 *   [G] capital gains: skwollmgz.pages.dev ("Long-term capital gains & qualified dividend rates":
 *       0% to $48,350 / $96,700 / $64,750 / $48,350; 15% to $533,400 / $600,050 / $566,700 / $300,000
 *       for single / joint / head of household / separate).
 *   [D] standard deduction after P.L. 119-21: kiplinger.com/taxes/the-new-standard-deduction-is-here,
 *       jacksonhewitt.com (".../how-does-one-big-beautiful-bill-impact-standard-deduction") and
 *       divarmejias.com/newsletter/b/obbba-increases-2025: $15,750 single and separate, $31,500
 *       joint, $23,625 head of household (Rev. Proc. 2024-40 had $15,000 / $30,000 / $22,500).
 */
export const TAX_TABLE_2025: TaxTableData = {
  year: 2025,
  source: 'Rev. Proc. 2024-40; standard deduction as amended by P.L. 119-21 (2025)',
  ordinary: {
    Single: [
      { over: 0, rate: 10 }, // [B]
      { over: 11_925, rate: 12 }, // [B]
      { over: 48_475, rate: 22 }, // [B]
      { over: 103_350, rate: 24 }, // [B]
      { over: 197_300, rate: 32 }, // [B]
      { over: 250_525, rate: 35 }, // [B]
      { over: 626_350, rate: 37 }, // [B]
    ],
    'Married Filing Jointly': [
      { over: 0, rate: 10 }, // [B]
      { over: 23_850, rate: 12 }, // [B]
      { over: 96_950, rate: 22 }, // [B]
      { over: 206_700, rate: 24 }, // [B]
      { over: 394_600, rate: 32 }, // [B]
      { over: 501_050, rate: 35 }, // [B]
      { over: 751_600, rate: 37 }, // [B]
    ],
    'Married Filing Separately': [
      { over: 0, rate: 10 }, // [B]
      { over: 11_925, rate: 12 }, // [B]
      { over: 48_475, rate: 22 }, // [B]
      { over: 103_350, rate: 24 }, // [B]
      { over: 197_300, rate: 32 }, // [B]
      { over: 250_525, rate: 35 }, // [B]
      { over: 375_800, rate: 37 }, // [B]
    ],
    'Head of Household': [
      { over: 0, rate: 10 }, // [B]
      { over: 17_000, rate: 12 }, // [B]
      { over: 64_850, rate: 22 }, // [B]
      { over: 103_350, rate: 24 }, // [B]
      { over: 197_300, rate: 32 }, // [B]
      { over: 250_500, rate: 35 }, // [B]
      { over: 626_350, rate: 37 }, // [B]
    ],
  },
  capitalGains: {
    Single: { zeroUpTo: 48_350, fifteenUpTo: 533_400 }, // [G]
    'Married Filing Jointly': { zeroUpTo: 96_700, fifteenUpTo: 600_050 }, // [G]
    // [G]; note $300,000 is $25 below half the joint $600,050 (the separate amount is rounded on its own).
    'Married Filing Separately': { zeroUpTo: 48_350, fifteenUpTo: 300_000 },
    'Head of Household': { zeroUpTo: 64_750, fifteenUpTo: 566_700 }, // [G]
  },
  standardDeduction: {
    Single: 15_750, // [D]
    'Married Filing Jointly': 31_500, // [D]
    'Married Filing Separately': 15_750, // [D]
    'Head of Household': 23_625, // [D]
  },
};
