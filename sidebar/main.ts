/**
 * The trade-planner sidebar: drift, options, plan, actions. Talks to the server only through
 * `call` (rpc.ts); builds DOM only through `el` (dom.ts), so nothing read from a cell is ever
 * interpreted as HTML.
 */
import type { IssueJson, PlanJson, PlannerState, SidebarOptionsInput } from '../src/gas/sidebar-api';
import { call } from './rpc';
import { whileBusy, type Cause } from './busy';
import { byId, el, fill } from './dom';
import { money, percent } from './format';
import { accountBars, householdBars } from './drift-view';
import { planView } from './plan-view';
import { executedPlan, initRecordForm, recordForm } from './record-form';
import { backtestForm, backtestView, readBacktestForm } from './backtest-view';
import { scheduleView } from './schedule-view';
import { renderImport } from './import-view';
import { loadWashNotice } from './wash-notice';
import { wireHelpLink } from './help-link';

type Loaded = Extract<PlannerState, { ok: true }>;

let state: Loaded | null = null;
let plan: PlanJson | null = null;
let driftView: 'household' | 'accounts' = 'household';

// ---------------------------------------------------------------------------------------------
// Notices and errors

type NoticeArea = 'notice' | 'options-notice' | 'action-notice' | 'backtest-notice';

/** A message next to what caused it: the top of the sidebar, under Options, or under Actions. */
function notice(kind: 'ok' | 'error', headline: string, details: readonly string[] = [], area: NoticeArea = 'notice'): void {
  const box = byId(area);
  fill(box, [
    el('div', { class: `notice ${kind}` }, [el('div', { text: headline }), detailsList(details, kind === 'ok')]),
  ]);
  if (area !== 'notice') box.scrollIntoView({ block: 'nearest' });
}

/**
 * Up to three lines shown; a longer list (a recording's journal) folds away. Errors never fold:
 * "Fix these before recording:" over a closed "Details (5)" showed nothing to fix.
 */
function detailsList(details: readonly string[], fold: boolean): HTMLElement | null {
  if (details.length === 0) return null;
  const list = el('ul', {}, details.map((d) => el('li', { text: d })));
  return details.length <= 3 || !fold ? list : el('details', {}, [el('summary', { text: `Details (${details.length})` }), list]);
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

/**
 * Runs one server action through the busy lock (busy.ts): its button shows a spinner and every
 * action button is disabled until it is done; an error lands next to what caused it.
 */
async function guarded(work: () => Promise<void>, cause: Cause): Promise<void> {
  await whileBusy(cause, async () => {
    try {
      await work();
    } catch (error) {
      notice('error', error instanceof Error ? error.message : String(error), [], state ? 'action-notice' : 'notice');
    }
  });
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
  fill(byId('drift'), driftView === 'household' ? householdBars(s.classes, s.driftHistory) : accountBars(s.accounts, s.classes));
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
    el('button', { class: 'primary', text: 'Write plan to the Plan tab', attrs: { type: 'button', id: 'write-plan', 'data-action': 'write' }, on: { click: (e) => void guarded(writePlan, e) } }),
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
    // An earlier plan must not stay on screen under the error as if it answered these options.
    plan = null;
    renderPlan();
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
  fill(byId('record'), recordForm(p, (e) => void guarded(recordPlan, e), () => fill(byId('record'), [])));
  initRecordForm(p);
  byId('record').scrollIntoView({ block: 'nearest' });
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
  showRecorded(result);
  if (await refreshState()) renderOptions(); // cash per account changed
}

/**
 * After a recording the executed plan and its form are gone: the drift above is re-read from the
 * updated tabs, and the plan section says what was recorded and offers a fresh plan, so nothing
 * on screen invites recording the same plan twice.
 */
function showRecorded(result: { planId: string; trades: number; skipped: string[]; journal: string[] }): void {
  plan = null;
  fill(byId('record'), []);
  fill(byId('actions'), []);
  byId('actions-section').hidden = true;
  byId('plan-section').hidden = false;
  const count = `${result.trades} trade${result.trades === 1 ? '' : 's'}`;
  const skipped = result.skipped.length === 0 ? '' : `; ${result.skipped.length} not executed (skipped): ${result.skipped.join(', ')}`;
  fill(byId('plan'), [
    el('div', { class: 'recorded', attrs: { 'data-testid': 'recorded', 'data-plan': result.planId } }, [
      el('div', { class: 'notice ok' }, [
        el('div', { text: `Recorded plan ${result.planId}: ${count}${skipped}. Lots, Sales, Accounts and the Journal are updated.` }),
        detailsList(result.journal, true),
      ]),
      el('p', { class: 'muted', text: 'The drift above is read again from the updated tabs. Plan again to see what, if anything, is left to do.' }),
      el('div', { class: 'buttons' }, [
        el('button', { class: 'primary', text: 'Plan again', attrs: { type: 'button', id: 'plan-again', 'data-action': 'plan-again' }, on: { click: (e) => void guarded(makePlan, e) } }),
      ]),
    ]),
  ]);
  byId('plan-section').scrollIntoView({ block: 'nearest' });
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
  fill(byId('backtest'), backtestView(result, async (svg, title) => {
    try {
      const shown = await call('showBacktestChart', svg, title);
      return shown.ok ? null : shown.errors.join(' ');
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }));
}

function renderBacktestForm(): void {
  byId('backtest-section').hidden = false;
  fill(byId('backtest-form'), backtestForm((e) => void guarded(runBacktest, e)));
}

// ---------------------------------------------------------------------------------------------
// Start

async function refreshState(): Promise<Loaded | null> {
  const loaded = await call('getPlannerState');
  byId('loading').hidden = true;
  fill(byId('schedule'), scheduleView(loaded.schedule));
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
    void guarded(makePlan, event);
  });
  // Every action button drawn during start-up waits for it (busy.ts): a click on Run backtest
  // while the first plan is being made would otherwise be dropped.
  await guarded(async () => {
    const loaded = await refreshState();
    if (!loaded) return;
    renderOptions();
    renderBacktestForm();
    // An import changes Lots and Sales: a plan made before it would be recorded against lots
    // that are gone, so the plan is made again from the imported tabs, as after a wash adjustment.
    const afterImport = async () => {
      if (!(await refreshState())) return;
      renderOptions();
      await makePlan();
    };
    renderImport({ accounts: loaded.accounts.map((a) => a.name), guarded, onImported: afterImport });
    void loadWashNotice(byId('wash-notice'), { guarded, afterRecorded: async () => void ((await refreshState()) && (await makePlan())) });
    // Shown after the first plan is made (making a plan clears the notices).
    const notes = () => {
      if (loaded.warnings.length > 0) notice('ok', 'Workbook notes:', loaded.warnings.map((w) => w.text));
    };
    if (loaded.startStep === 'record' && loaded.lastPlan) {
      plan = loaded.lastPlan;
      renderPlan();
      openRecord();
      notes();
      return;
    }
    await makePlan();
    notes();
    if (loaded.startStep !== 'record') return;
    if (loaded.lastPlanRecorded) {
      notice('ok', `Plan ${loaded.lastPlanRecorded}, the last one written to the Plan tab, is already recorded. Below is a fresh plan for the tabs as they are now.`);
    } else notice('error', 'No plan has been written to the Plan tab yet: update the plan and write it first.');
  }, 'start-up');
}

wireHelpLink();
void start();
