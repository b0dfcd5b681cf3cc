/**
 * Integer codes of the constraint types, for the solver's switch statements (the index in CONSTRAINT_TYPES),
 * and the per-type defaults that the residuals use.
 */
import { CONSTRAINT_TYPES, type ConstraintType } from '../types.js';

const code = (type: ConstraintType): number => CONSTRAINT_TYPES.indexOf(type);

/** Code of each constraint type. */
export const KIND = {
  above: code('above'),
  below: code('below'),
  left: code('left'),
  right: code('right'),
  front: code('front'),
  behind: code('behind'),
  near: code('near'),
  far: code('far'),
  angle: code('angle'),
  distance: code('distance'),
  aligned: code('aligned'),
  parallel: code('parallel'),
  perpendicular: code('perpendicular'),
  touching: code('touching'),
  inside: code('inside'),
  outside: code('outside'),
  between: code('between'),
  on: code('on'),
} as const;

/** Default `distance` of near (largest surface gap), metres. */
export const NEAR_DEFAULT_DISTANCE = 0.15;
/** Default `distance` of far (smallest surface gap), metres. */
export const FAR_DEFAULT_DISTANCE = 0.5;
/** Default `distance` of left/right/front/behind relative to the world origin, metres. */
export const WORLD_SIDE_DEFAULT_DISTANCE = 0.1;

/** The code of a type name, or −1 when the name is not a constraint type. */
export function kindCode(type: string): number {
  return (CONSTRAINT_TYPES as readonly string[]).indexOf(type);
}

/** True when the constraint is about orientation: its residual is in radians and it moves rotations. */
export function isOrientationKind(kind: number, axis: number): boolean {
  return kind === KIND.angle || kind === KIND.parallel || kind === KIND.perpendicular || (kind === KIND.aligned && axis < 0);
}

/** The default `distance` of a constraint type; `world` when it has no target. */
export function defaultDistance(kind: number, world: boolean): number {
  if (kind === KIND.near) return NEAR_DEFAULT_DISTANCE;
  if (kind === KIND.far) return FAR_DEFAULT_DISTANCE;
  if (world && (kind === KIND.left || kind === KIND.right || kind === KIND.front || kind === KIND.behind)) return WORLD_SIDE_DEFAULT_DISTANCE;
  return 0;
}
