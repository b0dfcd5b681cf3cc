import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  quatConjMultiply,
  quatConjugate,
  quatFromAxisAngle,
  quatMultiply,
  quatMultiplyConj,
  quatNormalize,
  quatRotate,
  quatToMatrix,
} from '../../../src/pipeline/solve/quaternion.js';

const close = (actual: ArrayLike<number>, expected: ArrayLike<number>, eps = 1e-12): void => {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) assert.ok(Math.abs(actual[i] - expected[i]) <= eps, `[${i}] ${actual[i]} vs ${expected[i]}`);
};

describe('quaternion', () => {
  it('90° about z maps x to y and y to −x', () => {
    const q = new Float64Array(4);
    quatFromAxisAngle(q, 0, 2, Math.PI / 2);
    close(q, [Math.SQRT1_2, 0, 0, Math.SQRT1_2]);
    const v = new Float64Array(3);
    quatRotate(v, 0, q, 0, 1, 0, 0);
    close(v, [0, 1, 0]);
    quatRotate(v, 0, q, 0, 0, 1, 0);
    close(v, [-1, 0, 0]);
  });

  it('90° about x maps y to z; the rotation matrix agrees with quatRotate', () => {
    const q = new Float64Array(4);
    quatFromAxisAngle(q, 0, 0, Math.PI / 2);
    const v = new Float64Array(3);
    quatRotate(v, 0, q, 0, 0, 1, 0);
    close(v, [0, 0, 1]);
    const r = new Float64Array(9);
    const g = [0.3, -0.5, 0.2, 0.7];
    quatNormalize(q, 0, g, 0);
    quatToMatrix(r, 0, q, 0);
    quatRotate(v, 0, q, 0, 0.4, -1.2, 2.5);
    close(v, [r[0] * 0.4 - r[1] * 1.2 + r[2] * 2.5, r[3] * 0.4 - r[4] * 1.2 + r[5] * 2.5, r[6] * 0.4 - r[7] * 1.2 + r[8] * 2.5]);
  });

  it('composes: two 45° turns about z make 90°, and q ⊗ q* is the identity', () => {
    const a = new Float64Array(4);
    const out = new Float64Array(4);
    quatFromAxisAngle(a, 0, 2, Math.PI / 4);
    quatMultiply(out, 0, a, 0, a, 0);
    close(out, [Math.SQRT1_2, 0, 0, Math.SQRT1_2]);
    quatMultiplyConj(out, 0, a, 0, a, 0);
    close(out, [1, 0, 0, 0]);
    quatConjMultiply(out, 0, a, 0, a, 0);
    close(out, [1, 0, 0, 0]);
  });

  it('a ⊗ b applies b first: rotate x by 90° about z, then by 90° about x → z', () => {
    const qz = new Float64Array(4);
    const qx = new Float64Array(4);
    const q = new Float64Array(4);
    quatFromAxisAngle(qz, 0, 2, Math.PI / 2);
    quatFromAxisAngle(qx, 0, 0, Math.PI / 2);
    quatMultiply(q, 0, qx, 0, qz, 0);
    const v = new Float64Array(3);
    quatRotate(v, 0, q, 0, 1, 0, 0);
    close(v, [0, 0, 1]);
  });

  it('conjugate inverts a rotation, and conj-multiply variants match the explicit product', () => {
    const a = new Float64Array(4);
    const b = new Float64Array(4);
    quatNormalize(a, 0, [0.9, 0.1, -0.3, 0.2], 0);
    quatNormalize(b, 0, [0.2, 0.8, 0.1, -0.5], 0);
    const ac = new Float64Array(4);
    const bc = new Float64Array(4);
    quatConjugate(ac, 0, a, 0);
    quatConjugate(bc, 0, b, 0);
    const expected = new Float64Array(4);
    const actual = new Float64Array(4);
    quatMultiply(expected, 0, ac, 0, b, 0);
    quatConjMultiply(actual, 0, a, 0, b, 0);
    close(actual, expected);
    quatMultiply(expected, 0, a, 0, bc, 0);
    quatMultiplyConj(actual, 0, a, 0, b, 0);
    close(actual, expected);
  });

  it('normalises to unit length with w ≥ 0, and falls back to the identity for zero or NaN', () => {
    const q = new Float64Array(4);
    assert.equal(quatNormalize(q, 0, [-2, 0, 0, 2], 0), true);
    close(q, [Math.SQRT1_2, 0, 0, -Math.SQRT1_2]);
    assert.equal(quatNormalize(q, 0, [0, 0, 0, 0], 0), false);
    close(q, [1, 0, 0, 0]);
    assert.equal(quatNormalize(q, 0, [NaN, 1, 0, 0], 0), false);
    close(q, [1, 0, 0, 0]);
  });
});
