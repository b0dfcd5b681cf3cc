/**
 * Reading the solution out of the workspace: per-constraint residuals without margin, the violations of the
 * implicit terms, the RMS over every residual row, and the output poses (finite, unit quaternions with w ≥ 0).
 */
import { penetrationDepth } from './boxes.js';
import { quatNormalize } from './quaternion.js';
import { constraintResidual, reportedResidual } from './residuals.js';
import { addPrior } from './terms.js';
import type { ConstraintOutcome, SolveResult } from './types.js';
import type { SolverWorkspace } from './workspace.js';

/** Largest ground violation at the current poses: depth below z = 0, or a floor-standing entity off the floor. */
export function groundViolation(ws: SolverWorkspace): number {
  let worst = 0;
  for (let e = 0; e < ws.entities; e++) {
    const lift = ws.pos[e * 3 + 2] - ws.half[e * 3 + 2];
    const v = ws.grounded[e] === 1 ? Math.abs(lift) : Math.max(0, -lift);
    if (v > worst) worst = v;
  }
  return worst;
}

/** Deepest interpenetration of two boxes not related by `inside`, at the current poses. */
export function interpenetration(ws: SolverWorkspace): number {
  const N = ws.entities;
  let worst = 0;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      if (ws.exempt[i * N + j] === 1) continue;
      const d = penetrationDepth(ws.pos, ws.half, i, j);
      if (d > worst) worst = d;
    }
  }
  return worst;
}

/** True when every constraint's residual (without margin) is within its tolerance at the current poses. */
export function allConstraintsHold(ws: SolverWorkspace): boolean {
  ws.P = ws.pos;
  ws.Q = ws.quat;
  for (let ci = 0; ci < ws.constraintCount; ci++) {
    if (!(reportedResidual(ws, ci) <= ws.tolerance[ci])) return false;
  }
  return true;
}

/** Replaces any entity whose pose is not finite by its (sanitised) initial pose, and normalises quaternions. */
export function sanitisePoses(ws: SolverWorkspace): void {
  for (let e = 0; e < ws.entities; e++) {
    const p = e * 3, q = e * 4;
    const finite =
      Number.isFinite(ws.pos[p]) && Number.isFinite(ws.pos[p + 1]) && Number.isFinite(ws.pos[p + 2]) &&
      Number.isFinite(ws.quat[q]) && Number.isFinite(ws.quat[q + 1]) && Number.isFinite(ws.quat[q + 2]) && Number.isFinite(ws.quat[q + 3]);
    if (!finite) {
      for (let k = 0; k < 3; k++) ws.pos[p + k] = ws.initialPos[p + k];
      for (let k = 0; k < 4; k++) ws.quat[q + k] = ws.initialQuat[q + k];
    }
    quatNormalize(ws.quat, q, ws.quat, q);
  }
}

/**
 * Builds the SolveResult from the current poses. The RMS counts every row: constraint rows (without margin),
 * one ground row per entity, one row per non-exempt pair, and 6 prior rows per entity measured from the
 * initial poses.
 */
export function buildResult(ws: SolverWorkspace, priorWeight: number, iterations: number, converged: boolean, timedOut = false): SolveResult {
  const N = ws.entities, C = ws.constraintCount;
  sanitisePoses(ws);
  ws.P = ws.pos;
  ws.Q = ws.quat;
  const constraints = new Array<ConstraintOutcome>(C);
  let sum = 0;
  let rowCount = 0;
  for (let ci = 0; ci < C; ci++) {
    const rows = constraintResidual(ws, ci, false, false);
    for (let i = 0; i < rows; i++) sum += ws.r[i] * ws.r[i];
    rowCount += rows;
    const residual = reportedResidual(ws, ci);
    constraints[ci] = { residual, satisfied: residual <= ws.tolerance[ci] };
  }
  let groundWorst = 0;
  for (let e = 0; e < N; e++) {
    const lift = ws.pos[e * 3 + 2] - ws.half[e * 3 + 2];
    const v = ws.grounded[e] === 1 ? Math.abs(lift) : Math.max(0, -lift);
    sum += v * v;
    if (v > groundWorst) groundWorst = v;
  }
  rowCount += N;
  let penetrationWorst = 0;
  for (let i = 0; i < N; i++) {
    for (let j = i + 1; j < N; j++) {
      if (ws.exempt[i * N + j] === 1) continue;
      const d = penetrationDepth(ws.pos, ws.half, i, j);
      sum += d * d;
      rowCount++;
      if (d > penetrationWorst) penetrationWorst = d;
    }
  }
  sum += addPrior(ws, priorWeight, ws.initialPos, ws.initialQuat, null, null);
  rowCount += 6 * N;

  return {
    positions: ws.pos.slice(0, N * 3),
    orientations: ws.quat.slice(0, N * 4),
    iterations,
    converged,
    timedOut,
    rmsResidual: rowCount > 0 && Number.isFinite(sum) ? Math.sqrt(sum / rowCount) : 0,
    constraints,
    implicitViolations: { ground: groundWorst, interpenetration: penetrationWorst },
  };
}
