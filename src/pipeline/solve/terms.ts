/**
 * The always-on terms of every scene: nothing below the ground (floor-standing entities rest on it), no two
 * boxes interpenetrate (except a pair related by `inside`), and a weak prior towards the anchor poses (the
 * network's proposal, or the previous round's solution), which fixes the gauge freedom of the problem.
 * Like the constraint residuals, the first two write ws.r / ws.J / ws.blocks; the prior is added directly to the
 * normal equations (its Jacobian is block-diagonal).
 */
import { penetrationDepth } from './boxes.js';
import { quatConjMultiply } from './quaternion.js';
import { so3Log, so3RightJacobianInverse } from './se3.js';
import { ROW_WIDTH, type SolverWorkspace } from './workspace.js';

/**
 * Height above the ground within which the inactive ground hinge still contributes its Jacobian (zero residual,
 * curvature only), metres: an entity resting on the floor then resists a Gauss–Newton step that would push it
 * through, instead of overshooting and being pushed back next iteration.
 */
export const GROUND_BAND = 1e-3;

/**
 * Ground term of entity e (1 row): max(0, h_z − p_z), or p_z − h_z = 0 for a floor-standing entity. Within
 * GROUND_BAND above the floor the row is 0 but keeps its Jacobian.
 */
export function groundResidual(ws: SolverWorkspace, e: number, wantJ: boolean): number {
  ws.blocks[0] = e;
  ws.blocks[1] = -1;
  ws.blocks[2] = -1;
  const lift = ws.P[e * 3 + 2] - ws.half[e * 3 + 2];
  if (ws.grounded[e] === 1) {
    ws.r[0] = lift;
    if (wantJ) ws.J[2] = 1;
  } else {
    ws.r[0] = lift < 0 ? -lift : 0;
    if (wantJ && lift < GROUND_BAND) ws.J[2] = -1;
  }
  return 1;
}

/**
 * Non-interpenetration of entities i and j (1 row): the penetration depth, pushed out along the axis of least
 * penetration. Returns the depth; when 0, writes nothing (the row and its Jacobian are zero).
 */
export function penetrationResidual(ws: SolverWorkspace, i: number, j: number, wantJ: boolean): number {
  const P = ws.P, H = ws.half;
  let depth = penetrationDepth(P, H, i, j);
  if (depth === 0) return 0;
  const N = ws.entities;
  // Two objects above one support too small for both side by side separate by stacking (which keeps both over
  // it): their overlap is measured and resolved along z (stackPair 1).
  const pair = ws.stackPair[i * N + j];
  const stacked = pair === 1;
  if (stacked) depth = H[i * 3 + 2] + H[j * 3 + 2] - Math.abs(P[i * 3 + 2] - P[j * 3 + 2]);
  // Two objects resting on one support, or two standing on the floor ("pallet 1 next to pallet 2": flat pallets
  // would otherwise be pushed apart along z and held down by the ground), separate sideways (x or y, whichever
  // overlaps less); on a support that holds the two side by side along one axis only, along that axis (stackPair
  // 3: x, 4: y).
  const lined = pair === 3 || pair === 4 ? pair - 3 : -1;
  const sideways = pair === 2 || (ws.grounded[i] === 1 && ws.grounded[j] === 1);
  if (lined >= 0) depth = H[i * 3 + lined] + H[j * 3 + lined] - Math.abs(P[i * 3 + lined] - P[j * 3 + lined]);
  else if (sideways) depth = Math.min(H[i * 3] + H[j * 3] - Math.abs(P[i * 3] - P[j * 3]), H[i * 3 + 1] + H[j * 3 + 1] - Math.abs(P[i * 3 + 1] - P[j * 3 + 1]));
  ws.blocks[0] = i;
  ws.blocks[1] = j;
  ws.blocks[2] = -1;
  ws.r[0] = depth;
  if (wantJ) {
    // The axis of least penetration (the first on a tie).
    let axis = lined >= 0 ? lined : 2;
    if (!stacked && lined < 0) {
      for (let k = 0; k < (sideways ? 2 : 3); k++) {
        if (H[i * 3 + k] + H[j * 3 + k] - Math.abs(P[i * 3 + k] - P[j * 3 + k]) === depth) {
          axis = k;
          break;
        }
      }
    }
    // A tie (coincident centres) pushes i towards +axis, so that the pair always has a way out.
    const s = P[i * 3 + axis] - P[j * 3 + axis] < 0 ? -1 : 1;
    ws.J[axis] = -s;
    ws.J[6 + axis] = s;
  }
  return depth;
}

/**
 * Weight of the support-centring term: a soft pull of a supported subject's centre (on/above a reference)
 * towards its support's centre in x and y. Strong against the prior (1e-2: the subject ends about 90 % of the
 * way to the centre from the network's proposal), weak against the constraints (weight 1): a hinge that it
 * pulls against is biased by about CENTRING_WEIGHT² × displacement, under 1 mm for a metre.
 */
export const CENTRING_WEIGHT = 3e-2;

/**
 * Centring term of constraint ci (2 rows, x and y) when it is on/above a reference and ws.centring > 0:
 * w (p_a,k − p_b,k). Returns the row count (0 when the constraint supports nothing). This is what makes a
 * supported object rest centred on its support unless something else pulls it: a stack comes out aligned, a
 * row on a table is centred on the table, a pyramid's box sits midway over the two below it.
 */
export function centringResidual(ws: SolverWorkspace, ci: number, wantJ: boolean): number {
  const w = ws.centring;
  const b = ws.targetB[ci];
  if (w === 0 || b < 0 || ws.supports[ci] === 0) return 0;
  const a = ws.subject[ci];
  ws.blocks[0] = a;
  ws.blocks[1] = b;
  ws.blocks[2] = -1;
  for (let k = 0; k < 2; k++) {
    ws.r[k] = w * (ws.P[a * 3 + k] - ws.P[b * 3 + k]);
    if (wantJ) {
      ws.J[k * ROW_WIDTH + k] = w;
      ws.J[k * ROW_WIDTH + 6 + k] = -w;
    }
  }
  return 2;
}

/**
 * Share of a support's half-width that a supported centre keeps inside its edge when the scene allows it (the
 * keep-in term): above the 0.25 a robot cell needs, so that a centre held at the boundary by the centring pull
 * still clears it.
 */
export const KEEP_IN_SHARE = 0.3;
/**
 * Weight of the keep-in term: ten times the centring's, so that it wins over the centring's pull of a rigid group's
 * centroid (a pentagon's centroid is not the middle of its extent: centred by its centroid, its lone corner sits
 * nearer the support's edge than the other members).
 */
export const KEEP_IN_WEIGHT = 0.3;

/**
 * Keep-in term of constraint ci (2 rows, x and y) when it puts its subject on or above a reference that is the
 * subject's only support and ws.keepIn > 0: w max(0, |p_a,k − p_b,k| − ((1 − KEEP_IN_SHARE) h_b,k − m)), a hinge
 * that keeps the subject's centre at least KEEP_IN_SHARE of the support's half-width inside its edge (m: the
 * constraint's solving margin). Like centring it is a preference: the solver drops it when the scene cannot
 * honour it (a row that spans the support) and a constraint does not hold. Returns the row count (0 when off).
 */
export function keepInResidual(ws: SolverWorkspace, ci: number, wantJ: boolean): number {
  const w = ws.keepIn;
  const b = ws.targetB[ci];
  if (w === 0 || b < 0 || ws.supports[ci] === 0) return 0;
  const a = ws.subject[ci];
  if (ws.supported[a] !== 1) return 0;
  ws.blocks[0] = a;
  ws.blocks[1] = b;
  ws.blocks[2] = -1;
  let active = false;
  for (let k = 0; k < 2; k++) {
    const d = ws.P[a * 3 + k] - ws.P[b * 3 + k];
    const v = Math.abs(d) - ((1 - KEEP_IN_SHARE) * ws.half[b * 3 + k] - ws.margin[ci]);
    if (v > 0) {
      active = true;
      ws.r[k] = w * v;
      if (wantJ) {
        const s = d < 0 ? -w : w;
        ws.J[k * ROW_WIDTH + k] = s;
        ws.J[k * ROW_WIDTH + 6 + k] = -s;
      }
    } else ws.r[k] = 0;
  }
  return active ? 2 : 0;
}

/** Largest keep-in shortfall at the current poses (metres): how far a singly supported centre is outside its keep-in zone. */
export function keepInViolation(ws: SolverWorkspace): number {
  let worst = 0;
  for (let ci = 0; ci < ws.constraintCount; ci++) {
    const b = ws.targetB[ci];
    if (b < 0 || ws.supports[ci] === 0 || ws.supported[ws.subject[ci]] !== 1) continue;
    const a = ws.subject[ci];
    for (let k = 0; k < 2; k++) {
      const v = Math.abs(ws.pos[a * 3 + k] - ws.pos[b * 3 + k]) - (1 - KEEP_IN_SHARE) * ws.half[b * 3 + k];
      if (v > worst) worst = v;
    }
  }
  return worst;
}

/**
 * Adds the prior of every entity, weight w: rows w (p − p₀) and, for entities whose orientation is an unknown,
 * w log(q₀⁻¹ q) with Jacobian w J_r⁻¹. Updates A and g when given; returns the sum of squared rows. `anchorPos`
 * and `anchorQuat` are the poses pulled towards.
 */
export function addPrior(
  ws: SolverWorkspace,
  w: number,
  anchorPos: Float64Array,
  anchorQuat: Float64Array,
  A: Float64Array | null,
  g: Float64Array | null,
): number {
  const P = ws.P, Q = ws.Q, T = ws.tmp, n = ws.columns, N = ws.entities;
  const w2 = w * w;
  let sum = 0;
  for (let e = 0; e < N; e++) {
    // While centring is on, a supported object's x and y are held by its centring term instead: the prior would
    // pull it back towards the network's proposal, often over its support's edge.
    const free = A !== null && ws.centring > 0 && ws.supported[e] !== 0 ? 2 : 0;
    for (let k = free; k < 3; k++) {
      const c = e * 3 + k;
      const d = P[c] - anchorPos[c];
      sum += w2 * d * d;
      if (A !== null && g !== null) {
        A[c * n + c] += w2;
        g[c] += w2 * d;
      }
    }
    const col = ws.rotColumn[e];
    // While solving, an orientation that is not an unknown never leaves its anchor (its row is 0): skip it. The
    // final RMS (A = null) measures every orientation from the initial poses.
    if (col < 0 && A !== null) continue;
    quatConjMultiply(T, 36, anchorQuat, e * 4, Q, e * 4);
    so3Log(T, 40, T, 36);
    const rx = T[40], ry = T[41], rz = T[42];
    sum += w2 * (rx * rx + ry * ry + rz * rz);
    if (A === null || g === null || col < 0) continue;
    so3RightJacobianInverse(T, 24, rx, ry, rz);
    // A += w² JᵀJ, g += w² Jᵀ r for J = J_r⁻¹(r)
    for (let i = 0; i < 3; i++) {
      g[col + i] += w2 * (T[24 + i] * rx + T[27 + i] * ry + T[30 + i] * rz);
      for (let j = 0; j < 3; j++) {
        A[(col + i) * n + col + j] += w2 * (T[24 + i] * T[24 + j] + T[27 + i] * T[27 + j] + T[30 + i] * T[30 + j]);
      }
    }
  }
  return sum;
}
