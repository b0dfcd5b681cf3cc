/**
 * GasmNetwork: an SE(3)-invariant attention network on TensorFlow.js that proposes a pose for every entity.
 *
 * The weights are SEEDED, NOT TRAINED (Glorot-uniform from config.seed): the network gives a deterministic,
 * geometry-aware starting configuration and a per-entity confidence; the LM solver is what enforces the
 * constraints. Its cost is that of a real forward pass of this size, which is what the benchmarks measure.
 *
 * Forward pass for a batch (B scenes, N entities, H = hiddenDim, k heads):
 *   h = relu(x·W_e + b_e)·W_p + b_p                                  entity embeddings (B·N, H)
 *   static bias  β_k(i, j) = relations(i, j)·W_r[:, k] + mask(j)     (−1e9 on padded keys), once
 *   per refinement iteration:
 *     invariants  d_ij = ‖p_i − p_j‖²,  s_ij = (q_i·q_j)²             unchanged by a global rigid motion g
 *                 (translation + left-multiplied rotation); 1 − s_ij is the rotation geodesic term
 *     attention   a_k(i, ·) = softmax_j(h_i·A_k·h_jᵀ + α_k d_ij + γ_k (1 − s_ij) + β_k(i, j)),  A_k = W_q,k W_k,kᵀ/√d
 *                 two ways to the same numbers (NetworkOptions.attention):
 *                 'fused'  (default) one matMul h·[W_q/√d | W_k | W_v] gives every head's q, k, v (3·H² per
 *                          entity, the seed guide's FusedAttentionLayer; large passes multiply by its three column
 *                          blocks in turn, same products, see fused-attention.ts), scores q_k·k_kᵀ per head, layout (B, k, N, N)
 *                 'folded' A_k folded once into an H × k·H matrix, scores (h·A)·hᵀ: (k + 1)·H² per entity with
 *                          W_v, cheaper in ops at tiny widths but k/3 times the multiply-adds; layout (B, N, k, N)
 *                 the padded keys (and keys of another scene packed in the same row, packing.ts) get 0
 *     features    h ← h + concat_k(a_k·(h·W_v,k))·W_o;  h ← h + relu(h·W_1 + b_1)·W_2 + b_2
 *     positions   p_i ← p_i + Σ_j w_ij (p_i − p_j),  w_ij = Σ_k c_k a_k(i, j)            (EGNN-style,
 *                 = (1 + Σ_k c_k) p_i − Σ_k c_k (a_k·p)_i since attention rows sum to 1)   equivariant
 *     orientations q_i ← normalise(q_i + Σ_j v_ij q_j),  v_ij = Σ_k c'_k a_k(i, j)       left-equivariant
 *   confidence = sigmoid(h·w_c + b_c)
 * Products are plain or equal-batch matMuls (tfjs broadcasts batch dims only by modulo); the relation bias is
 * computed in JS from the sparse relations. About 40 ops per iteration whatever B is.
 * Output quaternions are unit with w ≥ 0 (q and −q are the same rotation).
 */
import * as tf from '@tensorflow/tfjs-core';
import { ModelError } from '../../errors.js';
import { validateModelConfig, type ModelConfig } from './config.js';
import { RAW_FEATURES, RELATION_CHANNELS, type EncodedBatch } from './encode.js';
import { foldedIteration, foldedIterationTensors, type FoldedIterationTensors } from './folded-attention.js';
import { fusedIteration, fusedIterationTensors, type FusedIterationTensors } from './fused-attention.js';
import { dense } from './kernels.js';
import { checkWeightMemory } from './memory-estimate.js';
import { initParameters, parameterSpecs } from './parameters.js';
import { BYTES_PER_VALUE, roundTrip, WEIGHT_PRECISIONS, type EncodedWeights, type WeightPrecision } from './quantize.js';

/** How the attention scores are computed (same maths, see the header). */
export type AttentionKind = 'folded' | 'fused';
export const ATTENTION_KINDS: readonly AttentionKind[] = ['fused', 'folded'];
/** Fused: fewer multiply-adds at every width and fewer ops per iteration. */
export const DEFAULT_ATTENTION: AttentionKind = 'fused';

/** Run-time choices: how attention is computed, and at which precision the weights are held. */
export interface NetworkOptions {
  attention?: AttentionKind;
  /**
   * Precision the weights are stored at. Seeded weights are quantized to it and dequantized to compute; weights
   * passed to the constructor are taken as already dequantized from it (as loading does). Default float32.
   */
  precision?: WeightPrecision;
  /** The stored (quantized) form of `weights` when they were decoded from one; saveModel writes it unchanged. */
  stored?: EncodedWeights;
}

/** Predicted initial poses for every (padded) entity of the batch, row-major. */
export interface ModelOutput {
  /** B·N·3, metres. */
  positions: Float32Array;
  /** B·N·4 unit quaternions [w, x, y, z] with w ≥ 0. */
  orientations: Float32Array;
  /** B·N, each in (0, 1). */
  confidence: Float32Array;
}

/** Logit added for padded keys: exp(−1e9) is exactly 0 in float32. */
const MASKED_LOGIT = -1e9;

/** Tensors of the embedding, relation bias and confidence head, shaped for the kernels. */
interface OuterTensors {
  embedKernel: tf.Tensor3D;
  embedBias: tf.Tensor1D;
  projectKernel: tf.Tensor3D;
  projectBias: tf.Tensor1D;
  confidenceKernel: tf.Tensor3D;
  confidenceBias: tf.Tensor1D;
}

function checkLength(name: string, array: unknown, expected: number): void {
  if (!(array instanceof Float32Array)) throw new ModelError(`input ${name} must be a Float32Array`);
  if (array.length !== expected) {
    throw new ModelError(`input ${name} has ${array.length} values, expected ${expected} for this batch shape`);
  }
}

/** The SE(3)-invariant attention network (see the header of this file for the architecture). */
export class GasmNetwork {
  /** The validated configuration the weights were made for. */
  readonly config: ModelConfig;
  private readonly params = new Map<string, tf.Tensor>();
  private readonly outer: OuterTensors;
  /** relation/kernel [RELATION_CHANNELS, k], kept in JS: the relation bias is computed from the sparse relations. */
  private readonly relationKernel: Float32Array;
  private readonly iterations: FoldedIterationTensors[] = [];
  private readonly fused: FusedIterationTensors[] = [];
  /** How this network computes attention scores. */
  readonly attention: AttentionKind;
  /** Precision the weights are stored at (they are computed with in float32). */
  readonly precision: WeightPrecision;
  /** The quantized form the weights were decoded from (absent for float32). */
  readonly stored: EncodedWeights | undefined;
  private disposed = false;

  /**
   * Builds the network with seeded weights, or with `weights` (name → values, as saved) when given.
   * Throws ConfigError for a bad config and ModelError for missing, extra, mis-sized or non-finite weights.
   */
  constructor(config: ModelConfig, weights?: ReadonlyMap<string, Float32Array>, options: NetworkOptions = {}) {
    this.config = validateModelConfig(config);
    const attention = options.attention ?? DEFAULT_ATTENTION;
    if (!ATTENTION_KINDS.includes(attention)) throw new ModelError(`attention must be one of ${ATTENTION_KINDS.join('|')}, got ${String(attention)}`);
    this.attention = attention;
    const precision = options.precision ?? 'float32';
    if (!WEIGHT_PRECISIONS.includes(precision)) throw new ModelError(`precision must be one of ${WEIGHT_PRECISIONS.join('|')}, got ${String(precision)}`);
    this.precision = precision;
    checkWeightMemory(this.config, attention);
    const specs = parameterSpecs(this.config);
    let values: Map<string, Float32Array>;
    if (weights) {
      values = new Map(weights);
      this.stored = precision === 'float32' ? undefined : options.stored;
    } else {
      const seeded = initParameters(this.config);
      const rounded = roundTrip(specs.map((s) => ({ name: s.name, shape: s.shape, values: seeded.get(s.name) as Float32Array })), precision);
      values = rounded.values;
      this.stored = rounded.encoded;
    }
    for (const spec of specs) {
      const v = values.get(spec.name);
      const size = spec.shape.reduce((a, b) => a * b, 1);
      if (!v) throw new ModelError(`weight '${spec.name}' is missing`);
      if (v.length !== size) throw new ModelError(`weight '${spec.name}' has ${v.length} values, expected ${size} (shape [${spec.shape.join(', ')}])`);
      for (let i = 0; i < v.length; i++) {
        if (!Number.isFinite(v[i])) throw new ModelError(`weight '${spec.name}' has a non-finite value at index ${i}`);
      }
    }
    const extra = [...values.keys()].filter((name) => !specs.some((s) => s.name === name));
    if (extra.length > 0) throw new ModelError(`unexpected weight '${extra[0]}' for this model config`);

    const { featureDim: F, hiddenDim: H, heads } = this.config;
    const v = (name: string) => values.get(name) as Float32Array;
    for (const spec of specs) this.params.set(spec.name, tf.tensor(v(spec.name), spec.shape, 'float32'));
    this.relationKernel = v('relation/kernel').slice();
    this.outer = {
      embedKernel: tf.tensor3d(v('embed/kernel'), [1, RAW_FEATURES, F]),
      embedBias: tf.tensor1d(v('embed/bias')),
      projectKernel: tf.tensor3d(v('project/kernel'), [1, F, H]),
      projectBias: tf.tensor1d(v('project/bias')),
      confidenceKernel: tf.tensor3d(v('confidence/kernel'), [1, H, 1]),
      confidenceBias: tf.tensor1d(v('confidence/bias')),
    };
    for (let t = 0; t < this.config.iterations; t++) {
      if (attention === 'fused') this.fused.push(fusedIterationTensors(this.config, values, t));
      else this.iterations.push(foldedIterationTensors(this.config, values, t));
    }
  }

  /** Bytes the weights take stored at this network's precision. */
  storedBytes(): number {
    let values = 0;
    for (const t of this.params.values()) values += t.size;
    return values * BYTES_PER_VALUE[this.precision];
  }

  /** The named weights (the saved parameters, not the folded matrices). Owned by the network: do not dispose. */
  weights(): Map<string, tf.Tensor> {
    return new Map(this.params);
  }

  /** One forward pass for the whole batch, one readback. Throws ModelError when the batch's arrays do not fit. */
  predict(batch: EncodedBatch): ModelOutput {
    if (this.disposed) throw new ModelError('this network has been disposed');
    const B = batch?.batch;
    const N = batch?.entities;
    if (!Number.isInteger(B) || B < 1) throw new ModelError(`batch size must be a positive integer, got ${String(B)}`);
    if (!Number.isInteger(N) || N < 1) throw new ModelError(`entity count must be a positive integer, got ${String(N)}`);
    checkLength('features', batch.features, B * N * RAW_FEATURES);
    checkLength('relations', batch.relations, B * N * N * RELATION_CHANNELS);
    checkLength('mask', batch.mask, B * N);
    checkLength('positions', batch.positions, B * N * 3);
    checkLength('orientations', batch.orientations, B * N * 4);
    if (batch.segments !== undefined && !(batch.segments instanceof Int32Array && batch.segments.length === B * N)) {
      throw new ModelError(`input segments must be an Int32Array of ${B * N} values for this batch shape`);
    }

    const { hiddenDim: H, heads } = this.config;
    const o = this.outer;
    const packed = tf.tidy(() => {
      // Entity embeddings h: [1, B·N, H] (the leading 1 is the kernels' batch axis).
      const x = tf.tensor3d(batch.features, [1, B * N, RAW_FEATURES]);
      let h: tf.Tensor3D = dense(dense(x, o.embedKernel, o.embedBias, 'relu'), o.projectKernel, o.projectBias);
      let p = tf.tensor3d(batch.positions, [B, N, 3]);
      let q = tf.tensor3d(batch.orientations, [B, N, 4]);
      if (this.fused.length > 0) {
        // Heads outermost, [k, B, N, N]: the fused projection is split along its first axis (a contiguous copy).
        const staticBias = tf.tensor4d(this.staticBias(batch, true), [heads, B, N, N]);
        for (const it of this.fused) [h, p, q] = tf.tidy(() => fusedIteration(it, { B, N, H, heads }, staticBias, h, p, q));
      } else if (this.iterations.length > 0) {
        const staticBias = tf.tensor4d(this.staticBias(batch, false), [B, N, heads, N]);
        for (const it of this.iterations) [h, p, q] = tf.tidy(() => foldedIteration(it, { B, N, H, heads }, staticBias, h, p, q));
      }
      const confidence = dense(h, o.confidenceKernel, o.confidenceBias, 'sigmoid');
      // Flat concat (a plain copy; concat along an inner axis is slow on wasm): positions, orientations, confidence.
      return tf.concat([tf.reshape(p, [-1]), tf.reshape(q, [-1]), tf.reshape(confidence, [-1])], 0);
    });
    let values: Float32Array;
    try {
      values = packed.dataSync() as Float32Array;
    } finally {
      packed.dispose();
    }
    return unpack(values, B * N);
  }

  /**
   * The attention bias that does not change over iterations, [B, N, k, N] (or [k, B, N, N] when `headsOuter`):
   * relations(i, j)·W_r[:, k], and −1e9 on padded keys and on keys of another scene packed in the same row. Computed in JS over the non-zero relation entries (a few
   * per scene) rather than uploading the dense B·N·N·RELATION_CHANNELS array and multiplying it on the backend.
   */
  private staticBias(batch: EncodedBatch, headsOuter: boolean): Float32Array {
    const { batch: B, entities: N, relations, mask } = batch;
    // Pairs with no relation channel set add nothing: with the encoder's marks (when they fit) they are not read.
    const marked = batch.marked instanceof Uint8Array && batch.marked.length === B * N * N ? batch.marked : undefined;
    // Packed rows (several scenes per row): a key of another scene is masked like a padded one.
    const segments = batch.segments;
    const heads = this.config.heads;
    const W = this.relationKernel;
    const out = new Float32Array(B * N * heads * N);
    // Offset of (b, i, k, j) is row + k·kStride + j.
    const kStride = headsOuter ? B * N * N : N;
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < N; i++) {
        const row = headsOuter ? (b * N + i) * N : (b * N + i) * heads * N;
        const segment = segments === undefined ? -1 : segments[b * N + i];
        for (let j = 0; j < N; j++) {
          if (mask[b * N + j] <= 0 || (segment >= 0 && segments![b * N + j] !== segment)) {
            for (let k = 0; k < heads; k++) out[row + k * kStride + j] = MASKED_LOGIT;
            continue;
          }
          if (marked !== undefined && marked[(b * N + i) * N + j] === 0) continue;
          const r = ((b * N + i) * N + j) * RELATION_CHANNELS;
          for (let c = 0; c < RELATION_CHANNELS; c++) {
            const value = relations[r + c];
            if (value === 0) continue;
            for (let k = 0; k < heads; k++) out[row + k * kStride + j] += value * W[c * heads + k];
          }
        }
      }
    }
    return out;
  }

  /** Frees every tensor the network holds; predict throws afterwards. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const t of this.params.values()) t.dispose();
    for (const t of Object.values(this.outer)) (t as tf.Tensor).dispose();
    for (const it of this.iterations) for (const t of Object.values(it)) (t as tf.Tensor).dispose();
    for (const it of this.fused) for (const t of Object.values(it).flat()) (t as tf.Tensor).dispose();
  }
}

/** Splits the packed readback [positions | orientations | confidence]; quaternions are flipped to w ≥ 0. */
function unpack(values: Float32Array, rows: number): ModelOutput {
  const positions = values.slice(0, rows * 3);
  const orientations = values.slice(rows * 3, rows * 7);
  const confidence = values.slice(rows * 7, rows * 8);
  for (let r = 0; r < rows; r++) {
    if (orientations[r * 4] < 0) for (let c = 0; c < 4; c++) orientations[r * 4 + c] = -orientations[r * 4 + c];
  }
  return { positions, orientations, confidence };
}
