/**
 * Plain-text email layout. Prose is left as one line a paragraph: mail clients wrap text/plain
 * to their own width, and a line hard-wrapped at 78 would wrap again, raggedly, on a phone.
 * A table cannot be re-flowed, so it is kept within 78 characters, the most RFC 5322
 * (section 2.1.1) says a line should hold.
 */
export const TABLE_WIDTH = 78;

function columns(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[], gap: string): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join(gap)
      .trimEnd();
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join(gap), ...rows.map(fmt)];
}

/**
 * A plain-text table with padded columns; `right[i]` right-aligns column i (numbers). Columns
 * are two spaces apart, or one when that is what fits in `width`; when even that is too wide
 * (long account names, long lot ids), each row becomes one line that the client wraps:
 * "- first cell: Header value, Header value, ...".
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[] = [], width: number = TABLE_WIDTH): string {
  for (const gap of ['  ', ' ']) {
    const lines = columns(header, rows, right, gap);
    if (lines.every((l) => l.length <= width)) return lines.join('\n');
  }
  return rows
    .map((row) => {
      const rest = row.slice(1).flatMap((cell, i) => (cell === '' ? [] : [`${header[i + 1]} ${cell}`]));
      return `- ${row[0] ?? ''}${rest.length > 0 ? `: ${rest.join(', ')}` : ''}`;
    })
    .join('\n');
}
