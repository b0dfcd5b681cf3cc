/** The model stage of the GASM pipeline: backend selection, encoding, the network, and its saved form. */
export { initBackend, probeBackends, type BackendInfo, type BackendPreference } from './backend.js';
export { DEFAULT_MODEL_CONFIG, validateModelConfig, type ModelConfig } from './config.js';
export { encodeScenes, RAW_FEATURES, RELATION_CHANNELS, type EncodedBatch } from './encode.js';
export { GasmNetwork, type ModelOutput } from './network.js';
export { loadModel, saveModel, MODEL_FORMAT, type ModelJson } from './weights-io.js';
