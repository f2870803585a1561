/**
 * Lower-triangular L with L x L^T = the given symmetric matrix (a correlation or covariance
 * matrix), or null when the matrix is not positive definite (e.g. correlations that cannot
 * hold together). Floating point: it shapes random draws, it never touches money.
 */
export function cholesky(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const lower = matrix.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    if (matrix[i].length !== n) return null;
    for (let j = 0; j <= i; j += 1) {
      let s = matrix[i][j];
      for (let k = 0; k < j; k += 1) s -= lower[i][k] * lower[j][k];
      if (i === j) {
        if (!(s > 1e-12)) return null;
        lower[i][i] = Math.sqrt(s);
      } else {
        lower[i][j] = s / lower[j][j];
      }
    }
  }
  return lower;
}
