/** The model stage of the GASM pipeline: backend selection, encoding, the network, and its saved form. */
export { initBackend, probeBackends, type BackendInfo, type BackendPreference } from './backend.js';
export { DEFAULT_MODEL_CONFIG, validateModelConfig, type ModelConfig } from './config.js';
export { encodeScenes, RAW_FEATURES, RELATION_CHANNELS, type EncodedBatch } from './encode.js';
export { ATTENTION_KINDS, DEFAULT_ATTENTION, GasmNetwork, type AttentionKind, type ModelOutput, type NetworkOptions } from './network.js';
export { MODEL_PRESETS, PRESET_NAMES, presetShape, type PresetName } from './presets.js';
export { WEIGHT_PRECISIONS, type WeightPrecision } from './quantize.js';
export { loadModel, readModelFolder, saveModel, MODEL_FORMAT, type ModelFolder, type ModelJson } from './weights-io.js';
