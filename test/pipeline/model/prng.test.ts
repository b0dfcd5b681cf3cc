import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrng, glorotUniform } from '../../../src/pipeline/model/prng.js';

test('same seed, same sequence; different seeds differ', () => {
  const a = createPrng(42);
  const b = createPrng(42);
  const c = createPrng(43);
  const sa = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(sa, Array.from({ length: 5 }, () => b.next()));
  assert.notDeepEqual(sa, Array.from({ length: 5 }, () => c.next()));
  assert.ok(sa.every((v) => v >= 0 && v < 1));
});

test('glorotUniform stays within √(6/(in+out)) and is centred', () => {
  const w = glorotUniform(createPrng(1), 30, 20);
  const limit = Math.sqrt(6 / 50);
  assert.equal(w.length, 600);
  let sum = 0;
  let max = 0;
  for (const v of w) {
    sum += v;
    max = Math.max(max, Math.abs(v));
  }
  assert.ok(max <= limit && max > 0.9 * limit);
  assert.ok(Math.abs(sum / w.length) < 0.05 * limit * 2);
});
