/** The solve stage: Levenberg–Marquardt on SE(3) refining initial poses until the scene's constraints hold. */
export { createSolver, MAX_ROUNDS, resolveSolveOptions, solveScene, type Solver } from './solver.js';
export {
  DEFAULT_SOLVE_OPTIONS,
  type ConstraintOutcome,
  type ResolvedSolveOptions,
  type SolveInput,
  type SolveOptions,
  type SolveResult,
} from './types.js';
export { SolverWorkspace } from './workspace.js';
