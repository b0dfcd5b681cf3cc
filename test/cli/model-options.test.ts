import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/errors.js';
import { bridgeConfigFrom } from '../../src/cli/model-options.js';

test('pipeline flags become a bridge configuration; only the size flags given are set', () => {
  const c = bridgeConfigFrom({ backend: 'wasm', preset: 'seed', heads: '4', attention: 'folded', weights: 'int8', packing: 'off', cache: 'disk', cacheDir: '/tmp/c', cacheEntries: '50', timeout: '25' });
  assert.deepEqual(c, {
    backend: 'wasm',
    preset: 'seed',
    model: { heads: 4 },
    modelDir: undefined,
    attention: 'folded',
    weights: 'int8',
    packing: false,
    cache: { mode: 'disk', dir: '/tmp/c', maxEntries: 50 },
    timeoutMs: 25,
  });
  const plain = bridgeConfigFrom({ backend: 'auto' });
  assert.deepEqual(plain.model, {});
  assert.equal(plain.cache, undefined);
  assert.equal(plain.packing, undefined);
  assert.equal(bridgeConfigFrom({ backend: 'auto', packing: 'on' }).packing, true);
  assert.equal(bridgeConfigFrom({ backend: 'auto', cache: 'off' }).cache, undefined);
});

test('bad pipeline flags are ConfigErrors naming the flag', () => {
  const bad: [Record<string, string>, RegExp][] = [
    [{ preset: 'giant' }, /--preset must be one of tiny, default, seed, large, got 'giant'/],
    [{ attention: 'sparse' }, /--attention must be one of fused, folded/],
    [{ packing: 'yes' }, /--packing must be one of on, off, got 'yes'/],
    [{ weights: 'int4' }, /--weights must be one of float32, float16, int8/],
    [{ cache: 'redis' }, /--cache must be one of off, memory, disk/],
    [{ cache: 'disk' }, /--cache disk needs --cache-dir/],
    [{ cacheDir: '/tmp/x' }, /--cache-dir and --cache-entries need --cache/],
    [{ preset: 'seed', heads: '3' }, /--heads \(3\) must divide --hidden-dim \(256\)/],
    [{ timeout: '0' }, /--timeout must be a number from 0\.001/],
  ];
  for (const [flags, message] of bad) {
    assert.throws(() => bridgeConfigFrom({ backend: 'auto', ...flags }), (e: unknown) => e instanceof ConfigError && message.test(e.message), JSON.stringify(flags));
  }
});
