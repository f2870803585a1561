import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { ordinaryTax, statusTable } from '../../src/engine/tax';
import type { FilingStatus } from '../../src/engine/types';

/**
 * The revenue procedures print each rate table as "$base plus N% of the excess over $floor".
 * Every base is the tax on all the brackets below it, so matching the printed bases checks each
 * threshold of the table (a wrong floor anywhere below would move them). The bases here are the
 * printed ones, as reproduced in the published copies cited in src/engine/tax/tables/*.ts.
 */
const PRINTED: [number, FilingStatus, number, string][] = [
  // Rev. Proc. 2025-32 (2026).
  [2026, 'Married Filing Jointly', 100_800, '11600'],
  [2026, 'Married Filing Jointly', 768_700, '206583.5'],
  [2026, 'Head of Household', 67_450, '7740'],
  [2026, 'Head of Household', 201_750, '39207'],
  [2026, 'Head of Household', 640_600, '191171'],
  [2026, 'Single', 640_600, '192979.25'],
  [2026, 'Married Filing Separately', 384_350, '103291.75'],
  // Rev. Proc. 2024-40 (2025).
  [2025, 'Married Filing Jointly', 206_700, '35302'],
  [2025, 'Married Filing Jointly', 394_600, '80398'],
  [2025, 'Married Filing Jointly', 501_050, '114462'],
  [2025, 'Married Filing Jointly', 751_600, '202154.5'],
  [2025, 'Head of Household', 250_500, '55484'],
  [2025, 'Head of Household', 626_350, '187031.5'],
  [2025, 'Single', 197_300, '40199'],
  [2025, 'Single', 250_525, '57231'],
  [2025, 'Single', 626_350, '188769.75'],
  [2025, 'Married Filing Separately', 375_800, '101077.25'],
];

describe('the tables reproduce the amounts the revenue procedures print', () => {
  it.each(PRINTED)('%i %s: the tax at $%i is $%s', (year, status, income, base) => {
    expect(ordinaryTax(dec(income), statusTable(year, status)).toFixed()).toBe(base);
  });

  it('married filing separately, capital gains: 2026 is $49,450 / $306,850 (Rev. Proc. 2025-32), 2025 $48,350 / $300,000', () => {
    const t26 = statusTable(2026, 'Married Filing Separately');
    expect([t26.zeroUpTo.toFixed(), t26.fifteenUpTo.toFixed()]).toEqual(['49450', '306850']);
    const t25 = statusTable(2025, 'Married Filing Separately');
    // 2025's separate 15% top is rounded on its own: $25 under half of the joint $600,050.
    expect([t25.zeroUpTo.toFixed(), t25.fifteenUpTo.toFixed()]).toEqual(['48350', '300000']);
  });
});
