/**
 * TensorFlow.js backend selection: `tensorflow` (native libtensorflow through @tensorflow/tfjs-node-gpu or
 * @tensorflow/tfjs-node, when installed), `wasm` (XNNPACK, shipped inside the npm package) and the pure-JS `cpu`.
 *
 * `auto` takes the first that loads, in that order; each one that fails becomes a warning on the result.
 * An explicitly requested backend that cannot load throws BackendError naming it and why.
 * Works inside worker_threads (every thread has its own tfjs engine and calls this once).
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../../errors.js';

/** What the user asks for with `--backend`. */
export type BackendPreference = 'auto' | 'tensorflow' | 'wasm' | 'cpu';

/** The backend that was loaded, what was asked for, and what went wrong on the way (auto only). */
export interface BackendInfo {
  name: 'tensorflow' | 'wasm' | 'cpu';
  requested: BackendPreference;
  /** True when the native backend is the CUDA build (@tensorflow/tfjs-node-gpu). */
  gpu: boolean;
  /** One line per backend that `auto` tried and could not load. */
  warnings: string[];
}

type BackendName = BackendInfo['name'];

/** Native packages tried for 'tensorflow', GPU build first. */
const NATIVE_PACKAGES = [
  { pkg: '@tensorflow/tfjs-node-gpu', gpu: true },
  { pkg: '@tensorflow/tfjs-node', gpu: false },
] as const;

const require = createRequire(import.meta.url);

// tfjs prints a "you are running in Node.js" banner and debug notices unless PROD is set; library code never prints.
tf.env().set('PROD', true);

let wasmPathsSet = false;
let nativeGpu: boolean | undefined;
const settled = new Map<BackendPreference, BackendInfo>();
let inFlight: Promise<BackendInfo> | undefined;

function reason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}

/** Imports the native binding; returns whether it is the GPU build. Throws with the install hint. */
async function loadNative(): Promise<boolean> {
  if (nativeGpu !== undefined) return nativeGpu;
  const failures: string[] = [];
  for (const { pkg, gpu } of NATIVE_PACKAGES) {
    const specifier: string = pkg; // a plain string keeps TypeScript from resolving an optional package
    try {
      require.resolve(specifier);
    } catch {
      failures.push(`${pkg} not found`);
      continue;
    }
    try {
      await import(specifier);
      nativeGpu = gpu;
      return gpu;
    } catch (error) {
      failures.push(`${pkg} failed to load: ${reason(error)}`);
    }
  }
  if (failures.every((f) => f.endsWith('not found'))) {
    throw new Error('is not installed: npm install @tensorflow/tfjs-node-gpu (needs libtensorflow)');
  }
  throw new Error(`cannot be loaded (${failures.join('; ')})`);
}

/** Loads the wasm backend, its .wasm files taken from the package's own dist folder (any cwd, any thread). */
async function loadWasm(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (!wasmPathsSet) {
    wasm.setWasmPaths(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + '/');
    wasmPathsSet = true;
  }
}

async function loadCpu(): Promise<void> {
  await import('@tensorflow/tfjs-backend-cpu');
}

/** Makes `name` the active tfjs backend; throws (plain Error) with the reason when it cannot. */
async function activate(name: BackendName): Promise<boolean> {
  let gpu = false;
  if (name === 'tensorflow') gpu = await loadNative();
  else if (name === 'wasm') await loadWasm();
  else await loadCpu();
  if (tf.getBackend() !== name) {
    const ok = await tf.setBackend(name);
    if (!ok) throw new Error('initialisation returned false');
  }
  await tf.ready();
  return gpu;
}

async function select(preference: BackendPreference): Promise<BackendInfo> {
  if (preference !== 'auto') {
    try {
      const gpu = await activate(preference);
      return { name: preference, requested: preference, gpu, warnings: [] };
    } catch (error) {
      const why = reason(error);
      const text = why.startsWith('is not installed') || why.startsWith('cannot be loaded') ? why : `failed to load: ${why}`;
      throw new BackendError(`backend '${preference}' ${text}`, { cause: error });
    }
  }
  const warnings: string[] = [];
  const order: BackendName[] = ['tensorflow', 'wasm', 'cpu'];
  for (let i = 0; i < order.length; i++) {
    const name = order[i];
    try {
      const gpu = await activate(name);
      return { name, requested: 'auto', gpu, warnings };
    } catch (error) {
      const next = order[i + 1];
      // A missing optional native package is the normal case, not worth a warning.
      if (name === 'tensorflow' && reason(error).startsWith('is not installed')) continue;
      warnings.push(`${name} backend failed to load: ${reason(error)}${next ? `; falling back to ${next}` : ''}`);
    }
  }
  throw new BackendError(`no tfjs backend could be loaded: ${warnings.join('; ')}`);
}

/**
 * Selects and initialises the tfjs backend. Idempotent: a second call with the same preference returns the
 * first result at once (re-activating that backend if another call switched away from it).
 */
export async function initBackend(preference: BackendPreference): Promise<BackendInfo> {
  while (inFlight) await inFlight.catch(() => undefined);
  const known = settled.get(preference);
  if (known && tf.getBackend() === known.name) return known;
  inFlight = select(preference);
  try {
    const info = await inFlight;
    settled.set(preference, info);
    return info;
  } finally {
    inFlight = undefined;
  }
}

/** Which backends load on this machine, for `gasm info`: each is really initialised; the active one is restored. */
export async function probeBackends(): Promise<{ name: string; available: boolean; detail: string }[]> {
  const previous = tf.engine().backendName as string | null;
  const results: { name: string; available: boolean; detail: string }[] = [];
  try {
    const gpu = await loadNative();
    results.push({ name: 'tensorflow', available: true, detail: gpu ? 'tfjs-node-gpu (CUDA)' : 'tfjs-node (CPU)' });
  } catch (error) {
    results.push({ name: 'tensorflow', available: false, detail: reason(error).replace(/^is /, '') });
  }
  try {
    await activate('wasm');
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    results.push({ name: 'wasm', available: true, detail: `XNNPACK${simd ? ' + SIMD' : ''}, .wasm from the npm package` });
  } catch (error) {
    results.push({ name: 'wasm', available: false, detail: reason(error) });
  }
  try {
    await activate('cpu');
    results.push({ name: 'cpu', available: true, detail: 'pure JavaScript (slowest)' });
  } catch (error) {
    results.push({ name: 'cpu', available: false, detail: reason(error) });
  }
  if (previous && tf.getBackend() !== previous) await tf.setBackend(previous);
  return results;
}
