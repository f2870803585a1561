/**
 * The sidebar with an impossible withdrawal: the error box, naming the account and the amounts,
 * and no plan left on screen (not even the one made before). Screenshot in test-output/.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { E2E_TIMEOUT, WAIT, clickWhenReady, useE2eSession } from './workbench';

const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const session = useE2eSession('withdrawal', OUT);

describe('sidebar: a withdrawal larger than the account', () => {
  it('shows the error box and no plan; a possible withdrawal then raises only what is needed', async () => {
    const { page, sidebar } = await session.open(undefined, { viewport: { width: 1200, height: 1400 } });
    await clickWhenReady(sidebar.locator('#update-plan'));
    await sidebar.locator('#plan-id').waitFor({ timeout: WAIT });
    await sidebar.locator('input[data-account="Roth IRA"]').fill('-500000');
    await clickWhenReady(sidebar.locator('#update-plan'));
    await expect.poll(() => sidebar.locator('#options-notice').textContent(), { timeout: WAIT }).toContain('Roth IRA: cannot withdraw $500,000.00');
    expect(await sidebar.locator('#options-notice').textContent()).toContain('so at most $75,970.00 can be raised.');
    expect(await sidebar.locator('#plan-section').isHidden()).toBe(true);
    await page.locator('#sidebar').screenshot({ path: `${OUT}sidebar-withdrawal-refused.png` });

    await sidebar.locator('input[data-account="Roth IRA"]').fill('');
    await sidebar.locator('input[data-account="Taxable Brokerage"]').fill('-10,000');
    await clickWhenReady(sidebar.locator('#update-plan'));
    await expect.poll(() => sidebar.locator('#plan').textContent(), { timeout: WAIT }).toContain('raise the $7,150 needed for the $10,000 withdrawal from Taxable Brokerage');
  }, E2E_TIMEOUT);
});
