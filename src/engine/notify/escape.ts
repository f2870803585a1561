/**
 * Escaping for everything a notice quotes from the workbook (tickers, account and class names,
 * reasons, error messages): a sheet is user input, and an email client renders what it is given.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

/** Only an https:// address may become a link; anything else (javascript:, data:) is dropped. */
export function safeHttpsUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  return /^https:\/\/[^\s"'<>`]+$/.test(trimmed) ? trimmed : null;
}

/** A subject is one header line: no line breaks (header injection), no control characters. */
export function oneLine(text: string, max = 200): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Slack's mrkdwn treats &, < and > as control characters; escape exactly those. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
