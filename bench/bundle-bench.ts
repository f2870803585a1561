/**
 * Benchmark: what the sidebar waits for, through dist/Code.js in the same vm the tests use.
 * - the household read of a Lots tab with 50,000 trailing empty rows (goal < 500 ms);
 * - the sidebar's backtest: every 10-year window of 1928-2025, five policies, the example
 *   household in a taxable account (goal < 15 s of CPU).
 * Run: npm run build && npx tsx bench/bundle-bench.ts. Timed here, not in tests: a loaded CI
 * machine measures the other jobs.
 */
import { performance } from 'node:perf_hooks';
import { checkTransportable } from '../src/local-google/script-run';
import type { BacktestSidebarResult } from '../src/gas/backtest-api';
import { baseTabs, readTabs } from '../test/workbook/fixture';
import { world } from '../test/sidebar/world';

const tabs = baseTabs();
const empty = Array.from({ length: 26 }, () => '');
for (let i = 0; i < 50_000; i++) tabs.Lots.push(empty);
const readStarted = performance.now();
const read = readTabs(tabs);
const readMs = Math.round(performance.now() - readStarted);
if (!read.ok) throw new Error('the padded Lots tab did not read');
console.log(`bundle bench: household read with 50,000 empty Lots rows in ${readMs} ms (goal < 500 ms)`);

const w = world();
const started = process.cpuUsage();
const r = checkTransportable(w.ctx.runBacktestForSidebar({ years: '10', account: 'taxable', start: '' }), 'result') as BacktestSidebarResult;
const used = process.cpuUsage(started);
if (!r.ok) throw new Error(r.errors.join('; '));
const cpuMs = Math.round((used.user + used.system) / 1000);
console.log(`bundle bench: sidebar backtest, ${r.runs} windows x ${r.rows.length} policies, in ${cpuMs} ms of CPU (goal < 15000 ms)`);
console.log(JSON.stringify({ bench: 'bundle', readMs, backtestCpuMs: cpuMs }));
