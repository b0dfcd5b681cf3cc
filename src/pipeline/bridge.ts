/**
 * The GASM bridge: text → parse → encode → infer (tfjs) → solve (LM on SE(3)) → response.
 *
 * `processBatch(texts)` gives the network every instruction of the call that parsed (and missed the cache) in
 * ONE forward pass, padded to the largest scene, unless that pass would not fit the network's memory limit
 * (model/memory-estimate.ts) or an explicit `maxChunk` is set: then it makes several passes over scenes sorted by
 * entity count. Either way the number of passes is recorded (`batchStats()`), so a report can say what the network
 * saw. Stage timings: parsing and solving per instruction exactly; encoding and inference per pass, shared
 * equally among the pass's instructions (a share, not a latency).
 *
 * Timeout (`timeoutMs`, per instruction): what an instruction has spent before its solve (its parse time and its
 * share of encoding and inference) counts against it; the solver then gets the rest as a deadline (possibly
 * already passed) and is stopped at its next iteration check once it passes, keeping the poses reached so far
 * (the network pass itself cannot be interrupted, nor parsing). A stopped instruction fails
 * with "stopped after X ms: over the N ms timeout"; the rest of the batch goes on.
 *
 * A bad instruction fails alone: its response carries the error. Non-finite network outputs (huge weights can
 * give NaN) fail the instructions whose rows hold them, naming the entity and the value.
 */
import { GasmError } from '../errors.js';
import { ResultCache, emptyCacheStats, type CacheConfig, type CacheMode, type CacheStats } from './cache/result-cache.js';
import { buildFailedResponse, buildResponse } from './respond.js';
import { initBackend, type BackendInfo, type BackendPreference } from './model/backend.js';
import { validateModelConfig, type ModelConfig } from './model/config.js';
import { encodeScenes } from './model/encode.js';
import { planPacking, rowPerScene } from './model/packing.js';
import { maxScenesPerPass, sceneTooLargeMessage } from './model/memory-estimate.js';
import { DEFAULT_ATTENTION, GasmNetwork, type AttentionKind, type ModelOutput } from './model/network.js';
import { presetShape, type PresetName } from './model/presets.js';
import type { WeightPrecision } from './model/quantize.js';
import { networkFromFolder, readModelFolder } from './model/weights-io.js';
import { parseInstruction } from './parse/index.js';
import { createSolver, resolveSolveOptions, type ResolvedSolveOptions, type SolveOptions } from './solve/index.js';
import type { GasmResponse, SceneSpec } from './types.js';

export interface BridgeConfig {
  backend?: BackendPreference;
  /** Named model size (model/presets.ts); fields of `model` override it. Ignored with `modelDir`. */
  preset?: PresetName;
  /** Model size and seed; ignored when `modelDir` is given (the saved model carries its own; see describe().warnings). */
  model?: Partial<ModelConfig>;
  /** Folder with a saved model (model.json + weights.bin). */
  modelDir?: string;
  /** How attention scores are computed (same outputs); default fused. */
  attention?: AttentionKind;
  /** Precision the weights are stored at; computed in float32. Default: float32, or the saved model's. */
  weights?: WeightPrecision;
  /** Result cache: off (default), memory, or disk (with a folder). */
  cache?: CacheMode | CacheConfig;
  solver?: SolveOptions;
  /** Most scenes per network pass; by default a batch is one pass unless it would not fit in memory. */
  maxChunk?: number;
  /**
   * Pack several small scenes into one row of the network pass (model/packing.ts; same poses) rather than one
   * scene per row padded to the largest. Default true.
   */
  packing?: boolean;
  /** Per-instruction time limit, ms: the solver is stopped at its next iteration once it is spent (see the header). */
  timeoutMs?: number;
}

/** What a bridge runs, for reports: everything a figure depends on. */
export interface BridgeDescription {
  backend: BackendInfo['name'];
  preset: PresetName | null;
  model: ModelConfig;
  attention: AttentionKind;
  weights: { precision: WeightPrecision; bytes: number };
  /** The saved model used, when one was: absolute path and sha256 of model.json + weights.bin. */
  modelDir: { path: string; sha256: string } | null;
  cache: { mode: CacheMode; dir: string | null; maxEntries: number | null };
  solver: ResolvedSolveOptions;
  maxChunk: number | null;
  /** Whether a pass packs several scenes per row (model/packing.ts). */
  packing: boolean;
  timeoutMs: number | null;
  /** Settings given but not used (model-size settings beside a saved model). */
  warnings: string[];
}

/** Network passes made by processBatch calls. */
export interface BatchStats {
  /** processBatch calls (process() is a call of one). */
  calls: number;
  /** Instructions given to those calls. */
  instructions: number;
  /** Forward passes of the network they made (0 for a call answered wholly from the cache or by parse errors). */
  networkPasses: number;
  /** The last call: instructions given, scenes that reached the network, passes made, largest pass. */
  last: { instructions: number; scenes: number; networkPasses: number; largestPass: number };
}

export interface GasmBridge {
  readonly backend: BackendInfo;
  readonly modelConfig: ModelConfig;
  process(text: string): GasmResponse;
  processBatch(texts: readonly string[]): GasmResponse[];
  /** Configuration as run, for reports. */
  describe(): BridgeDescription;
  cacheStats(): CacheStats;
  batchStats(): BatchStats;
  dispose(): void;
}

interface Pending {
  index: number;
  text: string;
  scene: SceneSpec;
  parseMs: number;
}

function errorMessage(error: unknown): string {
  if (error instanceof GasmError) return error.message;
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

function cacheConfigOf(cache: BridgeConfig['cache']): CacheConfig {
  if (cache === undefined) return { mode: 'off' };
  return typeof cache === 'string' ? { mode: cache } : cache;
}

/** Names of model-size settings that a saved model makes irrelevant. */
function ignoredWithModelDir(config: BridgeConfig): string[] {
  const ignored = Object.keys(config.model ?? {}).filter((k) => (config.model as Record<string, unknown>)[k] !== undefined);
  if (config.preset !== undefined) ignored.unshift('preset');
  return ignored;
}

/** The first non-finite value among a scene's rows of one output array, described; undefined when all finite. */
function nonFiniteRows(array: Float32Array, width: number, what: string, scene: SceneSpec, row0: number): string | undefined {
  const n = scene.entities.length;
  for (let e = 0; e < n; e++) {
    for (let c = 0; c < width; c++) {
      const v = array[(row0 + e) * width + c];
      if (!Number.isFinite(v)) return `the network gave a non-finite ${what} (${v}) for '${scene.entities[e].name}': the model's weights are unusable (too large?)`;
    }
  }
  return undefined;
}

/**
 * The first non-finite value among a scene's rows of the network output, described; undefined when all finite.
 * Runs once per instruction: no closure is made per call.
 */
function nonFiniteOutput(output: ModelOutput, scene: SceneSpec, row0: number): string | undefined {
  return (
    nonFiniteRows(output.confidence, 1, 'confidence', scene, row0) ??
    nonFiniteRows(output.positions, 3, 'position', scene, row0) ??
    nonFiniteRows(output.orientations, 4, 'orientation', scene, row0)
  );
}

/** Largest entity count sorted by counting; beyond it (a generated stress scene) a comparison sort. */
const COUNTING_SORT_MAX_ENTITIES = 4096;

/**
 * Sorts pending scenes in place by entity count, then by their index in the batch: a stable counting sort
 * (pending is built in index order), cheaper than a comparison sort of a hundred scenes with a few distinct counts.
 */
function sortByEntityCount(pending: Pending[]): void {
  let largest = 0;
  for (let k = 0; k < pending.length; k++) largest = Math.max(largest, pending[k].scene.entities.length);
  if (largest > COUNTING_SORT_MAX_ENTITIES) {
    pending.sort((a, b) => a.scene.entities.length - b.scene.entities.length || a.index - b.index);
    return;
  }
  const start = new Int32Array(largest + 2);
  for (let k = 0; k < pending.length; k++) start[pending[k].scene.entities.length + 1]++;
  for (let c = 1; c <= largest + 1; c++) start[c] += start[c - 1];
  const sorted = new Array<Pending>(pending.length);
  for (let k = 0; k < pending.length; k++) sorted[start[pending[k].scene.entities.length]++] = pending[k];
  for (let k = 0; k < pending.length; k++) pending[k] = sorted[k];
}

/** Creates a bridge: initialises the tfjs backend and builds (or loads) the network. */
export async function createBridge(config: BridgeConfig = {}): Promise<GasmBridge> {
  const backend = await initBackend(config.backend ?? 'auto');
  const attention = config.attention ?? DEFAULT_ATTENTION;
  const warnings: string[] = [];
  let network: GasmNetwork;
  let modelDir: BridgeDescription['modelDir'] = null;
  if (config.modelDir !== undefined) {
    const folder = await readModelFolder(config.modelDir);
    network = networkFromFolder(folder, { attention, precision: config.weights });
    modelDir = { path: folder.path, sha256: folder.sha256 };
    const ignored = ignoredWithModelDir(config);
    if (ignored.length > 0) warnings.push(`ignored with a saved model (it carries its own size): ${ignored.join(', ')}`);
  } else {
    const shape = config.preset !== undefined ? presetShape(config.preset) : {};
    network = new GasmNetwork(validateModelConfig({ ...shape, ...config.model }), undefined, { attention, precision: config.weights });
  }
  const solverOptions = resolveSolveOptions(config.solver);
  const solver = createSolver(config.solver);
  const maxChunk = config.maxChunk === undefined ? undefined : Math.max(1, Math.floor(config.maxChunk));
  const timeoutMs = config.timeoutMs;
  const packing = config.packing ?? true;
  const cacheConfig = cacheConfigOf(config.cache);
  const description: BridgeDescription = {
    backend: backend.name,
    preset: config.modelDir === undefined ? config.preset ?? null : null,
    model: { ...network.config },
    attention,
    weights: { precision: network.precision, bytes: network.storedBytes() },
    modelDir,
    cache: { mode: cacheConfig.mode, dir: cacheConfig.mode === 'disk' ? cacheConfig.dir ?? null : null, maxEntries: cacheConfig.maxEntries ?? null },
    solver: { ...solverOptions },
    maxChunk: maxChunk ?? null,
    packing,
    timeoutMs: timeoutMs ?? null,
    warnings,
  };
  // Everything besides the text that a response depends on (the cache's key prefix).
  const fingerprint = JSON.stringify([description.backend, description.model, attention, description.weights.precision, modelDir?.sha256 ?? null, solverOptions, packing]);
  const cache = cacheConfig.mode === 'off' ? undefined : new ResultCache(cacheConfig, fingerprint);
  const stats: BatchStats = { calls: 0, instructions: 0, networkPasses: 0, last: { instructions: 0, scenes: 0, networkPasses: 0, largestPass: 0 } };
  let disposed = false;

  function processBatch(texts: readonly string[]): GasmResponse[] {
    if (disposed) throw new GasmError('CONFIG_ERROR', 'this bridge has been disposed');
    const responses = new Array<GasmResponse>(texts.length);
    const pending: Pending[] = [];
    // Repeats of a text already pending in this call: filled from its result afterwards.
    const repeats: [index: number, text: string][] = [];
    const firstIndex = cache ? new Map<string, number>() : undefined;
    for (let i = 0; i < texts.length; i++) {
      const text = String(texts[i] ?? '');
      if (cache && firstIndex) {
        if (firstIndex.has(text)) {
          repeats.push([i, text]);
          continue;
        }
        const hit = cache.get(text);
        if (hit) {
          responses[i] = hit;
          continue;
        }
        firstIndex.set(text, i);
      }
      const t0 = performance.now();
      try {
        const scene = parseInstruction(text);
        pending.push({ index: i, text, scene, parseMs: performance.now() - t0 });
      } catch (error) {
        responses[i] = buildFailedResponse(text, errorMessage(error), backend.name, performance.now() - t0);
        cache?.set(text, responses[i]);
      }
    }
    stats.calls++;
    stats.instructions += texts.length;
    stats.last = { instructions: texts.length, scenes: pending.length, networkPasses: 0, largestPass: 0 };
    runPasses(pending, responses);
    stats.networkPasses += stats.last.networkPasses;
    if (cache) {
      for (const p of pending) cache.set(p.text, responses[p.index]);
      for (const [index, text] of repeats) {
        responses[index] = cache.get(text) ?? structuredClone(responses[firstIndex?.get(text) ?? index]);
      }
    }
    return responses;
  }

  // Most scenes per pass by (padded) entity count, from the memory estimate (computed once per count).
  const passLimits = new Map<number, number>();
  const scenesPerPass = (N: number): number => {
    let limit = passLimits.get(N);
    if (limit === undefined) {
      limit = maxScenesPerPass(network.config, attention, N);
      passLimits.set(N, limit);
    }
    return limit;
  };

  /** Splits the scenes into network passes (one unless memory or maxChunk says otherwise) and runs them. */
  function runPasses(pending: Pending[], responses: GasmResponse[]): void {
    if (pending.length === 0) return;
    // Sorted by entity count: a pass's padding is small, and each pass's size limit depends on its largest scene.
    sortByEntityCount(pending);
    let start = 0;
    while (start < pending.length) {
      let end = start;
      const cap = maxChunk ?? Number.POSITIVE_INFINITY;
      while (end < pending.length && end - start < cap) {
        const N = Math.max(1, pending[end].scene.entities.length);
        if (end + 1 - start > scenesPerPass(N)) break;
        end++;
      }
      if (end === start) {
        const p = pending[start];
        responses[p.index] = buildFailedResponse(p.text, sceneTooLargeMessage(network.config, attention, p.scene.entities.length), backend.name, p.parseMs);
        start++;
        continue;
      }
      runPass(pending.slice(start, end), responses);
      start = end;
    }
  }

  function runPass(chunk: Pending[], responses: GasmResponse[]): void {
    stats.last.networkPasses++;
    stats.last.largestPass = Math.max(stats.last.largestPass, chunk.length);
    const tEncode = performance.now();
    let output: ModelOutput;
    let slots: Int32Array;
    let encodeShare: number;
    let inferShare: number;
    try {
      const scenes = chunk.map((p) => p.scene);
      const sizes = scenes.map((scene) => scene.entities.length);
      const encoded = encodeScenes(scenes, packing ? planPacking(sizes) : rowPerScene(sizes));
      slots = encoded.sceneSlots as Int32Array;
      const tInfer = performance.now();
      output = network.predict(encoded);
      encodeShare = (tInfer - tEncode) / chunk.length;
      inferShare = (performance.now() - tInfer) / chunk.length;
    } catch (error) {
      for (const p of chunk) responses[p.index] = buildFailedResponse(p.text, errorMessage(error), backend.name, p.parseMs);
      return;
    }
    for (let k = 0; k < chunk.length; k++) {
      const p = chunk[k];
      const entities = p.scene.entities.length;
      const spent = p.parseMs + encodeShare + inferShare;
      try {
        const first = slots[k];
        const bad = nonFiniteOutput(output, p.scene, first);
        if (bad !== undefined) {
          responses[p.index] = buildFailedResponse(p.text, bad, backend.name, p.parseMs + encodeShare);
          responses[p.index].timings.inferenceMs = inferShare;
          continue;
        }
        const tSolve = performance.now();
        const result = solver.solve(
          {
            entities: p.scene.entities,
            constraints: p.scene.constraints,
            positions: output.positions.subarray(first * 3, (first + entities) * 3),
            orientations: output.orientations.subarray(first * 4, (first + entities) * 4),
          },
          timeoutMs === undefined ? undefined : { deadline: tSolve + (timeoutMs - spent) },
        );
        const tPost = performance.now();
        const solveMs = tPost - tSolve;
        const response = buildResponse(p.scene, result, output.confidence.subarray(first, first + entities), backend.name);
        response.timings.preprocessingMs = p.parseMs + encodeShare;
        response.timings.inferenceMs = inferShare;
        response.timings.constraintSolvingMs = solveMs;
        response.timings.postprocessingMs = performance.now() - tPost;
        if (result.timedOut) {
          response.success = false;
          response.error = `stopped after ${(spent + solveMs).toFixed(1)} ms: over the ${timeoutMs} ms timeout (solver stopped after ${result.iterations} iterations)`;
        }
        responses[p.index] = response;
      } catch (error) {
        responses[p.index] = buildFailedResponse(p.text, errorMessage(error), backend.name, p.parseMs);
      }
    }
  }

  return {
    backend,
    modelConfig: network.config,
    process: (text: string) => processBatch([text])[0],
    processBatch,
    describe: () => structuredClone(description),
    cacheStats: () => (cache ? cache.stats() : emptyCacheStats()),
    batchStats: () => structuredClone(stats),
    dispose() {
      if (!disposed) {
        disposed = true;
        network.dispose();
      }
    },
  };
}
