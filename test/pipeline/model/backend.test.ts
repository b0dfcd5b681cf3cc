import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import { BackendError } from '../../../src/errors.js';
import { initBackend, probeBackends } from '../../../src/pipeline/model/backend.js';
import { DEFAULT_MODEL_CONFIG } from '../../../src/pipeline/model/config.js';
import { encodeScenes } from '../../../src/pipeline/model/encode.js';
import { GasmNetwork } from '../../../src/pipeline/model/network.js';
import { EXPECTED_AUTO_BACKEND, NATIVE_INSTALLED } from '../../helpers/expected-backend.js';
import { chainScene, maxDiff } from './helpers.js';

// auto picks the native backend when a tfjs-node package is installed, else wasm (asserted from what is installed).
test("initBackend('auto') settles on what is installed: tensorflow if a native package is, else wasm", async () => {
  const info = await initBackend('auto');
  if (info.warnings.length === 0) assert.equal(info.name, EXPECTED_AUTO_BACKEND);
  else assert.ok(NATIVE_INSTALLED && info.name === 'wasm', `a fallback warning only when the native package fails to load: ${info.warnings.join('; ')}`);
  assert.equal(info.requested, 'auto');
  assert.equal(tf.getBackend(), info.name);
  assert.equal(await initBackend('auto'), info, 'second call returns the settled result');
});

test("initBackend('tensorflow') throws BackendError naming the backend and the fix", { skip: NATIVE_INSTALLED ? 'a native tfjs package is installed here' : false }, async () => {
  await assert.rejects(initBackend('tensorflow'), (e: unknown) => {
    assert.ok(e instanceof BackendError);
    assert.match(e.message, /backend 'tensorflow' is not installed: npm install @tensorflow\/tfjs-node-gpu/);
    return true;
  });
});

test('the network runs on wasm and agrees with cpu', async () => {
  const enc = encodeScenes([chainScene(3), chainScene(5)]);
  await initBackend('cpu');
  const cpuNet = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG });
  const onCpu = cpuNet.predict(enc);
  cpuNet.dispose();
  await initBackend('wasm');
  assert.equal(tf.getBackend(), 'wasm');
  const net = new GasmNetwork({ ...DEFAULT_MODEL_CONFIG });
  const before = tf.memory().numTensors;
  const onWasm = net.predict(enc);
  assert.equal(tf.memory().numTensors, before);
  assert.ok(maxDiff(onWasm.positions, onCpu.positions) < 1e-4);
  assert.ok(maxDiff(onWasm.orientations, onCpu.orientations) < 1e-4);
  assert.ok(maxDiff(onWasm.confidence, onCpu.confidence) < 1e-4);
  net.dispose();
});

test('probeBackends reports all three and restores the active backend', async () => {
  await initBackend('cpu');
  const probes = await probeBackends();
  assert.deepEqual(probes.map((p) => p.name), ['tensorflow', 'wasm', 'cpu']);
  assert.deepEqual(probes.slice(1).map((p) => p.available), [true, true]);
  if (!NATIVE_INSTALLED) assert.match(probes[0].detail, /not installed/);
  assert.equal(tf.getBackend(), 'cpu');
});
