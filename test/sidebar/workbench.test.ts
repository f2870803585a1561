import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench } from '../../src/workbench/server';
import { readXlsx } from '../../src/workbook/node/index';
import type { MakePlanResult, WriteResult } from '../../src/gas/sidebar-api';
import { EXAMPLE_XLSX } from '../support/example-grids';

describe('the workbench server (in process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'workbench-'));
  let bench: Awaited<ReturnType<typeof startWorkbench>>;

  beforeAll(async () => {
    bench = await startWorkbench([EXAMPLE_XLSX, '--port', '0', '--save', join(dir, 'saved.xlsx')]);
  }, 30_000);

  afterAll(async () => {
    await bench?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page, the real sidebar with the shim ahead of its script, and the tabs', async () => {
    expect(bench.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    const page = await (await fetch(bench.url)).text();
    expect(page).toContain('<iframe id="sidebar"');
    const sidebar = await (await fetch(`${bench.url}sidebar`)).text();
    expect(sidebar.indexOf('<script src="/shim.js">')).toBeLessThan(sidebar.indexOf('getPlannerState'));
    const shim = await (await fetch(`${bench.url}shim.js`)).text();
    expect(shim).toContain('Failed due to illegal value in property');
    const tabs = (await (await fetch(`${bench.url}tabs`)).json()) as { name: string; rows: string[][] }[];
    expect(tabs.map((t) => t.name)).toEqual(['Accounts', 'Targets', 'Securities', 'Lots', 'Sales', 'Settings']);
    // Date cells show as the day typed, in the sheet's zone.
    expect(tabs.find((t) => t.name === 'Lots')!.rows[1].slice(0, 5)).toEqual(['Taxable Brokerage', 'VOO', '200', '36480', '2015-03-12']);
  });

  it('applies google.script.run rules to arguments and results, and answers only public functions', () => {
    expect(bench.world.call('makePlan', [new Date(0)])).toEqual({ ok: false, error: 'Failed due to illegal value in property: args[0] (a Date; send an ISO date string)' });
    expect(bench.world.call('nope', [])).toEqual({ ok: false, error: 'Script function not found: nope' });
    expect(bench.world.call('RebalancerApp', [])).toMatchObject({ ok: false });
  });

  it('runs the real Code.js over the workbook; --save writes it back after a write', async () => {
    const made = await fetch(`${bench.url}rpc`, { method: 'POST', body: JSON.stringify({ name: 'makePlan', args: [{ cash: { HSA: '1000' } }] }) });
    const plan = ((await made.json()) as { ok: true; result: MakePlanResult }).result;
    if (!plan.ok) throw new Error(plan.errors.join('; '));
    const written = await fetch(`${bench.url}rpc`, { method: 'POST', body: JSON.stringify({ name: 'writePlanToSheet', args: [plan.plan] }) });
    expect(((await written.json()) as { result: WriteResult }).result).toEqual({ ok: true, planId: plan.plan.id, trades: plan.plan.trades.length });
    const saved = await readXlsx(join(dir, 'saved.xlsx'));
    expect(saved.tabNames()).toContain('Plan');
    expect(saved.values('Plan')![0][0]).toBe(`Plan ${plan.plan.id}`);
    // Dates survive the round trip as the same calendar day.
    const lot = saved.values('Lots')![1];
    expect((lot[4] as Date).toISOString().slice(0, 10)).toBe('2015-03-12');
  });
});

describe('stopping the workbench', () => {
  it('closes while a browser still holds connections open (one with no request yet, one kept alive)', async () => {
    const bench = await startWorkbench([EXAMPLE_XLSX, '--port', '0']);
    const port = Number(new URL(bench.url).port);
    // A preconnected socket that never sends a request, and a kept-alive one after a request:
    // server.close() alone waited for them, and a browser test's afterAll hung until its timeout.
    const silent = connect(port, '127.0.0.1');
    const kept = connect(port, '127.0.0.1');
    await Promise.all([once(silent, 'connect'), once(kept, 'connect')]);
    kept.write(`GET /tabs HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n`);
    await once(kept, 'data');
    const outcome = await Promise.race([bench.close().then(() => 'closed'), new Promise((r) => setTimeout(() => r('still open after 5 s'), 5_000))]);
    silent.destroy();
    kept.destroy();
    expect(outcome).toBe('closed');
  }, 30_000);
});
