/**
 * Options shared by every command that runs the pipeline: backend, model size (preset and fields), attention
 * variant, weight precision, scene packing, result cache, saved model and per-instruction timeout.
 */
import type { Command } from 'commander';
import type { BridgeConfig } from '../pipeline/bridge.js';
import { CACHE_MODES, type CacheConfig, type CacheMode } from '../pipeline/cache/result-cache.js';
import type { BackendPreference } from '../pipeline/model/backend.js';
import type { ModelConfig } from '../pipeline/model/config.js';
import { ATTENTION_KINDS, DEFAULT_ATTENTION } from '../pipeline/model/network.js';
import { MODEL_PRESETS, PRESET_NAMES } from '../pipeline/model/presets.js';
import { WEIGHT_PRECISIONS } from '../pipeline/model/quantize.js';
import { ConfigError } from '../errors.js';
import { parseChoice, parseInteger, parseNumber } from './parse-options.js';

export const BACKENDS: readonly BackendPreference[] = ['auto', 'tensorflow', 'wasm', 'cpu'];
/** --packing: several small scenes per row of a network pass (on, the default) or one scene per row, padded. */
export const PACKING_CHOICES = ['on', 'off'] as const;

export interface ModelFlags {
  backend: string;
  preset?: string;
  featureDim?: string;
  hiddenDim?: string;
  heads?: string;
  iterations?: string;
  seed?: string;
  modelDir?: string;
  attention?: string;
  weights?: string;
  packing?: string;
  cache?: string;
  cacheDir?: string;
  cacheEntries?: string;
  timeout?: string;
}

/** What --timeout stops, and when (the same words as the README). */
export const TIMEOUT_HELP =
  'per-instruction time limit, ms: its parse time and its share of the batch\'s encoding and network pass count ' +
  'against it, and the solver is stopped at its next iteration once the limit is spent; the instruction then fails ' +
  '("stopped after X ms: over the N ms timeout") and the run goes on. The network pass itself is not interrupted';

function presetList(): string {
  return PRESET_NAMES.map((name) => {
    const p = MODEL_PRESETS[name];
    return `${name} ${p.featureDim}/${p.hiddenDim}/${p.heads}h/${p.iterations}it`;
  }).join(', ');
}

/** Adds the pipeline flags (see ModelFlags) to a command. */
export function addModelOptions(command: Command): Command {
  const d = MODEL_PRESETS.default;
  return command
    .option('--backend <name>', `tfjs backend: ${BACKENDS.join('|')} (auto: tensorflow if installed, else wasm, else cpu)`, 'auto')
    .option('--preset <name>', `model size by name (feature/hidden/heads/iterations): ${presetList()}; size flags override it (default: default)`)
    .option('--feature-dim <n>', `model feature dimension (default: ${d.featureDim})`)
    .option('--hidden-dim <n>', `model hidden dimension (default: ${d.hiddenDim})`)
    .option('--heads <n>', `attention heads; must divide --hidden-dim (default: ${d.heads})`)
    .option('--iterations <n>', `refinement iterations of the network (default: ${d.iterations})`)
    .option('--seed <n>', 'weight seed (default: 42)')
    .option('--model-dir <dir>', 'load a saved model (model.json + weights.bin) instead of seeded weights; size flags are then ignored (with a warning)')
    .option('--attention <kind>', `attention scores: ${ATTENTION_KINDS.join('|')} (same outputs; fused = one Q/K/V projection, folded = W_q·W_kᵀ per head) (default: ${DEFAULT_ATTENTION})`)
    .option('--weights <precision>', `weight precision: ${WEIGHT_PRECISIONS.join('|')} (stored quantized, computed in float32) (default: float32, or the saved model's)`)
    .option('--packing <on|off>', 'pack several small scenes into one row of a network pass (same poses within float rounding; fewer padded slots) or give each scene its own row padded to the largest (default: on)')
    .option('--cache <mode>', `result cache keyed by instruction and model/solver config: ${CACHE_MODES.join('|')} (disk needs --cache-dir) (default: off)`)
    .option('--cache-dir <dir>', 'folder of the disk cache (one file per entry, bounded)')
    .option('--cache-entries <n>', 'entries the cache keeps in memory (default: 10000)')
    .option('--timeout <ms>', TIMEOUT_HELP);
}

function cacheConfigFrom(flags: ModelFlags): CacheConfig | undefined {
  if (flags.cache === undefined) {
    if (flags.cacheDir !== undefined || flags.cacheEntries !== undefined) throw new ConfigError('--cache-dir and --cache-entries need --cache memory|disk');
    return undefined;
  }
  const mode: CacheMode = parseChoice('--cache', flags.cache, CACHE_MODES);
  if (mode === 'off') return undefined;
  if (mode === 'disk' && flags.cacheDir === undefined) throw new ConfigError('--cache disk needs --cache-dir <folder>');
  if (mode === 'memory' && flags.cacheDir !== undefined) throw new ConfigError('--cache-dir is for --cache disk');
  return {
    mode,
    dir: flags.cacheDir,
    maxEntries: flags.cacheEntries !== undefined ? parseInteger('--cache-entries', flags.cacheEntries, 1, 10_000_000) : undefined,
  };
}

/** Turns the parsed flags into a bridge configuration (ConfigError on a bad value). Only given size flags are set. */
export function bridgeConfigFrom(flags: ModelFlags): BridgeConfig {
  const model: Partial<ModelConfig> = {};
  if (flags.featureDim !== undefined) model.featureDim = parseInteger('--feature-dim', flags.featureDim, 4, 1024);
  if (flags.hiddenDim !== undefined) model.hiddenDim = parseInteger('--hidden-dim', flags.hiddenDim, 4, 1024);
  if (flags.heads !== undefined) model.heads = parseInteger('--heads', flags.heads, 1, 256);
  if (flags.iterations !== undefined) model.iterations = parseInteger('--iterations', flags.iterations, 0, 16);
  if (flags.seed !== undefined) model.seed = parseInteger('--seed', flags.seed, 0, 2 ** 31 - 1);
  const preset = flags.preset !== undefined ? parseChoice('--preset', flags.preset, PRESET_NAMES) : undefined;
  if (flags.modelDir === undefined) {
    // Checked now (bad usage, before anything runs): the preset with the given fields must make a valid network.
    const shape = { ...(preset ? MODEL_PRESETS[preset] : MODEL_PRESETS.default), ...model };
    if (shape.heads > shape.hiddenDim || shape.hiddenDim % shape.heads !== 0) {
      throw new ConfigError(`--heads (${shape.heads}) must divide --hidden-dim (${shape.hiddenDim})`);
    }
  }
  return {
    backend: parseChoice('--backend', flags.backend, BACKENDS),
    preset,
    model,
    modelDir: flags.modelDir,
    attention: flags.attention !== undefined ? parseChoice('--attention', flags.attention, ATTENTION_KINDS) : undefined,
    weights: flags.weights !== undefined ? parseChoice('--weights', flags.weights, WEIGHT_PRECISIONS) : undefined,
    packing: flags.packing !== undefined ? parseChoice('--packing', flags.packing, PACKING_CHOICES) === 'on' : undefined,
    cache: cacheConfigFrom(flags),
    timeoutMs: flags.timeout !== undefined ? parseNumber('--timeout', flags.timeout, 0.001, 3_600_000) : undefined,
  };
}

