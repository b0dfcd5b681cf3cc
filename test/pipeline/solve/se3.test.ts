import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quatFromAxisAngle, quatMultiply, quatNormalize, quatRotate } from '../../../src/pipeline/solve/quaternion.js';
import { se3Exp, se3Log, so3Exp, so3Log, so3RightJacobianInverse } from '../../../src/pipeline/solve/se3.js';

const close = (actual: ArrayLike<number>, expected: ArrayLike<number>, eps = 1e-10): void => {
  for (let i = 0; i < expected.length; i++) assert.ok(Math.abs(actual[i] - expected[i]) <= eps, `[${i}] ${actual[i]} vs ${expected[i]}`);
};

describe('so3', () => {
  it('exp of (0, 0, π/2) is 90° about z', () => {
    const q = new Float64Array(4);
    so3Exp(q, 0, 0, 0, Math.PI / 2);
    close(q, [Math.SQRT1_2, 0, 0, Math.SQRT1_2]);
  });

  it('log of 90° about x is (π/2, 0, 0); q and −q have the same log', () => {
    const q = new Float64Array(4);
    quatFromAxisAngle(q, 0, 0, Math.PI / 2);
    const w = new Float64Array(3);
    so3Log(w, 0, q, 0);
    close(w, [Math.PI / 2, 0, 0]);
    so3Log(w, 0, [-q[0], -q[1], -q[2], -q[3]], 0);
    close(w, [Math.PI / 2, 0, 0]);
  });

  it('exp(log(q)) = q for rotations from tiny to near π', () => {
    const q = new Float64Array(4);
    const back = new Float64Array(4);
    const w = new Float64Array(3);
    for (const angle of [0, 1e-9, 1e-5, 0.3, 2, 3.1]) {
      quatNormalize(q, 0, [Math.cos(angle / 2), 0.48 * Math.sin(angle / 2), -0.6 * Math.sin(angle / 2), 0.64 * Math.sin(angle / 2)], 0);
      so3Log(w, 0, q, 0);
      assert.ok(Math.abs(Math.hypot(w[0], w[1], w[2]) - angle) < 1e-9);
      so3Exp(back, 0, w[0], w[1], w[2]);
      close(back, q, 1e-12);
    }
  });

  it('J_r⁻¹ matches the finite difference of log(exp(φ) exp(δ))', () => {
    const phi = [0.4, -0.7, 1.1];
    const jinv = new Float64Array(9);
    so3RightJacobianInverse(jinv, 0, phi[0], phi[1], phi[2]);
    const base = new Float64Array(4);
    so3Exp(base, 0, phi[0], phi[1], phi[2]);
    const d = new Float64Array(4);
    const q = new Float64Array(4);
    const plus = new Float64Array(3);
    const minus = new Float64Array(3);
    const h = 1e-6;
    for (let j = 0; j < 3; j++) {
      so3Exp(d, 0, j === 0 ? h : 0, j === 1 ? h : 0, j === 2 ? h : 0);
      quatMultiply(q, 0, base, 0, d, 0);
      so3Log(plus, 0, q, 0);
      so3Exp(d, 0, j === 0 ? -h : 0, j === 1 ? -h : 0, j === 2 ? -h : 0);
      quatMultiply(q, 0, base, 0, d, 0);
      so3Log(minus, 0, q, 0);
      for (let i = 0; i < 3; i++) assert.ok(Math.abs((plus[i] - minus[i]) / (2 * h) - jinv[i * 3 + j]) < 1e-7);
    }
  });
});

describe('se3', () => {
  it('exp of a pure translation twist is that translation', () => {
    const p = new Float64Array(3);
    const q = new Float64Array(4);
    se3Exp(p, 0, q, 0, [0.1, -2, 3, 0, 0, 0], 0);
    close(p, [0.1, -2, 3]);
    close(q, [1, 0, 0, 0]);
  });

  it('exp of (ρ = (1, 0, 0), ω = (0, 0, π/2)) sweeps a quarter circle: t = (2/π, 2/π, 0)', () => {
    const p = new Float64Array(3);
    const q = new Float64Array(4);
    se3Exp(p, 0, q, 0, [1, 0, 0, 0, 0, Math.PI / 2], 0);
    close(p, [2 / Math.PI, 2 / Math.PI, 0]);
    const v = new Float64Array(3);
    quatRotate(v, 0, q, 0, 1, 0, 0);
    close(v, [0, 1, 0]);
  });

  it('log inverts exp, including small rotations', () => {
    for (const xi of [
      [0.3, -0.2, 0.5, 0.4, 0.1, -0.9],
      [1, 2, 3, 1e-7, 0, 0],
      [-0.5, 0, 0.2, 0, 2.5, 0],
    ]) {
      const p = new Float64Array(3);
      const q = new Float64Array(4);
      const back = new Float64Array(6);
      se3Exp(p, 0, q, 0, xi, 0);
      se3Log(back, 0, p, 0, q, 0);
      close(back, xi, 1e-9);
    }
  });
});
