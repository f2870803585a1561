/**
 * A short deterministic id for a plan: a 64-bit FNV-1a style hash over the canonical text of its inputs.
 * Not cryptographic (nothing here needs secrecy); it only has to make the same workbook and
 * options give the same id, and different ones almost surely differ, so a plan recorded twice
 * can be recognised. Pure JS: Apps Script has no `crypto`.
 */
export function fnv1a64(text: string): string {
  // Two 32-bit FNV-1a lanes with different offset bases, in Math.imul arithmetic: BigInt per
  // character was the slowest part of planning a 20,000-lot household.
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h1 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
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
