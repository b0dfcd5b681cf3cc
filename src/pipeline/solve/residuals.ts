/**
 * Residuals and analytic Jacobians of the 18 constraint types (docs/CONVENTIONS.md, frame: z up, left = −x,
 * front = −y). Each function writes its rows into ws.r and, when asked, the nonzero entries of their Jacobian
 * rows into ws.J (row-major, ROW_WIDTH per row: block 0 = subject, 1 = first target, 2 = second target; in each
 * block 3 position entries, then 3 rotation entries for the right perturbation q ⊗ exp(δω)). The caller zeroes
 * ws.J between terms. Norms are metres, or radians for the orientation relations.
 *
 * Hinge residuals are zero when the relation holds. While solving, hinges are made stricter by the constraint's
 * margin (a quarter of its tolerance) so that the final check (margin 0) does not sit on the edge; equalities
 * (on, distance, touching, between, angle, aligned) have no margin.
 */
import { boxRelation, REL_AXIS, REL_GAP, REL_GAP_X, REL_SEPARATION, REL_SIGN_X } from './boxes.js';
import { KIND } from './kinds.js';
import { quatConjMultiply, quatMultiplyConj, quatToMatrix } from './quaternion.js';
import { so3Log, so3RightJacobianInverse } from './se3.js';
import { ROW_WIDTH, type SolverWorkspace } from './workspace.js';

const B = 6; // offset of the first target's block in a Jacobian row
const C = 12; // offset of the second target's block

/** Footprint hinges (rows 1 and 2): the centre of a lies over b's footprint, max(0, |Δ_k| − (h_b,k − m)). */
function footprint(ws: SolverWorkspace, a: number, b: number, m: number, wantJ: boolean): void {
  const P = ws.P, H = ws.half, r = ws.r, J = ws.J;
  for (let k = 0; k < 2; k++) {
    const d = P[a * 3 + k] - P[b * 3 + k];
    const hb = H[b * 3 + k];
    const v = Math.abs(d) - (hb - Math.min(m, hb));
    const row = 1 + k;
    if (v > 0) {
      r[row] = v;
      if (wantJ) {
        const s = d < 0 ? -1 : 1;
        J[row * ROW_WIDTH + k] = s;
        J[row * ROW_WIDTH + B + k] = -s;
      }
    } else r[row] = 0;
  }
}

/** above (s = +1): bottom of a ≥ top of b + d; below (s = −1): top of a ≤ bottom of b − d; both with the footprint. */
function vertical(ws: SolverWorkspace, ci: number, m: number, wantJ: boolean, s: number): number {
  const P = ws.P, H = ws.half, r = ws.r, J = ws.J;
  const a = ws.subject[ci], b = ws.targetB[ci], d = ws.distance[ci];
  const z = P[a * 3 + 2], h = H[a * 3 + 2];
  let v: number;
  if (b < 0) v = s > 0 ? d + m - (z - h) : z + h + d + m;
  else v = s > 0 ? P[b * 3 + 2] + H[b * 3 + 2] + d + m - (z - h) : z + h + d + m - (P[b * 3 + 2] - H[b * 3 + 2]);
  if (v > 0) {
    r[0] = v;
    if (wantJ) {
      J[2] = -s;
      J[B + 2] = s;
    }
  } else r[0] = 0;
  if (b < 0) return 1;
  footprint(ws, a, b, m, wantJ);
  return 3;
}

/** on: bottom of a = top of b (the ground for the world), centre over b's footprint. */
function on(ws: SolverWorkspace, ci: number, m: number, wantJ: boolean): number {
  const P = ws.P, H = ws.half, r = ws.r, J = ws.J;
  const a = ws.subject[ci], b = ws.targetB[ci];
  r[0] = P[a * 3 + 2] - H[a * 3 + 2] - (b < 0 ? 0 : P[b * 3 + 2] + H[b * 3 + 2]);
  if (wantJ) {
    J[2] = 1;
    J[B + 2] = -1;
  }
  if (b < 0) return 1;
  footprint(ws, a, b, m, wantJ);
  return 3;
}

/**
 * left/front (s = −1) and right/behind (s = +1) along axis k: a's box wholly on that side of b's with gap ≥ d,
 * max(0, s·(p_b − p_a) + h_a + h_b + d). World: a's centre at least d on that side of the origin, max(0, d − s·p_a).
 */
function side(ws: SolverWorkspace, ci: number, m: number, wantJ: boolean, k: number, s: number): number {
  const P = ws.P, H = ws.half, r = ws.r, J = ws.J;
  const a = ws.subject[ci], b = ws.targetB[ci], d = ws.distance[ci];
  const v = b < 0 ? d + m - s * P[a * 3 + k] : s * (P[b * 3 + k] - P[a * 3 + k]) + H[a * 3 + k] + H[b * 3 + k] + d + m;
  if (v > 0) {
    r[0] = v;
    if (wantJ) {
      J[k] = -s;
      J[B + k] = s;
    }
  } else r[0] = 0;
  return 1;
}

/**
 * far across the ground (1 row): max(0, d − g) with g the boxes' gap in x/y (Euclidean over the axes apart), or
 * under overlap in x and y the larger signed separation of the two (the axis of least penetration across).
 */
function farAcross(ws: SolverWorkspace, a: number, b: number, d: number, wantJ: boolean): number {
  const P = ws.P, H = ws.half, r = ws.r, J = ws.J;
  const dx = P[a * 3] - P[b * 3], dy = P[a * 3 + 1] - P[b * 3 + 1];
  const sx = Math.abs(dx) - (H[a * 3] + H[b * 3]), sy = Math.abs(dy) - (H[a * 3 + 1] + H[b * 3 + 1]);
  const gx = sx > 0 ? sx : 0, gy = sy > 0 ? sy : 0;
  const g = Math.sqrt(gx * gx + gy * gy);
  const v = d - (g > 0 ? g : Math.max(sx, sy));
  if (v <= 0) {
    r[0] = 0;
    return 1;
  }
  r[0] = v;
  if (wantJ) {
    const ux = dx < 0 ? -1 : 1, uy = dy < 0 ? -1 : 1;
    const jx = g > 0 ? (gx / g) * ux : sx >= sy ? ux : 0;
    const jy = g > 0 ? (gy / g) * uy : sx >= sy ? 0 : uy;
    J[0] = -jx;
    J[1] = -jy;
    J[B] = jx;
    J[B + 1] = jy;
  }
  return 1;
}

/** near: max(0, gap − d); far: max(0, d − gap), with the signed separation standing in for the gap under overlap. */
function nearFar(ws: SolverWorkspace, ci: number, m: number, wantJ: boolean, far: boolean): number {
  const T = ws.tmp, r = ws.r, J = ws.J;
  const d = ws.distance[ci];
  boxRelation(ws.P, ws.half, ws.subject[ci], ws.targetB[ci], T, 0);
  const gap = T[REL_GAP];
  if (!far) {
    const v = gap - (d - Math.min(m, d));
    if (v > 0) {
      r[0] = v;
      if (wantJ) {
        for (let k = 0; k < 3; k++) {
          const dk = (T[REL_GAP_X + k] / gap) * T[REL_SIGN_X + k];
          J[k] = dk;
          J[B + k] = -dk;
        }
      }
    } else r[0] = 0;
    return 1;
  }
  const a = ws.subject[ci], b = ws.targetB[ci];
  // Keeping apart is measured across the ground: unless the pair separates by stacking (stackPair 1), the bound
  // is on the gap in x/y (never less than the box gap the check measures), so that two floor-standing pallets
  // "at least 50 cm" apart move sideways instead of being lifted off the ground along their thin z axis.
  if (b >= 0 && ws.stackPair[a * ws.entities + b] !== 1) return farAcross(ws, a, b, d + m, wantJ);
  const sep = gap > 0 ? gap : T[REL_SEPARATION];
  const v = d + m - sep;
  if (v > 0) {
    r[0] = v;
    if (wantJ) {
      if (gap > 0) {
        for (let k = 0; k < 3; k++) {
          const dk = (T[REL_GAP_X + k] / gap) * T[REL_SIGN_X + k];
          J[k] = -dk;
          J[B + k] = dk;
        }
      } else {
        const k = T[REL_AXIS];
        J[k] = -T[REL_SIGN_X + k];
        J[B + k] = T[REL_SIGN_X + k];
      }
    }
  } else r[0] = 0;
  return 1;
}

/** distance: |p_a − p_b| − d, or with an axis (p_a − p_b)[axis] − d (equality). */
function distance(ws: SolverWorkspace, ci: number, wantJ: boolean): number {
  const P = ws.P, r = ws.r, J = ws.J;
  const a = ws.subject[ci] * 3, b = ws.targetB[ci], d = ws.distance[ci], axis = ws.axis[ci];
  const dx = P[a] - (b < 0 ? 0 : P[b * 3]);
  const dy = P[a + 1] - (b < 0 ? 0 : P[b * 3 + 1]);
  const dz = P[a + 2] - (b < 0 ? 0 : P[b * 3 + 2]);
  if (axis >= 0) {
    r[0] = (axis === 0 ? dx : axis === 1 ? dy : dz) - d;
    if (wantJ) {
      J[axis] = 1;
      J[B + axis] = -1;
    }
    return 1;
  }
  const len = Math.sqrt(dx * dx + dy * dy + dz * dz);
  r[0] = len - d;
  if (wantJ) {
    if (len > 1e-12) {
      J[0] = dx / len;
      J[1] = dy / len;
      J[2] = dz / len;
    } else J[0] = 1;
    J[B] = -J[0];
    J[B + 1] = -J[1];
    J[B + 2] = -J[2];
  }
  return 1;
}

/** touching (s = +1): signed separation = 0; outside (s = −1): max(0, m − separation). */
function separation(ws: SolverWorkspace, ci: number, m: number, wantJ: boolean, touching: boolean): number {
  const T = ws.tmp, r = ws.r, J = ws.J;
  boxRelation(ws.P, ws.half, ws.subject[ci], ws.targetB[ci], T, 0);
  const sep = T[REL_SEPARATION];
  const k = T[REL_AXIS];
  const s = T[REL_SIGN_X + k];
  if (touching) {
    r[0] = sep;
    if (wantJ) {
      J[k] = s;
      J[B + k] = -s;
    }
    return 1;
  }
  const v = m - sep;
  if (v > 0) {
    r[0] = v;
    if (wantJ) {
      J[k] = -s;
      J[B + k] = s;
    }
  } else r[0] = 0;
  return 1;
}

/** inside: per axis max(0, |Δ_k| + h_a,k − h_b,k). */
function inside(ws: SolverWorkspace, ci: number, m: number, wantJ: boolean): number {
  const P = ws.P, H = ws.half, r = ws.r, J = ws.J;
  const a = ws.subject[ci], b = ws.targetB[ci];
  for (let k = 0; k < 3; k++) {
    const d = P[a * 3 + k] - (b < 0 ? 0 : P[b * 3 + k]);
    const v = Math.abs(d) + H[a * 3 + k] - (b < 0 ? 0 : H[b * 3 + k]) + m;
    if (v > 0) {
      r[k] = v;
      if (wantJ) {
        const s = d < 0 ? -1 : 1;
        J[k * ROW_WIDTH + k] = s;
        J[k * ROW_WIDTH + B + k] = -s;
      }
    } else r[k] = 0;
  }
  return 3;
}

/**
 * between, seen from above: rows 0–1 are p_a − (p_b + t (p_c − p_b)) in x and y, t = clamp(projection, t0, t1) of
 * the horizontal positions, [t0, t1] the part of the segment off both references' footprints (their norm is the
 * distance to that part in plan); row 2 is a hinge keeping a's box overlapping in height the span of the two
 * references (from the lower bottom to the higher top): "the pallet between the two racks" stays on the floor, a box
 * between two boxes on a table stays at their height, and a picture frame taller than the two candles it stands
 * between on one shelf is between them; with axis z ("2 m above the table between the two lamps") row 2 is 0, the
 * subject between them seen from above at any height. At interior t the residual is orthogonal to the segment, so holding t fixed
 * gives the exact gradient; at a clamped end t0 or t1 the end's own derivative is added.
 */
function between(ws: SolverWorkspace, ci: number, wantJ: boolean): number {
  const P = ws.P, H = ws.half, r = ws.r, J = ws.J;
  const a = ws.subject[ci] * 3, b = ws.targetB[ci], c = ws.targetC[ci];
  let len2 = 0, proj = 0;
  for (let k = 0; k < 2; k++) {
    const pb = b < 0 ? 0 : P[b * 3 + k];
    const seg = (c < 0 ? 0 : P[c * 3 + k]) - pb;
    len2 += seg * seg;
    proj += (P[a + k] - pb) * seg;
  }
  // Seen from above the subject stands between the references' footprints, not over either: t is kept off the
  // ends by the boxes' half-widths along the segment, t0 = Σ|d_k|(h_a,k + h_b,k)/|d|² and t1 = 1 − Σ|d_k|(h_a,k +
  // h_c,k)/|d|² (d = c − b in plan), the middle when they leave no room.
  const d0 = (c < 0 ? 0 : P[c * 3]) - (b < 0 ? 0 : P[b * 3]);
  const d1 = (c < 0 ? 0 : P[c * 3 + 1]) - (b < 0 ? 0 : P[b * 3 + 1]);
  const w0x = H[a] + (b < 0 ? 0 : H[b * 3]), w0y = H[a + 1] + (b < 0 ? 0 : H[b * 3 + 1]);
  const w1x = H[a] + (c < 0 ? 0 : H[c * 3]), w1y = H[a + 1] + (c < 0 ? 0 : H[c * 3 + 1]);
  const s0 = Math.abs(d0) * w0x + Math.abs(d1) * w0y, s1 = Math.abs(d0) * w1x + Math.abs(d1) * w1y;
  const x0 = len2 > 1e-24 ? s0 / len2 : 0, x1 = len2 > 1e-24 ? 1 - s1 / len2 : 1;
  const t0 = Math.min(0.5, x0), t1 = Math.max(0.5, x1);
  const free = len2 > 1e-24 ? proj / len2 : 0;
  const t = len2 > 1e-24 ? Math.min(t1, Math.max(t0, free)) : 0;
  // dt/dd_j where t sits on a moving end (t0 or t1 below the middle's clamp), else 0 (t fixed: exact, see above).
  let g0 = 0, g1 = 0;
  if (len2 > 1e-24 && free < t0 && x0 < 0.5) {
    g0 = (Math.sign(d0) * w0x) / len2 - (2 * d0 * s0) / (len2 * len2);
    g1 = (Math.sign(d1) * w0y) / len2 - (2 * d1 * s0) / (len2 * len2);
  } else if (len2 > 1e-24 && free > t1 && x1 > 0.5) {
    g0 = -((Math.sign(d0) * w1x) / len2 - (2 * d0 * s1) / (len2 * len2));
    g1 = -((Math.sign(d1) * w1y) / len2 - (2 * d1 * s1) / (len2 * len2));
  }
  for (let k = 0; k < 2; k++) {
    const pb = b < 0 ? 0 : P[b * 3 + k];
    const pc = c < 0 ? 0 : P[c * 3 + k];
    const dk = pc - pb;
    r[k] = P[a + k] - pb - t * dk;
    if (wantJ) {
      J[k * ROW_WIDTH + k] = 1;
      J[k * ROW_WIDTH + B + k] = t - 1;
      J[k * ROW_WIDTH + C + k] = -t;
      J[k * ROW_WIDTH + B] += dk * g0;
      J[k * ROW_WIDTH + B + 1] += dk * g1;
      J[k * ROW_WIDTH + C] -= dk * g0;
      J[k * ROW_WIDTH + C + 1] -= dk * g1;
    }
  }
  // "2 m above the table between the two lamps" (axis z): between as seen along z only, at any height.
  if (ws.axis[ci] === 2) {
    r[2] = 0;
    return 3;
  }
  const zb = b < 0 ? 0 : P[b * 3 + 2], hb = b < 0 ? 0 : H[b * 3 + 2];
  const zc = c < 0 ? 0 : P[c * 3 + 2], hc = c < 0 ? 0 : H[c * 3 + 2];
  const za = P[a + 2], ha = H[a + 2];
  const lowB = zb - hb <= zc - hc;
  const lo = lowB ? zb - hb : zc - hc;
  const highB = zb + hb >= zc + hc;
  const hi = highB ? zb + hb : zc + hc;
  if (za - ha > hi) {
    r[2] = za - ha - hi;
    if (wantJ) {
      J[2 * ROW_WIDTH + 2] = 1;
      J[2 * ROW_WIDTH + (highB ? B : C) + 2] = -1;
    }
  } else if (za + ha < lo) {
    r[2] = za + ha - lo;
    if (wantJ) {
      J[2 * ROW_WIDTH + 2] = 1;
      J[2 * ROW_WIDTH + (lowB ? B : C) + 2] = -1;
    }
  } else r[2] = 0;
  return 3;
}

/** aligned along an axis: the two other coordinates of the centres are equal (2 rows). */
function alignedAxis(ws: SolverWorkspace, ci: number, wantJ: boolean): number {
  const P = ws.P, r = ws.r, J = ws.J;
  const a = ws.subject[ci] * 3, b = ws.targetB[ci], axis = ws.axis[ci];
  let row = 0;
  for (let k = 0; k < 3; k++) {
    if (k === axis) continue;
    r[row] = P[a + k] - (b < 0 ? 0 : P[b * 3 + k]);
    if (wantJ) {
      J[row * ROW_WIDTH + k] = 1;
      J[row * ROW_WIDTH + B + k] = -1;
    }
    row++;
  }
  return 2;
}

/**
 * angle, and aligned without an axis (target = identity): r = log(q_ref⁻¹ ⊗ q_a ⊗ R(axis, θ)⁻¹), q_ref = q_b or
 * the identity. With E = q_ref⁻¹ q_a R_θ⁻¹: ∂r/∂δ_a = J_r⁻¹(r) R_θ and ∂r/∂δ_b = −J_r⁻¹(r) R(E)ᵀ.
 */
function relativeRotation(ws: SolverWorkspace, ci: number, wantJ: boolean): number {
  const Q = ws.Q, T = ws.tmp, r = ws.r, J = ws.J;
  const a = ws.subject[ci] * 4, b = ws.targetB[ci];
  if (b < 0) {
    T[0] = Q[a];
    T[1] = Q[a + 1];
    T[2] = Q[a + 2];
    T[3] = Q[a + 3];
  } else quatConjMultiply(T, 0, Q, b * 4, Q, a);
  quatMultiplyConj(T, 4, T, 0, ws.targetQuat, ci * 4); // E at T[4..7]
  so3Log(r, 0, T, 4);
  if (!wantJ) return 3;
  so3RightJacobianInverse(T, 8, r[0], r[1], r[2]); // T[8..16]
  quatToMatrix(T, 17, ws.targetQuat, ci * 4); // R_θ at T[17..25]
  quatToMatrix(T, 26, T, 4); // R(E) at T[26..34]
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let ja = 0, jb = 0;
      for (let l = 0; l < 3; l++) {
        const ji = T[8 + i * 3 + l];
        ja += ji * T[17 + l * 3 + j];
        jb -= ji * T[26 + j * 3 + l];
      }
      J[i * ROW_WIDTH + 3 + j] = ja;
      J[i * ROW_WIDTH + B + 3 + j] = jb;
    }
  }
  return 3;
}

/**
 * parallel: u × v = 0 (3 rows, norm = sin of the angle, so parallel and antiparallel both hold), with
 * u = R_a e_axis, v = R_b e_axis (e_axis for the world). With w_j = R (e × e_j), ∂u/∂δ_j = −w_j, so
 * ∂(u×v)/∂δ_a,j = v × w_j^a and ∂(u×v)/∂δ_b,j = −u × w_j^b.
 */
function parallel(ws: SolverWorkspace, ci: number, wantJ: boolean): number {
  const T = ws.tmp, r = ws.r, J = ws.J;
  const a = ws.subject[ci], b = ws.targetB[ci], k = ws.axis[ci];
  axisFrames(ws, a, b);
  const ux = T[k], uy = T[3 + k], uz = T[6 + k];
  const vx = T[9 + k], vy = T[12 + k], vz = T[15 + k];
  r[0] = uy * vz - uz * vy;
  r[1] = uz * vx - ux * vz;
  r[2] = ux * vy - uy * vx;
  if (!wantJ) return 3;
  const k1 = (k + 1) % 3, k2 = (k + 2) % 3;
  for (let j = 0; j < 3; j++) {
    if (j === k) continue;
    // e_k × e_k1 = e_k2, e_k × e_k2 = −e_k1: w_j is ± a column of R.
    const col = j === k1 ? k2 : k1;
    const sign = j === k1 ? 1 : -1;
    const ax = sign * T[col], ay = sign * T[3 + col], az = sign * T[6 + col];
    const bx = sign * T[9 + col], by = sign * T[12 + col], bz = sign * T[15 + col];
    J[3 + j] = vy * az - vz * ay;
    J[ROW_WIDTH + 3 + j] = vz * ax - vx * az;
    J[2 * ROW_WIDTH + 3 + j] = vx * ay - vy * ax;
    J[B + 3 + j] = -(uy * bz - uz * by);
    J[ROW_WIDTH + B + 3 + j] = -(uz * bx - ux * bz);
    J[2 * ROW_WIDTH + B + 3 + j] = -(ux * by - uy * bx);
  }
  return 3;
}

/** Writes R_a at tmp[0..8] and R_b (identity for the world) at tmp[9..17], row-major. */
function axisFrames(ws: SolverWorkspace, a: number, b: number): void {
  const T = ws.tmp;
  quatToMatrix(T, 0, ws.Q, a * 4);
  if (b < 0) {
    for (let i = 0; i < 9; i++) T[9 + i] = i % 4 === 0 ? 1 : 0;
  } else quatToMatrix(T, 9, ws.Q, b * 4);
}

/**
 * perpendicular: π/2 − θ = 0 (1 row, radians), θ = atan2(|u × v|, u · v) the angle between the local axes.
 * With n = (u × v)/|u × v|, turning a by δ (world rotation R_a δ) changes θ by −n·R_a δ, so ∂r/∂δ_a = R_aᵀn and
 * ∂r/∂δ_b = −R_bᵀn. Exactly parallel axes (the usual start: both orientations the identity) have no u × v
 * direction; n is then u × e_m for the world axis e_m least aligned with u, so the solver still has a way out
 * (the dot-product form u · v has a zero gradient there and would never move).
 */
function perpendicular(ws: SolverWorkspace, ci: number, wantJ: boolean): number {
  const T = ws.tmp, r = ws.r, J = ws.J;
  const a = ws.subject[ci], b = ws.targetB[ci], k = ws.axis[ci];
  axisFrames(ws, a, b);
  const ux = T[k], uy = T[3 + k], uz = T[6 + k];
  const vx = T[9 + k], vy = T[12 + k], vz = T[15 + k];
  let nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
  const s = Math.sqrt(nx * nx + ny * ny + nz * nz);
  r[0] = Math.PI / 2 - Math.atan2(s, ux * vx + uy * vy + uz * vz);
  if (!wantJ) return 1;
  if (s > 1e-9) {
    nx /= s;
    ny /= s;
    nz /= s;
  } else {
    const m = Math.abs(ux) <= Math.abs(uy) && Math.abs(ux) <= Math.abs(uz) ? 0 : Math.abs(uy) <= Math.abs(uz) ? 1 : 2;
    nx = m === 0 ? 0 : m === 1 ? -uz : uy;
    ny = m === 0 ? uz : m === 1 ? 0 : -ux;
    nz = m === 0 ? -uy : m === 1 ? ux : 0;
    const l = Math.sqrt(nx * nx + ny * ny + nz * nz);
    nx /= l;
    ny /= l;
    nz /= l;
  }
  for (let j = 0; j < 3; j++) {
    J[3 + j] = T[j] * nx + T[3 + j] * ny + T[6 + j] * nz;
    J[B + 3 + j] = -(T[9 + j] * nx + T[12 + j] * ny + T[15 + j] * nz);
  }
  return 1;
}

/**
 * Evaluates constraint ci at the poses ws.P/ws.Q: writes its rows into ws.r (and Jacobian into ws.J when
 * wantJ), sets ws.blocks to the entities of the Jacobian blocks (−1 for the world), returns the row count.
 * `solving` applies the hinge margin; the reported residual uses solving = false.
 */
export function constraintResidual(ws: SolverWorkspace, ci: number, solving: boolean, wantJ: boolean): number {
  ws.blocks[0] = ws.subject[ci];
  ws.blocks[1] = ws.targetB[ci];
  ws.blocks[2] = ws.targetC[ci];
  const m = solving ? ws.margin[ci] : 0;
  switch (ws.kind[ci]) {
    case KIND.above:
      return vertical(ws, ci, m, wantJ, 1);
    case KIND.below:
      return vertical(ws, ci, m, wantJ, -1);
    case KIND.on:
      return on(ws, ci, m, wantJ);
    case KIND.left:
      return side(ws, ci, m, wantJ, 0, -1);
    case KIND.right:
      return side(ws, ci, m, wantJ, 0, 1);
    case KIND.front:
      return side(ws, ci, m, wantJ, 1, -1);
    case KIND.behind:
      return side(ws, ci, m, wantJ, 1, 1);
    case KIND.near:
      return nearFar(ws, ci, m, wantJ, false);
    case KIND.far:
      return nearFar(ws, ci, m, wantJ, true);
    case KIND.distance:
      return distance(ws, ci, wantJ);
    case KIND.touching:
      return separation(ws, ci, m, wantJ, true);
    case KIND.outside:
      return separation(ws, ci, m, wantJ, false);
    case KIND.inside:
      return inside(ws, ci, m, wantJ);
    case KIND.between:
      return between(ws, ci, wantJ);
    case KIND.angle:
      return relativeRotation(ws, ci, wantJ);
    case KIND.aligned:
      return ws.axis[ci] >= 0 ? alignedAxis(ws, ci, wantJ) : relativeRotation(ws, ci, wantJ);
    case KIND.parallel:
      return parallel(ws, ci, wantJ);
    case KIND.perpendicular:
      return perpendicular(ws, ci, wantJ);
    default:
      ws.r[0] = 0;
      return 1;
  }
}

/**
 * The reported residual of constraint ci at ws.P/ws.Q, without margin: the norm of its rows, in metres or
 * radians; for parallel the angle away from parallel (either sense), asin of the row norm.
 */
export function reportedResidual(ws: SolverWorkspace, ci: number): number {
  const rows = constraintResidual(ws, ci, false, false);
  let sum = 0;
  for (let i = 0; i < rows; i++) sum += ws.r[i] * ws.r[i];
  const norm = Math.sqrt(sum);
  const kind = ws.kind[ci];
  if (kind === KIND.parallel) return Math.asin(Math.min(1, norm));
  return norm;
}
