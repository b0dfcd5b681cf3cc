/**
 * Weight precision: float32 (as computed), float16, or int8 (8-bit affine, stored as the TensorFlow.js `uint8`
 * quantization: value ≈ q·scale + min, q ∈ 0..255, with 0 exactly representable so zero biases stay zero).
 * Quantized weights are stored quantized (tfjs manifest `quantization: { dtype, scale, min }`) and dequantized to
 * float32 to compute, by tf.io.decodeWeights — the same path as loading a quantized model — so a network built
 * from quantized weights computes exactly what one loaded from the saved files does.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ConfigError } from '../../errors.js';

export type WeightPrecision = 'float32' | 'float16' | 'int8';
export const WEIGHT_PRECISIONS: readonly WeightPrecision[] = ['float32', 'float16', 'int8'];

/** Bytes per stored value. */
export const BYTES_PER_VALUE: Record<WeightPrecision, number> = { float32: 4, float16: 2, int8: 1 };

/** One weight to encode: its name, shape and float32 values. */
export interface NamedWeights {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** Encoded weights: the bytes of weights.bin and their manifest entries. */
export interface EncodedWeights {
  data: Uint8Array;
  specs: tf.io.WeightsManifestEntry[];
}

export function checkPrecision(value: string): WeightPrecision {
  if (!(WEIGHT_PRECISIONS as readonly string[]).includes(value)) {
    throw new ConfigError(`weights must be one of ${WEIGHT_PRECISIONS.join('|')}, got '${value}'`);
  }
  return value as WeightPrecision;
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE 754 binary16 bits of a float32 value, rounded to nearest even (overflow → ±Infinity, as the cast does). */
export function toHalfBits(value: number): number {
  f32[0] = value;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exponent = (x >>> 23) & 0xff;
  let mantissa = x & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa !== 0 ? 0x200 : 0); // Inf / NaN
  let e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // too large: Infinity
  if (e <= 0) {
    if (e < -10) return sign; // too small: ±0
    mantissa |= 0x800000; // subnormal half: shift the implicit bit in
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let m = mantissa >>> shift;
    const rest = mantissa & ((1 << shift) - 1);
    if (rest > half || (rest === half && (m & 1) === 1)) m++;
    return sign | m;
  }
  let m = mantissa >>> 13;
  const rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && (m & 1) === 1)) {
    m++;
    if (m === 0x400) {
      m = 0;
      e++;
      if (e >= 0x1f) return sign | 0x7c00;
    }
  }
  return sign | (e << 10) | m;
}

/** Affine 8-bit parameters of a tensor: range widened to include 0, min moved so that 0 is a grid point. */
function affineParameters(values: Float32Array): { scale: number; min: number } {
  let lo = 0, hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === lo) return { scale: 1, min: 0 };
  const scale = (hi - lo) / 255;
  const zeroPoint = Math.round(-lo / scale);
  return { scale, min: -zeroPoint * scale };
}

/** Encodes weights at a precision: the bytes of weights.bin and the manifest entries (with `quantization`). */
export function encodeWeights(weights: readonly NamedWeights[], precision: WeightPrecision): EncodedWeights {
  const bytesPer = BYTES_PER_VALUE[precision];
  const total = weights.reduce((sum, w) => sum + w.values.length * bytesPer, 0);
  const data = new Uint8Array(total);
  const view = new DataView(data.buffer);
  const specs: tf.io.WeightsManifestEntry[] = [];
  let offset = 0;
  for (const w of weights) {
    const spec: tf.io.WeightsManifestEntry = { name: w.name, shape: [...w.shape], dtype: 'float32' };
    if (precision === 'float32') {
      for (let i = 0; i < w.values.length; i++) view.setFloat32(offset + 4 * i, w.values[i], true);
    } else if (precision === 'float16') {
      spec.quantization = { dtype: 'float16' };
      for (let i = 0; i < w.values.length; i++) view.setUint16(offset + 2 * i, toHalfBits(w.values[i]), true);
    } else {
      const { scale, min } = affineParameters(w.values);
      spec.quantization = { dtype: 'uint8', scale, min };
      for (let i = 0; i < w.values.length; i++) data[offset + i] = Math.max(0, Math.min(255, Math.round((w.values[i] - min) / scale)));
    }
    offset += w.values.length * bytesPer;
    specs.push(spec);
  }
  return { data, specs };
}

/** Decodes encoded weights to float32 values by name (tf.io.decodeWeights: dequantizes what is quantized). */
export function decodeWeights(encoded: EncodedWeights): Map<string, Float32Array> {
  const { data } = encoded;
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  const decoded = tf.io.decodeWeights(buffer, encoded.specs);
  const values = new Map<string, Float32Array>();
  try {
    for (const [name, tensor] of Object.entries(decoded)) values.set(name, tensor.dataSync() as Float32Array);
  } finally {
    tf.dispose(Object.values(decoded));
  }
  return values;
}

/**
 * The values the network computes with at a precision (float32 unchanged, else quantized then dequantized) and
 * the encoded form they came from, so that saving writes exactly those bytes (re-quantizing dequantized values
 * need not give the same grid).
 */
export function roundTrip(weights: readonly NamedWeights[], precision: WeightPrecision): { values: Map<string, Float32Array>; encoded?: EncodedWeights } {
  if (precision === 'float32') return { values: new Map(weights.map((w) => [w.name, w.values])) };
  const encoded = encodeWeights(weights, precision);
  return { values: decodeWeights(encoded), encoded };
}

/** The precision a manifest entry is stored at. */
export function precisionOf(spec: tf.io.WeightsManifestEntry): WeightPrecision {
  if (spec.quantization === undefined) return 'float32';
  return spec.quantization.dtype === 'float16' ? 'float16' : 'int8';
}
