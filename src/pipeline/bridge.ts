/**
 * The GASM bridge: text → parse → encode → infer (tfjs) → solve (LM on SE(3)) → response.
 *
 * `processBatch` runs the network once per chunk of scenes (chunks grouped by entity count, so that padding
 * stays small), and times each stage: parsing and solving per instruction exactly, encoding and inference per
 * chunk, shared equally among the chunk's instructions. A bad instruction fails alone: its response carries the
 * error and the rest of the batch goes on.
 */
import { GasmError } from '../errors.js';
import { buildFailedResponse, buildResponse } from './respond.js';
import { initBackend, type BackendInfo, type BackendPreference } from './model/backend.js';
import { validateModelConfig, type ModelConfig } from './model/config.js';
import { encodeScenes, type EncodedBatch } from './model/encode.js';
import { GasmNetwork, type ModelOutput } from './model/network.js';
import { loadModel } from './model/weights-io.js';
import { parseInstruction } from './parse/index.js';
import { createSolver, type SolveOptions } from './solve/index.js';
import type { GasmResponse, SceneSpec } from './types.js';

export interface BridgeConfig {
  backend?: BackendPreference;
  /** Model size and seed; ignored when `modelDir` is given (the saved model carries its own). */
  model?: Partial<ModelConfig>;
  /** Folder with a saved model (model.json + weights.bin). */
  modelDir?: string;
  solver?: SolveOptions;
  /** Largest number of scenes given to the network at once. */
  maxChunk?: number;
  /** Per-instruction time budget; an instruction that takes longer is reported as failed. */
  timeoutMs?: number;
}

export interface GasmBridge {
  readonly backend: BackendInfo;
  readonly modelConfig: ModelConfig;
  process(text: string): GasmResponse;
  processBatch(texts: readonly string[]): GasmResponse[];
  dispose(): void;
}

/** Default chunk: large enough that one network call serves a whole benchmark batch. */
export const DEFAULT_MAX_CHUNK = 256;

interface Pending {
  index: number;
  scene: SceneSpec;
  parseMs: number;
}

function errorMessage(error: unknown): string {
  if (error instanceof GasmError) return error.message;
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Creates a bridge: initialises the tfjs backend and builds (or loads) the network. */
export async function createBridge(config: BridgeConfig = {}): Promise<GasmBridge> {
  const backend = await initBackend(config.backend ?? 'auto');
  const network = config.modelDir ? await loadModel(config.modelDir) : new GasmNetwork(validateModelConfig(config.model ?? {}));
  const solver = createSolver(config.solver);
  const maxChunk = Math.max(1, Math.floor(config.maxChunk ?? DEFAULT_MAX_CHUNK));
  const timeoutMs = config.timeoutMs;
  let disposed = false;

  function processBatch(texts: readonly string[]): GasmResponse[] {
    if (disposed) throw new GasmError('CONFIG_ERROR', 'this bridge has been disposed');
    const responses = new Array<GasmResponse>(texts.length);
    const pending: Pending[] = [];
    for (let i = 0; i < texts.length; i++) {
      const t0 = performance.now();
      try {
        const scene = parseInstruction(String(texts[i] ?? ''));
        pending.push({ index: i, scene, parseMs: performance.now() - t0 });
      } catch (error) {
        responses[i] = buildFailedResponse(String(texts[i] ?? ''), errorMessage(error), backend.name, performance.now() - t0);
      }
    }
    // Group by entity count so that a chunk's padding is small, then cut into chunks of maxChunk.
    pending.sort((a, b) => a.scene.entities.length - b.scene.entities.length || a.index - b.index);
    for (let start = 0; start < pending.length; start += maxChunk) {
      const chunk = pending.slice(start, start + maxChunk);
      runChunk(chunk, responses);
    }
    return responses;
  }

  function runChunk(chunk: Pending[], responses: GasmResponse[]): void {
    const tEncode = performance.now();
    let encoded: EncodedBatch;
    let output: ModelOutput;
    let encodeShare: number;
    let inferShare: number;
    try {
      encoded = encodeScenes(chunk.map((p) => p.scene));
      const tInfer = performance.now();
      output = network.predict(encoded);
      encodeShare = (tInfer - tEncode) / chunk.length;
      inferShare = (performance.now() - tInfer) / chunk.length;
    } catch (error) {
      for (const p of chunk) responses[p.index] = buildFailedResponse(p.scene.instruction, errorMessage(error), backend.name, p.parseMs);
      return;
    }
    const n = encoded.entities;
    for (let k = 0; k < chunk.length; k++) {
      const p = chunk[k];
      const entities = p.scene.entities.length;
      try {
        const tSolve = performance.now();
        const result = solver.solve({
          entities: p.scene.entities,
          constraints: p.scene.constraints,
          positions: output.positions.subarray(k * n * 3, k * n * 3 + entities * 3),
          orientations: output.orientations.subarray(k * n * 4, k * n * 4 + entities * 4),
        });
        const solveMs = performance.now() - tSolve;
        const tPost = performance.now();
        const response = buildResponse(p.scene, result, output.confidence.subarray(k * n, k * n + entities), backend.name);
        response.timings.preprocessingMs = p.parseMs + encodeShare;
        response.timings.inferenceMs = inferShare;
        response.timings.constraintSolvingMs = solveMs;
        response.timings.postprocessingMs = performance.now() - tPost;
        const total = response.timings.preprocessingMs + inferShare + solveMs + response.timings.postprocessingMs;
        if (timeoutMs !== undefined && total > timeoutMs) {
          response.success = false;
          response.error = `timed out: took ${total.toFixed(1)} ms, over the ${timeoutMs} ms limit`;
        }
        responses[p.index] = response;
      } catch (error) {
        responses[p.index] = buildFailedResponse(p.scene.instruction, errorMessage(error), backend.name, p.parseMs);
      }
    }
  }

  return {
    backend,
    modelConfig: network.config,
    process: (text: string) => processBatch([text])[0],
    processBatch,
    dispose() {
      if (!disposed) {
        disposed = true;
        network.dispose();
      }
    },
  };
}
