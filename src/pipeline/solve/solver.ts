/**
 * The solve stage's entry points: a reusable solver that keeps its workspace between scenes, and solveScene
 * for a one-off call.
 *
 * A solve runs in rounds, each an LM run from the previous round's poses:
 *  1. the constraints, ground and prior only, WITHOUT non-interpenetration: boxes may pass through each other
 *     on the way to the arrangement the constraints ask for (with collisions on from the start, a chain of
 *     relations often jams in a local minimum where one box blocks another);
 *  2. the same with non-interpenetration on, pulled towards round 1's solution (re-anchored), unless round 1
 *     already ended with every constraint holding and no overlap deeper than a tenth of the tolerance;
 *  3. and 4. only while some constraint does not hold or an implicit term is violated by more than a tenth of
 *     the tolerance: re-anchored at the solution and solved again (without the keep-in preference when a
 *     constraint still did not hold and a supported centre is outside its keep-in zone — then with one round
 *     more —, else without the support-centring preference too: neither ever costs a constraint). The prior's pull biases equalities and chains
 *     of hinges by about priorWeight² × displacement; re-anchoring (a proximal-point continuation) shrinks that
 *     bias geometrically and keeps the gauge fixed.
 * Contradictory scenes use up the rounds and report `satisfied: false` with finite best-effort poses.
 * An optional `deadline` (a performance.now() value) is checked between LM iterations: once passed, the solve
 * stops cooperatively and returns the poses reached so far with `timedOut: true`.
 */
import { ConfigError } from '../../errors.js';
import { runLevenbergMarquardt } from './lm-solver.js';
import { compileProblem } from './problem.js';
import { CENTRING_WEIGHT, KEEP_IN_WEIGHT, keepInViolation } from './terms.js';
import { allConstraintsHold, buildResult, groundViolation, interpenetration } from './solution.js';
import { DEFAULT_SOLVE_OPTIONS, type ResolvedSolveOptions, type SolveInput, type SolveOptions, type SolveResult } from './types.js';
import { SolverWorkspace } from './workspace.js';

/** Most LM rounds of one solve (the first plus re-anchored ones). */
export const MAX_ROUNDS = 4;
/** Implicit-term violation (share of defaultTolerance) that still triggers another round. */
export const IMPLICIT_SHARE = 0.1;

/** A solver that reuses its typed-array buffers across calls (grown when a larger scene arrives). */
export interface Solver {
  /** Solves one scene; `options` override the solver's defaults for this call. */
  solve(input: SolveInput, options?: SolveOptions): SolveResult;
}

/** Fills in defaults; throws ConfigError for values that cannot be used. */
export function resolveSolveOptions(options: SolveOptions = {}, base: Readonly<ResolvedSolveOptions> = DEFAULT_SOLVE_OPTIONS): ResolvedSolveOptions {
  const out: ResolvedSolveOptions = { ...base };
  const { maxIterations, priorWeight, defaultTolerance, angularTolerance, deadline } = options;
  if (maxIterations !== undefined) {
    if (!Number.isInteger(maxIterations) || maxIterations < 0) throw new ConfigError(`solver maxIterations must be a non-negative integer, got ${maxIterations}`);
    out.maxIterations = maxIterations;
  }
  if (priorWeight !== undefined) {
    if (!(Number.isFinite(priorWeight) && priorWeight > 0)) throw new ConfigError(`solver priorWeight must be a positive number, got ${priorWeight}`);
    out.priorWeight = priorWeight;
  }
  if (defaultTolerance !== undefined) {
    if (!(Number.isFinite(defaultTolerance) && defaultTolerance > 0)) throw new ConfigError(`solver defaultTolerance must be a positive number, got ${defaultTolerance}`);
    out.defaultTolerance = defaultTolerance;
  }
  if (angularTolerance !== undefined) {
    if (!(Number.isFinite(angularTolerance) && angularTolerance > 0)) throw new ConfigError(`solver angularTolerance must be a positive number, got ${angularTolerance}`);
    out.angularTolerance = angularTolerance;
  }
  if (deadline !== undefined) {
    if (typeof deadline !== 'number' || Number.isNaN(deadline)) throw new ConfigError(`solver deadline must be a performance.now() value, got ${String(deadline)}`);
    out.deadline = deadline;
  }
  return out;
}

function solveWith(ws: SolverWorkspace, input: SolveInput, options: ResolvedSolveOptions): SolveResult {
  compileProblem(ws, input, options);
  const N = ws.entities;
  const implicitLimit = IMPLICIT_SHARE * options.defaultTolerance;
  ws.implicitLimit = implicitLimit;
  let iterations = 0;
  let converged = true;
  let timedOut = false;
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  ws.centring = CENTRING_WEIGHT;
  ws.keepIn = KEEP_IN_WEIGHT;
  /** One more round when the keep-in term alone was dropped (the centring then still gets its rounds). */
  let extra = 0;
  for (let round = 0; round < MAX_ROUNDS + extra; round++) {
    ws.collisions = round > 0;
    const run = runLevenbergMarquardt(ws, options.priorWeight, options.maxIterations - iterations, deadline);
    iterations += run.iterations;
    converged = run.converged;
    if (run.timedOut) {
      timedOut = true;
      break;
    }
    if (iterations >= options.maxIterations) break;
    const overlap = interpenetration(ws);
    const hold = allConstraintsHold(ws);
    if (overlap <= implicitLimit && groundViolation(ws) <= implicitLimit && hold) break;
    // Centring and keep-in are preferences: once a round with collisions on ends with a constraint not holding, or
    // with objects still overlapping (eight crates in a line on a dolly, pulled together towards its centre), drop
    // the keep-in when it is not met (the scene cannot keep every centre that far inside), else the centring too.
    if ((!hold || overlap > implicitLimit) && round > 0) {
      if (ws.keepIn > 0 && keepInViolation(ws) > implicitLimit) {
        ws.keepIn = 0;
        extra = 1;
      } else {
        ws.centring = 0;
        ws.keepIn = 0;
      }
    }
    for (let c = 0; c < N * 3; c++) ws.anchorPos[c] = ws.pos[c];
    for (let c = 0; c < N * 4; c++) ws.anchorQuat[c] = ws.quat[c];
  }
  return buildResult(ws, options.priorWeight, iterations, converged, timedOut);
}

/**
 * Creates a solver whose workspace is kept between calls: a batch of thousands of small scenes allocates only
 * their results. `defaults` replace DEFAULT_SOLVE_OPTIONS for every call.
 */
export function createSolver(defaults: SolveOptions = {}): Solver {
  const base = resolveSolveOptions(defaults);
  const ws = new SolverWorkspace();
  return {
    solve: (input, options) => solveWith(ws, input, options === undefined ? base : resolveSolveOptions(options, base)),
  };
}

/** Solves one scene with a fresh workspace. Throws InputError for malformed input, ConfigError for bad options. */
export function solveScene(input: SolveInput, options?: SolveOptions): SolveResult {
  return solveWith(new SolverWorkspace(), input, resolveSolveOptions(options));
}
