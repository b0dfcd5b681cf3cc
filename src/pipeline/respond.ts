/**
 * Respond stage: turns a solved scene into a GasmResponse.
 *
 * Confidence: an entity's confidence is the network's confidence head for it, scaled by the share of its
 * constraints that the solver satisfied; the response's confidence is the mean over entities. A response
 * succeeds only when every constraint holds; otherwise it keeps the solver's best-effort poses and its error
 * names the constraints that do not hold.
 */
import { facingOrientations } from './facing.js';
import type { SolveResult } from './solve/index.js';
import { supportMargins } from './support-margin.js';
import type { ConstraintResult, GasmResponse, Pose, SceneSpec } from './types.js';

/** Largest violation of the always-on terms (ground, no interpenetration) still called a success, metres. */
export const IMPLICIT_TOLERANCE_M = 2e-3;

const ZERO_TIMINGS = () => ({ preprocessingMs: 0, inferenceMs: 0, constraintSolvingMs: 0, postprocessingMs: 0 });

/** A response for an instruction that failed before poses existed (parse error, internal error). */
export function buildFailedResponse(instruction: string, error: string, backend: string, preprocessingMs = 0): GasmResponse {
  const timings = ZERO_TIMINGS();
  timings.preprocessingMs = preprocessingMs;
  return {
    instruction,
    success: false,
    constraints: [],
    targetPoses: {},
    confidence: 0,
    timings,
    metrics: { constraintSatisfactionRate: 0, iterations: 0, residual: 0, supportMargin: null, footprintMargin: null },
    backend,
    error,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** round(value, 6) without the power. */
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function roundMargin(m: number | null): number | null {
  return m === null ? null : round(m, 4);
}

function describe(c: ConstraintResult): string {
  const targets = c.targets.length > 0 ? c.targets.join(', ') : 'world';
  return `${c.type}(${c.subject}, ${targets}) off by ${c.residual.toPrecision(3)}`;
}

/** Counts one constraint of `name` (held or not) in `involved` (a module function: no closure per response). */
function countInvolvement(involved: Map<string, [number, number]>, name: string, held: boolean): void {
  const entry = involved.get(name);
  if (entry) {
    if (held) entry[0]++;
    entry[1]++;
  } else involved.set(name, [held ? 1 : 0, 1]);
}

/** Builds the response of a solved scene. `confidence` holds the network's per-entity confidence. */
export function buildResponse(scene: SceneSpec, result: SolveResult, confidence: Float32Array, backend: string): GasmResponse {
  // Plain loops and literal objects (no spread, no closures): this runs once per instruction.
  const C = scene.constraints.length;
  const constraints: ConstraintResult[] = new Array(C);
  let satisfied = 0;
  for (let i = 0; i < C; i++) {
    const c = scene.constraints[i];
    const outcome = result.constraints[i];
    constraints[i] = { type: c.type, subject: c.subject, targets: c.targets, parameters: c.parameters, source: c.source, satisfied: outcome.satisfied, residual: outcome.residual };
    if (outcome.satisfied) satisfied++;
  }

  // Share of each entity's constraints that hold: [held, involved] per entity name.
  const involved = new Map<string, [number, number]>();
  for (let i = 0; i < C; i++) {
    const c = constraints[i];
    countInvolvement(involved, c.subject, c.satisfied);
    for (let t = 0; t < c.targets.length; t++) countInvolvement(involved, c.targets[t], c.satisfied);
  }

  const targetPoses: Record<string, Pose> = {};
  let confidenceSum = 0;
  let finite = true;
  const p = result.positions;
  const q = result.orientations;
  const entities = scene.entities;
  // "facing the crib" with no side relation: the subject's turn is set from the solved centres (src/pipeline/facing.ts).
  // Each facing is listed with the constraints (type 'facing', its yaw about z), so a reader sees what was read.
  let turns: Map<string, Pose['orientation']> | undefined;
  let facingError: string | undefined;
  if (scene.facings !== undefined && scene.facings.length > 0) {
    const index = new Map<string, number>();
    for (let i = 0; i < entities.length; i++) index.set(entities[i].name, i);
    const t = facingOrientations(scene.facings, index, p);
    if (t instanceof Map) turns = t;
    else facingError = t.error;
    for (const f of scene.facings) {
      const turn = turns?.get(f.subject);
      const parameters = turn ? { angle: round6(2 * Math.atan2(turn[3], turn[0])), axis: 'z' as const } : {};
      constraints.push({ type: 'facing', subject: f.subject, targets: [f.target], parameters, source: f.source, satisfied: turn !== undefined, residual: 0 });
      if (turn) satisfied++;
    }
  }
  const rate = constraints.length > 0 ? satisfied / constraints.length : 1;
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i];
    const entry = involved.get(entity.name);
    const share = entry ? entry[0] / entry[1] : 1;
    const c = Math.min(1, Math.max(0, confidence[i] * share));
    confidenceSum += c;
    const position: Pose['position'] = [round6(p[i * 3]), round6(p[i * 3 + 1]), round6(p[i * 3 + 2])];
    const turn = turns?.get(entity.name);
    const orientation: Pose['orientation'] = turn
      ? [round6(turn[0]), round6(turn[1]), round6(turn[2]), round6(turn[3])]
      : [round6(q[i * 4]), round6(q[i * 4 + 1]), round6(q[i * 4 + 2]), round6(q[i * 4 + 3])];
    const h = entity.halfExtents;
    targetPoses[entity.name] = { position, orientation, confidence: round(c, 4), halfExtents: [h[0], h[1], h[2]] };
    for (let k = 0; k < 3; k++) if (!Number.isFinite(position[k])) finite = false;
    for (let k = 0; k < 4; k++) if (!Number.isFinite(orientation[k])) finite = false;
  }

  const margins = finite ? supportMargins(scene.entities, scene.constraints, result.positions) : null;
  const response: GasmResponse = {
    instruction: scene.instruction,
    success: finite && satisfied === constraints.length,
    constraints,
    targetPoses,
    confidence: round(scene.entities.length > 0 ? confidenceSum / scene.entities.length : 0, 4),
    timings: ZERO_TIMINGS(),
    metrics: {
      constraintSatisfactionRate: rate,
      iterations: result.iterations,
      residual: result.rmsResidual,
      supportMargin: margins === null ? null : roundMargin(margins[0]),
      footprintMargin: margins === null ? null : roundMargin(margins[1]),
    },
    backend,
  };
  if (scene.warnings.length > 0) response.warnings = scene.warnings;
  if (!finite) {
    response.error = 'the solver produced a non-finite pose';
    response.targetPoses = {};
  } else {
    const v = result.implicitViolations;
    const parts: string[] = [];
    // (A facing that could not be set is named by its own error below.)
    const failed = constraints.filter((c) => !c.satisfied && c.type !== 'facing');
    if (failed.length > 0) {
      parts.push(
        `${failed.length} of ${constraints.length} constraints could not be satisfied: ` +
          failed.slice(0, 3).map(describe).join('; ') +
          (failed.length > 3 ? `; and ${failed.length - 3} more` : ''),
      );
    }
    if (v.interpenetration > IMPLICIT_TOLERANCE_M) parts.push(`two objects overlap by ${(v.interpenetration * 1000).toFixed(1)} mm`);
    if (v.ground > IMPLICIT_TOLERANCE_M) parts.push(`an object is off the ground plane by ${(v.ground * 1000).toFixed(1)} mm`);
    if (facingError !== undefined) parts.push(facingError);
    if (parts.length > 0) {
      response.success = false;
      response.error = parts.join('; ');
    }
  }
  return response;
}
