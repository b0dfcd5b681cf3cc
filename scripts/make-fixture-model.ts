/**
 * Writes fixtures/model/: a small seeded model (featureDim 16, hiddenDim 16, heads 2, iterations 1, seed 7) and
 * golden.json, its outputs on the cpu backend for a hand-built scene (two boxes, one 'above').
 * Run: node --import tsx scripts/make-fixture-model.ts
 */
import { join } from 'node:path';
import { initBackend } from '../src/pipeline/model/backend.js';
import { encodeScenes } from '../src/pipeline/model/encode.js';
import { GasmNetwork } from '../src/pipeline/model/network.js';
import { saveModel } from '../src/pipeline/model/weights-io.js';
import { writeFileAtomic } from '../src/report/atomic-write.js';
import { PACKAGE_ROOT } from '../src/version.js';
import type { SceneSpec } from '../src/pipeline/types.js';

/** The fixture model's configuration. */
const FIXTURE_CONFIG = { featureDim: 16, hiddenDim: 16, heads: 2, iterations: 1, seed: 7 };

/** Two boxes, the red one above the blue one (golden.json repeats it, so tests need not rebuild it). */
function twoBoxesAbove(): SceneSpec {
  return {
    instruction: 'place the red box above the blue box',
    entities: [
      { name: 'red_box', kind: 'box', category: 'object', color: 'red', halfExtents: [0.05, 0.05, 0.05], grounded: false },
      { name: 'blue_box', kind: 'box', category: 'object', color: 'blue', halfExtents: [0.05, 0.05, 0.05], grounded: false },
    ],
    constraints: [{ type: 'above', subject: 'red_box', targets: ['blue_box'], parameters: {}, source: 'place the red box above the blue box' }],
    warnings: [],
  };
}

const dir = join(PACKAGE_ROOT, 'fixtures', 'model');
await initBackend('cpu');
const net = new GasmNetwork(FIXTURE_CONFIG);
await saveModel(net, dir);
const scene = twoBoxesAbove();
const out = net.predict(encodeScenes([scene]));
const golden = {
  backend: 'cpu',
  tolerance: 1e-5,
  scene,
  positions: Array.from(out.positions),
  orientations: Array.from(out.orientations),
  confidence: Array.from(out.confidence),
};
await writeFileAtomic(join(dir, 'golden.json'), JSON.stringify(golden, null, 2) + '\n');
net.dispose();
process.stdout.write(`wrote ${dir}/model.json, weights.bin, golden.json\n`);
