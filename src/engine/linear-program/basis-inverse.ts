/**
 * The inverse of the simplex basis, kept dense (a planner model has a few hundred rows, so an
 * m×m matrix is small next to the tens of thousands of columns priced each iteration). It is
 * updated in product form after each pivot and rebuilt from scratch every so often, which keeps
 * the rounding error of the updates from piling up.
 */
export class BasisInverse {
  /** Row-major m×m. */
  private readonly values: Float64Array;

  constructor(readonly size: number) {
    this.values = new Float64Array(size * size);
  }

  /**
   * Inverts the basis whose i-th column is `columnOf(i)` (sparse `[row, coefficient]` pairs) by
   * Gauss-Jordan elimination with partial pivoting. Returns false when the basis is singular.
   */
  refactor(columnOf: (position: number) => readonly (readonly [number, number])[]): boolean {
    const m = this.size;
    const work = new Float64Array(m * m);
    for (let position = 0; position < m; position++) {
      for (const [row, coefficient] of columnOf(position)) work[row * m + position] = coefficient;
    }
    const inverse = this.values;
    inverse.fill(0);
    for (let i = 0; i < m; i++) inverse[i * m + i] = 1;
    for (let col = 0; col < m; col++) {
      let pivotRow = col;
      let best = Math.abs(work[col * m + col]!);
      for (let r = col + 1; r < m; r++) {
        const size = Math.abs(work[r * m + col]!);
        if (size > best) {
          best = size;
          pivotRow = r;
        }
      }
      if (best < 1e-11) return false;
      if (pivotRow !== col) {
        swapRows(work, m, pivotRow, col);
        swapRows(inverse, m, pivotRow, col);
      }
      const pivot = work[col * m + col]!;
      scaleRow(work, m, col, 1 / pivot);
      scaleRow(inverse, m, col, 1 / pivot);
      for (let r = 0; r < m; r++) {
        if (r === col) continue;
        const factor = work[r * m + col]!;
        if (factor === 0) continue;
        subtractRow(work, m, r, col, factor);
        subtractRow(inverse, m, r, col, factor);
      }
    }
    return true;
  }

  /** `B⁻¹ a` for a sparse column `a`. */
  times(column: readonly (readonly [number, number])[], out: Float64Array): Float64Array {
    const m = this.size;
    out.fill(0);
    for (const [row, coefficient] of column) {
      for (let i = 0; i < m; i++) out[i] += this.values[i * m + row]! * coefficient;
    }
    return out;
  }

  /** `B⁻¹ v` for a dense vector. */
  timesDense(vector: Float64Array, out: Float64Array): Float64Array {
    const m = this.size;
    for (let i = 0; i < m; i++) {
      let sum = 0;
      for (let j = 0; j < m; j++) sum += this.values[i * m + j]! * vector[j]!;
      out[i] = sum;
    }
    return out;
  }

  /** `cᵀ B⁻¹` (the simplex multipliers, or duals, for basic costs `c`). */
  leftTimes(costs: Float64Array, out: Float64Array): Float64Array {
    const m = this.size;
    out.fill(0);
    for (let i = 0; i < m; i++) {
      const c = costs[i]!;
      if (c === 0) continue;
      for (let j = 0; j < m; j++) out[j] += c * this.values[i * m + j]!;
    }
    return out;
  }

  /** The basis column at `position` is replaced by one whose `B⁻¹ a` is `alpha`. */
  pivot(position: number, alpha: Float64Array): void {
    const m = this.size;
    const inverse = this.values;
    scaleRow(inverse, m, position, 1 / alpha[position]!);
    for (let r = 0; r < m; r++) {
      if (r === position) continue;
      const factor = alpha[r]!;
      if (factor !== 0) subtractRow(inverse, m, r, position, factor);
    }
  }
}

function swapRows(matrix: Float64Array, m: number, a: number, b: number): void {
  for (let j = 0; j < m; j++) {
    const t = matrix[a * m + j]!;
    matrix[a * m + j] = matrix[b * m + j]!;
    matrix[b * m + j] = t;
  }
}

function scaleRow(matrix: Float64Array, m: number, row: number, factor: number): void {
  for (let j = 0; j < m; j++) matrix[row * m + j] *= factor;
}

/** row `target` -= factor × row `source`. */
function subtractRow(matrix: Float64Array, m: number, target: number, source: number, factor: number): void {
  for (let j = 0; j < m; j++) {
    const s = matrix[source * m + j]!;
    if (s !== 0) matrix[target * m + j] -= factor * s;
  }
}
