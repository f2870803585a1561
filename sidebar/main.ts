/**
 * The trade-planner sidebar: drift, options, plan, actions. Talks to the server only through
 * `call` (rpc.ts); builds DOM only through `el` (dom.ts), so nothing read from a cell is ever
 * interpreted as HTML.
 */
import type { IssueJson, PlanJson, PlannerState, SidebarOptionsInput } from '../src/gas/sidebar-api';
import { call } from './rpc';
import { byId, el, fill } from './dom';
import { DECIMAL_TEXT, money, percent } from './format';
import { accountBars, householdBars } from './drift-view';
import { planView } from './plan-view';
import { backtestForm, backtestView, readBacktestForm } from './backtest-view';
import { loadWashNotice } from './wash-notice';

type Loaded = Extract<PlannerState, { ok: true }>;

let state: Loaded | null = null;
let plan: PlanJson | null = null;
let driftView: 'household' | 'accounts' = 'household';
let busy = false;

// ---------------------------------------------------------------------------------------------
// Notices and errors

type NoticeArea = 'notice' | 'options-notice' | 'action-notice' | 'backtest-notice';

/** A message next to what caused it: the top of the sidebar, under Options, or under Actions. */
function notice(kind: 'ok' | 'error', headline: string, details: readonly string[] = [], area: NoticeArea = 'notice'): void {
  const box = byId(area);
  fill(box, [
    el('div', { class: `notice ${kind}` }, [el('div', { text: headline }), detailsList(details)]),
  ]);
  if (area !== 'notice') box.scrollIntoView({ block: 'nearest' });
}

/** Up to three lines shown; a longer list (a recording's journal) folds away. */
function detailsList(details: readonly string[]): HTMLElement | null {
  if (details.length === 0) return null;
  const list = el('ul', {}, details.map((d) => el('li', { text: d })));
  return details.length <= 3 ? list : el('details', {}, [el('summary', { text: `Details (${details.length})` }), list]);
}

function clearNotice(): void {
  for (const area of ['notice', 'options-notice', 'action-notice', 'backtest-notice'] as const) fill(byId(area), []);
}

/** The reader's errors as a list naming tab, row and column. */
function showIssues(headline: string, issues: readonly IssueJson[]): void {
  fill(byId('errors'), [
    el('div', { class: 'error-box', attrs: { 'data-testid': 'workbook-errors' } }, [
      el('strong', { text: headline }),
      el('ul', {}, issues.map((i) =>
        el('li', { attrs: { 'data-tab': i.tab, 'data-row': String(i.row), 'data-column': i.column } }, [
          el('span', { class: 'where', text: `${i.tab}, row ${i.row}${i.column ? `, column ${i.column}` : ''}: ` }),
          el('span', { text: i.message }),
        ]),
      )),
    ]),
  ]);
}

function setBusy(on: boolean): void {
  busy = on;
  for (const b of Array.from(document.querySelectorAll('button[data-action]'))) (b as HTMLButtonElement).disabled = on;
}

async function guarded(work: () => Promise<void>): Promise<void> {
  if (busy) return;
  setBusy(true);
  try {
    await work();
  } catch (error) {
    notice('error', error instanceof Error ? error.message : String(error), [], state ? 'action-notice' : 'notice');
  } finally {
    setBusy(false);
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Drift

function renderDrift(): void {
  if (!state) return;
  const s = state;
  const toggle = (view: typeof driftView, label: string) =>
    el('button', {
      text: label,
      attrs: { type: 'button', role: 'tab', 'aria-selected': String(driftView === view), 'data-view': view },
      on: { click: () => ((driftView = view), renderDrift()) },
    });
  fill(byId('drift-toggle'), [toggle('household', 'Household'), toggle('accounts', 'By account')]);
  fill(byId('drift-total'), [`Total ${money(s.total)} · household drift ${percent(s.householdDrift)}`]);
  fill(byId('paused'), s.paused ? [pausedBanner(s.paused)] : []);
  fill(byId('drift'), driftView === 'household' ? householdBars(s.classes) : accountBars(s.accounts, s.classes));
}

/** While the scheduled checks are paused, say for how long and how far drift has moved since. */
function pausedBanner(p: NonNullable<Loaded['paused']>): HTMLElement {
  const since = p.driftAtPause ? `; household drift was ${percent(p.driftAtPause)} then and is ${percent(p.driftNow)} now` : '';
  return el('div', { class: 'warning-box', attrs: { role: 'status' } }, [
    el('strong', { text: `Scheduled checks paused for ${p.days} day${p.days === 1 ? '' : 's'}` }),
    ` (since ${p.since}${p.reason ? `: ${p.reason}` : ''})${since}. Resume them from the menu: Schedule ▸ Resume.`,
  ]);
}

// ---------------------------------------------------------------------------------------------
// 2. Options

function field(labelChildren: (Node | string)[], control: HTMLElement, id: string): HTMLElement {
  return el('div', { class: 'field' }, [el('label', { attrs: { for: id } }, labelChildren), control]);
}

function select(id: string, values: readonly string[], chosen: string): HTMLSelectElement {
  const s = el('select', { attrs: { id, name: id } }, values.map((v) => el('option', { text: v, attrs: { value: v } })));
  s.value = chosen;
  return s;
}

function renderOptions(): void {
  if (!state) return;
  const d = state.defaults;
  const cash = state.accounts.map((a, i) =>
    field(
      [el('span', { class: 'account-name', text: a.name }), el('span', { class: 'muted', text: `cash ${money(a.cash)}` })],
      el('input', { attrs: { type: 'text', id: `cash-${i}`, 'data-account': a.name, inputmode: 'decimal', placeholder: '0', 'aria-label': `Cash to add to ${a.name}` } }),
      `cash-${i}`,
    ),
  );
  const budget = el('input', { attrs: { type: 'text', id: 'gain-budget', inputmode: 'decimal', placeholder: 'none' } });
  budget.value = d.gainBudget;
  const harvest = el('input', { attrs: { type: 'checkbox', id: 'harvest' } });
  harvest.checked = d.harvest;
  fill(byId('options'), [
    el('p', { class: 'muted', text: 'Cash to add (negative to withdraw), per account:' }),
    ...cash,
    field(['Mode'], select('mode', d.modes, d.mode), 'mode'),
    field(['Lot method'], select('lot-method', d.lotMethods, d.lotMethod), 'lot-method'),
    field(['Gain budget', el('span', { class: 'muted', text: 'most net gain to realize' })], budget, 'gain-budget'),
    field(['Harvest losses'], harvest, 'harvest'),
    el('div', { class: 'buttons' }, [el('button', { class: 'primary', text: 'Update plan', attrs: { type: 'submit', id: 'update-plan', 'data-action': 'plan' } })]),
  ]);
}

function readOptions(): SidebarOptionsInput {
  const cash: Record<string, string> = {};
  for (const input of Array.from(document.querySelectorAll<HTMLInputElement>('#options input[data-account]'))) {
    const account = input.getAttribute('data-account');
    if (account !== null && input.value.trim() !== '') cash[account] = input.value.trim();
  }
  return {
    cash,
    mode: byId<HTMLSelectElement>('mode').value,
    lotMethod: byId<HTMLSelectElement>('lot-method').value,
    gainBudget: byId<HTMLInputElement>('gain-budget').value.trim() || 'none',
    harvest: byId<HTMLInputElement>('harvest').checked ? 'yes' : 'no',
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Plan and 4. Actions

function renderPlan(): void {
  byId('plan-section').hidden = plan === null;
  byId('actions-section').hidden = plan === null;
  if (!plan) return;
  fill(byId('plan'), planView(plan));
  fill(byId('actions'), [
    el('button', { class: 'primary', text: 'Write plan to the Plan tab', attrs: { type: 'button', id: 'write-plan', 'data-action': 'write' }, on: { click: () => void guarded(writePlan) } }),
    el('button', { text: 'Record executed…', attrs: { type: 'button', id: 'open-record', 'data-action': 'open-record' }, on: { click: () => openRecord() } }),
  ]);
  fill(byId('record'), []);
}

async function makePlan(): Promise<void> {
  clearNotice();
  const result = await call('makePlan', readOptions());
  if (!result.ok) {
    if (result.issues.length > 0) showIssues('The workbook has problems:', result.issues);
    notice('error', 'No plan was made.', result.errors, 'options-notice');
    return;
  }
  plan = result.plan;
  renderPlan();
}

async function writePlan(): Promise<void> {
  if (!plan) return;
  clearNotice();
  const result = await call('writePlanToSheet', plan);
  if (result.ok) notice('ok', `Plan ${result.planId} written to the Plan tab (${result.trades} trade${result.trades === 1 ? '' : 's'}). Place the orders at your broker, then record them.`, [], 'action-notice');
  else notice('error', 'The plan was not written.', result.errors, 'action-notice');
}

/** The executed-trades form: each trade's shares and fill price, prefilled from the plan. */
function openRecord(): void {
  if (!plan) return;
  const p = plan;
  const rows = p.trades.map((t, i) => {
    const sharesInput = el('input', { attrs: { type: 'text', inputmode: 'decimal', 'data-field': 'shares', 'data-trade': String(i), 'aria-label': `Shares of ${t.ticker}` } });
    sharesInput.value = t.shares;
    const priceInput = el('input', { attrs: { type: 'text', inputmode: 'decimal', 'data-field': 'price', 'data-trade': String(i), 'aria-label': `Fill price of ${t.ticker}` } });
    priceInput.value = t.price;
    return el('div', { class: 'record-row' }, [
      el('span', { class: 'what', title: `${t.account}: ${t.action} ${t.ticker}` }, [el('span', { text: `${t.action} ${t.ticker}` }), el('span', { class: 'muted small account-line', text: t.account })]),
      sharesInput,
      priceInput,
    ]);
  });
  fill(byId('record'), [
    el('div', { class: 'record-form' }, [
      el('p', { class: 'muted', text: 'Enter what the broker filled; change shares or prices if they differ.' }),
      el('div', { class: 'record-row' }, [el('span', { class: 'head', text: 'Trade' }), el('span', { class: 'head', text: 'Shares' }), el('span', { class: 'head', text: 'Fill price' })]),
      ...rows,
      p.trades.length === 0 ? el('p', { class: 'muted', text: 'This plan has no trades.' }) : null,
      el('div', { class: 'buttons' }, [
        el('button', { class: 'primary', text: 'Record', attrs: { type: 'button', id: 'record-plan', 'data-action': 'record' }, on: { click: () => void guarded(recordPlan) } }),
        el('button', { text: 'Cancel', attrs: { type: 'button', 'data-action': 'cancel' }, on: { click: () => fill(byId('record'), []) } }),
      ]),
    ]),
  ]);
  byId('record').scrollIntoView({ block: 'nearest' });
}

/** The plan as executed: edited shares and prices; a sale whose shares changed lets the lot method pick lots again. */
function executedPlan(p: PlanJson): { plan: PlanJson; errors: string[] } {
  const errors: string[] = [];
  const trades = p.trades.map((t, i) => {
    const value = (f: string) => document.querySelector<HTMLInputElement>(`#record input[data-trade="${i}"][data-field="${f}"]`)?.value.trim() ?? '';
    const shares = value('shares') || t.shares;
    const price = value('price') || t.price;
    if (!DECIMAL_TEXT.test(shares) || Number(shares) <= 0) errors.push(`${t.action} ${t.ticker}: shares must be a number above 0 (found "${shares}").`);
    if (!DECIMAL_TEXT.test(price) || Number(price) <= 0) errors.push(`${t.action} ${t.ticker}: price must be a number above 0 (found "${price}").`);
    const lots = shares === t.shares ? t.lots : [];
    return { ...t, shares, price, lots };
  });
  return { plan: { ...p, trades }, errors };
}

async function recordPlan(): Promise<void> {
  if (!plan) return;
  clearNotice();
  const { plan: executed, errors } = executedPlan(plan);
  if (errors.length > 0) {
    notice('error', 'Fix these before recording:', errors, 'action-notice');
    return;
  }
  const result = await call('recordExecuted', executed);
  if (!result.ok) {
    if (result.issues && result.issues.length > 0) showIssues('The workbook has problems:', result.issues);
    notice('error', 'Nothing was recorded.', result.errors, 'action-notice');
    return;
  }
  if (await refreshState()) renderOptions(); // cash per account changed
  notice('ok', `Recorded plan ${result.planId}: ${result.trades} trade${result.trades === 1 ? '' : 's'}. Lots, Sales, Accounts and the Journal are updated.`, result.journal, 'action-notice');
}

// ---------------------------------------------------------------------------------------------
// 5. Backtest

async function runBacktest(): Promise<void> {
  clearNotice();
  fill(byId('backtest'), [el('p', { class: 'muted', text: 'Running every window of 1928-2025… (a few seconds)' })]);
  let result;
  try {
    result = await call('runBacktestForSidebar', readBacktestForm());
  } catch (error) {
    fill(byId('backtest'), []);
    notice('error', 'The backtest did not run.', [error instanceof Error ? error.message : String(error)], 'backtest-notice');
    return;
  }
  if (!result.ok) {
    fill(byId('backtest'), []);
    notice('error', 'The backtest did not run.', result.errors, 'backtest-notice');
    return;
  }
  fill(byId('backtest'), backtestView(result));
}

function renderBacktestForm(): void {
  byId('backtest-section').hidden = false;
  fill(byId('backtest-form'), backtestForm(() => void guarded(runBacktest)));
}

// ---------------------------------------------------------------------------------------------
// Start

async function refreshState(): Promise<Loaded | null> {
  const loaded = await call('getPlannerState');
  byId('loading').hidden = true;
  if (!loaded.ok) {
    state = null;
    for (const id of ['drift-section', 'options-section', 'plan-section', 'actions-section', 'backtest-section']) byId(id).hidden = true;
    showIssues('Fix these cells, then reopen the planner:', loaded.errors);
    return null;
  }
  state = loaded;
  fill(byId('errors'), []);
  byId('as-of').textContent = loaded.asOf ? `as of ${loaded.asOf}` : '';
  byId('drift-section').hidden = false;
  byId('options-section').hidden = false;
  renderDrift();
  return loaded;
}

async function start(): Promise<void> {
  byId('options').addEventListener('submit', (event) => {
    event.preventDefault();
    void guarded(makePlan);
  });
  await guarded(async () => {
    const loaded = await refreshState();
    if (!loaded) return;
    renderOptions();
    renderBacktestForm();
    if (loaded.warnings.length > 0) notice('ok', 'Workbook notes:', loaded.warnings.map((w) => w.text));
    void loadWashNotice(byId('wash-notice'), { guarded, afterRecorded: async () => void ((await refreshState()) && (await makePlan())) });
    if (loaded.startStep === 'record') {
      if (loaded.lastPlan) {
        plan = loaded.lastPlan;
        renderPlan();
        openRecord();
      } else notice('error', 'No plan has been written to the Plan tab yet: update the plan and write it first.');
      if (loaded.lastPlan) return;
    }
    await makePlan();
  });
}

void start();
