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

/**
 * First-fit into rows of `width` slots, scenes taken in `order`; scenes of size 0 take one slot. `first[s]` is a
 * row before which no row has room for s slots: rows only fill up, so it only moves forward, and each scene's scan
 * starts there instead of at row 0 (the same rows as a scan from 0, in time linear in rows + scenes).
 */
function firstFit(sizes: readonly number[], order: Int32Array, width: number): PackingPlan {
  const free: number[] = [];
  const slots = new Int32Array(sizes.length);
  const first = new Int32Array(width + 1);
  for (let o = 0; o < order.length; o++) {
    const k = order[o];
    const size = Math.max(1, sizes[k]);
    let row = first[size];
    while (row < free.length && free[row] < size) row++;
    first[size] = row;
    if (row === free.length) free.push(width);
    slots[k] = row * width + (width - free[row]);
    free[row] -= size;
  }
  return { rows: free.length, width, slots };
}

/** Scene indices by size (at least 1), largest first, ties in index order: a counting sort (sizes are small). */
function decreasingOrder(sizes: readonly number[], largest: number): Int32Array {
  const start = new Int32Array(largest + 2);
  for (const s of sizes) start[largest - Math.max(1, s) + 1]++;
  for (let b = 1; b <= largest; b++) start[b] += start[b - 1];
  const order = new Int32Array(sizes.length);
  for (let k = 0; k < sizes.length; k++) order[start[largest - Math.max(1, sizes[k])]++] = k;
  return order;
}

const cost = (rows: number, width: number) => rows * width * (1 + PAIR_WEIGHT * width);

/** The cheapest packing of scenes of these entity counts (one scene per row when nothing is cheaper). */
export function planPacking(sizes: readonly number[]): PackingPlan {
  const padded = rowPerScene(sizes);
  if (sizes.length < 2) return padded;
  const order = decreasingOrder(sizes, padded.width);
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
