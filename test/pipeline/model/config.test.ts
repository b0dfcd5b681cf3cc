import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../../src/errors.js';
import { DEFAULT_MODEL_CONFIG, validateModelConfig } from '../../../src/pipeline/model/config.js';

test('empty config gives the defaults', () => {
  assert.deepEqual(validateModelConfig({}), { featureDim: 32, hiddenDim: 32, heads: 4, iterations: 2, seed: 42 });
  assert.deepEqual(validateModelConfig({}), { ...DEFAULT_MODEL_CONFIG });
});

test('given fields override the defaults', () => {
  assert.deepEqual(validateModelConfig({ hiddenDim: 64, heads: 8, iterations: 0 }), {
    featureDim: 32, hiddenDim: 64, heads: 8, iterations: 0, seed: 42,
  });
});

test('bad values throw ConfigError naming the field', () => {
  const cases: [object, RegExp][] = [
    [{ featureDim: 3 }, /featureDim must be in 4\.\.1024, got 3/],
    [{ hiddenDim: 2048 }, /hiddenDim must be in 4\.\.1024/],
    [{ featureDim: 16.5 }, /featureDim must be an integer/],
    [{ seed: '7' }, /seed must be an integer/],
    [{ iterations: 17 }, /iterations must be in 0\.\.16/],
    [{ iterations: -1 }, /iterations/],
    [{ hiddenDim: 30, heads: 4 }, /heads \(4\) must divide hiddenDim \(30\)/],
    [{ heads: 0 }, /heads must be in/],
    [{ depth: 3 }, /unknown model config field 'depth'/],
  ];
  for (const [input, message] of cases) {
    assert.throws(() => validateModelConfig(input as never), (e: unknown) => e instanceof ConfigError && message.test(e.message), JSON.stringify(input));
  }
});
