import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { medianInPlace, selectInPlace } from '../../src/stats/select.js';

describe('selectInPlace / medianInPlace (quickselect)', () => {
  it('finds every order statistic of a small array with ties', () => {
    const base = [5, 3, 3, 9, 1, 7, 3, 0, 9];
    const sorted = [...base].sort((a, b) => a - b);
    for (let k = 0; k < base.length; k++) assert.equal(selectInPlace([...base], k), sorted[k]);
  });

  it('agrees with sorting on random arrays, and partitions around k', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 200 }), fc.nat(), (xs, seed) => {
        const k = seed % xs.length;
        const a = [...xs];
        const sorted = [...xs].sort((x, y) => x - y);
        const value = selectInPlace(a, k);
        assert.equal(value, sorted[k]);
        for (let i = 0; i < k; i++) assert.ok(a[i] <= value);
        for (let i = k + 1; i < a.length; i++) assert.ok(a[i] >= value);
      }),
    );
  });

  it('medianInPlace is the type-7 median', () => {
    assert.equal(medianInPlace([4, 1, 3, 2]), 2.5);
    assert.equal(medianInPlace([9, 1, 5]), 5);
    assert.equal(medianInPlace([2, 2, 2, 8]), 2);
    assert.ok(Number.isNaN(medianInPlace([])));
    assert.equal(medianInPlace([5, 1, 3, 100, 100], 3), 3); // only the first 3 elements
  });
});
