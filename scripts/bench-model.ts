/**
 * Milliseconds per GasmNetwork.predict (encode excluded) for B ∈ {1, 10, 100} scenes × N ∈ {3, 16, 64} entities,
 * on the wasm and cpu backends, default model config. Median of repeated runs after a warm-up; each case runs
 * for about MIN_CASE_MS (at least MIN_REPS runs).
 * Run: node --import tsx scripts/bench-model.ts [backend …]
 */
import { initBackend, type BackendPreference } from '../src/pipeline/model/backend.js';
import { DEFAULT_MODEL_CONFIG } from '../src/pipeline/model/config.js';
import { encodeScenes } from '../src/pipeline/model/encode.js';
import { GasmNetwork } from '../src/pipeline/model/network.js';
import type { SceneSpec } from '../src/pipeline/types.js';

const BATCHES = [1, 10, 100];
const SIZES = [3, 16, 64];
const WARMUP = 5;
const MIN_REPS = 3;
const MIN_CASE_MS = 1000;

function scene(n: number): SceneSpec {
  const entities = Array.from({ length: n }, (_, i) => ({
    name: `box_${i}`, kind: 'box', category: 'object' as const, halfExtents: [0.05, 0.05, 0.05] as [number, number, number], grounded: false,
  }));
  const constraints = entities.slice(1).map((e, i) => ({ type: 'above' as const, subject: entities[i].name, targets: [e.name], parameters: {}, source: '' }));
  return { instruction: '', entities, constraints, warnings: [] };
}

const backends = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['wasm', 'cpu']) as BackendPreference[];
process.stdout.write(`config ${JSON.stringify(DEFAULT_MODEL_CONFIG)}\nbackend     B    N   ms/predict   µs/scene   runs\n`);
for (const backend of backends) {
  await initBackend(backend);
  const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG });
  for (const B of BATCHES) {
    for (const N of SIZES) {
      const encoded = encodeScenes(Array.from({ length: B }, () => scene(N)));
      for (let i = 0; i < WARMUP; i++) net.predict(encoded);
      const times: number[] = [];
      const start = performance.now();
      while (times.length < MIN_REPS || performance.now() - start < MIN_CASE_MS) {
        const t0 = performance.now();
        net.predict(encoded);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      process.stdout.write(
        `${backend.padEnd(8)} ${String(B).padStart(4)} ${String(N).padStart(4)} ${median.toFixed(3).padStart(12)} ${((median * 1000) / B).toFixed(1).padStart(10)} ${String(times.length).padStart(6)}\n`,
      );
    }
  }
  net.dispose();
}
