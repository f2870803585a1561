/**
 * Google's urlFetchWhitelist rules (developers.google.com/apps-script/manifest/allowlist-url),
 * so the fake UrlFetchApp refuses exactly what Apps Script refuses:
 * - an entry is a valid https:// URL with a full domain and a non-empty path
 *   (`https://www.google.com/` is valid, `https://www.google.com` is not);
 * - a single `*` may stand only for the leading subdomain (`https://*.example.com/foo`); it
 *   matches one or more labels (`a.example.com`, `a.b.example.com`) but not the bare domain;
 * - path matching is case-sensitive (the host, as in DNS, is not: *unconfirmed*); a URL matches
 *   when it is the prefix or a child of it: `https://example.com/foo` matches `/foo`, `/foo/`,
 *   `/foo/bar`, `/foo?bar` and `/foo#bar`, not `/foobar`.
 */

interface Parsed {
  host: string;
  rest: string;
}

function split(url: string): Parsed | null {
  const m = /^https:\/\/([^/?#\s]+)([^\s]*)$/i.exec(url);
  return m ? { host: m[1].toLowerCase(), rest: m[2] } : null;
}

/** Null when `prefix` is a valid entry, else why not (the manifest would be refused). */
export function allowlistEntryProblem(prefix: string): string | null {
  if (!/^https:\/\//.test(prefix)) return `${prefix}: URLs must use the HTTPS scheme`;
  const p = split(prefix);
  if (!p) return `${prefix}: not a valid URL`;
  if (p.rest === '' || !p.rest.startsWith('/')) return `${prefix}: a prefix needs a non-empty path (end it with /)`;
  const labels = p.host.split('.');
  const wild = labels.filter((l) => l.includes('*'));
  if (wild.length > 1 || (wild.length === 1 && labels[0] !== '*')) return `${prefix}: a wildcard may only be the leading subdomain (https://*.example.com/)`;
  const fixed = labels[0] === '*' ? labels.slice(1) : labels;
  if (fixed.length < 2 || fixed.some((l) => !/^[a-z0-9-]+$/.test(l))) return `${prefix}: a prefix needs a full domain`;
  if (p.rest.includes('*')) return `${prefix}: a wildcard may only be the leading subdomain`;
  return null;
}

export function urlMatchesAllowlistEntry(url: string, prefix: string): boolean {
  const u = split(url);
  const p = split(prefix);
  if (!u || !p) return false;
  if (p.host.startsWith('*.')) {
    const domain = p.host.slice(1); // ".example.com"
    if (!u.host.endsWith(domain) || u.host.length === domain.length) return false;
  } else if (u.host !== p.host) return false;
  if (!u.rest.startsWith(p.rest)) return false;
  const next = u.rest.charAt(p.rest.length);
  return next === '' || p.rest.endsWith('/') || next === '/' || next === '?' || next === '#';
}

/** Apps Script's words when a fetch is not allowed by the manifest (as users report them). */
export function notAllowlistedMessage(url: string): string {
  return `Request to ${url} failed because the URL has not been whitelisted in the script manifest.`;
}
