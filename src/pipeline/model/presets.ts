/**
 * Named model sizes (`--preset`). Explicit size flags override a preset's fields; the seed is never part of a
 * preset. `seed` is the performance guide's model: feature 256, hidden 256, 8 heads.
 */
import { ConfigError } from '../../errors.js';
import { DEFAULT_MODEL_CONFIG, type ModelConfig } from './config.js';

/** The shape fields a preset sets. */
export type ModelShape = Omit<ModelConfig, 'seed'>;

export const MODEL_PRESETS = {
  /** The smallest useful network: one iteration, two heads. */
  tiny: { featureDim: 16, hiddenDim: 16, heads: 2, iterations: 1 },
  /** The default: fast, op dispatch rather than arithmetic dominates a forward pass. */
  default: {
    featureDim: DEFAULT_MODEL_CONFIG.featureDim,
    hiddenDim: DEFAULT_MODEL_CONFIG.hiddenDim,
    heads: DEFAULT_MODEL_CONFIG.heads,
    iterations: DEFAULT_MODEL_CONFIG.iterations,
  },
  /** The seed performance guide's model (feature 256, hidden 256, 8 heads). */
  seed: { featureDim: 256, hiddenDim: 256, heads: 8, iterations: 2 },
  /** Twice the guide's width and iterations: arithmetic-bound on every backend. */
  large: { featureDim: 512, hiddenDim: 512, heads: 8, iterations: 4 },
} as const satisfies Record<string, ModelShape>;

export type PresetName = keyof typeof MODEL_PRESETS;
export const PRESET_NAMES = Object.keys(MODEL_PRESETS) as PresetName[];

/** The shape of a named preset; ConfigError naming the choices for an unknown name. */
export function presetShape(name: string): ModelShape {
  if (!Object.prototype.hasOwnProperty.call(MODEL_PRESETS, name)) {
    throw new ConfigError(`unknown model preset '${name}' (choose ${PRESET_NAMES.join('|')})`);
  }
  return { ...MODEL_PRESETS[name as PresetName] };
}
