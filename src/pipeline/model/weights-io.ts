/**
 * Saving and loading a GasmNetwork in the TensorFlow.js weights format: `model.json` (format tag, the model
 * config as its topology, and a weights manifest) beside `weights.bin` (little-endian float32 values, or quantized:
 * float16, or uint8 with the manifest's `quantization: { dtype, scale, min }`, as tfjs writes them). Both files
 * are written atomically. Loading treats the folder as untrusted: bounded reads of regular files only, the
 * manifest fully validated (manifest.ts), the weights' byte length checked, non-finite values refused.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { GasmError, ModelError } from '../../errors.js';
import { readBoundedFile } from '../../io/bounded-read.js';
import { writeFileAtomic } from '../../report/atomic-write.js';
import { TOOL } from '../../version.js';
import { MODEL_FORMAT, MODEL_JSON, WEIGHTS_BIN, validateManifest, type ModelJson } from './manifest.js';
import { GasmNetwork, type NetworkOptions } from './network.js';
import { parameterSpecs } from './parameters.js';
import { decodeWeights, encodeWeights, roundTrip, type EncodedWeights, type WeightPrecision } from './quantize.js';

export { MODEL_FORMAT, MODEL_JSON, WEIGHTS_BIN, type ModelJson } from './manifest.js';

/** Largest model.json accepted (a 16-iteration manifest is about 40 kB). */
export const MAX_MODEL_JSON_BYTES = 4 * 1024 * 1024;

/** A model folder read and checked: what the network is built from, and what a report records about it. */
export interface ModelFolder {
  /** Absolute path of the folder. */
  path: string;
  /** sha256 (hex) of model.json's bytes followed by weights.bin's. */
  sha256: string;
  config: GasmNetwork['config'];
  /** Precision the weights are stored at. */
  precision: WeightPrecision;
  /** Size of weights.bin. */
  weightBytes: number;
  /** Dequantized float32 values by name. */
  values: Map<string, Float32Array>;
  /** The stored bytes and manifest entries the values were decoded from. */
  stored: EncodedWeights;
}

/** Writes `dir/model.json` and `dir/weights.bin` at the network's precision (or `precision`). */
export async function saveModel(net: GasmNetwork, dir: string, precision: WeightPrecision = net.precision): Promise<void> {
  const weights = net.weights();
  const named = parameterSpecs(net.config).map((spec) => ({
    name: spec.name,
    shape: spec.shape,
    values: weights.get(spec.name)?.dataSync() as Float32Array,
  }));
  const { data, specs } = net.stored !== undefined && precision === net.precision ? net.stored : encodeWeights(named, precision);
  const json: ModelJson = {
    format: MODEL_FORMAT,
    generatedBy: `${TOOL.name} ${TOOL.version}`,
    modelTopology: { config: { ...net.config } },
    weightsManifest: [{ paths: [WEIGHTS_BIN], weights: specs }],
  };
  await writeFileAtomic(join(dir, WEIGHTS_BIN), data);
  await writeFileAtomic(join(dir, MODEL_JSON), JSON.stringify(json, null, 2) + '\n');
}

async function readOrFail(path: string, limit: number, what: string): Promise<Buffer> {
  try {
    return await readBoundedFile(path, { limit, what });
  } catch (error) {
    throw new ModelError(error instanceof GasmError ? error.message : `cannot read ${what} ${path}: ${String(error)}`, { cause: error });
  }
}

/** Reads and checks a model folder written by saveModel; ModelError naming the file and the problem. */
export async function readModelFolder(dir: string): Promise<ModelFolder> {
  const jsonPath = join(dir, MODEL_JSON);
  const jsonBytes = await readOrFail(jsonPath, MAX_MODEL_JSON_BYTES, 'model description');
  let json: unknown;
  try {
    json = JSON.parse(jsonBytes.toString('utf8'));
  } catch (error) {
    throw new ModelError(`${jsonPath}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  let manifest;
  try {
    manifest = validateManifest(json);
  } catch (error) {
    throw new ModelError(`${jsonPath}: ${(error as Error).message}`, { cause: error });
  }
  const binPath = join(dir, WEIGHTS_BIN);
  let bin: Buffer;
  try {
    bin = await readBoundedFile(binPath, { limit: manifest.weightBytes, what: 'model weights' });
  } catch (error) {
    const message = error instanceof GasmError ? error.message : String(error);
    throw new ModelError(/limit/.test(message) ? `${binPath}: larger than the ${manifest.weightBytes} bytes the manifest needs` : message, { cause: error });
  }
  if (bin.byteLength !== manifest.weightBytes) throw new ModelError(`${binPath}: holds ${bin.byteLength} bytes, the manifest needs ${manifest.weightBytes}`);
  const values = decodeWeights({ data: bin, specs: manifest.entries });
  for (const [name, v] of values) {
    const bad = v.findIndex((x) => !Number.isFinite(x));
    if (bad >= 0) throw new ModelError(`${binPath}: weight '${name}' has a non-finite value at index ${bad}`);
  }
  const sha256 = createHash('sha256').update(jsonBytes).update(bin).digest('hex');
  const stored = { data: new Uint8Array(bin.buffer, bin.byteOffset, bin.byteLength), specs: manifest.entries };
  return { path: resolve(dir), sha256, config: manifest.config, precision: manifest.precision, weightBytes: bin.byteLength, values, stored };
}

/**
 * Loads a model folder as a network. With `options.precision` other than the stored one, the stored weights are
 * re-quantized to it (a float32 model run at int8, say); otherwise they are used as stored.
 */
export async function loadModel(dir: string, options: NetworkOptions = {}): Promise<GasmNetwork> {
  const folder = await readModelFolder(dir);
  return networkFromFolder(folder, options);
}

/** Builds the network of a folder read by readModelFolder (see loadModel for the precision rule). */
export function networkFromFolder(folder: ModelFolder, options: NetworkOptions = {}): GasmNetwork {
  const precision = options.precision ?? folder.precision;
  let values = folder.values;
  let stored: EncodedWeights | undefined = folder.stored;
  if (precision !== folder.precision) {
    const rounded = roundTrip(parameterSpecs(folder.config).map((s) => ({ name: s.name, shape: s.shape, values: folder.values.get(s.name) as Float32Array })), precision);
    values = rounded.values;
    stored = rounded.encoded;
  }
  try {
    return new GasmNetwork(folder.config, values, { ...options, precision, stored });
  } catch (error) {
    if (error instanceof GasmError) throw new ModelError(`${join(folder.path, WEIGHTS_BIN)}: ${error.message}`, { cause: error });
    throw error;
  }
}
