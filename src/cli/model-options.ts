/** Options shared by every command that runs the pipeline: backend and model size. */
import type { Command } from 'commander';
import type { BridgeConfig } from '../pipeline/bridge.js';
import type { BackendPreference } from '../pipeline/model/backend.js';
import { DEFAULT_MODEL_CONFIG, validateModelConfig, type ModelConfig } from '../pipeline/model/config.js';
import { parseChoice, parseInteger, parseNumber } from './parse-options.js';

export const BACKENDS: readonly BackendPreference[] = ['auto', 'tensorflow', 'wasm', 'cpu'];

export interface ModelFlags {
  backend: string;
  featureDim?: string;
  hiddenDim?: string;
  heads?: string;
  iterations?: string;
  seed?: string;
  modelDir?: string;
  timeout?: string;
}

/** Adds --backend, --feature-dim, --hidden-dim, --heads, --iterations, --seed, --model-dir, --timeout. */
export function addModelOptions(command: Command): Command {
  const d = DEFAULT_MODEL_CONFIG;
  return command
    .option('--backend <name>', `tfjs backend: ${BACKENDS.join('|')} (auto: tensorflow if installed, else wasm, else cpu)`, 'auto')
    .option('--feature-dim <n>', `model feature dimension (default ${d.featureDim})`)
    .option('--hidden-dim <n>', `model hidden dimension (default ${d.hiddenDim})`)
    .option('--heads <n>', `attention heads; must divide --hidden-dim (default ${d.heads})`)
    .option('--iterations <n>', `refinement iterations of the network (default ${d.iterations})`)
    .option('--seed <n>', `weight seed (default ${d.seed})`)
    .option('--model-dir <dir>', 'load a saved model (model.json + weights.bin) instead of seeded weights')
    .option('--timeout <ms>', 'per-instruction time limit; a slower instruction is reported as failed');
}

/** Turns the parsed flags into a bridge configuration (ConfigError on a bad value). */
export function bridgeConfigFrom(flags: ModelFlags): BridgeConfig {
  const model: Partial<ModelConfig> = {};
  if (flags.featureDim !== undefined) model.featureDim = parseInteger('--feature-dim', flags.featureDim, 4, 1024);
  if (flags.hiddenDim !== undefined) model.hiddenDim = parseInteger('--hidden-dim', flags.hiddenDim, 4, 1024);
  if (flags.heads !== undefined) model.heads = parseInteger('--heads', flags.heads, 1, 256);
  if (flags.iterations !== undefined) model.iterations = parseInteger('--iterations', flags.iterations, 0, 16);
  if (flags.seed !== undefined) model.seed = parseInteger('--seed', flags.seed, 0, 2 ** 31 - 1);
  return {
    backend: parseChoice('--backend', flags.backend, BACKENDS),
    model: validateModelConfig(model),
    modelDir: flags.modelDir,
    timeoutMs: flags.timeout !== undefined ? parseNumber('--timeout', flags.timeout, 0.001, 3_600_000) : undefined,
  };
}
