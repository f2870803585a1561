/**
 * The Import from broker section: choose broker exports (read here, in the browser, as text),
 * pick the account (or let the Accounts tab's Broker ID decide), preview what changes per
 * ticker, then confirm. The server parses with the same engine code the CLI uses and writes
 * nothing until the user confirms the preview it showed.
 */
import type { ImportInput, ImportPreviewResult } from '../src/gas/import-api';
import { call } from './rpc';
import { byId, el, fill, type Child } from './dom';
import { money, shares } from './format';

type Preview = Extract<ImportPreviewResult, { ok: true }>;

export interface ImportHooks {
  accounts: readonly string[];
  /** The sidebar's busy guard: one server call at a time, buttons disabled meanwhile. */
  guarded(work: () => Promise<void>, cause: Event): Promise<void>;
  /** After an import: drift and cash change, so the sidebar reloads its state. */
  onImported(): Promise<void>;
}

const MAX_BYTES = 5_000_000;

function say(kind: 'ok' | 'error', headline: string, details: readonly string[] = []): void {
  const list = details.length === 0 ? null : details.length <= 4 ? el('ul', {}, details.map((d) => el('li', { text: d }))) : el('details', { attrs: { open: '' } }, [el('summary', { text: `Details (${details.length})` }), el('ul', {}, details.map((d) => el('li', { text: d })))]);
  fill(byId('import-notice'), [el('div', { class: `notice ${kind}`, attrs: { 'data-testid': `import-${kind}` } }, [el('div', { text: headline }), list])]);
  byId('import-notice').scrollIntoView({ block: 'nearest' });
}

async function readInput(): Promise<ImportInput | string> {
  const picker = byId<HTMLInputElement>('import-files');
  const files = Array.from(picker.files ?? []);
  if (files.length === 0) return 'Choose one or more broker exports (CSV) first.';
  const big = files.find((f) => f.size > MAX_BYTES);
  if (big) return `${big.name} is larger than 5 MB; choose the broker's CSV export.`;
  const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  return { files: read, account: byId<HTMLSelectElement>('import-account').value, fillPrices: byId<HTMLInputElement>('import-prices').checked };
}

function changeCard(c: Preview['preview']['changes'][number]): HTMLElement {
  const counts = [c.added && `${c.added} added`, c.replaced && `${c.replaced} replaced`, c.removed && `${c.removed} removed`, c.unchanged && `${c.unchanged} unchanged`].filter(Boolean).join(' · ');
  return el('div', { class: 'import-change', attrs: { 'data-ticker': c.ticker } }, [
    el('div', { class: 'import-head' }, [el('strong', { text: c.ticker }), el('span', { class: 'muted account-line', text: c.account })]),
    el('div', { class: 'muted small', text: counts || 'no lots' }),
    el('dl', { class: 'summary' }, [
      el('dt', { text: 'Shares' }),
      el('dd', { text: `${shares(c.sharesBefore)} → ${shares(c.sharesAfter)}` }),
      el('dt', { text: 'Basis' }),
      el('dd', { text: `${money(c.basisBefore)} → ${money(c.basisAfter)}` }),
    ]),
  ]);
}

function previewView(result: Preview, input: ImportInput, hooks: ImportHooks): Child[] {
  const p = result.preview;
  const sales = p.salesAdded.map((s) =>
    el('li', { attrs: { 'data-sale': s.ticker } }, [`${s.date} ${s.ticker} ${shares(s.shares)} sh: proceeds ${money(s.proceeds)}, basis ${money(s.basis)}${s.disallowed !== '0' ? `, ${money(s.disallowed)} disallowed (wash sale)` : ''}`]),
  );
  const prices = result.priceFill.map((f) => `${f.ticker} ${money(f.price)}${f.was ? ` (was ${money(f.was)})` : ''}`);
  return [
    el('h3', { text: 'Preview' }),
    el('ul', { class: 'muted small' }, p.files.map((f) => el('li', { text: `${f.file}: ${f.label}${f.account ? ` → ${f.account}` : ''}` }))),
    ...p.changes.map(changeCard),
    p.salesAdded.length > 0 || p.salesSkipped > 0 ? el('p', { class: 'muted', text: `Sales: ${p.salesAdded.length} to append${p.salesSkipped ? `, ${p.salesSkipped} already on the Sales tab` : ''}` }) : null,
    sales.length > 0 ? el('ul', { class: 'small import-sales' }, sales) : null,
    prices.length > 0 ? el('p', { class: 'muted', text: `Prices to fill: ${prices.join(', ')}` }) : null,
    result.priceFormulas.length > 0 ? el('p', { class: 'muted', text: `Kept (formulas): ${result.priceFormulas.join(', ')}` }) : null,
    p.warnings.length > 0 ? el('div', { class: 'warning-box', attrs: { 'data-testid': 'import-warnings' } }, [el('strong', { text: 'Notes' }), el('ul', {}, p.warnings.map((w) => el('li', { text: w })))]) : null,
    result.changed
      ? el('div', { class: 'buttons' }, [
          el('button', { class: 'primary', text: 'Import', attrs: { type: 'button', id: 'import-confirm', 'data-action': 'import-confirm' }, on: { click: (e) => void hooks.guarded(() => confirm(input, result.token, hooks), e) } }),
          el('button', { text: 'Cancel', attrs: { type: 'button', 'data-action': 'import-cancel' }, on: { click: () => fill(byId('import-preview'), []) } }),
        ])
      : el('p', { class: 'muted', attrs: { 'data-testid': 'import-nothing' }, text: 'Nothing to change: the workbook already says what these files say.' }),
  ];
}

async function preview(hooks: ImportHooks): Promise<void> {
  fill(byId('import-notice'), []);
  fill(byId('import-preview'), []);
  const input = await readInput();
  if (typeof input === 'string') return say('error', input);
  const result = await call('previewImport', input);
  if (!result.ok) return say('error', 'Nothing can be imported:', [...result.errors, ...result.issues.map((i) => i.text)]);
  fill(byId('import-preview'), previewView(result, input, hooks));
}

async function confirm(input: ImportInput, token: string, hooks: ImportHooks): Promise<void> {
  const result = await call('applyImport', input, token);
  if (!result.ok) return say('error', 'Nothing was imported.', [...result.errors, ...result.issues.map((i) => i.text)]);
  fill(byId('import-preview'), []);
  byId<HTMLInputElement>('import-files').value = '';
  await hooks.onImported();
  say('ok', result.message, ['Undo last recording (in the menu) takes this import back.']);
}

/** Shows the section with its controls. */
export function renderImport(hooks: ImportHooks): void {
  byId('import-section').hidden = false;
  const files = el('input', { attrs: { type: 'file', id: 'import-files', multiple: '', accept: '.csv,text/csv,text/plain', 'aria-label': 'Broker export files' } });
  const account = el('select', { attrs: { id: 'import-account', name: 'import-account' } }, [
    el('option', { text: 'By Broker ID (Accounts tab)', attrs: { value: '' } }),
    ...hooks.accounts.map((a) => el('option', { text: a, attrs: { value: a } })),
  ]);
  // The whole name shows: a full-width select, and the chosen name as its tooltip too.
  account.title = account.options[account.selectedIndex]?.text ?? '';
  account.addEventListener('change', () => (account.title = account.options[account.selectedIndex]?.text ?? ''));
  const prices = el('input', { attrs: { type: 'checkbox', id: 'import-prices' } });
  fill(byId('import-form'), [
    el('p', { class: 'muted', text: 'Lots files replace the lots of the tickers they list in that account; realized files add sales not yet on the Sales tab.' }),
    files,
    el('div', { class: 'field stack' }, [el('label', { attrs: { for: 'import-account' } }, ['Account']), account]),
    el('div', { class: 'field' }, [el('label', { attrs: { for: 'import-prices' } }, ['Fill prices', el('span', { class: 'muted', text: 'Securities\' Price; formulas kept' })]), prices]),
    el('div', { class: 'buttons' }, [el('button', { class: 'primary', text: 'Preview import', attrs: { type: 'button', id: 'import-preview-button', 'data-action': 'import-preview' }, on: { click: (e) => void hooks.guarded(() => preview(hooks), e) } })]),
  ]);
}
