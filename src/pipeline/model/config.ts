/** Size and seed of the GASM network, with the defaults chosen for speed and their validation. */
import { ConfigError } from '../../errors.js';

/** Shape of the network. Every field is an integer; `heads` divides `hiddenDim`. */
export interface ModelConfig {
  /** Width of the entity embedding made from the raw features (4..1024). */
  featureDim: number;
  /** Width of the attention stream (4..1024). */
  hiddenDim: number;
  /** Attention heads (1..hiddenDim, divides hiddenDim). */
  heads: number;
  /** Refinement iterations: attention + pose update rounds (0..16). */
  iterations: number;
  /** Seed of the weight initialisation (0..2^31−1). */
  seed: number;
}

/** Small and fast: a forward pass is dominated by op dispatch, not arithmetic, at these widths. */
export const DEFAULT_MODEL_CONFIG: Readonly<ModelConfig> = Object.freeze({
  featureDim: 32,
  hiddenDim: 32,
  heads: 4,
  iterations: 2,
  seed: 42,
});

const LIMITS: Record<keyof ModelConfig, [number, number]> = {
  featureDim: [4, 1024],
  hiddenDim: [4, 1024],
  heads: [1, 1024],
  iterations: [0, 16],
  seed: [0, 2 ** 31 - 1],
};

/** Fills defaults and checks every field; throws ConfigError naming the first bad field. */
export function validateModelConfig(c: Partial<ModelConfig>): ModelConfig {
  if (c === null || typeof c !== 'object') throw new ConfigError('model config must be an object');
  const out = { ...DEFAULT_MODEL_CONFIG };
  for (const key of Object.keys(LIMITS) as (keyof ModelConfig)[]) {
    const value = c[key];
    if (value === undefined) continue;
    const [lo, hi] = LIMITS[key];
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new ConfigError(`model ${key} must be an integer, got ${JSON.stringify(value)}`);
    }
    if (value < lo || value > hi) throw new ConfigError(`model ${key} must be in ${lo}..${hi}, got ${value}`);
    out[key] = value;
  }
  const unknown = Object.keys(c).filter((k) => !(k in LIMITS));
  if (unknown.length > 0) throw new ConfigError(`unknown model config field '${unknown[0]}'`);
  if (out.heads > out.hiddenDim || out.hiddenDim % out.heads !== 0) {
    throw new ConfigError(`model heads (${out.heads}) must divide hiddenDim (${out.hiddenDim})`);
  }
  return out;
}
