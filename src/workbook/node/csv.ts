/**
 * RFC 4180 CSV: fields separated by commas, rows by CRLF (LF and lone CR accepted), fields in
 * double quotes may hold commas, line breaks and doubled quotes (""). A leading byte-order mark
 * is dropped. Every cell is a string, as a CSV has no types; the reader parses them.
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
      continue;
    }
    if (c === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  // The last line needs no line break after it; a final line break makes no empty row.
  if (fieldStarted || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A cell as CSV text: Dates as their UTC calendar day (how the .xlsx side stores them). */
export function csvCellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (Object.prototype.toString.call(cell) === '[object Date]') {
    const d = cell as Date;
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

function quote(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to RFC 4180 text, CRLF line ends, quoting only where needed. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map((cell) => quote(csvCellText(cell))).join(',')).join('\r\n') + '\r\n';
}
