/**
 * One refinement iteration with the folded bilinear form: A_k = W_q,k W_k,kᵀ/√d per head, concatenated into an
 * H × k·H matrix so that all heads' scores are two matMuls, (h·A)·hᵀ. Attention is laid out (B, N, k, N). Costs
 * k·H² multiply-adds per entity for the scores where fused-attention.ts pays 2·H²; kept as a switchable variant.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { ModelConfig } from './config.js';
import { dense, mm, type IterationState, type PassDims } from './kernels.js';
import { foldIteration } from './parameters.js';

/** Tensors one folded refinement iteration multiplies with. */
export interface FoldedIterationTensors {
  bilinear: tf.Tensor3D; // [1, H, k·H]
  value: tf.Tensor3D; // [1, H, H]
  output: tf.Tensor3D; // [1, H, H]
  distanceScale: tf.Tensor2D; // [k, 1]
  rotationScale: tf.Tensor2D; // [k, 1]
  mlp1Kernel: tf.Tensor3D;
  mlp1Bias: tf.Tensor1D;
  mlp2Kernel: tf.Tensor3D;
  mlp2Bias: tf.Tensor1D;
  positionMix: tf.Tensor3D; // [1, k·3, 3]
  positionKeep: tf.Scalar; // 1 + Σ_k c_k
  orientationMix: tf.Tensor3D; // [1, k·4, 4]
}

/** Builds iteration t's tensors from the named parameters. */
export function foldedIterationTensors(config: ModelConfig, values: Map<string, Float32Array>, t: number): FoldedIterationTensors {
  const { hiddenDim: H, heads } = config;
  const v = (name: string) => values.get(`iter${t}/${name}`) as Float32Array;
  const f = foldIteration(config, values, t);
  return {
    bilinear: tf.tensor3d(f.bilinear, [1, H, heads * H]),
    value: tf.tensor3d(v('value'), [1, H, H]),
    output: tf.tensor3d(v('output'), [1, H, H]),
    distanceScale: tf.tensor2d(f.distanceScale, [heads, 1]),
    rotationScale: tf.tensor2d(f.rotationScale, [heads, 1]),
    mlp1Kernel: tf.tensor3d(v('mlp1/kernel'), [1, H, H]),
    mlp1Bias: tf.tensor1d(v('mlp1/bias')),
    mlp2Kernel: tf.tensor3d(v('mlp2/kernel'), [1, H, H]),
    mlp2Bias: tf.tensor1d(v('mlp2/bias')),
    positionMix: tf.tensor3d(f.positionMix, [1, heads * 3, 3]),
    positionKeep: tf.scalar(f.positionKeep),
    orientationMix: tf.tensor3d(f.orientationMix, [1, heads * 4, 4]),
  };
}

/** One iteration; `staticBias` is [B, N, k, N]. Call inside tf.tidy. */
export function foldedIteration(it: FoldedIterationTensors, dims: PassDims, staticBias: tf.Tensor4D, h: tf.Tensor3D, p: tf.Tensor3D, q: tf.Tensor3D): IterationState {
  const { B, N, H, heads } = dims;
  const d = H / heads;
  // Invariants d_ij and s_ij, laid out [B, N, 1, N] to broadcast over heads.
  const dist = tf.sum(tf.squaredDifference(tf.reshape(p, [B, N, 1, 1, 3]), tf.reshape(p, [B, 1, 1, N, 3])), -1);
  const dots = tf.reshape(tf.square(mm(q, q, false, true)), [B, N, 1, N]);
  // Scores of all heads at once: row (i, k) of h·[A_1 … A_k] reshaped is h_i·A_k.
  const h3 = tf.reshape(h, [B, N, H]);
  const hA = tf.reshape(mm(h, it.bilinear), [B, N * heads, H]);
  const scores = tf.reshape(mm(hA, h3, false, true), [B, N, heads, N]);
  const logits = tf.addN([scores, tf.mul(dist, it.distanceScale), tf.mul(dots, it.rotationScale), staticBias]);
  const attention = tf.reshape(tf.softmax(logits), [B, N * heads, N]);
  // Feature update: per-head values v = h·W_v [B, k, N, d]; context_k(i) = Σ_j a_k(i, j) v_k(j) as a broadcast
  // product + sum (N is small: cheaper than a batched matMul on wasm), then the output projection W_o.
  const values = tf.reshape(tf.transpose(tf.reshape(mm(h, it.value), [B, N, heads, d]), [0, 2, 1, 3]), [B, 1, heads, N, d]);
  const context = tf.sum(tf.mul(tf.reshape(attention, [B, N, heads, N, 1]), values), 3);
  let hNext = tf.add(h, mm(tf.reshape(context, [1, B * N, H]), it.output)) as tf.Tensor3D;
  hNext = tf.add(hNext, dense(dense(hNext, it.mlp1Kernel, it.mlp1Bias, 'relu'), it.mlp2Kernel, it.mlp2Bias));
  // Pose update from the same attention: a_k·p and a_k·q of every head, mixed by the per-head coefficients.
  const pMix = mm(tf.reshape(mm(attention, p), [1, B * N, heads * 3]), it.positionMix);
  const pNext = tf.add(tf.mul(p, it.positionKeep), tf.reshape(pMix, [B, N, 3])) as tf.Tensor3D;
  const qMix = mm(tf.reshape(mm(attention, q), [1, B * N, heads * 4]), it.orientationMix);
  const qRaw = tf.add(q, tf.reshape(qMix, [B, N, 4]));
  const qNext = tf.mul(qRaw, tf.rsqrt(tf.sum(tf.square(qRaw), -1, true))) as tf.Tensor3D;
  return [hNext, pNext, qNext];
}
