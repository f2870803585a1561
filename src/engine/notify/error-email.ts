import type { WorkbookIssue } from '../types';
import { escapeHtml, oneLine, safeHttpsUrl } from './escape';
import { COLORS, button, dataTable, page, paragraph } from './html-kit';
import type { RenderedEmail } from './check-email';

/**
 * The email a scheduled run sends when the workbook cannot be read: every error with its tab,
 * row and column, so the check never fails silently (add-on triggers send no failure emails).
 */
export function renderErrorEmail(errors: readonly WorkbookIssue[], spreadsheetUrl: string | null, asOf: string): RenderedEmail {
  const n = errors.length;
  const subject = oneLine(`Scheduled check could not run: the workbook has ${n} error${n === 1 ? '' : 's'} to fix`);
  const url = safeHttpsUrl(spreadsheetUrl);
  const rows = errors.map((e) => [e.tab, e.row > 0 ? String(e.row) : '', e.column, e.message]);
  const html = page(
    subject,
    [
      `<h1 style="font-family:Arial,Helvetica,sans-serif;font-size:20px;color:${COLORS.over};margin:0 0 8px 0;">${escapeHtml(subject)}</h1>`,
      paragraph(`The check on ${asOf} read the workbook and stopped: nothing was planned or written. Fix these cells and the next daily run checks again.`),
      url ? button('Open the spreadsheet', url) : '',
      dataTable([{ title: 'Tab', width: 96 }, { title: 'Row', align: 'right', width: 48 }, { title: 'Column', width: 120 }, { title: 'Problem', width: 264 }], rows),
    ].join(''),
  );
  const text = [subject, '', `The check on ${asOf} read the workbook and stopped: nothing was planned or written. Fix these cells and the next daily run checks again.`, '', ...errors.map((e) => `- ${e.tab}${e.row > 0 ? `, row ${e.row}` : ''}${e.column ? `, column ${e.column}` : ''}: ${e.message}`), ...(url ? ['', `Open the spreadsheet: ${url}`] : [])].join('\n');
  return { subject, html, text };
}

/** A short stable digest of an error list, so the same broken workbook is reported once. */
export function errorsDigest(errors: readonly WorkbookIssue[]): string {
  const textOf = errors.map((e) => `${e.tab}|${e.row}|${e.column}|${e.message}`).join('\n');
  // FNV-1a, 32 bits: not security, just a short key for "same list as last time".
  let hash = 0x811c9dc5;
  for (let i = 0; i < textOf.length; i++) {
    hash ^= textOf.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `errors:${errors.length}:${hash.toString(16).padStart(8, '0')}`;
}
