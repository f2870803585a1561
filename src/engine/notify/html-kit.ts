import { escapeHtml } from './escape';

/**
 * Building blocks for email HTML that Gmail renders as written: tables and inline styles only
 * (Gmail drops <style> in many clients, and scripts, forms and external images never run), text
 * escaped on the way in. Every function takes plain text and returns HTML.
 */
export const FONT = 'font-family:Arial,Helvetica,sans-serif;';
export const COLORS = { over: '#c62828', under: '#ef6c00', within: '#2e7d32', muted: '#666666', rule: '#dddddd', track: '#eeeeee', head: '#f5f5f5', ink: '#222222', testBg: '#fff8e1', testBorder: '#ffe082', noteBg: '#e8f0fe', noteBorder: '#c6dafc' } as const;

export type Align = 'left' | 'right' | 'center';

export interface Column {
  title: string;
  align?: Align;
  /** Keep on one line (dates, short codes); right-aligned numbers always are. */
  nowrap?: boolean;
}

/** A cell whose content is already HTML (built here); everything else is text. */
export interface RawHtml {
  html: string;
}

export type CellContent = string | RawHtml;

export function raw(html: string): RawHtml {
  return { html };
}

function content(c: CellContent): string {
  return typeof c === 'string' ? escapeHtml(c) : c.html;
}

export function heading(text: string): string {
  return `<h2 style="${FONT}font-size:16px;color:${COLORS.ink};margin:24px 0 8px 0;">${escapeHtml(text)}</h2>`;
}

export function paragraph(text: CellContent, style = ''): string {
  return `<p style="${FONT}font-size:14px;line-height:20px;color:${COLORS.ink};margin:0 0 8px 0;${style}">${content(text)}</p>`;
}

export function bulletList(items: readonly string[]): string {
  if (items.length === 0) return '';
  const lis = items.map((i) => `<li style="margin:0 0 4px 0;">${escapeHtml(i)}</li>`).join('');
  return `<ul style="${FONT}font-size:14px;line-height:20px;color:${COLORS.ink};margin:0 0 8px 0;padding-left:20px;">${lis}</ul>`;
}

/** A data table; `notes[i]`, when given, is a full-width grey line under row i (a trade's reason). */
export function dataTable(columns: readonly Column[], rows: readonly (readonly CellContent[])[], notes?: readonly (string | null)[]): string {
  const th = columns
    .map((c) => `<th align="${c.align ?? 'left'}" style="${FONT}font-size:12px;color:${COLORS.muted};font-weight:bold;text-align:${c.align ?? 'left'};padding:6px 8px;background:${COLORS.head};border-bottom:1px solid ${COLORS.rule};">${escapeHtml(c.title)}</th>`)
    .join('');
  const body = rows
    .map((row, i) => {
      const note = notes?.[i];
      const border = note ? '' : `border-bottom:1px solid ${COLORS.rule};`;
      const tds = row
        .map((cell, j) => {
          const align = columns[j]?.align ?? 'left';
          // Numbers never break; names and advice wrap so the table keeps to the 640 px column.
          const wrap = align === 'right' || columns[j]?.nowrap ? 'white-space:nowrap;' : '';
          return `<td align="${align}" valign="middle" style="${FONT}font-size:13px;color:${COLORS.ink};text-align:${align};padding:6px 8px;${border}${wrap}">${content(cell)}</td>`;
        })
        .join('');
      const noteRow = note
        ? `<tr><td colspan="${columns.length}" style="${FONT}font-size:12px;line-height:17px;color:${COLORS.muted};padding:0 8px 8px 8px;border-bottom:1px solid ${COLORS.rule};white-space:normal;">${escapeHtml(note)}</td></tr>`
        : '';
      return `<tr>${tds}</tr>${noteRow}`;
    })
    .join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;margin:0 0 8px 0;"><tr>${th}</tr>${body}</table>`;
}

/** One solid block of a bar: a table cell with a width and a background (no images, no CSS classes). */
function block(width: number, color: string): string {
  if (width <= 0) return '';
  return `<td width="${width}" style="width:${width}px;height:12px;background:${color};background-color:${color};font-size:1px;line-height:1px;padding:0;">&nbsp;</td>`;
}

/**
 * A bar centred on the target: drift below target grows left, above grows right, `fraction` of
 * the half-width (0..1). A dark 2 px line marks the target.
 */
export function divergingBar(fraction: number, side: 'over' | 'under', color: string, halfWidth = 50): string {
  const fill = Math.round(Math.min(1, Math.max(0, fraction)) * halfWidth);
  const left = side === 'under' ? block(halfWidth - fill, COLORS.track) + block(fill, color) : block(halfWidth, COLORS.track);
  const right = side === 'over' ? block(fill, color) + block(halfWidth - fill, COLORS.track) : block(halfWidth, COLORS.track);
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="${halfWidth * 2 + 2}" style="border-collapse:collapse;width:${halfWidth * 2 + 2}px;"><tr>${left}${block(2, COLORS.ink)}${right}</tr></table>`;
}

export function badge(text: string, color: string): string {
  return `<span style="${FONT}font-size:12px;font-weight:bold;color:${color};">${escapeHtml(text)}</span>`;
}

/** The whole message: a 640 px column on a light background, every style inline. */
export function page(title: string, bodyHtml: string): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body style="margin:0;padding:0;background:#fafafa;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#fafafa;"><tr><td align="center" style="padding:16px 8px;">`,
    `<table role="presentation" width="640" cellpadding="0" cellspacing="0" border="0" style="width:640px;max-width:100%;background:#ffffff;border:1px solid ${COLORS.rule};"><tr><td style="padding:20px 24px;${FONT}color:${COLORS.ink};">`,
    bodyHtml,
    '</td></tr></table></td></tr></table></body></html>',
  ].join('');
}

export function button(label: string, href: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:16px 0;"><tr><td style="background:#1a73e8;border-radius:4px;padding:10px 18px;"><a href="${escapeHtml(href)}" target="_blank" style="${FONT}font-size:14px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(label)}</a></td></tr></table>`;
}
