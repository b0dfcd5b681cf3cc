/**
 * Starting poses for rigid distance sets: a set of three or more entities in which every pair is held at a centre
 * distance (a formation: a triangle, a square, a ring, with or without its centre) starts laid out in x/y by
 * classical multidimensional scaling of those distances, turned (or mirrored) to fit the proposed positions best
 * and centred on them. From the proposal alone the members may start in the wrong cyclic order ("a square" whose
 * members 1, 2, 4, 3 go round it), a local minimum the least-squares solve cannot leave: a crossed square whose sides
 * are 0.08 and 0.14 m where 0.1 m was asked. Heights are left as proposed.
 */
import { KIND } from './kinds.js';
import type { SolverWorkspace } from './workspace.js';

/** Largest set laid out this way (formations give every pair a distance up to 12 members, plus a centre). */
const MAX_SET = 13;
/** Power iterations per eigenvector (the sets are tiny; this converges far below a millimetre). */
const POWER_STEPS = 200;

/** Rewrites ws.initialPos (x, y) of every complete distance set; call after the constraints are compiled. */
export function layOutRigidSets(ws: SolverWorkspace): void {
  const N = ws.entities;
  if (N < 3) return;
  // Wanted centre distance per pair (NaN: none; a pair with two different distances is left alone).
  const want = new Float64Array(N * N).fill(NaN);
  let any = false;
  for (let ci = 0; ci < ws.constraintCount; ci++) {
    if (ws.kind[ci] !== KIND.distance || ws.axis[ci] >= 0) continue;
    const a = ws.subject[ci], b = ws.targetB[ci];
    if (b < 0 || a === b || !(ws.distance[ci] > 0)) continue;
    const d = ws.distance[ci];
    const old = want[a * N + b];
    const v = Number.isNaN(old) || Math.abs(old - d) < 1e-9 ? d : Infinity;
    want[a * N + b] = v;
    want[b * N + a] = v;
    any = true;
  }
  if (!any) return;
  const seen = new Uint8Array(N);
  for (let s = 0; s < N; s++) {
    if (seen[s]) continue;
    // The connected component of s in the distance graph.
    const set: number[] = [s];
    seen[s] = 1;
    for (let k = 0; k < set.length; k++) {
      for (let j = 0; j < N; j++) {
        if (!seen[j] && !Number.isNaN(want[set[k] * N + j])) {
          seen[j] = 1;
          set.push(j);
        }
      }
    }
    if (set.length < 3 || set.length > MAX_SET) continue;
    let complete = true;
    for (let i = 0; i < set.length && complete; i++) {
      for (let j = i + 1; j < set.length; j++) {
        if (!Number.isFinite(want[set[i] * N + set[j]])) {
          complete = false;
          break;
        }
      }
    }
    if (complete) layOut(ws, set, want);
  }
}

function layOut(ws: SolverWorkspace, set: number[], want: Float64Array): void {
  const N = ws.entities;
  const n = set.length;
  // B = −½ J D² J (double centring of the squared distances).
  const D2 = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) D2[i * n + j] = want[set[i] * N + set[j]] ** 2;
  const row = new Float64Array(n);
  let all = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) row[i] += D2[i * n + j] / n;
    all += row[i] / n;
  }
  const B = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) B[i * n + j] = -0.5 * (D2[i * n + j] - row[i] - row[j] + all);
  const X = new Float64Array(n * 2);
  for (let axis = 0; axis < 2; axis++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = Math.sin(1.3 * i + 0.7 * axis + 0.4) + 0.01 * i;
    let lambda = 0;
    for (let step = 0; step < POWER_STEPS; step++) {
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) w[i] += B[i * n + j] * v[j];
      let norm = 0;
      for (let i = 0; i < n; i++) norm += w[i] * w[i];
      norm = Math.sqrt(norm);
      if (!(norm > 1e-15)) break;
      lambda = norm;
      for (let i = 0; i < n; i++) v[i] = w[i] / norm;
    }
    if (!(lambda > 0)) return;
    const scale = Math.sqrt(lambda);
    for (let i = 0; i < n; i++) X[i * 2 + axis] = v[i] * scale;
    // Deflate: B ← B − λ v vᵀ.
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) B[i * n + j] -= lambda * v[i] * v[j];
  }
  // Fit to the proposed x/y: centroids, then the rotation (or the mirror image's) that best matches them.
  const P = ws.initialPos;
  let cx = 0, cy = 0, mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    cx += P[set[i] * 3] / n;
    cy += P[set[i] * 3 + 1] / n;
    mx += X[i * 2] / n;
    my += X[i * 2 + 1] / n;
  }
  let best = -Infinity, cos = 1, sin = 0, flip = 1;
  for (const f of [1, -1]) {
    let sc = 0, ss = 0;
    for (let i = 0; i < n; i++) {
      const x = X[i * 2] - mx, y = f * (X[i * 2 + 1] - my);
      const px = P[set[i] * 3] - cx, py = P[set[i] * 3 + 1] - cy;
      sc += x * px + y * py;
      ss += x * py - y * px;
    }
    const fit = Math.hypot(sc, ss);
    if (fit > best) {
      best = fit;
      const t = Math.atan2(ss, sc);
      cos = Math.cos(t);
      sin = Math.sin(t);
      flip = f;
    }
  }
  for (let i = 0; i < n; i++) {
    const x = X[i * 2] - mx, y = flip * (X[i * 2 + 1] - my);
    P[set[i] * 3] = cx + cos * x - sin * y;
    P[set[i] * 3 + 1] = cy + sin * x + cos * y;
  }
}
