import { escapeHtml } from './escape';

/**
 * Building blocks for email HTML that Gmail renders as written: tables and inline styles only
 * (Gmail drops <style> in many clients, and scripts, forms and external images never run), text
 * escaped on the way in. Every function takes plain text and returns HTML.
 *
 * The layout is "fluid hybrid" and needs no media query (Gmail's apps and IMAP clients strip
 * them with <style>): the message is a table at most 600 px wide that shrinks with the screen,
 * and a data table's columns are packed into blocks of at most 264 px, each an inline-block
 * that sits beside the next when there is room (a 600 px Gmail column: two blocks a line) and
 * wraps under it when there is not (a 375 px phone: one block a line). Every row's blocks have
 * the same widths, so columns stay aligned with the header in both layouts.
 */
export const FONT = 'font-family:Arial,Helvetica,sans-serif;';
export const COLORS = { over: '#c62828', under: '#ef6c00', within: '#2e7d32', muted: '#666666', faint: '#888888', rule: '#dddddd', track: '#eeeeee', head: '#f5f5f5', ink: '#222222', testBg: '#fff8e1', testBorder: '#ffe082', noteBg: '#e8f0fe', noteBorder: '#c6dafc' } as const;

/** The message's widest column: Gmail's reading pane and the common email width. */
export const PAGE_WIDTH = 600;
/**
 * A block of columns: two fit side by side in the 600 px message (600 - 16 outer padding - 2
 * border - 32 inner padding = 550), and one fits a 320 px phone (320 - 50 = 270).
 */
export const BLOCK_WIDTH = 264;
const DEFAULT_COLUMN_WIDTH = 88;
/** A cell's left and right padding: its CSS width is the column's less this (content-box). */
const CELL_PADDING = 16;

export type Align = 'left' | 'right' | 'center';

export interface Column {
  title: string;
  align?: Align;
  /** Keep on one line (dates, short codes); right-aligned numbers always are. */
  nowrap?: boolean;
  /** Width in px, padding included (default 88); a block holds columns up to 264 px. */
  width?: number;
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

/** A cell of two lines: the figure, and under it a smaller grey one (a band, a count of days). */
export function twoLines(main: string, sub: string): RawHtml {
  if (sub === '') return raw(escapeHtml(main));
  return raw(`${escapeHtml(main)}<br><span style="font-size:11px;line-height:15px;color:${COLORS.muted};">${escapeHtml(sub)}</span>`);
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

/** Columns packed in order into blocks of at most BLOCK_WIDTH px (a wider column is a block alone). */
export function columnBlocks(columns: readonly Column[]): number[][] {
  const blocks: number[][] = [];
  let width = Infinity;
  columns.forEach((c, i) => {
    const w = c.width ?? DEFAULT_COLUMN_WIDTH;
    if (width + w > BLOCK_WIDTH) {
      blocks.push([]);
      width = 0;
    }
    blocks[blocks.length - 1].push(i);
    width += w;
  });
  return blocks;
}

/**
 * One block of a row: an inline-block as wide as its columns (at most the screen), a fixed-layout
 * table inside. The text style sits on the block's table once and the cells inherit it: the
 * email stays well under Gmail's ~102 KB clipping limit with dozens of trades.
 */
function block(columns: readonly Column[], indexes: readonly number[], textStyle: string, cell: (i: number, width: number) => string): string {
  const width = indexes.reduce((sum, i) => sum + (columns[i].width ?? DEFAULT_COLUMN_WIDTH), 0);
  const tds = indexes.map((i) => cell(i, columns[i].width ?? DEFAULT_COLUMN_WIDTH)).join('');
  return (
    `<div style="display:inline-block;width:100%;max-width:${width}px;vertical-align:top;">` +
    `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;table-layout:fixed;${textStyle}"><tr>${tds}</tr></table></div>`
  );
}

// Names, lot ids and advice wrap (even inside a word) so a long account name grows the row
// downwards, never the email sideways; numbers never break.
const WRAP = 'overflow-wrap:anywhere;word-wrap:break-word;word-break:break-word;';
const HEAD_TEXT = `${FONT}font-size:11px;line-height:15px;color:${COLORS.muted};font-weight:bold;${WRAP}`;
const CELL_TEXT = `${FONT}font-size:13px;line-height:18px;color:${COLORS.ink};${WRAP}`;

/**
 * A data table that fits any screen from 320 px up (see the top of this file); `notes[i]`, when
 * given, are full-width lines under row i: the first a trade's reason, the next ones smaller
 * (its details).
 */
export function dataTable(columns: readonly Column[], rows: readonly (readonly CellContent[])[], notes?: readonly (readonly string[])[]): string {
  const blocks = columnBlocks(columns);
  const align = (i: number) => columns[i]?.align ?? 'left';
  const alignStyle = (i: number) => (align(i) === 'left' ? '' : `text-align:${align(i)};`);
  const th = (i: number, width: number) => `<td valign="bottom" style="width:${width - CELL_PADDING}px;padding:6px 8px;${alignStyle(i)}">${escapeHtml(columns[i].title)}</td>`;
  const header = `<tr><td style="padding:0;background:${COLORS.head};background-color:${COLORS.head};border-bottom:1px solid ${COLORS.rule};">${blocks.map((b) => block(columns, b, HEAD_TEXT, th)).join('')}</td></tr>`;
  const body = rows
    .map((row, r) => {
      const td = (i: number, width: number) => {
        const nowrap = align(i) === 'right' || columns[i]?.nowrap ? 'white-space:nowrap;' : '';
        return `<td valign="top" style="width:${width - CELL_PADDING}px;padding:6px 8px;${alignStyle(i)}${nowrap}">${content(row[i] ?? '')}</td>`;
      };
      const lines = (notes?.[r] ?? [])
        .filter((line) => line !== '')
        .map((line, k) =>
          k === 0
            ? `<div style="${FONT}font-size:12px;line-height:17px;color:${COLORS.muted};padding:0 8px 4px 8px;">${escapeHtml(line)}</div>`
            : `<div style="${FONT}font-size:11px;line-height:16px;color:${COLORS.faint};padding:0 8px 4px 8px;">${escapeHtml(line)}</div>`,
        )
        .join('');
      return `<tr><td style="padding:0 0 ${lines ? 4 : 0}px 0;border-bottom:1px solid ${COLORS.rule};">${blocks.map((b) => block(columns, b, CELL_TEXT, td)).join('')}${lines}</td></tr>`;
    })
    .join('');
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;margin:0 0 8px 0;">${header}${body}</table>`;
}

/** One solid block of a bar: a table cell with a width and a background (no images, no CSS classes). */
function barBlock(width: number, color: string): string {
  if (width <= 0) return '';
  return `<td width="${width}" style="width:${width}px;height:12px;background:${color};background-color:${color};font-size:1px;line-height:1px;padding:0;">&nbsp;</td>`;
}

/**
 * A bar centred on the target: drift below target grows left, above grows right, `fraction` of
 * the half-width (0..1). A dark 2 px line marks the target.
 */
export function divergingBar(fraction: number, side: 'over' | 'under', color: string, halfWidth = 50): string {
  const fill = Math.round(Math.min(1, Math.max(0, fraction)) * halfWidth);
  const left = side === 'under' ? barBlock(halfWidth - fill, COLORS.track) + barBlock(fill, color) : barBlock(halfWidth, COLORS.track);
  const right = side === 'over' ? barBlock(fill, color) + barBlock(halfWidth - fill, COLORS.track) : barBlock(halfWidth, COLORS.track);
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="${halfWidth * 2 + 2}" style="border-collapse:collapse;width:${halfWidth * 2 + 2}px;"><tr>${left}${barBlock(2, COLORS.ink)}${right}</tr></table>`;
}

export function badge(text: string, color: string): string {
  return `<span style="${FONT}font-size:12px;font-weight:bold;color:${color};">${escapeHtml(text)}</span>`;
}

/** The whole message: a column of at most 600 px that shrinks with the screen, every style inline. */
export function page(title: string, bodyHtml: string): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    `<body style="margin:0;padding:0;background:#fafafa;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#fafafa;"><tr><td align="center" style="padding:16px 8px;">`,
    // width="600" for clients that ignore CSS widths (Outlook's Word engine); everyone else takes the fluid style.
    `<table role="presentation" width="${PAGE_WIDTH}" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:${PAGE_WIDTH}px;background:#ffffff;border:1px solid ${COLORS.rule};"><tr><td style="padding:20px 16px;${FONT}color:${COLORS.ink};overflow-wrap:break-word;word-wrap:break-word;">`,
    bodyHtml,
    '</td></tr></table></td></tr></table></body></html>',
  ].join('');
}

export function button(label: string, href: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:16px 0;"><tr><td style="background:#1a73e8;border-radius:4px;padding:10px 18px;"><a href="${escapeHtml(href)}" target="_blank" style="${FONT}font-size:14px;font-weight:bold;color:#ffffff;text-decoration:none;">${escapeHtml(label)}</a></td></tr></table>`;
}
