/**
 * One refinement iteration with fused Q/K/V projections (the seed guide's FusedAttentionLayer): one matMul
 * h·[W_q/√d | W_k | W_v] gives every head's queries, keys and values, scores are q_k·k_kᵀ per head. Attention is
 * laid out heads outermost, [k, B, N, N]. Same maths as folded-attention.ts (see network.ts for the equations).
 *
 * Large passes multiply h by the fused matrix's three column blocks one after another instead (the same weights
 * and the same 3·H² multiply-adds per entity, see usesSplitProjection): splitting one [B·N, 3·H] product into
 * q, k and v takes three Slice kernels, and wasm's Slice copies its whole input out of the heap for each one.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from './config.js';
import { dense, mm, type IterationState, type PassDims } from './kernels.js';
import { fuseIteration } from './parameters.js';

/** Tensors one fused refinement iteration multiplies with. */
export interface FusedIterationTensors {
  qkv: tf.Tensor3D; // [1, H, 3H]
  /** The column blocks of qkv (W_q/√d, W_k, W_v), each [1, H, H], for split projections. */
  qkvBlocks: [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
  output: tf.Tensor3D; // [1, H, H]
  distanceScale: tf.Tensor4D; // [k, 1, 1, 1]
  rotationScale: tf.Tensor4D; // [k, 1, 1, 1]
  mlp1Kernel: tf.Tensor3D;
  mlp1Bias: tf.Tensor1D;
  mlp2Kernel: tf.Tensor3D;
  mlp2Bias: tf.Tensor1D;
  positionCoefficients: tf.Tensor3D; // [1, 1, k]
  orientationCoefficients: tf.Tensor3D; // [1, 1, k]
  positionKeep: tf.Scalar; // 1 + Σ_k c_k
}

/**
 * The attention-weighted values Σ_j a_k(i, j) v_k(j) as a broadcast product summed over j instead of a batched
 * matMul when the scenes are small (padded N at most BROADCAST_MAX_ENTITIES), the matrices many (k·B at least
 * BROADCAST_MIN_MATRICES) and the heads wide (d at least BROADCAST_MIN_HEAD_WIDTH): wasm's batched matMul of
 * k·B tiny [N, N]·[N, d] products then costs up to twice the broadcast form. Measured on wasm (median of 9 runs of
 * 1,000 calls, one process, both forms alternating): d = 32: 161 against 360 µs for k·B = 512, N = 3 (the seed
 * preset at batch 64), 131 against 186 µs for 256 products at N = 4, 273 against 319 µs at N = 6; d = 8 (the
 * default model): the matMul is as fast or faster at N = 2, 4, 5, 6 and 8 (39 against 57 µs for 200 products at
 * N = 4, the default model's packed simple batch) and within 10 % either way at N = 3, so at d = 8 it stays a
 * matMul. For the scores and the pose updates the matMuls are as fast or faster, so those stay matMuls. The values
 * are the same sums.
 */
export const BROADCAST_MAX_ENTITIES = 8;
export const BROADCAST_MIN_MATRICES = 64;
export const BROADCAST_MIN_HEAD_WIDTH = 16;

/** Whether a pass of B scenes of N (padded) entities computes the attention-weighted values by broadcast (see above). */
export function usesBroadcast(B: number, N: number, H: number, heads: number): boolean {
  return N <= BROADCAST_MAX_ENTITIES && H / heads >= BROADCAST_MIN_HEAD_WIDTH && heads * B >= BROADCAST_MIN_MATRICES;
}

/**
 * Projection outputs (3·B·N·H values) from which the projection is computed as three matMuls by column block
 * rather than one matMul and three Slices: wasm's Slice copies its whole input out of the heap (a fresh
 * ArrayBuffer) for every part, so its cost grows with three times the output, while the split form costs two more
 * kernel calls. Measured on wasm (p20 of interleaved runs, one iteration's projection and split): below this size
 * the two are within a few µs and one matMul is ahead at batch 1 (19 against 24 µs, default model; 54 against
 * 59 µs, seed preset); above it the split form wins, 2,325 → 1,657 µs at the seed preset, batch 64.
 */
export const SPLIT_PROJECTION_MIN_VALUES = 6144;

/** Whether a pass of B scenes of N (padded) entities computes q, k and v as three matMuls (see above). */
export function usesSplitProjection(B: number, N: number, H: number): boolean {
  return 3 * B * N * H >= SPLIT_PROJECTION_MIN_VALUES;
}

/** Columns [part·H, (part + 1)·H) of the row-major H × 3H fused matrix. */
function columnBlock(qkv: Float32Array, H: number, part: number): Float32Array {
  const out = new Float32Array(H * H);
  for (let r = 0; r < H; r++) out.set(qkv.subarray(r * 3 * H + part * H, r * 3 * H + (part + 1) * H), r * H);
  return out;
}

/** Builds iteration t's tensors from the named parameters. */
export function fusedIterationTensors(config: ModelConfig, values: Map<string, Float32Array>, t: number): FusedIterationTensors {
  const { hiddenDim: H, heads } = config;
  const v = (name: string) => values.get(`iter${t}/${name}`) as Float32Array;
  const f = fuseIteration(config, values, t);
  return {
    qkv: tf.tensor3d(f.qkv, [1, H, 3 * H]),
    qkvBlocks: [0, 1, 2].map((part) => tf.tensor3d(columnBlock(f.qkv, H, part), [1, H, H])) as FusedIterationTensors['qkvBlocks'],
    output: tf.tensor3d(v('output'), [1, H, H]),
    distanceScale: tf.tensor4d(f.distanceScale, [heads, 1, 1, 1]),
    rotationScale: tf.tensor4d(f.rotationScale, [heads, 1, 1, 1]),
    mlp1Kernel: tf.tensor3d(v('mlp1/kernel'), [1, H, H]),
    mlp1Bias: tf.tensor1d(v('mlp1/bias')),
    mlp2Kernel: tf.tensor3d(v('mlp2/kernel'), [1, H, H]),
    mlp2Bias: tf.tensor1d(v('mlp2/bias')),
    positionCoefficients: tf.tensor3d(f.poseCoefficients.slice(0, heads), [1, 1, heads]),
    orientationCoefficients: tf.tensor3d(f.poseCoefficients.slice(heads), [1, 1, heads]),
    positionKeep: tf.scalar(f.positionKeep),
  };
}

/** One iteration; `staticBias` is [k, B, N, N]. Call inside tf.tidy. */
export function fusedIteration(it: FusedIterationTensors, dims: PassDims, staticBias: tf.Tensor4D, h: tf.Tensor3D, p: tf.Tensor3D, q: tf.Tensor3D): IterationState {
  const { B, N, H, heads } = dims;
  const d = H / heads;
  // Invariants d_ij and s_ij, laid out [1, B, N, N] to broadcast over heads.
  const dist = tf.reshape(tf.sum(tf.squaredDifference(tf.reshape(p, [B, N, 1, 3]), tf.reshape(p, [B, 1, N, 3])), -1), [1, B, N, N]);
  const dots = tf.reshape(tf.square(mm(q, q, false, true)), [1, B, N, N]);
  // Every head's q (pre-scaled by 1/√d), k and v, rows (b, i), columns (part, head, ·), each part as
  // [k·B, N, d] by a rank-4 transpose (wasm has a fast path up to rank 4): from one projection, transposed once to
  // [3·k, B, N, d] and cut into three contiguous parts, or, for large passes, from the three column blocks.
  let query: tf.Tensor, key: tf.Tensor, value: tf.Tensor;
  if (usesSplitProjection(B, N, H)) {
    const project = (w: tf.Tensor3D) => tf.reshape(tf.transpose(tf.reshape(mm(h, w), [B, N, heads, d]), [2, 0, 1, 3]), [heads * B, N, d]);
    [query, key, value] = it.qkvBlocks.map(project);
  } else {
    const qkv = tf.reshape(tf.transpose(tf.reshape(mm(h, it.qkv), [B, N, 3 * heads, d]), [2, 0, 1, 3]), [3, heads * B * N * d]);
    const part = (index: number) => tf.reshape(tf.slice(qkv, [index, 0], [1, -1]), [heads * B, N, d]);
    [query, key, value] = [part(0), part(1), part(2)];
  }
  const broadcast = usesBroadcast(B, N, H, heads);
  const scores = tf.reshape(mm(query, key, false, true), [heads, B, N, N]);
  const logits = tf.addN([scores, tf.mul(dist, it.distanceScale), tf.mul(dots, it.rotationScale), staticBias]);
  const attention = tf.softmax(logits);
  // context_k(i) = Σ_j a_k(i, j) v_k(j) (a batched matMul, or the broadcast product summed over j), back to rows
  // (b, i) with heads side by side, then W_o.
  const weights = tf.reshape(attention, [heads * B, N, N]);
  const mixed = broadcast
    ? tf.sum(tf.mul(tf.reshape(weights, [heads * B, N, N, 1]), tf.reshape(value, [heads * B, 1, N, d])), 2)
    : mm(weights, value);
  const context = tf.transpose(tf.reshape(mixed, [heads, B, N, d]), [1, 2, 0, 3]);
  let hNext = tf.add(h, mm(tf.reshape(context, [1, B * N, H]), it.output)) as tf.Tensor3D;
  hNext = tf.add(hNext, dense(dense(hNext, it.mlp1Kernel, it.mlp1Bias, 'relu'), it.mlp2Kernel, it.mlp2Bias));
  // Pose update: the heads' attention mixed by their coefficients first (w = Σ_k c_k a_k), then w·p and w'·q.
  const flat = tf.reshape(attention, [1, heads, B * N * N]);
  const wp = tf.reshape(mm(it.positionCoefficients, flat), [B, N, N]);
  const wq = tf.reshape(mm(it.orientationCoefficients, flat), [B, N, N]);
  const pNext = tf.sub(tf.mul(p, it.positionKeep), mm(wp, p)) as tf.Tensor3D;
  const qRaw = tf.add(q, mm(wq, q));
  const qNext = tf.mul(qRaw, tf.rsqrt(tf.sum(tf.square(qRaw), -1, true))) as tf.Tensor3D;
  return [hNext, pNext, qNext];
}
