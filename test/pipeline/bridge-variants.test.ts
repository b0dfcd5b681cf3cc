/** The bridge's switchable variants: attention, packing, presets, weights, cache, batch passes, saved-model settings. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBridge, type GasmBridge } from '../../src/pipeline/bridge.js';
import type { GasmResponse } from '../../src/pipeline/types.js';
import { PACKAGE_ROOT } from '../../src/version.js';

const FIXTURE = join(PACKAGE_ROOT, 'fixtures', 'model');
const TEXTS = ['place the red box above the blue cube', 'put the cup on the table', 'stack 3 boxes on the table', 'place the cube left of the sphere'];
let dir: string;
const open: GasmBridge[] = [];

async function bridgeWith(config: Parameters<typeof createBridge>[0]): Promise<GasmBridge> {
  const b = await createBridge({ backend: 'wasm', ...config });
  open.push(b);
  return b;
}

function maxPoseDiff(a: GasmResponse, b: GasmResponse): number {
  let worst = 0;
  for (const [name, pose] of Object.entries(a.targetPoses)) {
    const other = b.targetPoses[name];
    assert.ok(other, `entity ${name} in both`);
    for (let k = 0; k < 3; k++) worst = Math.max(worst, Math.abs(pose.position[k] - other.position[k]));
    for (let k = 0; k < 4; k++) worst = Math.max(worst, Math.abs(pose.orientation[k] - other.orientation[k]));
  }
  return worst;
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gasm-bridge-'));
});
after(async () => {
  for (const b of open) b.dispose();
  await rm(dir, { recursive: true, force: true });
});

test('fused and folded attention give the same responses within 1e-4, at the default size and the seed preset', async () => {
  for (const preset of ['default', 'seed'] as const) {
    const fused = await bridgeWith({ preset, attention: 'fused' });
    const folded = await bridgeWith({ preset, attention: 'folded' });
    assert.equal(fused.describe().attention, 'fused');
    assert.equal(folded.describe().attention, 'folded');
    const a = fused.processBatch(TEXTS);
    const b = folded.processBatch(TEXTS);
    for (let i = 0; i < TEXTS.length; i++) {
      assert.equal(a[i].success, b[i].success, TEXTS[i]);
      assert.ok(maxPoseDiff(a[i], b[i]) < 1e-4, `${preset}: ${TEXTS[i]}`);
      assert.ok(Math.abs(a[i].confidence - b[i].confidence) < 1e-4);
    }
  }
});

test('packed and padded passes give the same responses within 1e-4; packing is the default and is described', async () => {
  const packed = await bridgeWith({});
  const padded = await bridgeWith({ packing: false });
  assert.equal(packed.describe().packing, true);
  assert.equal(padded.describe().packing, false);
  // Mostly two-entity scenes with a few of one and three: packed two per row.
  const texts = [...TEXTS, 'move robot left', 'place the gear between the two brackets', 'put the mug below the lamp', 'set the box 20 cm from the cube', 'put the bottle next to the can'];
  const a = packed.processBatch(texts);
  const b = padded.processBatch(texts);
  for (let i = 0; i < texts.length; i++) {
    assert.equal(a[i].success, b[i].success, texts[i]);
    assert.ok(maxPoseDiff(a[i], b[i]) < 1e-4, texts[i]);
    assert.ok(Math.abs(a[i].confidence - b[i].confidence) < 1e-4, texts[i]);
  }
});

test('fused attention is the default; presets set the size and explicit fields override them', async () => {
  const seed = await bridgeWith({ preset: 'seed', model: { iterations: 1 } });
  const d = seed.describe();
  assert.equal(d.attention, 'fused');
  assert.equal(d.preset, 'seed');
  assert.deepEqual({ ...d.model, seed: 0 }, { featureDim: 256, hiddenDim: 256, heads: 8, iterations: 1, seed: 0 });
  await assert.rejects(createBridge({ backend: 'wasm', preset: 'huge' as never }), /unknown model preset 'huge' \(choose tiny\|default\|seed\|large\)/);
});

test('int8 and float16 weights: smaller, poses close to float32, and the description says so', async () => {
  const full = await bridgeWith({});
  const reference = full.processBatch(TEXTS);
  for (const [weights, factor] of [['float16', 2], ['int8', 4]] as const) {
    const q = await bridgeWith({ weights });
    assert.equal(q.describe().weights.precision, weights);
    assert.equal(q.describe().weights.bytes * factor, full.describe().weights.bytes);
    const out = q.processBatch(TEXTS);
    for (let i = 0; i < TEXTS.length; i++) assert.equal(out[i].success, reference[i].success, TEXTS[i]);
  }
});

test('memory cache: a hit returns the same poses and constraints, counted; repeats within a batch are computed once', async () => {
  const cached = await bridgeWith({ cache: 'memory' });
  const plain = await bridgeWith({});
  const first = cached.processBatch(TEXTS);
  assert.deepEqual(cached.cacheStats(), { mode: 'memory', hits: 0, misses: 4, hitRate: 0, entries: 4, evictions: 0, diskHits: 0 });
  const second = cached.processBatch([...TEXTS, TEXTS[0], TEXTS[0]]);
  const stats = cached.cacheStats();
  assert.equal(stats.hits, 6);
  assert.equal(stats.misses, 4);
  assert.equal(stats.hitRate, 0.6);
  assert.equal(cached.batchStats().last.networkPasses, 0, 'all hits: the network was not called');
  for (let i = 0; i < TEXTS.length; i++) {
    assert.deepEqual(second[i].targetPoses, first[i].targetPoses);
    assert.deepEqual(second[i].constraints, first[i].constraints);
    assert.equal(second[i].timings.inferenceMs, 0);
  }
  // A hit equals what an uncached bridge computes.
  assert.deepEqual(plain.process(TEXTS[1]).targetPoses, second[1].targetPoses);
  // Repeats inside one call: one computation, the repeats served as hits with the same poses.
  const fresh = await bridgeWith({ cache: 'memory' });
  const rows = fresh.processBatch([TEXTS[2], TEXTS[2], TEXTS[2]]);
  assert.equal(fresh.batchStats().last.scenes, 1);
  assert.deepEqual(fresh.cacheStats().hits, 2);
  assert.deepEqual(rows[1].targetPoses, rows[0].targetPoses);
  // Cached responses cannot be altered through a returned response.
  assert.throws(() => {
    (second[0].targetPoses[Object.keys(second[0].targetPoses)[0]].position as number[])[0] = 99;
  }, TypeError);
});

test('disk cache: a second bridge on the same folder hits with the same poses; names are hashes; corrupt entries are misses', async () => {
  const folder = join(dir, 'cache');
  const a = await bridgeWith({ cache: { mode: 'disk', dir: folder } });
  const first = a.processBatch(TEXTS.slice(0, 2));
  const files = (await readdir(folder)).sort();
  assert.equal(files.length, 2);
  for (const f of files) assert.match(f, /^[0-9a-f]{64}\.json$/);
  const b = await bridgeWith({ cache: { mode: 'disk', dir: folder } });
  const again = b.processBatch(TEXTS.slice(0, 2));
  assert.equal(b.cacheStats().diskHits, 2);
  assert.deepEqual(again[0].targetPoses, first[0].targetPoses);
  assert.deepEqual(again[1].constraints, first[1].constraints);
  // A damaged entry is a miss (recomputed, rewritten), never an error.
  await writeFile(join(folder, files[0]), '{"key": "not this one"');
  await writeFile(join(folder, files[1]), JSON.stringify({ key: 'x'.repeat(64), value: {} }));
  const c = await bridgeWith({ cache: { mode: 'disk', dir: folder } });
  const third = c.processBatch(TEXTS.slice(0, 2));
  assert.equal(c.cacheStats().hits, 0);
  assert.equal(third[0].success, first[0].success);
  // A different configuration never shares entries.
  const other = await bridgeWith({ cache: { mode: 'disk', dir: folder }, model: { seed: 9 } });
  other.processBatch(TEXTS.slice(0, 2));
  assert.equal(other.cacheStats().hits, 0);
  assert.equal((await readdir(folder)).length, 4);
});

test('a batch is one network pass unless maxChunk says otherwise, and the passes are recorded', async () => {
  const b = await bridgeWith({});
  const texts = Array.from({ length: 300 }, (_, i) => TEXTS[i % TEXTS.length]);
  b.processBatch(texts);
  assert.deepEqual(b.batchStats().last, { instructions: 300, scenes: 300, networkPasses: 1, largestPass: 300 });
  const chunked = await bridgeWith({ maxChunk: 100 });
  chunked.processBatch(texts);
  assert.deepEqual(chunked.batchStats().last, { instructions: 300, scenes: 300, networkPasses: 3, largestPass: 100 });
  assert.equal(chunked.batchStats().networkPasses, 3);
  assert.equal(chunked.describe().maxChunk, 100);
});

test('a saved model: size settings beside it are reported as ignored; its path and sha256 are recorded', async () => {
  const b = await bridgeWith({ modelDir: FIXTURE, preset: 'seed', model: { hiddenDim: 64 } });
  const d = b.describe();
  assert.deepEqual(d.warnings, ['ignored with a saved model (it carries its own size): preset, hiddenDim']);
  assert.equal(d.modelDir?.path, FIXTURE);
  assert.match(d.modelDir?.sha256 ?? '', /^[0-9a-f]{64}$/);
  assert.equal(d.model.hiddenDim, 16);
  assert.equal(d.preset, null);
});

test('huge finite weights giving non-finite outputs fail the instruction with a clear error', async () => {
  const folder = join(dir, 'huge');
  await mkdir(folder, { recursive: true });
  await copyFile(join(FIXTURE, 'model.json'), join(folder, 'model.json'));
  const bin = await readFile(join(FIXTURE, 'weights.bin'));
  const values = new Float32Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  for (let i = 0; i < values.length; i++) values[i] = values[i] === 0 ? 1e30 : Math.sign(values[i]) * 1e30;
  await writeFile(join(folder, 'weights.bin'), new Uint8Array(values.buffer));
  const b = await bridgeWith({ modelDir: folder });
  const [r] = b.processBatch(['place the red box above the blue cube']);
  assert.equal(r.success, false);
  assert.match(r.error ?? '', /the network gave a non-finite (confidence|position|orientation) \((NaN|-?Infinity)\) for '\w+'/);
});

test('a network whose weights would not fit in memory is refused before anything is allocated', async () => {
  await assert.rejects(
    createBridge({ backend: 'wasm', model: { hiddenDim: 1024, heads: 256, iterations: 16 }, attention: 'folded' }),
    /folded network \(hidden 1024, 256 heads, 16 iterations\) needs about [\d.]+ GiB for its weights, over the 2\.0 GiB limit: use attention=fused/,
  );
});
