/**
 * The closest of `candidates` to what the user typed, or null when none is close enough to be a
 * likely typo. Compared ignoring case, dashes and underscores (so `--lotMethod` and `--as_of`
 * find `--lot-method` and `--as-of`); one edit per three letters is a typo, a swapped pair of
 * letters counts as one edit (`--cahs`), and a unique prefix or part of a name counts too
 * (`--lot`, `--method` -> `--lot-method`).
 */
export function closest(typed: string, candidates: readonly string[]): string | null {
  const word = normalize(typed);
  if (word === '') return null;
  let best: { candidate: string; score: number } | null = null;
  let tie = false;
  for (const candidate of candidates) {
    const score = distance(word, normalize(candidate));
    if (best === null || score < best.score) {
      best = { candidate, score };
      tie = false;
    } else if (score === best.score && normalize(candidate) !== normalize(best.candidate)) {
      tie = true;
    }
  }
  if (best === null) return null;
  const allowed = Math.max(1, Math.floor(word.length / 3));
  if (best.score <= allowed && !(tie && best.score > 0)) return best.candidate;
  const containing = word.length >= 3 ? candidates.filter((c) => normalize(c).includes(word)) : [];
  return containing.length === 1 ? containing[0] : null;
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[-_\s]/g, '');
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function distance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
