/**
 * Wall-clock parts of an instant in an IANA time zone, through Intl (available in Node, in
 * browsers and in Apps Script): the fakes need them for Utilities.formatDate and for turning
 * typed dates into the spreadsheet's midnight.
 */
export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function wallClock(date: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour === 24 ? 0 : parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The instant at which the wall clock in `timeZone` reads the given local time. */
export function zonedInstant(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  let guess = wanted;
  // Two corrections settle every zone offset, DST edges included.
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(guess), timeZone);
    const seen = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    guess += wanted - seen;
  }
  return new Date(guess);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Utilities.formatDate for the SimpleDateFormat letters the project uses: yyyy, yy, MM, dd,
 * HH, mm, ss, and quoted literals. Any other letter throws, so an unsupported pattern fails in
 * tests instead of printing something Apps Script would not.
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const w = wallClock(date, timeZone);
  const tokens: Record<string, string> = {
    yyyy: String(w.year),
    yy: pad(w.year % 100),
    MM: pad(w.month),
    dd: pad(w.day),
    HH: pad(w.hour),
    mm: pad(w.minute),
    ss: pad(w.second),
  };
  return pattern.replace(/'([^']*)'|([A-Za-z])\2*/g, (match: string, quoted: string | undefined) => {
    if (quoted !== undefined) return quoted === '' ? "'" : quoted;
    const value = tokens[match];
    if (value === undefined) throw new Error(`fake Utilities.formatDate: pattern letter "${match}" is not supported`);
    return value;
  });
}
