/**
 * Gauss–Newton normal equations: accumulation of a term's rows into A = JᵀJ and g = Jᵀr, and the Cholesky
 * solve of (A + μI) h = −g, all in place in preallocated Float64Arrays (row-major, n × n).
 */
import { BLOCK_WIDTH, MAX_TERM_BLOCKS, ROW_WIDTH, type SolverWorkspace } from './workspace.js';

/**
 * Adds the first `rows` rows of the term scratch (ws.r, ws.J, ws.blocks) to A and g, mapping each block entry
 * to its unknown (position columns 3e.., rotation columns ws.rotColumn[e]..), zeroing those Jacobian rows as it reads them.
 * Repeated entities across blocks are summed correctly (every ordered pair of blocks is added).
 */
export function accumulateRows(ws: SolverWorkspace, rows: number, A: Float64Array, g: Float64Array): void {
  const J = ws.J, r = ws.r, blocks = ws.blocks, rot = ws.rotColumn, n = ws.columns;
  // A row's nonzero entries (a handful of its ROW_WIDTH) with their columns, in block order: the products are then
  // formed over those alone, in the same order as over the whole row (the same sums, bit for bit).
  const cols = ws.rowColumns, vals = ws.rowValues;
  for (let row = 0; row < rows; row++) {
    const base = row * ROW_WIDTH;
    const ri = r[row];
    let count = 0;
    for (let b = 0; b < MAX_TERM_BLOCKS; b++) {
      const e = blocks[b];
      const from = base + b * BLOCK_WIDTH;
      // The row is zeroed as it is read, for the next term (a world block's entries are zeroed unread).
      if (e < 0) {
        for (let i = 0; i < BLOCK_WIDTH; i++) J[from + i] = 0;
        continue;
      }
      for (let i = 0; i < BLOCK_WIDTH; i++) {
        const v = J[from + i];
        if (v === 0) continue;
        J[from + i] = 0;
        const c = i < 3 ? e * 3 + i : rot[e] < 0 ? -1 : rot[e] + i - 3;
        if (c < 0) continue;
        cols[count] = c;
        vals[count] = v;
        count++;
      }
    }
    for (let p = 0; p < count; p++) {
      const c1 = cols[p];
      const j1 = vals[p];
      g[c1] += j1 * ri;
      const rowOffset = c1 * n;
      for (let q = 0; q < count; q++) A[rowOffset + cols[q]] += j1 * vals[q];
    }
  }
}

/**
 * Solves (A + μI) h = −g by envelope (profile) Cholesky, using `factor` (n × n) as scratch and `first` (n) for
 * the first nonzero column of each row; A and g are left unchanged. The factor of a matrix has no fill-in left of
 * each row's first nonzero entry (A. George, J. W. H. Liu, "Computer Solution of Large Sparse Positive Definite
 * Systems", 1981, ch. 4), so a scene whose entities couple only to their neighbours costs far less than n³/6.
 * Returns false when the damped matrix is not numerically positive definite (or not finite).
 */
export function solveDamped(
  A: Float64Array,
  g: Float64Array,
  mu: number,
  n: number,
  factor: Float64Array,
  first: Int32Array,
  h: Float64Array,
): boolean {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let f = i;
    for (let j = 0; j < i; j++) {
      if (A[ri + j] !== 0) {
        f = j;
        break;
      }
    }
    first[i] = f;
  }
  // Lower-triangular L with L Lᵀ = A + μI, stored row-major in factor (entries left of first[i] are not used).
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    const fi = first[i];
    for (let j = fi; j <= i; j++) {
      const rj = j * n;
      let s = A[ri + j] + (i === j ? mu : 0);
      for (let k = fi > first[j] ? fi : first[j]; k < j; k++) s -= factor[ri + k] * factor[rj + k];
      if (i === j) {
        if (!(s > 0) || !Number.isFinite(s)) return false;
        factor[ri + i] = Math.sqrt(s);
      } else factor[ri + j] = s / factor[rj + j];
    }
  }
  // L y = −g
  for (let i = 0; i < n; i++) {
    let s = -g[i];
    const ri = i * n;
    for (let k = first[i]; k < i; k++) s -= factor[ri + k] * h[k];
    h[i] = s / factor[ri + i];
  }
  // Lᵀ h = y
  for (let i = n - 1; i >= 0; i--) {
    let s = h[i];
    for (let k = i + 1; k < n; k++) if (first[k] <= i) s -= factor[k * n + i] * h[k];
    h[i] = s / factor[i * n + i];
  }
  for (let i = 0; i < n; i++) if (!Number.isFinite(h[i])) return false;
  return true;
}
