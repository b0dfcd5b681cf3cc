/**
 * Post-solve turns: "Put the baby monitor on the dresser, facing the crib" (a facing with no side relation to the
 * faced object, SceneSpec.facings). Extents are world-axis boxes that do not rotate with the entity
 * (docs/CONVENTIONS.md), so a turn never changes the solved geometry: once the positions are solved the subject's
 * orientation is set to the turn about z that points its front (local −y, as `facing left` and the side-relation
 * `facing it` read it) at the faced object's solved centre.
 */
import type { Facing, Quat } from './types.js';

/** Horizontal distance (metres) under which a faced object is straight above or below: no direction to face. */
const MIN_PLAN_DISTANCE = 1e-6;

/**
 * The yaw ψ about z that turns the front (0, −1, 0) towards the horizontal direction (dx, dy): R_z(ψ)(0, −1, 0) =
 * (sin ψ, −cos ψ, 0), so ψ = atan2(dx, −dy); null when the direction has no horizontal length.
 */
export function facingYaw(dx: number, dy: number): number | null {
  return Math.hypot(dx, dy) < MIN_PLAN_DISTANCE ? null : Math.atan2(dx, -dy);
}

/** The unit quaternion [w, x, y, z] of a turn by ψ about z. */
export function yawQuaternion(yaw: number): Quat {
  return [Math.cos(yaw / 2), 0, 0, Math.sin(yaw / 2)];
}

/**
 * The orientation of each facing's subject, from the solved positions (`index` maps an entity name to its row in
 * `positions`, 3 values a row); an error naming the pair when a faced object stands straight above or below its
 * subject (no direction in plan to face).
 */
export function facingOrientations(facings: readonly Facing[], index: ReadonlyMap<string, number>, positions: ArrayLike<number>): Map<string, Quat> | { error: string } {
  const out = new Map<string, Quat>();
  for (const f of facings) {
    const a = index.get(f.subject), b = index.get(f.target);
    if (a === undefined || b === undefined) return { error: `cannot turn '${f.subject}' to face '${f.target}': one of them has no pose` };
    const yaw = facingYaw(positions[b * 3] - positions[a * 3], positions[b * 3 + 1] - positions[a * 3 + 1]);
    if (yaw === null) return { error: `'${f.subject}' cannot face '${f.target}' (in '${f.source}'): it stands straight above or below it` };
    out.set(f.subject, yawQuaternion(yaw));
  }
  return out;
}
