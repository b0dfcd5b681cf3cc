import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixed, interval, mib, ms, pct, sig3, times, whole, withInterval } from '../../src/format/numbers.js';

test('missing and non-finite figures print as "-"', () => {
  for (const f of [fixed, whole, sig3, pct, mib, times]) {
    assert.equal(f(Number.NaN), '-');
    assert.equal(f(null), '-');
    assert.equal(f(undefined), '-');
    assert.equal(f(Number.POSITIVE_INFINITY), '-');
  }
});

test('three significant digits below 100, separators above', () => {
  assert.equal(sig3(0.052345), '0.0523');
  assert.equal(sig3(1.2549), '1.25');
  assert.equal(ms(31.24), '31.2');
  assert.equal(sig3(23065.4), '23,065');
  assert.equal(whole(1234567.8), '1,234,568');
  assert.equal(pct(0.9234), '92.3%');
  assert.equal(times(1.956), '1.96×');
});

test('a figure is printed beside its own interval in the same format', () => {
  assert.equal(withInterval(23065, [22900.2, 23310.7], whole), '23,065 [22,900, 23,311]');
  assert.equal(withInterval(0.391, [0.378, 0.4071]), '0.391 [0.378, 0.407]');
  assert.equal(withInterval(1.5, null), '1.5', 'no interval: the figure alone');
  assert.equal(withInterval(1.5, [Number.NaN, 2]), '1.5');
  assert.equal(withInterval(Number.NaN, [1, 2]), '-');
  assert.equal(interval([1, 2], (x) => x.toFixed(1)), '[1.0, 2.0]');
});

test('bytes are shown in binary units labelled as such (MiB = 2^20 bytes, not MB)', () => {
  assert.equal(mib(3 * 2 ** 20), '3.0 MiB');
  assert.equal(mib(25_024_576), '23.9 MiB', 'the audit case: 25,024,576 B is 23.9 MiB (25.0 MB)');
  assert.equal(mib(157.3e6), '150.0 MiB');
  assert.equal(mib(1.5 * 2 ** 20, 2), '1.50 MiB');
});
