/**
 * Relations between two world-axis-aligned boxes [p − h, p + h] (extents do not rotate with the entity; see
 * docs/CONVENTIONS.md). An index < 0 stands for the world origin: a point (zero extents) at (0, 0, 0).
 */

/** Slots of the `out` array written by boxRelation. */
export const REL_GAP_X = 0;
/** Sign of Δ_x = p_a,x − p_b,x (+1 when zero, so that coincident boxes still have a direction); y, z follow. */
export const REL_SIGN_X = 3;
/** Euclidean distance between the boxes (0 when they overlap or touch). */
export const REL_GAP = 6;
/** Signed separation max_k (|Δ_k| − (h_a,k + h_b,k)): > 0 apart, 0 touching, < 0 overlapping (−depth). */
export const REL_SEPARATION = 7;
/** Axis (0, 1, 2) that attains the separation: the axis of least penetration when overlapping. */
export const REL_AXIS = 8;
/** Length of the `out` array boxRelation needs. */
export const REL_SIZE = 9;

/**
 * Writes the relation between box a and box b (indices into P·3 / H·3; b < 0 = world origin) into out[o..o+8]:
 * per-axis gaps g_k = max(0, |Δ_k| − (h_a,k + h_b,k)) at REL_GAP_X.., the signs of Δ, the Euclidean gap, the
 * signed separation and its axis.
 */
export function boxRelation(P: Float64Array, H: Float64Array, a: number, b: number, out: Float64Array, o: number): void {
  let gap2 = 0;
  let sep = -Infinity;
  let sepAxis = 0;
  for (let k = 0; k < 3; k++) {
    const d = b < 0 ? P[a * 3 + k] : P[a * 3 + k] - P[b * 3 + k];
    const extent = b < 0 ? H[a * 3 + k] : H[a * 3 + k] + H[b * 3 + k];
    const s = Math.abs(d) - extent;
    out[o + REL_SIGN_X + k] = d < 0 ? -1 : 1;
    if (s > 0) {
      out[o + REL_GAP_X + k] = s;
      gap2 += s * s;
    } else out[o + REL_GAP_X + k] = 0;
    if (s > sep) {
      sep = s;
      sepAxis = k;
    }
  }
  out[o + REL_GAP] = Math.sqrt(gap2);
  out[o + REL_SEPARATION] = sep;
  out[o + REL_AXIS] = sepAxis;
}

/**
 * Penetration depth of boxes i and j: min over axes of (h_i,k + h_j,k − |Δ_k|) when that is positive on all
 * three axes, else 0. Cheap (no writes); the solver calls it for every pair.
 */
export function penetrationDepth(P: Float64Array, H: Float64Array, i: number, j: number): number {
  let depth = Infinity;
  for (let k = 0; k < 3; k++) {
    const d = H[i * 3 + k] + H[j * 3 + k] - Math.abs(P[i * 3 + k] - P[j * 3 + k]);
    if (!(d > 0)) return 0;
    if (d < depth) depth = d;
  }
  return depth;
}
