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
    ['missing-json', (f) => rm(join(f, 'model.json')), /cannot read model description \S*model\.json: no such file/],
    ['missing-bin', (f) => rm(join(f, 'weights.bin')), /cannot read model weights \S*weights\.bin: no such file/],
    ['json-is-folder', async (f) => { await rm(join(f, 'model.json')); await mkdir(join(f, 'model.json')); }, /model\.json: it is a folder/],
    ['bin-is-folder', async (f) => { await rm(join(f, 'weights.bin')); await mkdir(join(f, 'weights.bin')); }, /weights\.bin: it is a folder/],
    ['long-bin', async (f) => writeFile(join(f, 'weights.bin'), Buffer.concat([await readFile(join(f, 'weights.bin')), Buffer.alloc(8)])), /weights\.bin: larger than the \d+ bytes the manifest needs/],
    ['not-object', (f) => writeFile(join(f, 'model.json'), '[1, 2]'), /model\.json: expected a JSON object/],
    ['duplicate-weight', (f) => editJson(f, (j) => { j.weightsManifest[0].weights.push({ ...j.weightsManifest[0].weights[0] }); }), /weight 'embed\/kernel' appears twice/],
    ['string-in-shape', (f) => editJson(f, (j) => { (j.weightsManifest[0].weights[0].shape as unknown[]) = ['53', 16]; }), /shape must be a list of positive integers, got \["53",16\]/],
    ['zero-in-shape', (f) => editJson(f, (j) => { j.weightsManifest[0].weights[0].shape = [0, 16]; }), /shape must be a list of positive integers/],
    ['unknown-quantization', (f) => editJson(f, (j) => { (j.weightsManifest[0].weights[0] as Record<string, unknown>).quantization = { dtype: 'int4' }; }), /unsupported quantization dtype "int4"/],
    ['uint8-without-scale', (f) => editJson(f, (j) => { (j.weightsManifest[0].weights[0] as Record<string, unknown>).quantization = { dtype: 'uint8', min: 0 }; }), /uint8 quantization needs a finite positive scale/],
    ['mixed-precision', (f) => editJson(f, (j) => { (j.weightsManifest[0].weights[0] as Record<string, unknown>).quantization = { dtype: 'float16' }; }), /mix precisions/],
    ['string-dtype', (f) => editJson(f, (j) => { (j.weightsManifest[0].weights[1] as Record<string, unknown>).dtype = 'string'; }), /weight 'embed\/bias' must have dtype float32/],
    ['unknown-entry-field', (f) => editJson(f, (j) => { (j.weightsManifest[0].weights[1] as Record<string, unknown>).offset = 4; }), /weight 'embed\/bias': unknown field 'offset'/],
    ['two-groups', (f) => editJson(f, (j) => { j.weightsManifest.push(j.weightsManifest[0]); }), /exactly one group/],
    ['bad-json', (f) => writeFile(join(f, 'model.json'), '{"format": '), /model\.json: not valid JSON/],
    ['wrong-format', (f) => editJson(f, (j) => { (j as Record<string, unknown>).format = 'keras'; }), /format must be 'gasm-se3-attention'/],
    ['bad-config', (f) => editJson(f, (j) => { j.modelTopology.config.heads = 3; }), /model\.json: model heads \(3\) must divide hiddenDim/],
    ['no-config-field', (f) => editJson(f, (j) => { delete (j.modelTopology.config as Partial<typeof j.modelTopology.config>).seed; }), /config\.seed is missing/],
    ['wrong-shape', (f) => editJson(f, (j) => { j.weightsManifest[0].weights[0].shape = [16, 16]; }), /weight 'embed\/kernel' has shape \[16, 16\], expected \[\d+, 16\]/],
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

test('float16 and int8 weights are stored quantized, reload to the same network, and stay close to float32', async () => {
  const full = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG, seed: 3 });
  const enc = encodeScenes([chainScene(3), chainScene(4)]);
  const reference = full.predict(enc);
  const binSize = async (folder: string) => (await readFile(join(folder, 'weights.bin'))).byteLength;
  await saveModel(full, join(dir, 'q-float32'));
  const floatBytes = await binSize(join(dir, 'q-float32'));
  for (const [precision, bytesPer, drift] of [['float16', 2, 1e-2], ['int8', 1, 0.2]] as const) {
    const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG, seed: 3 }, undefined, { precision });
    assert.equal(net.precision, precision);
    assert.equal(net.storedBytes(), (floatBytes / 4) * bytesPer);
    const folder = join(dir, `q-${precision}`);
    await saveModel(net, folder);
    assert.equal(await binSize(folder), (floatBytes / 4) * bytesPer);
    const json = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8')) as ModelJson;
    for (const entry of json.weightsManifest[0].weights) {
      assert.equal(entry.dtype, 'float32');
      if (precision === 'float16') assert.deepEqual(entry.quantization, { dtype: 'float16' });
      else {
        assert.equal(entry.quantization?.dtype, 'uint8');
        assert.ok(Number.isFinite(entry.quantization?.scale) && (entry.quantization?.scale ?? 0) > 0);
        assert.ok(Number.isFinite(entry.quantization?.min));
      }
    }
    const loaded = await loadModel(folder);
    assert.equal(loaded.precision, precision);
    const out = net.predict(enc);
    assert.deepEqual(loaded.predict(enc), out, `${precision}: the reloaded network computes the same`);
    const d = maxDiff(out.positions, reference.positions);
    assert.ok(d > 0 && d < drift, `${precision}: position drift ${d}`);
    // Zero biases stay exactly zero under int8 (0 is a grid point).
    assert.ok(Array.from(net.weights().get('embed/bias')?.dataSync() ?? []).every((v) => v === 0));
    net.dispose();
    loaded.dispose();
  }
  // A float32 folder loaded at int8 is re-quantized.
  const requant = await loadModel(join(dir, 'q-float32'), { precision: 'int8' });
  assert.equal(requant.precision, 'int8');
  assert.ok(maxDiff(requant.predict(enc).positions, reference.positions) > 0);
  requant.dispose();
  full.dispose();
});

test('readModelFolder records the absolute path and a sha256 of both files', async () => {
  const { readModelFolder } = await import('../../../src/pipeline/model/weights-io.js');
  const a = await readModelFolder(FIXTURE);
  assert.match(a.sha256, /^[0-9a-f]{64}$/);
  assert.equal(a.path, FIXTURE);
  assert.equal(a.precision, 'float32');
  const folder = join(dir, 'hash-copy');
  await mkdir(folder, { recursive: true });
  await copyFile(join(FIXTURE, 'model.json'), join(folder, 'model.json'));
  const bin = await readFile(join(FIXTURE, 'weights.bin'));
  bin[bin.length - 1] ^= 1;
  await writeFile(join(folder, 'weights.bin'), bin);
  const b = await readModelFolder(folder);
  assert.notEqual(b.sha256, a.sha256);
});
