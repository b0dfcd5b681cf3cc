/**
 * Types shared by every stage of the GASM pipeline.
 *
 * Frame (see docs/CONVENTIONS.md): right-handed, metres, z up, ground plane z = 0.
 * The default viewer stands at −y looking towards +y: "left" is −x, "right" is +x,
 * "in front of" is −y (towards the viewer), "behind" is +y. Quaternions are unit,
 * ordered [w, x, y, z].
 */

export type Vec3 = [number, number, number];
export type Quat = [number, number, number, number];

/** Every spatial relation the pipeline understands. */
export const CONSTRAINT_TYPES = [
  'above',
  'below',
  'left',
  'right',
  'front',
  'behind',
  'near',
  'far',
  'angle',
  'distance',
  'aligned',
  'parallel',
  'perpendicular',
  'touching',
  'inside',
  'outside',
  'between',
  'on',
] as const;
export type ConstraintType = (typeof CONSTRAINT_TYPES)[number];

export type Axis = 'x' | 'y' | 'z';

/** Broad class of an entity: movable objects versus scene furniture/equipment. */
export type EntityCategory = 'object' | 'reference';

export interface Entity {
  /** Readable unique key taken from the instruction: `red_box`, `object_3`, `table`, `box_2`. */
  name: string;
  /** Head noun in singular form: `box`, `cube`, `table`, `robot_arm`, `object`. */
  kind: string;
  category: EntityCategory;
  color?: string;
  /** Size adjective as written (`small`, `large`, …), already applied to halfExtents. */
  size?: string;
  /** Ordinal or index as written (`third`, `object_3` → 3). */
  ordinal?: number;
  /** Half extents of the entity's axis-aligned bounding box, metres. */
  halfExtents: Vec3;
  /** Furniture that stands on the floor (table, conveyor, shelf): the solver keeps it resting on z = 0. */
  grounded: boolean;
}

export interface ConstraintParameters {
  /** Metres. Minimum gap for above/below/left/right/front/behind; exact for distance; bound for near/far. */
  distance?: number;
  /** Radians, for angle. */
  angle?: number;
  /** Axis named in the instruction ("along the x-axis", "about z"). */
  axis?: Axis;
  /** Centre-to-centre pitch between consecutive entities of an arrangement, metres. */
  spacing?: number;
  /** Satisfaction tolerance on the residual (metres, or radians for orientation constraints). */
  tolerance?: number;
}

export interface Constraint {
  type: ConstraintType;
  subject: string;
  /** Reference entity names; empty for constraints relative to the world frame (e.g. "move the robot left"). */
  targets: string[];
  parameters: ConstraintParameters;
  /** The clause of the instruction this constraint was read from. */
  source: string;
}

/**
 * "facing the crib" with no side relation to it: after the positions are solved the subject is turned about z so
 * that its front (−y) points at the faced object's solved centre (extents are world-axis boxes, so the turn leaves
 * the geometry unchanged; docs/CONVENTIONS.md).
 */
export interface Facing {
  subject: string;
  target: string;
  /** The clause it was read from. */
  source: string;
}

export interface SceneSpec {
  instruction: string;
  entities: Entity[];
  constraints: Constraint[];
  /** Orientations set after the solve from the solved positions; absent when none. */
  facings?: Facing[];
  /** Things the parser noticed but could use (ignored words, defaulted counts). */
  warnings: string[];
}

export interface Pose {
  position: Vec3;
  /** Unit quaternion [w, x, y, z]. */
  orientation: Quat;
  /** 0..1 */
  confidence: number;
  /** The entity's half extents (metres, world-axis-aligned box [position − h, position + h]), so a scene can be drawn or checked. */
  halfExtents: Vec3;
}

export interface ConstraintResult extends Omit<Constraint, 'type'> {
  /** A relation of the scene, or 'facing': a turn set after the solve (SceneSpec.facings), its yaw in parameters.angle. */
  type: ConstraintType | 'facing';
  satisfied: boolean;
  /** Norm of the constraint's residual at the solution (metres or radians). */
  residual: number;
}

export interface StageTimings {
  preprocessingMs: number;
  inferenceMs: number;
  constraintSolvingMs: number;
  postprocessingMs: number;
}

export interface ResponseMetrics {
  constraintSatisfactionRate: number;
  iterations: number;
  /** Final root-mean-square residual over all solver terms. */
  residual: number;
  /**
   * How far inside its support each supported object's centre lies (on/above a reference; an object resting on
   * several supports counts their union): min over x, y of (h_support − |centre offset|) / h_support, the minimum
   * over the response's supported objects; 1 = centred, 0 = on the edge, < 0 = off it. Null when nothing is supported.
   */
  supportMargin: number | null;
  /**
   * The same with the subject's footprint: min over x, y of (h_support − |centre offset| − h_subject) / h_support,
   * the minimum over supported objects; ≥ 0 when every supported footprint lies on its support's top, < 0 when one
   * hangs over an edge (by that share of the support's half-width). Null when nothing is supported.
   */
  footprintMargin?: number | null;
}

export interface GasmResponse {
  instruction: string;
  success: boolean;
  constraints: ConstraintResult[];
  targetPoses: Record<string, Pose>;
  confidence: number;
  timings: StageTimings;
  metrics: ResponseMetrics;
  /** Backend that ran the network: `tensorflow`, `wasm` or `cpu`. */
  backend: string;
  error?: string;
  warnings?: string[];
}
