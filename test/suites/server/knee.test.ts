import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kneeIndex } from '../../../src/suites/server/knee.js';

describe('Kneedle knee', () => {
  it('finds where a flat (log) latency curve turns steep', () => {
    const xs = [0, 100, 200, 300, 400, 500, 600, 700, 800];
    const ys = [1, 1, 1.1, 1.2, 1.3, 1.5, 2, 20, 200].map(Math.log10);
    assert.equal(kneeIndex(xs, ys), 6);
  });

  it('on a linear scale, a last point orders of magnitude up pulls the knee to the point before it', () => {
    const xs = [0, 100, 200, 300, 400, 500, 600, 700, 800];
    const ys = [1, 1, 1.1, 1.2, 1.3, 1.5, 2, 20, 200];
    assert.equal(kneeIndex(xs, ys), 7);
  });

  it('reads points in order of x whatever order they come in', () => {
    const xs = [800, 0, 600, 700, 300];
    const ys = [200, 1, 2, 20, 1.2].map(Math.log10);
    assert.equal(kneeIndex(xs, ys), 2);
  });

  it('has no knee with fewer than three points, a flat curve or a concave one', () => {
    assert.equal(kneeIndex([1, 2], [1, 5]), null);
    assert.equal(kneeIndex([1, 2, 3], [4, 4, 4]), null);
    assert.equal(kneeIndex([0, 1, 2, 3], [0, 10, 12, 13]), null);
  });
});
