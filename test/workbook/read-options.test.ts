import { describe, expect, it } from 'vitest';
import { gridSource } from '../../src/workbook/tab-source';
import { readHousehold } from '../../src/workbook/read-household';
import { exampleGrid } from '../support/example-grids';

describe('reading without targets (what TAXLOTS needs)', () => {
  it('accepts a workbook with no Targets tab and skips the class check', () => {
    const tabs = { Accounts: exampleGrid('Accounts'), Securities: exampleGrid('Securities'), Lots: exampleGrid('Lots'), Settings: exampleGrid('Settings') };
    const strict = readHousehold(gridSource(tabs));
    expect(strict.ok).toBe(false);
    // Refused for the missing tab alone, said so: not for some other, accidental reason.
    expect(strict.ok ? [] : strict.errors).toEqual([{ tab: 'Targets', row: 1, column: '', message: 'found no Targets tab; expected a tab named Targets' }]);
    const relaxed = readHousehold(gridSource(tabs), { withoutTargets: true });
    expect(relaxed.ok).toBe(true);
    if (relaxed.ok) {
      expect(relaxed.household.targets).toEqual([]);
      expect(relaxed.household.lots.length).toBeGreaterThan(20);
    }
  });
});
