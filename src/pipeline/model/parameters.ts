/**
 * The network's named parameters: their shapes for a given config, their seeded initialisation, and the
 * per-head matrices folded from them once (so that a forward pass needs few ops).
 *
 * Naming (`iter{t}/…` per refinement iteration t; H = hiddenDim, F = featureDim, h = heads, d = H / h):
 *   embed/kernel [RAW_FEATURES, F], embed/bias [F]      raw features → F (relu)
 *   project/kernel [F, H], project/bias [H]             F → H (linear)
 *   relation/kernel [RELATION_CHANNELS, h]              relations → per-head attention bias
 *   iter{t}/query, key, value [H, H]; output [H, H]     columns (rows for output) grouped by head, d each
 *   iter{t}/geometry [2, h]                             per-head scale of squared distance, of rotation term
 *   iter{t}/mlp1/kernel [H, H], mlp1/bias [H], mlp2/kernel [H, H], mlp2/bias [H]
 *   iter{t}/pose [2, h]                                 per-head position and orientation update coefficients
 *   confidence/kernel [H, 1], confidence/bias [1]
 */
import type { ModelConfig } from './config.js';
import { RAW_FEATURES, RELATION_CHANNELS } from './encode.js';
import { createPrng, glorotUniform, uniformArray, type Prng } from './prng.js';

/** One named parameter: its shape and how it is initialised. */
export interface ParameterSpec {
  name: string;
  shape: number[];
  init: (prng: Prng) => Float32Array;
}

/**
 * Cap on Σ_k |c'_k| (the orientation coefficients are scaled down to it when larger): attention rows sum to 1, so
 * ‖Σ_j v_ij q_j‖ ≤ Σ_k |c'_k| and ‖q_i + Σ_j v_ij q_j‖ ≥ 1 − this > 0 — the normalisation never divides by ~0.
 */
export const MAX_ORIENTATION_MIX = 0.9;

const zeros = (n: number) => () => new Float32Array(n);
const glorot = (fanIn: number, fanOut: number) => (p: Prng) => glorotUniform(p, fanIn, fanOut);

/** Every parameter of a network with this config, in a fixed order (the order of initialisation and of saving). */
export function parameterSpecs(config: ModelConfig): ParameterSpec[] {
  const { featureDim: F, hiddenDim: H, heads } = config;
  const specs: ParameterSpec[] = [
    { name: 'embed/kernel', shape: [RAW_FEATURES, F], init: glorot(RAW_FEATURES, F) },
    { name: 'embed/bias', shape: [F], init: zeros(F) },
    { name: 'project/kernel', shape: [F, H], init: glorot(F, H) },
    { name: 'project/bias', shape: [H], init: zeros(H) },
    { name: 'relation/kernel', shape: [RELATION_CHANNELS, heads], init: glorot(RELATION_CHANNELS, heads) },
  ];
  for (let t = 0; t < config.iterations; t++) {
    const p = `iter${t}/`;
    specs.push(
      { name: `${p}query`, shape: [H, H], init: glorot(H, H) },
      { name: `${p}key`, shape: [H, H], init: glorot(H, H) },
      { name: `${p}value`, shape: [H, H], init: glorot(H, H) },
      { name: `${p}output`, shape: [H, H], init: glorot(H, H) },
      {
        // Row 0: squared-distance scale, negative (nearer entities attend more); row 1: rotation-term scale.
        name: `${p}geometry`,
        shape: [2, heads],
        init: (r) => {
          const out = new Float32Array(2 * heads);
          out.set(uniformArray(r, heads, -2, -0.25), 0);
          out.set(uniformArray(r, heads, -1, 1), heads);
          return out;
        },
      },
      { name: `${p}mlp1/kernel`, shape: [H, H], init: glorot(H, H) },
      { name: `${p}mlp1/bias`, shape: [H], init: zeros(H) },
      { name: `${p}mlp2/kernel`, shape: [H, H], init: glorot(H, H) },
      { name: `${p}mlp2/bias`, shape: [H], init: zeros(H) },
      // Row 0: position coefficients c_h; row 1: orientation coefficients c'_h. Small: a gentle refinement.
      { name: `${p}pose`, shape: [2, heads], init: (r) => uniformArray(r, 2 * heads, -0.25, 0.25) },
    );
  }
  specs.push(
    { name: 'confidence/kernel', shape: [H, 1], init: glorot(H, 1) },
    { name: 'confidence/bias', shape: [1], init: zeros(1) },
  );
  return specs;
}

/** Seeded values of every parameter (same seed and config → identical arrays). */
export function initParameters(config: ModelConfig): Map<string, Float32Array> {
  const prng = createPrng(config.seed);
  const out = new Map<string, Float32Array>();
  for (const spec of parameterSpecs(config)) out.set(spec.name, spec.init(prng));
  return out;
}

/** Per-iteration matrices folded from the parameters (row-major Float32Arrays). */
export interface FoldedIteration {
  /** [H, h·H]: block k = W_q,k · W_k,kᵀ / √d, so that scores_k(i, j) = h_i · A_k · h_jᵀ. */
  bilinear: Float32Array;
  /** [h]: squared-distance scale per head. */
  distanceScale: Float32Array;
  /** [h]: minus the rotation-term scale per head (bias b·(1 − s) = b − b·s; the constant b cancels in softmax). */
  rotationScale: Float32Array;
  /** [h·3, 3]: maps (a_k·p) of every head to the position increment: block k = −c_k·I. */
  positionMix: Float32Array;
  /** Factor on the current positions: 1 + Σ_k c_k (attention rows sum to 1). */
  positionKeep: number;
  /** [h·4, 4]: maps (a_k·q) of every head to the orientation increment: block k = c'_k·I. */
  orientationMix: Float32Array;
}

/** Per-iteration matrices of the fused-projection forward pass (row-major Float32Arrays). */
export interface FusedIteration {
  /** [H, 3H]: [W_q/√d | W_k | W_v], so that one matMul gives every head's queries, keys and values. */
  qkv: Float32Array;
  /** [h]: squared-distance scale per head. */
  distanceScale: Float32Array;
  /** [h]: minus the rotation-term scale per head (as in FoldedIteration). */
  rotationScale: Float32Array;
  /** [2, h]: row 0 the position coefficients c_k, row 1 the (capped) orientation coefficients c'_k. */
  poseCoefficients: Float32Array;
  /** Factor on the current positions: 1 + Σ_k c_k. */
  positionKeep: number;
}

/** Scale applied to the orientation coefficients so that Σ_k |c'_k| ≤ MAX_ORIENTATION_MIX. */
function orientationShrink(pose: Float32Array, heads: number): number {
  let sum = 0;
  for (let k = 0; k < heads; k++) sum += Math.abs(pose[heads + k]);
  return sum > MAX_ORIENTATION_MIX ? MAX_ORIENTATION_MIX / sum : 1;
}

/**
 * Iteration t's parameters for the fused forward pass: the same maths as foldIteration (scores
 * h_i·W_q,k·W_k,kᵀ·h_jᵀ/√d = (q_k(i)/√d)·k_k(j)), computed from per-head projections instead of the folded
 * bilinear form: 3·H² multiply-adds per entity for Q, K and V instead of (heads + 1)·H².
 */
export function fuseIteration(config: ModelConfig, params: Map<string, Float32Array>, t: number): FusedIteration {
  const { hiddenDim: H, heads } = config;
  const get = (name: string) => params.get(`iter${t}/${name}`) as Float32Array;
  const wq = get('query');
  const wk = get('key');
  const wv = get('value');
  const geometry = get('geometry');
  const pose = get('pose');
  const scale = 1 / Math.sqrt(H / heads);
  const qkv = new Float32Array(H * 3 * H);
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < H; c++) {
      qkv[r * 3 * H + c] = wq[r * H + c] * scale;
      qkv[r * 3 * H + H + c] = wk[r * H + c];
      qkv[r * 3 * H + 2 * H + c] = wv[r * H + c];
    }
  }
  const shrink = orientationShrink(pose, heads);
  const poseCoefficients = new Float32Array(2 * heads);
  let positionKeep = 1;
  for (let k = 0; k < heads; k++) {
    positionKeep += pose[k];
    poseCoefficients[k] = pose[k];
    poseCoefficients[heads + k] = pose[heads + k] * shrink;
  }
  return {
    qkv,
    distanceScale: geometry.slice(0, heads),
    rotationScale: geometry.slice(heads, 2 * heads).map((b) => -b),
    poseCoefficients,
    positionKeep,
  };
}

/** Folds iteration t's parameters into the matrices the forward pass multiplies with. */
export function foldIteration(config: ModelConfig, params: Map<string, Float32Array>, t: number): FoldedIteration {
  const { hiddenDim: H, heads } = config;
  const d = H / heads;
  const get = (name: string) => params.get(`iter${t}/${name}`) as Float32Array;
  const wq = get('query');
  const wk = get('key');
  const geometry = get('geometry');
  const pose = get('pose');
  const scale = 1 / Math.sqrt(d);
  const bilinear = new Float32Array(H * heads * H);
  for (let k = 0; k < heads; k++) {
    for (let r = 0; r < H; r++) {
      for (let c = 0; c < H; c++) {
        let qk = 0;
        for (let m = 0; m < d; m++) {
          qk += wq[r * H + k * d + m] * wk[c * H + k * d + m];
        }
        bilinear[r * heads * H + k * H + c] = qk * scale;
      }
    }
  }
  const distanceScale = geometry.slice(0, heads);
  const rotationScale = geometry.slice(heads, 2 * heads).map((b) => -b);
  const positionMix = new Float32Array(heads * 3 * 3);
  const orientationMix = new Float32Array(heads * 4 * 4);
  const shrink = orientationShrink(pose, heads);
  let positionKeep = 1;
  for (let k = 0; k < heads; k++) {
    positionKeep += pose[k];
    for (let c = 0; c < 3; c++) positionMix[(k * 3 + c) * 3 + c] = -pose[k];
    for (let c = 0; c < 4; c++) orientationMix[(k * 4 + c) * 4 + c] = pose[heads + k] * shrink;
  }
  return { bilinear, distanceScale, rotationScale, positionMix, positionKeep, orientationMix };
}
