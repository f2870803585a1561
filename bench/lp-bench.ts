/** Times the simplex on planner-shaped models of growing size: `npm run bench:lp`. */
import { solveLinearProgram } from '../src/engine/linear-program';
import { plannerShapedModel } from '../test/linear-program/planner-shaped-model';

for (const lots of [1_000, 5_000, 8_280, 20_000]) {
  const model = plannerShapedModel(lots, 7);
  const started = performance.now();
  const solution = solveLinearProgram(model);
  const ms = performance.now() - started;
  console.log(`${String(lots).padStart(6)} lots: ${model.columns.length} columns, ${model.rows.length} rows, ${solution.status}, ${solution.iterations} iterations, ${ms.toFixed(0)} ms, objective ${solution.objective.toFixed(2)}`);
}
