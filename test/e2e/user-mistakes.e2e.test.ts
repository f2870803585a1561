/**
 * Mistakes a user makes in the sidebar. The record form's fill prices, as typed: a bad price is
 * flagged on its row as it is typed and counted in the tally, dollars with a $ and thousands
 * commas are read as the Cash fields read them, and the list of problems on Record is shown,
 * never folded away. An import after a plan: the plan is made again from the imported lots.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { E2E_TIMEOUT, WAIT, clickWhenReady, shootSidebar, tabs, useE2eSession } from './workbench';

const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const session = useE2eSession('user-mistakes', OUT);

/** The example workbench's sidebar once its first plan is shown; page errors are collected. */
async function sidebarWithPlan() {
  const opened = await session.open();
  await opened.sidebar.locator('details.trade').first().waitFor({ timeout: WAIT });
  return opened;
}

describe('the record form reads fill prices', () => {
  it('flags bad prices as typed, lists every problem on Record, and takes $57.90', async () => {
    const { url, page, sidebar, errors } = await sidebarWithPlan();
    await clickWhenReady(sidebar.locator('#open-record'));
    await sidebar.locator('.record-form').waitFor({ timeout: WAIT });
    const row = (what: string, account: string) => sidebar.locator('.record-row').filter({ hasText: what }).filter({ hasText: account });
    const price = (what: string, account: string) => row(what, account).locator('input[data-field="price"]');

    await price('293 VEA', 'Taxable Brokerage').fill('abc');
    await price('46 VNQ', 'Taxable Brokerage').fill('');
    await price('37 IVV', 'Traditional IRA').fill('0');
    await price('402 SCHP', 'Traditional IRA').fill('-1');
    expect(await row('293 VEA', 'Taxable Brokerage').getAttribute('data-status')).toBe('error');
    expect(await row('293 VEA', 'Taxable Brokerage').locator('.row-status').textContent()).toBe('The fill price must be a number above 0 (found "abc").');
    expect(await row('46 VNQ', 'Taxable Brokerage').locator('.row-status').textContent()).toBe('Enter the fill price.');
    expect(await price('293 VEA', 'Taxable Brokerage').getAttribute('aria-invalid')).toBe('true');
    expect(await row('293 VEA', 'Taxable Brokerage').locator('input[data-field="shares"]').getAttribute('aria-invalid')).toBe('false');
    expect(await sidebar.locator('.record-tally').textContent()).toBe('Records 14 trades; 4 price fields to fix.');

    const before = await tabs(url);
    await clickWhenReady(sidebar.locator('#record-plan'));
    await expect.poll(() => sidebar.locator('#action-notice').textContent(), { timeout: WAIT }).toContain('Fix these before recording');
    // Four problems, each on screen: no closed "Details (4)" to open first.
    expect(await sidebar.locator('#action-notice details').count()).toBe(0);
    const listed = sidebar.locator('#action-notice li');
    expect(await listed.count()).toBe(4);
    for (let i = 0; i < 4; i++) expect(await listed.nth(i).isVisible()).toBe(true);
    await sidebar.locator('#action-notice').screenshot({ path: `${OUT}record-prices-problems.png` });
    expect(await tabs(url)).toEqual(before);

    // Dollars typed as dollars: recorded at $57.90, $92.30, $619.80 and $26.90.
    await price('293 VEA', 'Taxable Brokerage').fill('$57.90');
    await price('46 VNQ', 'Taxable Brokerage').fill('$92.30');
    await price('37 IVV', 'Traditional IRA').fill('$619.80');
    await price('402 SCHP', 'Traditional IRA').fill('26.90');
    expect(await sidebar.locator('.record-tally').textContent()).toBe('Records 14 trades.');
    await shootSidebar(page, `${OUT}record-prices-fixed.png`);
    await clickWhenReady(sidebar.locator('#record-plan'));
    await sidebar.locator('[data-testid="recorded"]').waitFor({ timeout: WAIT });
    const lots = (await tabs(url)).Lots;
    const vea = lots.find((r) => r.includes('VEA') && r.includes('293') && r.includes('16964.7'));
    expect(vea, 'a lot of 293 VEA costing 293 x $57.90').toBeDefined();
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);
});

describe('an import after a plan', () => {
  it('makes the plan again from the imported lots, so the plan on screen is never one made before', async () => {
    const { page, sidebar, errors } = await sidebarWithPlan();
    const planId = await sidebar.locator('#plan-id').textContent();
    // The first plan harvests the loss on lot TX-BND-2021; the broker says that lot cost less.
    expect(await sidebar.locator('#plan .reason').allTextContents()).toContain('Harvests a $3,275 loss on BND, saving about $91 tax.');
    const file = join(session.temp, 'bnd-lots.csv');
    writeFileSync(file, 'Symbol,Quantity,Cost Basis,Date Acquired\nBND,250,17000,08/10/2021\n');
    await sidebar.locator('#import-files').setInputFiles([file]);
    await sidebar.locator('#import-account').selectOption('Taxable Brokerage');
    await clickWhenReady(sidebar.locator('#import-preview-button'));
    await clickWhenReady(sidebar.locator('#import-confirm'));
    await expect.poll(() => sidebar.locator('#plan-id').textContent(), { timeout: WAIT }).not.toBe(planId);
    expect(await sidebar.locator('#plan .reason').allTextContents()).not.toContain('Harvests a $3,275 loss on BND, saving about $91 tax.');
    await shootSidebar(page, `${OUT}import-replanned.png`);
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);
});
