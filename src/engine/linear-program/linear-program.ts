/**
 * A linear program in the shape the simplex solver wants: minimize `cost · x` subject to
 * `rowLower ≤ A x ≤ rowUpper` and `lower ≤ x ≤ upper`, with A stored by column (a planner model
 * has tens of thousands of lot columns and a few hundred rows; each lot column touches a handful
 * of rows). Bounds may be infinite; an equality row has equal bounds.
 *
 * The optimizer works in binary floating point on purpose: it only chooses which lots and funds to
 * trade and roughly how much. Every amount the user sees is recomputed from its choice in Decimal.
 */
export interface LinearProgram {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

export interface Column {
  readonly name: string;
  readonly cost: number;
  readonly lower: number;
  readonly upper: number;
  /** Coefficients of this column in the rows it touches: `[row index, coefficient]`. */
  readonly entries: readonly (readonly [row: number, coefficient: number])[];
}

export interface Row {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Builds a `LinearProgram` by name, so a model reads like its algebra:
 * `const x = lp.column('sell_L1', { cost: 0.2, upper: 10 }); lp.row('cash_TB', [[x, 412.5]], { lower: 0 })`.
 */
export class LinearProgramBuilder {
  private readonly columnList: { name: string; cost: number; lower: number; upper: number; entries: [number, number][] }[] = [];
  private readonly rowList: Row[] = [];

  column(name: string, spec: { cost?: number; lower?: number; upper?: number } = {}): number {
    const lower = spec.lower ?? 0;
    const upper = spec.upper ?? Infinity;
    if (lower > upper) throw new Error(`Column ${name}: lower bound ${lower} is above upper bound ${upper}`);
    assertUsable(name, spec.cost ?? 0);
    this.columnList.push({ name, cost: spec.cost ?? 0, lower, upper, entries: [] });
    return this.columnList.length - 1;
  }

  /** Adds `cost` to a column's objective coefficient (several reasons may price one trade). */
  addCost(column: number, cost: number): void {
    assertUsable(this.columnList[column]!.name, cost);
    this.columnList[column]!.cost += cost;
  }

  row(name: string, terms: readonly (readonly [column: number, coefficient: number])[], bounds: { lower?: number; upper?: number }): number {
    const lower = bounds.lower ?? -Infinity;
    const upper = bounds.upper ?? Infinity;
    if (lower > upper) throw new Error(`Row ${name}: lower bound ${lower} is above upper bound ${upper}`);
    const index = this.rowList.length;
    this.rowList.push({ name, lower, upper });
    // Repeated columns add up, as they would in the algebra.
    const merged = new Map<number, number>();
    for (const [column, coefficient] of terms) {
      assertUsable(name, coefficient);
      merged.set(column, (merged.get(column) ?? 0) + coefficient);
    }
    for (const [column, coefficient] of merged) {
      if (coefficient !== 0) this.columnList[column]!.entries.push([index, coefficient]);
    }
    return index;
  }

  build(): LinearProgram {
    return {
      columns: this.columnList.map((c) => ({ ...c, entries: c.entries.map((e) => [e[0], e[1]] as const) })),
      rows: this.rowList.slice(),
    };
  }
}

function assertUsable(where: string, value: number): void {
  if (!Number.isFinite(value)) throw new Error(`${where}: coefficient ${value} is not a finite number`);
}
