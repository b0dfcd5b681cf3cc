import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solveDamped } from '../../../src/pipeline/solve/normal-equations.js';

describe('solveDamped', () => {
  it('solves (A + μI) h = −g for a known SPD system', () => {
    // A + μI = [[4, 1, 0], [1, 3, 0], [0, 0, 2]] with μ = 1; h = (1, −1, 2) → g = −(3, −2, 4)
    const A = new Float64Array([3, 1, 0, 1, 2, 0, 0, 0, 1]);
    const g = new Float64Array([-3, 2, -4]);
    const h = new Float64Array(3);
    assert.equal(solveDamped(A, g, 1, 3, new Float64Array(9), new Int32Array(3), h), true);
    for (const [i, v] of [1, -1, 2].entries()) assert.ok(Math.abs(h[i] - v) < 1e-12);
    assert.deepEqual(Array.from(A), [3, 1, 0, 1, 2, 0, 0, 0, 1]);
  });

  it('matches a dense solve on a banded matrix with an isolated far coupling', () => {
    const n = 7;
    const A = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      A[i * n + i] = 4 + i;
      if (i > 0) A[i * n + i - 1] = A[(i - 1) * n + i] = -1;
    }
    A[6 * n + 1] = A[1 * n + 6] = 0.5;
    const x = [1, -2, 0.5, 3, -1, 2, 0.25];
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) g[i] -= A[i * n + j] * x[j];
    const h = new Float64Array(n);
    assert.equal(solveDamped(A, g, 0, n, new Float64Array(n * n), new Int32Array(n), h), true);
    for (let i = 0; i < n; i++) assert.ok(Math.abs(h[i] - x[i]) < 1e-12, `h[${i}] = ${h[i]}`);
  });

  it('reports an indefinite matrix instead of returning NaN', () => {
    const A = new Float64Array([1, 2, 2, 1]);
    assert.equal(solveDamped(A, new Float64Array([1, 1]), 0, 2, new Float64Array(4), new Int32Array(2), new Float64Array(2)), false);
  });
});
