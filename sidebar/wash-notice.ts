/**
 * The wash-sale notice: the history audit (every wash sale the Lots and Sales tabs hold, closed
 * accounts and shares since sold included) says which are not recorded yet, and "Record the
 * adjustment" writes them (the sale's Disallowed, the replacement's basis and Holding From) all
 * or nothing; Undo last recording takes it back. Shows nothing when everything is recorded.
 */
import type { WashNoticeJson } from '../src/gas/wash-api';
import { call } from './rpc';
import { el, fill } from './dom';
import { money } from './format';

export interface WashNoticeHooks {
  /** Runs an action with the sidebar's buttons disabled (main.ts's `guarded`). */
  guarded(work: () => Promise<void>, cause: Event): Promise<void>;
  /** After the adjustment is recorded: the tabs changed, so drift and the plan are read again. */
  afterRecorded(): Promise<void>;
}

export async function loadWashNotice(box: HTMLElement, hooks: WashNoticeHooks): Promise<void> {
  let result;
  try {
    result = await call('getWashNotice');
  } catch {
    return; // the notice is an extra: a failed call must not disturb the planner
  }
  // A workbook with errors already shows them in the error box; the notice adds nothing.
  fill(box, result.ok && result.unrecorded > 0 ? [noticeView(result, box, hooks)] : []);
}

function noticeView(audit: WashNoticeJson, box: HTMLElement, hooks: WashNoticeHooks): HTMLElement {
  const open = audit.washes.filter((w) => !w.recorded);
  const n = audit.unrecorded;
  const permanent = Number(audit.permanent) > 0 ? `, ${money(audit.permanent)} of it for good (an IRA purchase)` : '';
  const status = el('div', { attrs: { 'data-testid': 'wash-status' } });
  const record = async () => {
    const outcome = await call('recordWashAdjustments');
    if (!outcome.ok) {
      fill(status, [el('div', { class: 'notice error' }, [el('div', { text: 'Nothing was recorded.' }), el('ul', {}, outcome.errors.map((e) => el('li', { text: e })))])]);
      return;
    }
    await hooks.afterRecorded();
    fill(box, [el('div', { class: 'notice ok', attrs: { 'data-testid': 'wash-recorded' } }, [el('div', { text: outcome.message })])]);
  };
  return el('div', { class: 'warning-box wash-notice', attrs: { role: 'status', 'data-testid': 'wash-notice' } }, [
    el('strong', { text: `${n} wash sale${n === 1 ? '' : 's'} not recorded` }),
    el('div', { text: `${money(audit.disallowed)} of losses ${n === 1 ? 'is' : 'are'} disallowed${permanent}; the Sales and Lots tabs do not show it yet.` }),
    el('details', {}, [
      el('summary', { text: 'Which sales' }),
      el('ul', {}, open.map((w) => el('li', { text: w.reason }))),
    ]),
    el('div', { class: 'buttons' }, [
      el('button', {
        text: 'Record the adjustment',
        attrs: { type: 'button', id: 'record-washes', 'data-action': 'record-washes' },
        on: { click: (e) => void hooks.guarded(record, e) },
      }),
    ]),
    status,
  ]);
}
