import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelError } from '../../../src/errors.js';
import { initBackend } from '../../../src/pipeline/model/backend.js';
import { DEFAULT_MODEL_CONFIG } from '../../../src/pipeline/model/config.js';
import { encodeScenes } from '../../../src/pipeline/model/encode.js';
import { GasmNetwork } from '../../../src/pipeline/model/network.js';
import { loadModel, saveModel, type ModelJson } from '../../../src/pipeline/model/weights-io.js';
import type { SceneSpec } from '../../../src/pipeline/types.js';
import { PACKAGE_ROOT } from '../../../src/version.js';
import { chainScene, maxDiff } from './helpers.js';

const FIXTURE = join(PACKAGE_ROOT, 'fixtures', 'model');
let dir: string;

before(async () => {
  await initBackend('cpu');
  dir = await mkdtemp(join(tmpdir(), 'gasm-model-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('save → load round-trip gives identical predictions', async () => {
  const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG, seed: 11 });
  const target = join(dir, 'round-trip');
  await saveModel(net, target);
  const json = JSON.parse(await readFile(join(target, 'model.json'), 'utf8')) as ModelJson;
  assert.equal(json.format, 'gasm-se3-attention');
  assert.deepEqual(json.modelTopology.config, net.config);
  assert.deepEqual(json.weightsManifest[0].paths, ['weights.bin']);
  const loaded = await loadModel(target);
  assert.deepEqual(loaded.config, net.config);
  const enc = encodeScenes([chainScene(3), chainScene(4)]);
  assert.deepEqual(loaded.predict(enc), net.predict(enc));
  net.dispose();
  loaded.dispose();
});

test('fixtures/model reproduces golden.json', async () => {
  const golden = JSON.parse(await readFile(join(FIXTURE, 'golden.json'), 'utf8')) as {
    scene: SceneSpec; positions: number[]; orientations: number[]; confidence: number[];
  };
  const net = await loadModel(FIXTURE);
  assert.deepEqual(net.config, { featureDim: 16, hiddenDim: 16, heads: 2, iterations: 1, seed: 7 });
  const out = net.predict(encodeScenes([golden.scene]));
  assert.ok(maxDiff(out.positions, golden.positions) < 1e-5);
  assert.ok(maxDiff(out.orientations, golden.orientations) < 1e-5);
  assert.ok(maxDiff(out.confidence, golden.confidence) < 1e-5);
  // The saved weights are the seeded ones: a fresh network with the same config agrees.
  const fresh = new GasmNetwork(net.config);
  assert.deepEqual(fresh.predict(encodeScenes([golden.scene])), out);
  net.dispose();
  fresh.dispose();
});

/** Copies the fixture model into a fresh folder, lets `edit` damage it, and returns the load error. */
async function loadBroken(name: string, edit: (folder: string) => Promise<void>): Promise<unknown> {
  const folder = join(dir, name);
  await mkdir(folder, { recursive: true });
  await copyFile(join(FIXTURE, 'model.json'), join(folder, 'model.json'));
  await copyFile(join(FIXTURE, 'weights.bin'), join(folder, 'weights.bin'));
  await edit(folder);
  try {
    await loadModel(folder);
  } catch (error) {
    return error;
  }
  assert.fail(`${name}: loadModel should have thrown`);
}

async function editJson(folder: string, change: (json: ModelJson & Record<string, unknown>) => void): Promise<void> {
  const path = join(folder, 'model.json');
  const json = JSON.parse(await readFile(path, 'utf8'));
  change(json);
  await writeFile(path, JSON.stringify(json));
}

test('bad model files throw ModelError naming the file and the problem', async () => {
  const cases: [string, (folder: string) => Promise<void>, RegExp][] = [
    ['missing-json', (f) => rm(join(f, 'model.json')), /model\.json: cannot read the model description \(missing file\)/],
    ['missing-bin', (f) => rm(join(f, 'weights.bin')), /weights\.bin: cannot read the weights \(missing file\)/],
    ['bad-json', (f) => writeFile(join(f, 'model.json'), '{"format": '), /model\.json: not valid JSON/],
    ['wrong-format', (f) => editJson(f, (j) => { (j as Record<string, unknown>).format = 'keras'; }), /format must be 'gasm-se3-attention'/],
    ['bad-config', (f) => editJson(f, (j) => { j.modelTopology.config.heads = 3; }), /model\.json: model heads \(3\) must divide hiddenDim/],
    ['no-config-field', (f) => editJson(f, (j) => { delete (j.modelTopology.config as Partial<typeof j.modelTopology.config>).seed; }), /config\.seed is missing/],
    ['wrong-shape', (f) => editJson(f, (j) => { j.weightsManifest[0].weights[0].shape = [16, 16]; }), /weight 'embed\/kernel' has shape \[16,16\], expected \[\d+, 16\]/],
    ['extra-weight', (f) => editJson(f, (j) => { j.weightsManifest[0].weights[0].name = 'mystery'; }), /unexpected weight "mystery"/],
    ['missing-weight', (f) => editJson(f, (j) => { j.weightsManifest[0].weights.pop(); }), /weight 'confidence\/bias' is missing from the manifest/],
    ['bad-path', (f) => editJson(f, (j) => { j.weightsManifest[0].paths = ['../../etc/passwd']; }), /paths must be \['weights\.bin'\]/],
    ['short-bin', (f) => writeFile(join(f, 'weights.bin'), new Uint8Array(100)), /weights\.bin: holds 100 bytes, the manifest needs \d+/],
    ['nan-weight', async (f) => {
      const bin = await readFile(join(f, 'weights.bin'));
      new DataView(bin.buffer, bin.byteOffset).setFloat32(0, Number.NaN, true);
      await writeFile(join(f, 'weights.bin'), bin);
    }, /weights\.bin: weight 'embed\/kernel' has a non-finite value at index 0/],
  ];
  for (const [name, edit, message] of cases) {
    const error = await loadBroken(name, edit);
    assert.ok(error instanceof ModelError, `${name}: got ${String(error)}`);
    assert.match((error as Error).message, message, name);
  }
});
