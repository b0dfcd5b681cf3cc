/**
 * SolverWorkspace: every typed array the solver uses, sized for the largest problem seen so far and reused.
 * A batch of small scenes solved through one workspace allocates nothing but its results; a larger scene grows
 * the buffers once (to the next power of two), and nothing is allocated inside the LM iteration loop.
 */

/** Most rows one constraint writes (above/below/on: vertical + 2 footprint rows; angle, parallel, between: 3). */
export const MAX_TERM_ROWS = 3;
/** Entity blocks of one term: subject, first target, second target. */
export const MAX_TERM_BLOCKS = 3;
/** Jacobian entries per block: 3 position, then 3 rotation (right perturbation q ⊗ exp(δω)). */
export const BLOCK_WIDTH = 6;
/** Jacobian entries per row of the term scratch. */
export const ROW_WIDTH = MAX_TERM_BLOCKS * BLOCK_WIDTH;

function grownSize(needed: number, current: number): number {
  let size = Math.max(4, current);
  while (size < needed) size *= 2;
  return size;
}

/** Buffers and the compiled problem of the scene being solved. Fields are public for the solver's modules. */
export class SolverWorkspace {
  /** Entities, constraints and unknowns (columns) of the current problem. */
  entities = 0;
  constraintCount = 0;
  columns = 0;

  // Per entity.
  half = new Float64Array(12);
  grounded = new Uint8Array(4);
  /** How many on/above relations to another entity the entity is the subject of (capped at 255; > 0: it has a centring term). */
  supported = new Uint8Array(4);
  /** Column of the rotation block of each entity, −1 when its orientation is not an unknown. Position block: 3e. */
  rotColumn = new Int32Array(4);
  /** Current, trial, anchor (prior) and initial (sanitised input) poses. */
  pos = new Float64Array(12);
  quat = new Float64Array(16);
  trialPos = new Float64Array(12);
  trialQuat = new Float64Array(16);
  anchorPos = new Float64Array(12);
  anchorQuat = new Float64Array(16);
  initialPos = new Float64Array(12);
  initialQuat = new Float64Array(16);
  /** The poses that residual functions read: points at pos/quat or at trialPos/trialQuat. */
  P: Float64Array = this.pos;
  Q: Float64Array = this.quat;
  /** exempt[i·N + j] = 1 when i and j are related by `inside`: no non-interpenetration term between them. */
  exempt = new Uint8Array(16);
  /**
   * stackPair[i·N + j]: 1 when i and j are both above one support too small to hold them side by side (their
   * overlap resolves along z), 2 when both rest on one support (it resolves in x/y), 3 or 4 when they rest on one
   * that holds the two side by side along x only or y only (it resolves along that axis), else 0.
   */
  stackPair = new Uint8Array(16);
  /** held[i] = 1 when i is the subject or target of a distance constraint (a formation's member; problem.ts). */
  held = new Uint8Array(4);

  // Per constraint (compiled).
  kind = new Uint8Array(4);
  subject = new Int32Array(4);
  /** Target entity indices, −1 for the world. */
  targetB = new Int32Array(4);
  targetC = new Int32Array(4);
  distance = new Float64Array(4);
  /** 0, 1, 2 for x, y, z; −1 when the constraint names no axis (for the axis-optional relations). */
  axis = new Int8Array(4);
  tolerance = new Float64Array(4);
  /** Hinge margin used while solving (a quarter of the tolerance), so that the final check is not on the edge. */
  margin = new Float64Array(4);
  /** Target rotation of `angle` constraints, R(axis, θ), as a quaternion. */
  targetQuat = new Float64Array(16);
  /** 1 when the constraint puts its subject on or above a reference entity (a support): it gets a centring term. */
  supports = new Uint8Array(4);

  // Normal equations (columns × columns, row-major) and LM vectors.
  normal = new Float64Array(16);
  gradient = new Float64Array(4);
  trialNormal = new Float64Array(16);
  trialGradient = new Float64Array(4);
  factor = new Float64Array(16);
  /** First nonzero column of each row of the damped matrix (envelope Cholesky). */
  envelope = new Int32Array(4);
  step = new Float64Array(4);

  // Term scratch: residual rows and their Jacobian rows (ROW_WIDTH entries each), plus small matrices.
  r = new Float64Array(MAX_TERM_ROWS);
  J = new Float64Array(MAX_TERM_ROWS * ROW_WIDTH);
  /** Entity of each term block, −1 for the world (its block is ignored). */
  blocks = new Int32Array(MAX_TERM_BLOCKS);
  /** Columns and values of one Jacobian row's nonzero entries (normal-equations.ts). */
  rowColumns = new Int32Array(ROW_WIDTH);
  rowValues = new Float64Array(ROW_WIDTH);
  tmp = new Float64Array(48);

  /** Whether the non-interpenetration terms are on (off in the first round of a solve). */
  collisions = true;
  /** Weight of the support-centring terms (terms.ts); 0 turns them off (a round after they kept a constraint from holding). */
  centring = 0;
  /** Weight of the keep-in terms (terms.ts); 0 turns them off (a round after they kept a constraint from holding). */
  keepIn = 0;
  /** Largest implicit-term violation (metres) that still counts as feasible. */
  implicitLimit = 1e-4;
  /**
   * Set by the last evaluation: every constraint within FEASIBLE_SHARE of its tolerance (margin included) and
   * every implicit term within implicitLimit.
   */
  feasible = false;

  /** Entity name → index of the current problem (scenes of more than a few entities; problem.ts). */
  readonly names = new Map<string, number>();
  /** Entity names of the current problem in order (small scenes look names up here; problem.ts). */
  readonly nameList: string[] = [];

  /** Makes room for a problem of `entities` entities and `constraints` constraints; keeps buffers that fit. */
  ensure(entities: number, constraints: number): void {
    if (entities * 3 > this.pos.length) {
      const n = grownSize(entities, this.pos.length / 3);
      this.half = new Float64Array(n * 3);
      this.grounded = new Uint8Array(n);
      this.supported = new Uint8Array(n);
      this.rotColumn = new Int32Array(n);
      this.pos = new Float64Array(n * 3);
      this.quat = new Float64Array(n * 4);
      this.trialPos = new Float64Array(n * 3);
      this.trialQuat = new Float64Array(n * 4);
      this.anchorPos = new Float64Array(n * 3);
      this.anchorQuat = new Float64Array(n * 4);
      this.initialPos = new Float64Array(n * 3);
      this.initialQuat = new Float64Array(n * 4);
      this.exempt = new Uint8Array(n * n);
      this.stackPair = new Uint8Array(n * n);
      this.held = new Uint8Array(n);
    }
    if (constraints > this.kind.length) {
      const n = grownSize(constraints, this.kind.length);
      this.kind = new Uint8Array(n);
      this.subject = new Int32Array(n);
      this.targetB = new Int32Array(n);
      this.targetC = new Int32Array(n);
      this.distance = new Float64Array(n);
      this.axis = new Int8Array(n);
      this.tolerance = new Float64Array(n);
      this.margin = new Float64Array(n);
      this.targetQuat = new Float64Array(n * 4);
      this.supports = new Uint8Array(n);
    }
    const columns = entities * 6;
    if (columns > this.gradient.length) {
      const n = grownSize(columns, this.gradient.length);
      this.normal = new Float64Array(n * n);
      this.trialNormal = new Float64Array(n * n);
      this.factor = new Float64Array(n * n);
      this.envelope = new Int32Array(n);
      this.gradient = new Float64Array(n);
      this.trialGradient = new Float64Array(n);
      this.step = new Float64Array(n);
    }
    this.P = this.pos;
    this.Q = this.quat;
  }
}
