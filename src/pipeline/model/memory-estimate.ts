/**
 * Memory a network needs on its backend, estimated before anything is allocated, so that a size within the
 * config's limits that would not fit fails with a clear message instead of a backend crash (`memory access out of
 * bounds` on wasm, whose heap is 32-bit addressed).
 *
 * Weights: the named parameters plus the per-iteration matrices built from them (fused: [W_q|W_k|W_v] 3·H² and
 * its three column blocks 3·H², W_o, two MLP layers; folded: the H × k·H bilinear form, W_v, W_o, two MLP layers).
 * One forward pass: each refinement iteration runs in its own tidy, so the peak is one iteration's intermediates
 * (attention-sized k·B·N² tensors: scores, two geometry terms, logits, softmax, the static bias; entity-sized
 * B·N·H tensors: projections and their reshuffles; folded also keeps h·A, B·N·k·H, and a broadcast context
 * product B·N²·H; fused with broadcast products also B·N²·H twice) on top of the entity state of every iteration.
 * Counted in float32 values, rounded up generously.
 */
import { ConfigError } from '../../errors.js';
import type { ModelConfig } from './config.js';
import { RAW_FEATURES } from './encode.js';
import { usesBroadcast } from './fused-attention.js';
import type { AttentionKind } from './network.js';
import { parameterSpecs } from './parameters.js';

/** Largest memory one network (weights + one pass) may need: half the wasm heap's 4 GiB address space. */
export const MAX_WORKING_SET_BYTES = 2 * 1024 ** 3;

const FLOAT_BYTES = 4;

/** Bytes of the weights a network holds on its backend. */
export function weightBytes(config: ModelConfig, attention: AttentionKind): number {
  const { hiddenDim: H, heads: k, iterations } = config;
  const params = parameterSpecs(config).reduce((sum, s) => sum + s.shape.reduce((a, b) => a * b, 1), 0);
  const perIteration = attention === 'fused' ? 9 * H * H + 4 * H + 4 * k : (k + 4) * H * H + 2 * H + 40 * k;
  return FLOAT_BYTES * (params + iterations * perIteration);
}

/** Bytes at the peak of one forward pass over B scenes of N (padded) entities. */
export function passBytes(config: ModelConfig, attention: AttentionKind, B: number, N: number): number {
  const { featureDim: F, hiddenDim: H, heads: k, iterations } = config;
  const rows = B * N;
  const pairs = B * N * N;
  const input = rows * (RAW_FEATURES + F + 2 * H + 8);
  const state = (iterations + 1) * rows * (H + 7);
  let iteration = 6 * k * pairs + 8 * pairs + 16 * rows * H;
  if (attention === 'folded') iteration += rows * k * H + pairs * H + 4 * pairs;
  // Fused with broadcast products (small scenes, many of them): k·B·N²·d = pairs·H values, and the copy that a
  // reduction over j transposes.
  if (attention === 'fused' && usesBroadcast(B, N, H, k)) iteration += 2 * pairs * H;
  return FLOAT_BYTES * (input + state + (iterations > 0 ? k * pairs + iteration : 0));
}

function gib(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(bytes < 1024 ** 3 ? 2 : 1)} GiB`;
}

/** Throws ConfigError (a size that cannot run here: bad usage) when the weights alone would not fit. */
export function checkWeightMemory(config: ModelConfig, attention: AttentionKind): void {
  const bytes = weightBytes(config, attention);
  if (bytes > MAX_WORKING_SET_BYTES) {
    const hint = attention === 'folded' ? 'use attention=fused (it needs no H × heads·H matrix), or ' : '';
    throw new ConfigError(
      `the ${attention} network (hidden ${config.hiddenDim}, ${config.heads} heads, ${config.iterations} iterations) needs about ` +
        `${gib(bytes)} for its weights, over the ${gib(MAX_WORKING_SET_BYTES)} limit: ${hint}choose a smaller hidden size, fewer heads or fewer iterations`,
    );
  }
}

/**
 * The most scenes of N entities one forward pass may take within the limit (0 when not even one fits), given
 * the weights already held.
 */
export function maxScenesPerPass(config: ModelConfig, attention: AttentionKind, N: number): number {
  const free = MAX_WORKING_SET_BYTES - weightBytes(config, attention);
  const one = passBytes(config, attention, 1, N);
  return free <= 0 ? 0 : Math.floor(free / one);
}

/** The message for a scene too large for one forward pass. */
export function sceneTooLargeMessage(config: ModelConfig, attention: AttentionKind, N: number): string {
  const need = passBytes(config, attention, 1, N) + weightBytes(config, attention);
  return (
    `a scene of ${N} entities needs about ${gib(need)} in the network (hidden ${config.hiddenDim}, ${config.heads} heads, ` +
    `${attention} attention), over the ${gib(MAX_WORKING_SET_BYTES)} limit: use fewer heads or a smaller hidden size`
  );
}
