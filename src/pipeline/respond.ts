/**
 * Respond stage: turns a solved scene into a GasmResponse.
 *
 * Confidence: an entity's confidence is the network's confidence head for it, scaled by the share of its
 * constraints that the solver satisfied; the response's confidence is the mean over entities. A response
 * succeeds only when every constraint holds; otherwise it keeps the solver's best-effort poses and its error
 * names the constraints that do not hold.
 */
import type { SolveResult } from './solve/index.js';
import { footprintMargin, supportMargin } from './support-margin.js';
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

function roundMargin(m: number | null): number | null {
  return m === null ? null : round(m, 4);
}

function describe(c: ConstraintResult): string {
  const targets = c.targets.length > 0 ? c.targets.join(', ') : 'world';
  return `${c.type}(${c.subject}, ${targets}) off by ${c.residual.toPrecision(3)}`;
}

/** Builds the response of a solved scene. `confidence` holds the network's per-entity confidence. */
export function buildResponse(scene: SceneSpec, result: SolveResult, confidence: Float32Array, backend: string): GasmResponse {
  const constraints: ConstraintResult[] = scene.constraints.map((c, i) => ({
    ...c,
    satisfied: result.constraints[i].satisfied,
    residual: result.constraints[i].residual,
  }));
  const satisfied = constraints.reduce((n, c) => n + (c.satisfied ? 1 : 0), 0);
  const rate = constraints.length > 0 ? satisfied / constraints.length : 1;

  // Share of each entity's constraints that hold.
  const involved = new Map<string, [number, number]>();
  for (const c of constraints) {
    for (const name of [c.subject, ...c.targets]) {
      const entry = involved.get(name) ?? [0, 0];
      entry[0] += c.satisfied ? 1 : 0;
      entry[1] += 1;
      involved.set(name, entry);
    }
  }

  const targetPoses: Record<string, Pose> = {};
  let confidenceSum = 0;
  let finite = true;
  scene.entities.forEach((entity, i) => {
    const p = result.positions;
    const q = result.orientations;
    const entry = involved.get(entity.name);
    const share = entry ? entry[0] / entry[1] : 1;
    const c = Math.min(1, Math.max(0, confidence[i] * share));
    confidenceSum += c;
    const pose: Pose = {
      position: [round(p[i * 3], 6), round(p[i * 3 + 1], 6), round(p[i * 3 + 2], 6)],
      orientation: [round(q[i * 4], 6), round(q[i * 4 + 1], 6), round(q[i * 4 + 2], 6), round(q[i * 4 + 3], 6)],
      confidence: round(c, 4),
      halfExtents: [entity.halfExtents[0], entity.halfExtents[1], entity.halfExtents[2]],
    };
    if (!pose.position.every(Number.isFinite) || !pose.orientation.every(Number.isFinite)) finite = false;
    targetPoses[entity.name] = pose;
  });

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
      supportMargin: finite ? roundMargin(supportMargin(scene.entities, scene.constraints, result.positions)) : null,
      footprintMargin: finite ? roundMargin(footprintMargin(scene.entities, scene.constraints, result.positions)) : null,
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
    if (satisfied < constraints.length) {
      const failed = constraints.filter((c) => !c.satisfied);
      parts.push(
        `${failed.length} of ${constraints.length} constraints could not be satisfied: ` +
          failed.slice(0, 3).map(describe).join('; ') +
          (failed.length > 3 ? `; and ${failed.length - 3} more` : ''),
      );
    }
    if (v.interpenetration > IMPLICIT_TOLERANCE_M) parts.push(`two objects overlap by ${(v.interpenetration * 1000).toFixed(1)} mm`);
    if (v.ground > IMPLICIT_TOLERANCE_M) parts.push(`an object is off the ground plane by ${(v.ground * 1000).toFixed(1)} mm`);
    if (parts.length > 0) {
      response.success = false;
      response.error = parts.join('; ');
    }
  }
  return response;
}
