export { LinearProgramBuilder } from './linear-program';
export type { Column, LinearProgram, Row } from './linear-program';
export { solveLinearProgram } from './revised-simplex';
export type { Solution, SolveOptions, SolveStatus } from './revised-simplex';
