/**
 * The sidebar's wash-sale notice, end to end: a DRIP reinvestment typed into Lots 13 days after
 * the recorded IEMG loss sale washes part of it; the notice says so, and "Record the adjustment"
 * writes the sale's Disallowed and the lot's basis and Holding From through the real bundle.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { E2E_TIMEOUT, WAIT, clickWhenReady, editedExample, tabs, useE2eSession } from './workbench';

const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const session = useE2eSession('wash', OUT);
const { temp } = session;

describe('the wash-sale notice in the sidebar', () => {
  it('lists an unrecorded wash sale and records the adjustment', async () => {
    const path = await editedExample(join(temp, 'drip.xlsx'), (wb) => {
      // IEMG was sold at a $2,010 loss on 2026-10-30 (300 shares); a DRIP buys 10 shares on 2026-11-12.
      wb.getWorksheet('Lots')!.addRow(['Taxable Brokerage', 'IEMG', 10, 575, '2026-11-12', 'TX-IEMG-DRIP', '']);
    });
    const { url, page, sidebar, errors } = await session.open(path);
    const box = sidebar.locator('[data-testid="wash-notice"]');
    await box.waitFor({ timeout: WAIT });
    expect(await box.locator('strong').textContent()).toBe('1 wash sale not recorded');
    expect(await box.textContent()).toContain('$67.00 of losses is disallowed');
    await sidebar.locator('#plan .trade').first().waitFor({ timeout: WAIT });
    await box.locator('summary').click();
    await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-wash-notice.png') });

    await clickWhenReady(box.locator('#record-washes'));
    const done = sidebar.locator('[data-testid="wash-recorded"]');
    await done.waitFor({ timeout: WAIT });
    expect(await done.textContent()).toContain('1 wash sale recorded ($67.00 disallowed)');
    await page.locator('#sidebar').screenshot({ path: join(OUT, 'sidebar-wash-recorded.png') });

    const after = await tabs(url);
    const iemgSale = after.Sales.find((r) => r[2] === 'IEMG')!;
    expect(iemgSale[8]).toBe('67');
    const drip = after.Lots.find((r) => r[5] === 'TX-IEMG-DRIP')!;
    // 575 + 67; held 2025-07-22 -> 2026-10-30 is 465 days, so the holding period starts 2025-08-04.
    expect([drip[3], drip[6]]).toEqual(['642', '2025-08-04']);
    expect(after.Journal.at(-1)![2]).toBe('recorded');
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);
});
