/**
 * Input, options and result of the solve stage (Levenberg–Marquardt on SE(3)).
 *
 * Geometry: entity i is a box with centre p_i, orientation q_i (unit quaternion [w, x, y, z]) and half extents
 * h_i. Extents are treated as a box aligned with the WORLD axes, [p − h, p + h]: they do not rotate with the
 * entity (docs/CONVENTIONS.md). Orientation only matters to the orientation relations (angle, aligned without an
 * axis, parallel, perpendicular).
 */
import type { Constraint, Entity } from '../types.js';

/** One scene to solve: its entities, its constraints and the network's initial poses. */
export interface SolveInput {
  /** Entities; their order is the order of the pose arrays. */
  entities: readonly Entity[];
  /** Constraints; subject and targets are entity names, targets [] means relative to the world. */
  constraints: readonly Constraint[];
  /** N·3 initial positions, metres. Non-finite entries are replaced by a default layout. */
  positions: Float64Array | Float32Array;
  /** N·4 initial quaternions [w, x, y, z]; normalised on entry, identity where not finite or zero. */
  orientations: Float64Array | Float32Array;
}

/** Solver settings; every field is optional. */
export interface SolveOptions {
  /** Upper bound on LM iterations (linear solves), all rounds together. Default 100. */
  maxIterations?: number;
  /** Weight of the pull towards the initial poses (metres and radians alike). Default 1e-2. */
  priorWeight?: number;
  /** Tolerance of positional constraints when the constraint gives none, metres. Default 1e-3. */
  defaultTolerance?: number;
  /** Tolerance of orientation constraints (angle, aligned without axis, parallel, perpendicular), radians. Default 1e-2. */
  angularTolerance?: number;
  /**
   * A `performance.now()` value after which the solver stops cooperatively: checked between LM iterations; when
   * passed, the solve returns its current (finite) poses with `timedOut: true`. Default: none.
   */
  deadline?: number;
}

/** Options with every default filled in (the deadline stays optional: none means no time limit). */
export type ResolvedSolveOptions = Required<Omit<SolveOptions, 'deadline'>> & { deadline?: number };

/** Defaults of SolveOptions. */
export const DEFAULT_SOLVE_OPTIONS: Readonly<ResolvedSolveOptions> = Object.freeze({
  maxIterations: 100,
  priorWeight: 1e-2,
  defaultTolerance: 1e-3,
  angularTolerance: 1e-2,
});

/** Outcome of one constraint at the solution. */
export interface ConstraintOutcome {
  /** Norm of the constraint's residual without any solver margin: metres, or radians for orientation relations. */
  residual: number;
  /** residual ≤ tolerance. */
  satisfied: boolean;
}

/** The refined poses and how well they meet the constraints. */
export interface SolveResult {
  /** N·3 positions, metres; always finite. */
  positions: Float64Array;
  /** N·4 unit quaternions [w, x, y, z] with w ≥ 0; always finite. */
  orientations: Float64Array;
  /** LM iterations run (each one linear solve), all rounds together. */
  iterations: number;
  /** True when the last round stopped on a convergence test (small step, small gradient, zero cost), not on maxIterations. */
  converged: boolean;
  /** True when the solve stopped because `deadline` passed; the poses are the state reached by then. */
  timedOut: boolean;
  /** Root-mean-square over every residual row (constraints, implicit terms, prior towards the initial poses). */
  rmsResidual: number;
  /** One entry per input constraint, same order. */
  constraints: ConstraintOutcome[];
  /** Largest violation of the always-on terms at the solution, metres. */
  implicitViolations: {
    /** Depth below the ground, or distance of a floor-standing entity from resting on it. */
    ground: number;
    /** Deepest overlap between two boxes that are not related by `inside`. */
    interpenetration: number;
  };
}
