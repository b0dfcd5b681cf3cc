/**
 * Validation of an untrusted model.json: every field's type, shapes of positive integers, no duplicate or
 * unexpected names, every weight the configured network needs present with its expected shape, and only the
 * quantizations this tool writes (tfjs `uint8` with a finite positive scale and a finite min, or `float16`).
 * Errors name the field and what is wrong; the caller prefixes the file's path.
 */
import type * as tf from '@tensorflow/tfjs-core';
import { ModelError } from '../../errors.js';
import { validateModelConfig, type ModelConfig } from './config.js';
import { parameterSpecs } from './parameters.js';
import { BYTES_PER_VALUE, precisionOf, type WeightPrecision } from './quantize.js';

/** Value of model.json's `format` field. */
export const MODEL_FORMAT = 'gasm-se3-attention';
/** File names inside a model folder. */
export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';

/** The content of model.json. */
export interface ModelJson {
  format: typeof MODEL_FORMAT;
  generatedBy: string;
  modelTopology: { config: ModelConfig };
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** What a valid manifest tells: the network's config, the weight entries in file order, their precision and size. */
export interface ValidManifest {
  config: ModelConfig;
  entries: tf.io.WeightsManifestEntry[];
  precision: WeightPrecision;
  /** Exact size weights.bin must have. */
  weightBytes: number;
}

const CONFIG_KEYS = ['featureDim', 'hiddenDim', 'heads', 'iterations', 'seed'] as const;
const ENTRY_KEYS = new Set(['name', 'shape', 'dtype', 'quantization']);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function own(object: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function checkQuantization(name: string, q: unknown): void {
  if (q === undefined) return;
  if (!isObject(q)) throw new ModelError(`weight '${name}': quantization must be an object`);
  const dtype = own(q, 'dtype');
  if (dtype === 'float16') {
    if (own(q, 'scale') !== undefined || own(q, 'min') !== undefined) throw new ModelError(`weight '${name}': float16 quantization takes no scale or min`);
    return;
  }
  if (dtype === 'uint8') {
    const scale = own(q, 'scale');
    const min = own(q, 'min');
    if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) throw new ModelError(`weight '${name}': uint8 quantization needs a finite positive scale, got ${JSON.stringify(scale)}`);
    if (typeof min !== 'number' || !Number.isFinite(min)) throw new ModelError(`weight '${name}': uint8 quantization needs a finite min, got ${JSON.stringify(min)}`);
    return;
  }
  throw new ModelError(`weight '${name}': unsupported quantization dtype ${JSON.stringify(dtype)} (supported: uint8, float16)`);
}

/** Validates parsed model.json content; ModelError naming the first problem. */
export function validateManifest(json: unknown): ValidManifest {
  if (!isObject(json)) throw new ModelError('expected a JSON object');
  if (own(json, 'format') !== MODEL_FORMAT) throw new ModelError(`format must be '${MODEL_FORMAT}', got ${JSON.stringify(own(json, 'format'))}`);
  const topology = own(json, 'modelTopology');
  const raw = isObject(topology) ? own(topology, 'config') : undefined;
  if (!isObject(raw)) throw new ModelError('modelTopology.config is missing or not an object');
  for (const key of CONFIG_KEYS) {
    if (own(raw, key) === undefined) throw new ModelError(`modelTopology.config.${key} is missing`);
  }
  const config = validateModelConfig({ ...raw } as Partial<ModelConfig>);

  const manifest = own(json, 'weightsManifest');
  if (!Array.isArray(manifest) || manifest.length !== 1 || !isObject(manifest[0])) {
    throw new ModelError('weightsManifest must hold exactly one group');
  }
  const group = manifest[0];
  const paths = own(group, 'paths');
  if (!Array.isArray(paths) || paths.length !== 1 || paths[0] !== WEIGHTS_BIN) throw new ModelError(`weightsManifest paths must be ['${WEIGHTS_BIN}']`);
  const weights = own(group, 'weights');
  if (!Array.isArray(weights)) throw new ModelError('weightsManifest weights must be a list');

  const expected = new Map(parameterSpecs(config).map((s) => [s.name, s.shape]));
  const seen = new Set<string>();
  const precisions = new Set<WeightPrecision>();
  let weightBytes = 0;
  const entries: tf.io.WeightsManifestEntry[] = [];
  for (const [index, entry] of weights.entries()) {
    if (!isObject(entry)) throw new ModelError(`weightsManifest weights[${index}] must be an object`);
    const name = own(entry, 'name');
    if (typeof name !== 'string') throw new ModelError(`weightsManifest weights[${index}].name must be a string`);
    const extra = Object.keys(entry).find((k) => !ENTRY_KEYS.has(k));
    if (extra !== undefined) throw new ModelError(`weight '${name}': unknown field '${extra}'`);
    if (seen.has(name)) throw new ModelError(`weight '${name}' appears twice in the manifest`);
    seen.add(name);
    const shape = expected.get(name);
    if (!shape) throw new ModelError(`unexpected weight ${JSON.stringify(name)} for this config`);
    if (own(entry, 'dtype') !== 'float32') throw new ModelError(`weight '${name}' must have dtype float32, got ${JSON.stringify(own(entry, 'dtype'))}`);
    const given = own(entry, 'shape');
    if (!Array.isArray(given) || !given.every((n) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0)) {
      throw new ModelError(`weight '${name}': shape must be a list of positive integers, got ${JSON.stringify(given)}`);
    }
    if (given.join(',') !== shape.join(',')) throw new ModelError(`weight '${name}' has shape [${given.join(', ')}], expected [${shape.join(', ')}]`);
    const quantization = own(entry, 'quantization');
    checkQuantization(name, quantization);
    const spec: tf.io.WeightsManifestEntry = { name, shape: [...shape], dtype: 'float32' };
    if (quantization !== undefined) spec.quantization = { ...(quantization as NonNullable<tf.io.WeightsManifestEntry['quantization']>) };
    const precision = precisionOf(spec);
    precisions.add(precision);
    weightBytes += shape.reduce((a, b) => a * b, 1) * BYTES_PER_VALUE[precision];
    entries.push(spec);
  }
  for (const name of expected.keys()) {
    if (!seen.has(name)) throw new ModelError(`weight '${name}' is missing from the manifest`);
  }
  if (precisions.size > 1) throw new ModelError(`weights mix precisions (${[...precisions].join(', ')}); one precision per model is supported`);
  return { config, entries, precision: [...precisions][0] ?? 'float32', weightBytes };
}
