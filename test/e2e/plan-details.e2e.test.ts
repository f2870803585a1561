/**
 * End to end, in headless Chromium: each trade's one-sentence reason with its details one click
 * (or one key) away, a tax saving shown green as "saves $90.65", and the Plan tab as the
 * workbench shows it once written, formatted. Screenshots go to test-output/ (gitignored).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { E2E_TIMEOUT, WAIT, clickWhenReady, shootSidebar, tabs, useE2eSession } from './workbench';

const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));

const session = useE2eSession('plan-details', OUT);

describe('plan reasons, details and savings in the sidebar and on the Plan tab', () => {
  it('a trade shows its reason; Details opens by click and by keyboard; a saving is green; the Plan tab is formatted; hidden tabs stay hidden', async () => {
    const { url, page, sidebar, errors } = await session.open();
    const bnd = sidebar.locator('details.trade[data-ticker="BND"]');
    await bnd.waitFor({ timeout: WAIT });

    // The summary says the plan saves tax, in green, not a red negative.
    const tax = sidebar.locator('dd[data-summary="tax"]');
    expect(await tax.textContent()).toBe('saves $90.65');
    expect(await tax.getAttribute('class')).toContain('saving');

    await bnd.locator('summary').first().click();
    expect(await bnd.locator('.reason').textContent()).toBe('Harvests a $3,275 loss on BND, saving about $91 tax.');
    const saved = bnd.locator('.saving[data-tax]');
    expect(await saved.textContent()).toBe('saves $90.65');
    expect(await saved.evaluate((n) => getComputedStyle(n).color)).toBe('rgb(19, 115, 51)');

    // Details: closed at first; a click opens it.
    const why = bnd.locator('details.why');
    expect(await why.evaluate((n) => (n as HTMLDetailsElement).open)).toBe(false);
    await why.locator('summary').click();
    expect(await why.evaluate((n) => (n as HTMLDetailsElement).open)).toBe(true);
    await bnd.screenshot({ path: OUT + 'sidebar-trade-details.png' });
    expect(await why.locator('li').allTextContents()).toEqual([
      'Lot TX-BND-2021 (acquired 2021-08-10): 250 shares, $3,275 long-term loss.',
      'Do not buy BND or a substantially identical fund in any account (IRAs included) for 31 days, or the loss is washed (IRC 1091).',
    ]);

    // The keyboard opens another trade's details: focus its summary, press Enter.
    const agg = sidebar.locator('details.trade[data-ticker="VEA"]').first();
    await agg.locator('summary').first().click();
    const aggWhy = agg.locator('details.why');
    await aggWhy.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await aggWhy.evaluate((n) => (n as HTMLDetailsElement).open)).toBe(true);
    await shootSidebar(page, OUT + 'sidebar-plan-details.png');

    // The buying-low note appears once per class in the whole plan, not on every buy.
    const allDetails = await sidebar.locator('details.why li').allTextContents();
    const low = allDetails.filter((d) => d.includes('buying low'));
    expect(new Set(low).size).toBe(low.length);
    expect(low.filter((d) => d.startsWith('US Bonds')).length).toBe(1);

    // Write the plan: the Plan tab shows dollars, shares, percentages and the saving formatted.
    await clickWhenReady(sidebar.locator('#write-plan'));
    await expect.poll(() => sidebar.locator('#action-notice').textContent(), { timeout: WAIT }).toContain('written to the Plan tab');
    const written = await tabs(url);
    const row = written.Plan.find((r) => r[2] === 'BND')!;
    expect(row.slice(3, 10)).toEqual(['250', '$73.80', '$18,450.00', 'TX-BND-2021 (250)', '$0.00', '-$3,275.00', 'saves $90.65']);
    expect(written.Plan.find((r) => r[0] === 'Household drift before')![1]).toBe('11.0%');
    expect(Object.keys(written)).not.toContain('_rebalancer_plan');
    await page.locator('nav.tabs button[data-tab="Plan"]').click();
    await expect.poll(() => page.locator('table[data-tab="Plan"] tr').count()).toBeGreaterThan(5);
    expect(await page.locator('nav.tabs button[data-tab="_rebalancer_plan"]').count()).toBe(0);
    // Wide enough for every column, Tax, Reason and Details included.
    await page.setViewportSize({ width: 2600, height: 700 });
    await page.locator('table[data-tab="Plan"]').screenshot({ path: OUT + 'workbench-plan-tab.png' });
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);
});
