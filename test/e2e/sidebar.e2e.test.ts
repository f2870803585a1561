/**
 * End to end: the real dist/Sidebar.html in headless Chromium, served by the workbench, whose
 * google.script.run reaches the real dist/Code.js over an in-memory copy of a workbook.
 * Screenshots go to test-output/ (gitignored).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FrameLocator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BACKTEST_WAIT, E2E_TIMEOUT, WAIT, clickWhenReady, editedExample, shootSidebar, tabs, useE2eSession } from './workbench';

const OUT = fileURLToPath(new URL('../../test-output/', import.meta.url));
const XSS = '<img src=x onerror=alert(1)>';

const session = useE2eSession('sidebar', OUT);
const { temp } = session;

const open = (workbook?: string) => session.open(workbook);


const amountSum = async (sidebar: FrameLocator, account: string) => {
  const texts = await sidebar.locator(`.account-group[data-account="${account}"] .trade .amount`).allTextContents();
  return texts.reduce((a, t) => a + Number(t.replace(/[$,]/g, '')), 0);
};

describe('the sidebar in the workbench, in headless Chromium', () => {
  it('shows drift, makes, writes and records a plan; refuses to record it twice', async () => {
    // The shipped lib/workbench.mjs in its own process, as `npm start` runs it (the other browser
    // tests run the same server in the test worker).
    const { page, sidebar, url, dialogs, errors } = await session.open(undefined, { ownProcess: true });

    // 1. Drift: US Large Cap $307,342.67 of $742,246.21 = 41.4% against a 35% target: over.
    const large = sidebar.locator('.bar-row[data-class="US Large Cap"]');
    await expect.poll(() => large.locator('.nums').textContent(), { timeout: WAIT }).toBe('41.6% / 35.0%');
    expect(await large.getAttribute('data-status')).toBe('over');
    expect(await sidebar.locator('.bar-row[data-class="US Bonds"] .nums').textContent()).toBe('15.7% / 20.0%');
    expect(await sidebar.locator('#drift-total').textContent()).toBe('Total $742,246.21 · household drift 11.0%');
    await sidebar.locator('button[data-view="accounts"]').click();
    await expect.poll(() => sidebar.locator('.account-drift').count(), { timeout: WAIT }).toBe(5);
    await sidebar.locator('button[data-view="household"]').click();

    // 3. Plan: made at once with Settings' defaults.
    await sidebar.locator('details.trade').first().waitFor({ timeout: WAIT });
    const firstId = await sidebar.locator('#plan-id').textContent();
    await sidebar.locator('details.trade').first().click();
    await shootSidebar(page, OUT + 'sidebar-plan.png');

    // 2. Options: $20,000 more in the Roth IRA changes the plan: more is bought there.
    const rothBefore = await amountSum(sidebar, 'Roth IRA');
    await sidebar.locator('input[data-account="Roth IRA"]').fill('20000');
    await clickWhenReady(sidebar.locator('#update-plan'));
    await expect.poll(() => sidebar.locator('#plan-id').textContent(), { timeout: WAIT }).not.toBe(firstId);
    expect(await amountSum(sidebar, 'Roth IRA')).toBeGreaterThan(rothBefore + 15_000);
    // Back to no deposit (recording checks each account's Cash cell, which has no $20,000 yet):
    // the same options give the same plan, id and all.
    await sidebar.locator('input[data-account="Roth IRA"]').fill('');
    await clickWhenReady(sidebar.locator('#update-plan'));
    await expect.poll(() => sidebar.locator('#plan-id').textContent(), { timeout: WAIT }).toBe(firstId);
    const planId = /Plan (\S+)/.exec((await sidebar.locator('#plan-id').textContent()) ?? '')![1];

    // 4. Write the plan: the Plan tab fills, and the page beside the sidebar shows it.
    await clickWhenReady(sidebar.locator('#write-plan'));
    await expect.poll(() => sidebar.locator('#action-notice').textContent(), { timeout: WAIT }).toContain(`Plan ${planId} written to the Plan tab`);
    const written = await tabs(url);
    expect(written.Plan[0][0]).toBe(`Plan ${planId}`);
    expect(written.Plan[1].slice(0, 3)).toEqual(['Account', 'Action', 'Ticker']);
    expect(written.Plan.filter((r) => r[1] === 'BUY' || r[1] === 'SELL').length).toBe(14);
    expect(written.Journal.at(-1)!.slice(1, 3)).toEqual([planId, 'plan written']);
    await page.locator('nav.tabs button[data-tab="Plan"]').click();
    await expect.poll(() => page.locator('table[data-tab="Plan"] tr').count(), { timeout: WAIT }).toBeGreaterThan(5);
    await page.screenshot({ path: join(OUT, 'workbench-plan-written.png') });

    // Record executed: Lots gain the bought lots, Sales the sold ones, the Journal a 'recorded' row.
    const before = await tabs(url);
    await clickWhenReady(sidebar.locator('#open-record'));
    await sidebar.locator('.record-form').waitFor({ timeout: WAIT });
    await shootSidebar(page, OUT + 'sidebar-record.png');
    await clickWhenReady(sidebar.locator('#record-plan'));
    await expect.poll(() => sidebar.locator('[data-testid="recorded"]').textContent(), { timeout: WAIT }).toContain(`Recorded plan ${planId}: 14 trades.`);
    const after = await tabs(url);
    expect(after.Lots.filter((r) => r[5].startsWith(`${planId}-`)).length).toBeGreaterThan(0);
    expect(after.Sales.length).toBeGreaterThan(before.Sales.length);
    expect(after.Journal.at(-1)!.slice(1, 3)).toEqual([planId, 'recorded']);
    // Drift was re-read: Roth cash now shows what the plan left there.
    await shootSidebar(page, OUT + 'sidebar-recorded.png');

    // The executed plan and its form are gone: nothing on screen invites recording it twice.
    expect(await sidebar.locator('[data-testid="recorded"]').getAttribute('data-plan')).toBe(planId);
    expect(await sidebar.locator('#record-plan').count()).toBe(0);
    expect(await sidebar.locator('#open-record').count()).toBe(0);
    expect(await sidebar.locator('details.trade').count()).toBe(0);
    expect(await sidebar.locator('#actions-section').isHidden()).toBe(true);
    expect(await sidebar.locator('#drift-total').textContent()).not.toContain('household drift 11.0%');
    // Plan again: a fresh plan for the updated tabs, with a new id.
    await clickWhenReady(sidebar.locator('#plan-again'));
    await expect.poll(() => sidebar.locator('#plan-id').textContent(), { timeout: WAIT }).toMatch(/^Plan P-/);
    expect(await sidebar.locator('#plan-id').textContent()).not.toContain(planId);
    expect(await tabs(url)).toEqual(after);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);

  it('records a plan executed in part: cleared and 0 fields are skipped and named, other numbers recorded as typed', async () => {
    const { page, sidebar, url, errors } = await open();
    await sidebar.locator('details.trade').first().waitFor({ timeout: WAIT });
    const planId = /Plan (\S+)/.exec((await sidebar.locator('#plan-id').textContent()) ?? '')![1];
    // The trade list shows fractional shares in full, not rounded to 4 places.
    expect(await sidebar.locator('details.trade .what').allTextContents()).toContain('4,736.882297 FXNAX');
    await clickWhenReady(sidebar.locator('#open-record'));
    await sidebar.locator('.record-form').waitFor({ timeout: WAIT });
    const row = (what: string, account: string) => sidebar.locator('.record-row').filter({ hasText: what }).filter({ hasText: account });
    const shares = (what: string, account: string) => row(what, account).locator('input[data-field="shares"]');
    expect(await shares('4,736.882297 FXNAX', 'Acme 401(k)').inputValue()).toBe('4736.882297');
    expect(await shares('15.16793 VNQ', 'HSA').inputValue()).toBe('15.16793');

    // Mistakes first: text and a negative number are refused, naming the trade; nothing is written.
    const before = await tabs(url);
    await shares('293 VEA', 'Taxable Brokerage').fill('lots');
    await shares('20 VWO', 'Roth IRA').fill('-3');
    expect(await row('293 VEA', 'Taxable Brokerage').getAttribute('data-status')).toBe('error');
    await clickWhenReady(sidebar.locator('#record-plan'));
    await expect.poll(() => sidebar.locator('#action-notice').textContent(), { timeout: WAIT }).toContain('Fix these before recording');
    expect(await sidebar.locator('#action-notice').textContent()).toContain('BUY VEA (Taxable Brokerage): "lots" is not a number of shares');
    expect(await sidebar.locator('#action-notice').textContent()).toContain('BUY VWO (Roth IRA): shares cannot be negative');
    expect(await tabs(url)).toEqual(before);

    // A cleared field and a 0: not executed. A smaller and a larger number: recorded as typed.
    await shares('293 VEA', 'Taxable Brokerage').fill('');
    await shares('20 VWO', 'Roth IRA').fill('0');
    await shares('4,736.882297 FXNAX', 'Acme 401(k)').fill('1000.5');
    await shares('37 IVV', 'Traditional IRA').fill('50');
    expect(await row('293 VEA', 'Taxable Brokerage').locator('.row-status').textContent()).toBe('Not executed: skipped (listed in the Journal).');
    expect(await row('4,736.882297 FXNAX', 'Acme 401(k)').locator('.row-status').textContent()).toBe('Partly executed: 1,000.5 of 4,736.882297.');
    expect(await row('37 IVV', 'Traditional IRA').locator('.row-status').textContent()).toBe('More than planned: 50 of 37.');
    expect(await sidebar.locator('.record-tally').textContent()).toBe('Records 12 trades; skips 2 not executed.');
    await shootSidebar(page, OUT + 'sidebar-record-partial.png');

    await clickWhenReady(sidebar.locator('#record-plan'));
    await sidebar.locator('[data-testid="recorded"]').waitFor({ timeout: WAIT });
    expect(await sidebar.locator('[data-testid="recorded"] .notice').textContent()).toContain(
      `Recorded plan ${planId}: 12 trades; 2 not executed (skipped): BUY 293 VEA in Taxable Brokerage, BUY 20 VWO in Roth IRA.`,
    );
    await shootSidebar(page, OUT + 'sidebar-recorded-partial.png');
    const after = await tabs(url);
    const newLots = after.Lots.filter((r) => r[5].startsWith(`${planId}-`));
    // No VEA bought in the taxable account, no VWO in the Roth; FXNAX bought as typed, at cost 1000.5 x $10.62.
    expect(newLots.filter((r) => r[1] === 'VEA' || r[1] === 'VWO')).toEqual([]);
    expect(newLots.filter((r) => r[1] === 'VNQ').map((r) => r[0]).sort()).toEqual(['HSA', 'Taxable Brokerage', 'Traditional IRA']);
    expect(newLots.find((r) => r[1] === 'FXNAX')!.slice(2, 4)).toEqual(['1000.5', '10625.31']);
    // 50 IVV sold: the plan's 37 from its lot, then the rest by the lot method.
    const ivv = after.Sales.slice(before.Sales.length).filter((r) => r[2] === 'IVV');
    expect(ivv.reduce((a, r) => a + Number(r[3]), 0)).toBe(50);
    const journal = after.Journal.at(-1)!;
    expect(journal.slice(1, 3)).toEqual([planId, 'recorded']);
    expect(journal[4]).toMatch(/^12 trades recorded; 2 not executed \(skipped\): BUY 293 VEA in Taxable Brokerage, BUY 20 VWO in Roth IRA\./);
    expect(journal[4]).toContain('BUY 1000.5 FXNAX in Acme 401(k): partly executed, 1000.5 of the 4736.882297 shares planned.');
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);

  it('a workbook with a bad row shows the reader errors naming tab, row and column', async () => {
    const path = await editedExample(join(temp, 'bad.xlsx'), (wb) => {
      wb.getWorksheet('Lots')!.getCell('C5').value = 'forty';
    });
    const { page, sidebar } = await open(path);
    const item = sidebar.locator('[data-testid="workbook-errors"] li').first();
    await item.waitFor({ timeout: WAIT });
    expect(await item.getAttribute('data-tab')).toBe('Lots');
    expect(await item.getAttribute('data-row')).toBe('5');
    expect(await item.getAttribute('data-column')).toBe('Shares');
    expect(await item.locator('.where').textContent()).toBe('Lots, row 5, column Shares: ');
    expect(await sidebar.locator('#drift-section').isHidden()).toBe(true);
    await shootSidebar(page, OUT + 'sidebar-errors.png');
  }, E2E_TIMEOUT);

  it(`cell text is shown as text: ${XSS} as a ticker or an account name neither runs nor becomes an element`, async () => {
    const account = '<img src=x onerror=alert(2)> & "Roth"';
    // A hostile account name is a valid name: it reaches the drift, the options and the plan.
    const named = await editedExample(join(temp, 'xss-account.xlsx'), (wb) => {
      for (const tab of ['Accounts', 'Lots']) {
        wb.getWorksheet(tab)!.eachRow((row) => {
          if (row.getCell(1).value === 'Roth IRA') row.getCell(1).value = account;
        });
      }
    });
    const a = await open(named);
    await a.sidebar.locator('details.trade').first().waitFor({ timeout: WAIT });
    expect(await a.sidebar.locator('.account-group h3', { hasText: account }).count()).toBe(1);
    expect(await a.sidebar.locator('.account-name', { hasText: account }).count()).toBe(1);
    await a.sidebar.locator('button[data-view="accounts"]').click();
    expect(await a.sidebar.locator('.account-drift h3', { hasText: account }).count()).toBe(1);
    expect(await a.sidebar.locator('img').count()).toBe(0);
    await shootSidebar(a.page, OUT + 'sidebar-escaped-account.png');

    // A hostile ticker is not a ticker: the reader names the cell, and its text shows as text.
    const ticker = await editedExample(join(temp, 'xss-ticker.xlsx'), (wb) => {
      for (const tab of ['Securities', 'Lots']) {
        wb.getWorksheet(tab)!.eachRow((row) => row.eachCell((cell) => {
          if (cell.value === 'BND') cell.value = XSS;
        }));
      }
    });
    const t = await open(ticker);
    const item = t.sidebar.locator('[data-testid="workbook-errors"] li[data-tab="Securities"]').first();
    await item.waitFor({ timeout: WAIT });
    expect(await item.textContent()).toContain(`found "${XSS}"`);
    expect(await t.sidebar.locator('img').count()).toBe(0);
    await shootSidebar(t.page, OUT + 'sidebar-escaped-ticker.png');

    expect([...a.dialogs, ...t.dialogs]).toEqual([]);
    expect([...a.errors, ...t.errors]).toEqual([]);
  }, E2E_TIMEOUT);

  it('runs a backtest: the table shows every policy and the chart image loads', async () => {
    const { page, sidebar, dialogs, errors } = await open();
    await sidebar.locator('#run-backtest').waitFor({ timeout: WAIT });
    await sidebar.locator('#bt-account').selectOption('taxable');
    // 2-year windows: the same table and chart at a fifth of the CPU of the 10-year default (its
    // numbers are pinned through the bundle in test/sidebar/backtest-api.test.ts).
    await sidebar.locator('#bt-years').fill('2');
    await clickWhenReady(sidebar.locator('#run-backtest'));
    const rows = sidebar.locator('#bt-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: BACKTEST_WAIT }).toBe(5);
    expect(await sidebar.locator('#bt-table tbody th.policy').allTextContents()).toEqual(['yours', 'never', 'annual', 'threshold', 'planner']);
    // Never rebalances: 0 rebalances and no tax in every window.
    const never = sidebar.locator('#bt-table tr[data-policy="never"] td');
    expect(await never.nth(6).locator('.median').textContent()).toBe('0');
    expect(await never.nth(8).locator('.median').textContent()).toBe('$0');
    // Compact dollars in the cell ($866K), the exact figures in its title.
    const annualEnding = sidebar.locator('#bt-table tr[data-policy="annual"] td').first();
    expect(await annualEnding.locator('.median').textContent()).toMatch(/^\$\d{3}K$/);
    expect(await annualEnding.getAttribute('title')).toMatch(/^median \$[\d,]+\.\d\d; 10th percentile/);
    // The chart: an <img> over a data URL, drawn at the sidebar's width (280 px; "Open larger" has the 760 px one).
    const img = sidebar.locator('#bt-chart');
    expect(await img.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    await expect.poll(() => img.evaluate((node) => (node as HTMLImageElement).complete && (node as HTMLImageElement).naturalWidth), { timeout: WAIT }).toBe(280);
    await shootSidebar(page, OUT + 'sidebar-backtest.png');
    await sidebar.locator('#backtest-section').screenshot({ path: join(OUT, 'sidebar-backtest-section.png') });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  }, E2E_TIMEOUT);
});
