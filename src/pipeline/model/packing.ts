/**
 * Sequence packing for a network pass: several small scenes share one row of W entity slots, their attention
 * kept apart by a block mask (network.ts: a key of another scene gets the padded keys' −1e9 logit, so its weight
 * is exactly 0), instead of one scene per row padded to the largest scene. Every slot costs the per-entity layers
 * (embedding, projections, W_o, MLP) and every slot pair the attention, so a batch of mostly two-entity scenes with
 * a few of three runs in 50 rows of 4 slots (200 slots, 800 pairs) rather than 100 rows of 3 (300, 900).
 *
 * The plan packs by first-fit decreasing for each candidate width from the largest scene up to twice that, and
 * keeps the cheapest by a cost of slots + PAIR_WEIGHT · slot pairs (fitted to network passes of the default model
 * on wasm: about 1.5 µs per slot and 0.27 µs per pair). A plan is used only when it has no more slots and no more
 * pairs than one scene per row, so the memory estimate for the padded layout (memory-estimate.ts) still bounds it.
 */

/** Cost of one slot pair relative to one slot (see the header). */
export const PAIR_WEIGHT = 0.18;

/** Where each scene of a pass sits: rows of `width` slots, scene k starting at slot `slots[k]` (row-major). */
export interface PackingPlan {
  rows: number;
  width: number;
  /** First slot (row · width + offset) of each scene, in the order the sizes were given. */
  slots: Int32Array;
}

/** One scene per row, padded to the largest scene (at least one slot each). */
export function rowPerScene(sizes: readonly number[]): PackingPlan {
  let width = 1;
  for (const s of sizes) if (s > width) width = s;
  const slots = new Int32Array(sizes.length);
  for (let k = 0; k < sizes.length; k++) slots[k] = k * width;
  return { rows: sizes.length, width, slots };
}

/** First-fit decreasing into rows of `width` slots; scenes of size 0 take one slot. */
function firstFit(sizes: readonly number[], order: readonly number[], width: number): PackingPlan {
  const free: number[] = [];
  const slots = new Int32Array(sizes.length);
  for (const k of order) {
    const size = Math.max(1, sizes[k]);
    let row = 0;
    while (row < free.length && free[row] < size) row++;
    if (row === free.length) free.push(width);
    slots[k] = row * width + (width - free[row]);
    free[row] -= size;
  }
  return { rows: free.length, width, slots };
}

const cost = (rows: number, width: number) => rows * width * (1 + PAIR_WEIGHT * width);

/** The cheapest packing of scenes of these entity counts (one scene per row when nothing is cheaper). */
export function planPacking(sizes: readonly number[]): PackingPlan {
  const padded = rowPerScene(sizes);
  if (sizes.length < 2) return padded;
  const order = sizes.map((_, k) => k).sort((a, b) => Math.max(1, sizes[b]) - Math.max(1, sizes[a]) || a - b);
  let best = padded;
  let bestCost = cost(padded.rows, padded.width);
  const paddedSlots = padded.rows * padded.width;
  const paddedPairs = paddedSlots * padded.width;
  for (let width = padded.width; width <= 2 * padded.width; width++) {
    const plan = firstFit(sizes, order, width);
    const slots = plan.rows * width;
    if (slots > paddedSlots || slots * width > paddedPairs) continue;
    const c = cost(plan.rows, width);
    if (c < bestCost) {
      best = plan;
      bestCost = c;
    }
  }
  return best;
}
