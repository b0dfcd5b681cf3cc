/**
 * Saving and loading a GasmNetwork in the TensorFlow.js weights format: `model.json` (format tag, the model
 * config as its topology, and a weights manifest) beside `weights.bin` (the raw little-endian float32 values,
 * written by tf.io.encodeWeights and read by tf.io.decodeWeights). Both files are written atomically.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { GasmError, ModelError } from '../../errors.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { TOOL } from '../../version.js';
import { validateModelConfig, type ModelConfig } from './config.js';
import { GasmNetwork } from './network.js';
import { parameterSpecs } from './parameters.js';

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

/** Writes `dir/model.json` and `dir/weights.bin` (the folder is created if needed). */
export async function saveModel(net: GasmNetwork, dir: string): Promise<void> {
  const weights = net.weights();
  const named = parameterSpecs(net.config).map((spec) => ({ name: spec.name, tensor: weights.get(spec.name) as tf.Tensor }));
  const { data, specs } = await tf.io.encodeWeights(named);
  const json: ModelJson = {
    format: MODEL_FORMAT,
    generatedBy: `${TOOL.name} ${TOOL.version}`,
    modelTopology: { config: { ...net.config } },
    weightsManifest: [{ paths: [WEIGHTS_BIN], weights: specs }],
  };
  await writeFileAtomic(join(dir, WEIGHTS_BIN), new Uint8Array(data));
  await writeFileAtomic(join(dir, MODEL_JSON), JSON.stringify(json, null, 2) + '\n');
}

async function readOrFail(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ModelError(`${path}: cannot read ${what}${code === 'ENOENT' ? ' (missing file)' : `: ${code ?? String(error)}`}`, { cause: error });
  }
}

/** Reads a model folder written by saveModel; ModelError naming the file and the problem when it cannot. */
export async function loadModel(dir: string): Promise<GasmNetwork> {
  const jsonPath = join(dir, MODEL_JSON);
  const text = (await readOrFail(jsonPath, 'the model description')).toString('utf8');
  let json: ModelJson;
  try {
    json = JSON.parse(text) as ModelJson;
  } catch (error) {
    throw new ModelError(`${jsonPath}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  if (json === null || typeof json !== 'object') throw new ModelError(`${jsonPath}: expected a JSON object`);
  if (json.format !== MODEL_FORMAT) throw new ModelError(`${jsonPath}: format must be '${MODEL_FORMAT}', got ${JSON.stringify(json.format)}`);
  let config: ModelConfig;
  try {
    const raw = json.modelTopology?.config;
    if (raw === null || typeof raw !== 'object') throw new ModelError('modelTopology.config is missing');
    for (const key of ['featureDim', 'hiddenDim', 'heads', 'iterations', 'seed'] as const) {
      if (!(key in raw)) throw new ModelError(`modelTopology.config.${key} is missing`);
    }
    config = validateModelConfig(raw);
  } catch (error) {
    throw new ModelError(`${jsonPath}: ${(error as Error).message}`, { cause: error });
  }
  const group = json.weightsManifest?.[0];
  if (!Array.isArray(json.weightsManifest) || json.weightsManifest.length !== 1 || !group || !Array.isArray(group.weights)) {
    throw new ModelError(`${jsonPath}: weightsManifest must hold exactly one group with a weights list`);
  }
  if (!Array.isArray(group.paths) || group.paths.length !== 1 || group.paths[0] !== WEIGHTS_BIN) {
    throw new ModelError(`${jsonPath}: weightsManifest paths must be ['${WEIGHTS_BIN}']`);
  }
  const expected = new Map(parameterSpecs(config).map((s) => [s.name, s.shape]));
  let bytes = 0;
  for (const entry of group.weights) {
    const shape = expected.get(entry?.name);
    if (!shape) throw new ModelError(`${jsonPath}: unexpected weight ${JSON.stringify(entry?.name)} for this config`);
    if (entry.dtype !== 'float32') throw new ModelError(`${jsonPath}: weight '${entry.name}' must be float32, got ${String(entry.dtype)}`);
    if (!Array.isArray(entry.shape) || entry.shape.join(',') !== shape.join(',')) {
      throw new ModelError(`${jsonPath}: weight '${entry.name}' has shape [${String(entry.shape)}], expected [${shape.join(', ')}]`);
    }
    bytes += shape.reduce((a, b) => a * b, 1) * 4;
  }
  for (const name of expected.keys()) {
    if (!group.weights.some((w) => w.name === name)) throw new ModelError(`${jsonPath}: weight '${name}' is missing from the manifest`);
  }
  const binPath = join(dir, WEIGHTS_BIN);
  const bin = await readOrFail(binPath, 'the weights');
  if (bin.byteLength !== bytes) throw new ModelError(`${binPath}: holds ${bin.byteLength} bytes, the manifest needs ${bytes}`);
  const buffer = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  const values = new Map<string, Float32Array>();
  const decoded = tf.io.decodeWeights(buffer, group.weights);
  try {
    for (const [name, tensor] of Object.entries(decoded)) values.set(name, tensor.dataSync() as Float32Array);
  } finally {
    tf.dispose(Object.values(decoded));
  }
  try {
    return new GasmNetwork(config, values);
  } catch (error) {
    if (error instanceof GasmError) throw new ModelError(`${binPath}: ${error.message}`, { cause: error });
    throw error;
  }
}
