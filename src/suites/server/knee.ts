/**
 * The knee of a latency–load curve by Kneedle (Satopää, Albrecht, Irwin & Raghavan, "Finding a 'Kneedle' in a
 * Haystack: Detecting Knee Points in System Behavior", ICDCS Workshops 2011): normalise both axes to [0, 1];
 * for a convex increasing curve (latency that rises slowly, then steeply) the knee is the point farthest below
 * the diagonal, the maximum of x̂ − ŷ. Points are taken in order of x; at least three are needed. The server suite
 * passes linear axes, as the paper does, over a non-decreasing latency envelope (noise would otherwise make the
 * curve non-convex); on very steep curves the last point sets ŷ's scale and the knee sits where latency has
 * already begun to climb.
 */

/** Index (into the given arrays) of the knee, or null when there is none (fewer than 3 points, flat or concave). */
export function kneeIndex(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => xs[a] - xs[b]);
  const x0 = xs[order[0]];
  const x1 = xs[order[n - 1]];
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const i of order) {
    y0 = Math.min(y0, ys[i]);
    y1 = Math.max(y1, ys[i]);
  }
  if (!(x1 > x0) || !(y1 > y0)) return null;
  let best: number | null = null;
  let bestDiff = 0;
  for (const i of order) {
    const diff = (xs[i] - x0) / (x1 - x0) - (ys[i] - y0) / (y1 - y0);
    if (diff > bestDiff) {
      bestDiff = diff;
      best = i;
    }
  }
  return best;
}
