/**
 * A short deterministic id for a plan: 64-bit FNV-1a over the canonical text of its inputs.
 * Not cryptographic (nothing here needs secrecy); it only has to make the same workbook and
 * options give the same id, and different ones almost surely differ, so a plan recorded twice
 * can be recognised. Pure JS: Apps Script has no `crypto`.
 */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * prime) & mask;
  }
  return hash.toString(16).padStart(16, '0');
}

/** JSON with object keys sorted and Decimals as their plain strings, so equal inputs give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}
