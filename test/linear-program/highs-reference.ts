import highsLoader from 'highs';
import type { LinearProgram } from '../../src/engine/linear-program';

/**
 * The same LP solved by HiGHS (a dev-only WebAssembly build of an industrial solver), as the
 * independent yardstick for our simplex. Rows with two finite bounds become two rows, since
 * CPLEX LP format has no ranged rows.
 */
type Highs = Awaited<ReturnType<typeof highsLoader>>;
let instance: Promise<Highs> | null = null;

export interface HighsAnswer {
  status: 'optimal' | 'infeasible' | 'unbounded' | 'other';
  objective: number;
  x: number[];
}

export async function solveWithHighs(lp: LinearProgram): Promise<HighsAnswer> {
  instance ??= highsLoader();
  const solver = await instance;
  // Presolve off: HiGHS's presolve reports some unbounded models as infeasible (seen on a model
  // whose only row fixed a column at 0), and the yardstick must give the exact verdict.
  const result = solver.solve(toLpText(lp), { output_flag: false, presolve: 'off' });
  const status = result.Status === 'Optimal' ? 'optimal' : result.Status === 'Infeasible' ? 'infeasible' : result.Status === 'Unbounded' ? 'unbounded' : 'other';
  const columns = result.Columns as Record<string, { Primal?: number }>;
  return { status, objective: result.ObjectiveValue, x: lp.columns.map((_, j) => columns[`x${j}`]?.Primal ?? 0) };
}

function toLpText(lp: LinearProgram): string {
  const terms: string[][] = lp.rows.map(() => []);
  lp.columns.forEach((column, j) => {
    for (const [row, coefficient] of column.entries) terms[row]!.push(`${sign(coefficient)} ${Math.abs(coefficient)} x${j}`);
  });
  const lines = ['Minimize', ` obj: ${lp.columns.map((c, j) => `${sign(c.cost)} ${Math.abs(c.cost)} x${j}`).join(' ') || '0 x0'}`, 'Subject To'];
  lp.rows.forEach((row, i) => {
    // HiGHS's LP reader calls a row of only zero terms infeasible; an empty row holds 0, so it
    // is either always met or never.
    if (terms[i]!.length === 0) {
      if (row.lower > 0 || row.upper < 0) lines.push(` r${i}: x0 - x0 >= 1`);
      return;
    }
    const expression = terms[i]!.join(' ');
    if (row.lower === row.upper) lines.push(` r${i}: ${expression} = ${row.lower}`);
    else {
      if (Number.isFinite(row.lower)) lines.push(` r${i}lo: ${expression} >= ${row.lower}`);
      if (Number.isFinite(row.upper)) lines.push(` r${i}hi: ${expression} <= ${row.upper}`);
    }
  });
  lines.push('Bounds');
  lp.columns.forEach((column, j) => {
    const lower = Number.isFinite(column.lower) ? String(column.lower) : '-inf';
    const upper = Number.isFinite(column.upper) ? String(column.upper) : '+inf';
    lines.push(` ${lower} <= x${j} <= ${upper}`);
  });
  lines.push('End');
  return lines.join('\n');
}

function sign(value: number): string {
  return value < 0 ? '-' : '+';
}
