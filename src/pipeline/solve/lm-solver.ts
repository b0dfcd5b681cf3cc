/**
 * Levenberg–Marquardt on (R³ × SO(3))ᴺ: unknowns δ = (δp, δω) per entity (δω only for entities that an
 * orientation relation moves), update p ← p + δp, q ← q ⊗ exp(δω). Dense normal equations (JᵀJ + μI) h = −Jᵀr
 * solved by Cholesky in the workspace's buffers; damping updated by Nielsen's rule (K. Madsen, H. B. Nielsen,
 * O. Tingleff, "Methods for Non-Linear Least Squares Problems", 2004, §3.2 and Algorithm 3.16).
 * Nothing is allocated inside the iteration loop.
 */
import { accumulateRows, solveDamped } from './normal-equations.js';
import { quatMultiply, quatNormalize } from './quaternion.js';
import { constraintResidual } from './residuals.js';
import { so3Exp } from './se3.js';
import { addPrior, centringResidual, groundResidual, keepInResidual, penetrationResidual } from './terms.js';
import type { SolverWorkspace } from './workspace.js';

/** Phases of an LM iteration, for profiling (src/profile). */
export type SolverPhase = 'residuals' | 'jacobian' | 'normal-equations' | 'cholesky' | 'line-search';

/**
 * Phase timing for profiling: while an observer is set, every phase's time is reported to it. The residuals of
 * an evaluation are timed by an extra residual-only evaluation (so profiling costs about one more evaluation per
 * step); the Jacobian is the rest of the full evaluation after residuals and the normal-equation accumulation;
 * "line-search" is the step's retraction (LM's counterpart of a line search: the damping decides the step).
 * Unset (the default), nothing is timed.
 */
let phaseObserver: ((phase: SolverPhase, ms: number) => void) | undefined;
let accumulateMs = 0;

/** Sets (or clears, with undefined) the phase observer; returns the previous one. */
export function setPhaseObserver(observer: ((phase: SolverPhase, ms: number) => void) | undefined): typeof phaseObserver {
  const previous = phaseObserver;
  phaseObserver = observer;
  return previous;
}

function accumulate(ws: SolverWorkspace, rows: number, A: Float64Array, g: Float64Array): void {
  if (phaseObserver === undefined) return accumulateRows(ws, rows, A, g);
  const t0 = performance.now();
  accumulateRows(ws, rows, A, g);
  accumulateMs += performance.now() - t0;
}

/** evaluateTerms, timed by phase when an observer is set. */
function evaluate(ws: SolverWorkspace, priorWeight: number, A: Float64Array, g: Float64Array): number {
  const observer = phaseObserver;
  if (observer === undefined) return evaluateTerms(ws, priorWeight, A, g);
  const t0 = performance.now();
  evaluateTerms(ws, priorWeight, null, null);
  const t1 = performance.now();
  accumulateMs = 0;
  const cost = evaluateTerms(ws, priorWeight, A, g);
  const t2 = performance.now();
  observer('residuals', t1 - t0);
  observer('normal-equations', accumulateMs);
  observer('jacobian', Math.max(0, t2 - t1 - (t1 - t0) - accumulateMs));
  return cost;
}

function timed<T>(phase: SolverPhase, run: () => T): T {
  const observer = phaseObserver;
  if (observer === undefined) return run();
  const t0 = performance.now();
  const out = run();
  observer(phase, performance.now() - t0);
  return out;
}

/** Initial damping relative to the largest diagonal entry of JᵀJ (small: start close to Gauss–Newton). */
export const INITIAL_DAMPING = 1e-6;
/** Stop when the sum of squared residuals is at most this. */
export const COST_EPSILON = 1e-24;
/** Stop when the largest gradient entry |Jᵀr| is at most this. */
export const GRADIENT_EPSILON = 1e-14;
/** Stop when the step's Euclidean norm (metres and radians) is at most this. */
export const STEP_EPSILON = 1e-9;
/** Share of a constraint's tolerance its solving residual must be within for the scene to count as feasible. */
export const FEASIBLE_SHARE = 0.5;
/**
 * Stop when the scene is feasible and an accepted step lowered the cost by less than this share: what is left
 * is only the prior's pull, not worth the zigzag of hinge terms switching on and off.
 */
export const FEASIBLE_DECREASE = 1e-3;
/**
 * Stop when an accepted step lowered the cost by less than this share, feasible or not: near a solution on the
 * kinks of hinge terms LM zigzags with tiny gains; the solver's next round (re-anchored) does better.
 */
export const STALL_DECREASE = 1e-4;
/** Give up (a stationary point for all practical purposes) when the damping grows past this. */
export const MAX_DAMPING = 1e16;

/** How an LM run ended. */
export interface LmRun {
  /** Linear solves performed. */
  iterations: number;
  /** True when a convergence test (cost, gradient, step, damping ceiling) ended the run, false on the budget. */
  converged: boolean;
  /** True when the run stopped because the deadline passed. */
  timedOut: boolean;
}

/**
 * Sum of squared residual rows of every term at the poses ws.P/ws.Q (constraints with their solving margin,
 * support centring when ws.centring > 0, keep-in when ws.keepIn > 0, ground, non-interpenetration when ws.collisions, prior towards the anchor). When A and g are given, also fills
 * them with JᵀJ and Jᵀr. Sets ws.feasible.
 */
export function evaluateTerms(ws: SolverWorkspace, priorWeight: number, A: Float64Array | null, g: Float64Array | null): number {
  const wantJ = A !== null && g !== null;
  const n = ws.columns, N = ws.entities, r = ws.r;
  if (wantJ) {
    // Plain loops: a fill() call costs more than zeroing the few dozen entries of a small scene.
    for (let i = 0; i < n * n; i++) A[i] = 0;
    for (let i = 0; i < n; i++) g[i] = 0;
  }
  let sum = 0;
  let feasible = true;
  for (let ci = 0; ci < ws.constraintCount; ci++) {
    const rows = constraintResidual(ws, ci, true, wantJ);
    let s = 0;
    for (let i = 0; i < rows; i++) s += r[i] * r[i];
    sum += s;
    const limit = FEASIBLE_SHARE * ws.tolerance[ci];
    if (!(s <= limit * limit)) feasible = false;
    if (wantJ) accumulate(ws, rows, A, g);
    const centring = centringResidual(ws, ci, wantJ);
    if (centring > 0) {
      sum += r[0] * r[0] + r[1] * r[1];
      if (wantJ) accumulate(ws, centring, A, g);
    }
    const keepIn = keepInResidual(ws, ci, wantJ);
    if (keepIn > 0) {
      sum += r[0] * r[0] + r[1] * r[1];
      if (wantJ) accumulate(ws, keepIn, A, g);
    }
  }
  const implicitLimit = ws.implicitLimit;
  for (let e = 0; e < N; e++) {
    groundResidual(ws, e, wantJ);
    const v = r[0];
    sum += v * v;
    if (!(Math.abs(v) <= implicitLimit)) feasible = false;
    if (wantJ) accumulate(ws, 1, A, g);
  }
  if (ws.collisions) {
    for (let i = 0; i < N; i++) {
      for (let j = i + 1; j < N; j++) {
        if (ws.exempt[i * N + j] === 1) continue;
        const depth = penetrationResidual(ws, i, j, wantJ);
        if (depth !== 0) {
          sum += depth * depth;
          if (!(depth <= implicitLimit)) feasible = false;
          if (wantJ) accumulate(ws, 1, A, g);
        }
      }
    }
  }
  ws.feasible = feasible;
  sum += addPrior(ws, priorWeight, ws.anchorPos, ws.anchorQuat, A, g);
  return sum;
}

/** Writes the retraction of the current poses by step h into ws.trialPos / ws.trialQuat. */
function retract(ws: SolverWorkspace, h: Float64Array): void {
  const N = ws.entities;
  const pos = ws.pos, quat = ws.quat, tp = ws.trialPos, tq = ws.trialQuat, T = ws.tmp;
  for (let c = 0; c < N * 3; c++) tp[c] = pos[c] + h[c];
  for (let e = 0; e < N; e++) {
    const col = ws.rotColumn[e];
    if (col < 0) {
      for (let k = 0; k < 4; k++) tq[e * 4 + k] = quat[e * 4 + k];
    } else {
      so3Exp(T, 44, h[col], h[col + 1], h[col + 2]);
      quatMultiply(tq, e * 4, quat, e * 4, T, 44);
      quatNormalize(tq, e * 4, tq, e * 4);
    }
  }
}

/** Swaps the current and trial poses and normal equations (an accepted step). */
function acceptTrial(ws: SolverWorkspace): void {
  const p = ws.pos, q = ws.quat, A = ws.normal, g = ws.gradient;
  ws.pos = ws.trialPos;
  ws.quat = ws.trialQuat;
  ws.normal = ws.trialNormal;
  ws.gradient = ws.trialGradient;
  ws.trialPos = p;
  ws.trialQuat = q;
  ws.trialNormal = A;
  ws.trialGradient = g;
}

/**
 * Runs LM from the current poses (ws.pos / ws.quat) towards the terms' least-squares solution with the prior
 * pulling towards ws.anchorPos / ws.anchorQuat, for at most `budget` iterations, stopping early (timedOut) when
 * performance.now() passes `deadline` between iterations. Leaves the result in ws.pos / ws.quat.
 */
export function runLevenbergMarquardt(ws: SolverWorkspace, priorWeight: number, budget: number, deadline = Number.POSITIVE_INFINITY): LmRun {
  const n = ws.columns;
  ws.P = ws.pos;
  ws.Q = ws.quat;
  let cost = evaluate(ws, priorWeight, ws.normal, ws.gradient);
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, ws.normal[i * n + i]);
  let mu = INITIAL_DAMPING * Math.max(maxDiag, 1e-12);
  let nu = 2;
  let iterations = 0;

  const hasDeadline = deadline !== Number.POSITIVE_INFINITY;
  while (iterations < budget) {
    if (hasDeadline && performance.now() > deadline) return { iterations, converged: false, timedOut: true };
    const A = ws.normal, g = ws.gradient, h = ws.step;
    if (!(cost > COST_EPSILON)) return { iterations, converged: true, timedOut: false };
    let gmax = 0;
    for (let i = 0; i < n; i++) gmax = Math.max(gmax, Math.abs(g[i]));
    if (!(gmax > GRADIENT_EPSILON)) return { iterations, converged: true, timedOut: false };
    if (mu > MAX_DAMPING) return { iterations, converged: true, timedOut: false };

    iterations++;
    const solved = phaseObserver === undefined ? solveDamped(A, g, mu, n, ws.factor, ws.envelope, h) : timed('cholesky', () => solveDamped(A, g, mu, n, ws.factor, ws.envelope, h));
    if (!solved) {
      mu *= nu;
      nu *= 2;
      continue;
    }
    let h2 = 0;
    let predicted = 0; // L(0) − L(h) = ½ hᵀ(μh − g), times 2 to match `cost` (a plain sum of squares)
    for (let i = 0; i < n; i++) {
      h2 += h[i] * h[i];
      predicted += h[i] * (mu * h[i] - g[i]);
    }
    if (Math.sqrt(h2) <= STEP_EPSILON) return { iterations, converged: true, timedOut: false };

    if (phaseObserver === undefined) retract(ws, h);
    else timed('line-search', () => retract(ws, h));
    ws.P = ws.trialPos;
    ws.Q = ws.trialQuat;
    const trialCost = evaluate(ws, priorWeight, ws.trialNormal, ws.trialGradient);
    const rho = (cost - trialCost) / predicted;
    if (Number.isFinite(trialCost) && rho > 0) {
      acceptTrial(ws);
      const decrease = cost - trialCost;
      cost = trialCost;
      const previous = cost + decrease;
      if (decrease <= STALL_DECREASE * previous || (ws.feasible && decrease <= FEASIBLE_DECREASE * previous)) {
        return { iterations, converged: true, timedOut: false };
      }
      const t = 2 * rho - 1;
      mu *= Math.max(1 / 3, 1 - t * t * t);
      nu = 2;
    } else {
      mu *= nu;
      nu *= 2;
    }
    ws.P = ws.pos;
    ws.Q = ws.quat;
  }
  return { iterations, converged: false, timedOut: false };
}
