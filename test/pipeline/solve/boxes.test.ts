import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boxRelation, penetrationDepth, REL_AXIS, REL_GAP, REL_GAP_X, REL_SEPARATION, REL_SIGN_X, REL_SIZE } from '../../../src/pipeline/solve/boxes.js';

const H = new Float64Array([0.1, 0.1, 0.1, 0.2, 0.1, 0.05]);

describe('boxRelation', () => {
  it('separated on x and y: per-axis gaps, Euclidean gap, separation on the larger axis', () => {
    const P = new Float64Array([0, 0, 0.1, 0.6, -0.5, 0.1]);
    const out = new Float64Array(REL_SIZE);
    boxRelation(P, H, 0, 1, out, 0);
    // |Δx| = 0.6 − 0.3 = 0.3, |Δy| = 0.5 − 0.2 = 0.3, z overlaps
    assert.ok(Math.abs(out[REL_GAP_X] - 0.3) < 1e-12 && Math.abs(out[REL_GAP_X + 1] - 0.3) < 1e-12 && out[REL_GAP_X + 2] === 0);
    assert.ok(Math.abs(out[REL_GAP] - Math.hypot(0.3, 0.3)) < 1e-12);
    assert.deepEqual([out[REL_SIGN_X], out[REL_SIGN_X + 1]], [-1, 1]);
    assert.ok(Math.abs(out[REL_SEPARATION] - 0.3) < 1e-12);
  });

  it('overlapping: gap 0, negative separation on the axis of least penetration', () => {
    const P = new Float64Array([0, 0, 0.1, 0.25, 0.05, 0.1]);
    const out = new Float64Array(REL_SIZE);
    boxRelation(P, H, 0, 1, out, 0);
    assert.equal(out[REL_GAP], 0);
    assert.ok(Math.abs(out[REL_SEPARATION] - -0.05) < 1e-12); // x: 0.25 − 0.3
    assert.equal(out[REL_AXIS], 0);
    assert.ok(Math.abs(penetrationDepth(P, H, 0, 1) - 0.05) < 1e-12);
  });

  it('touching faces have zero penetration; the world origin is a point', () => {
    // Dyadic numbers so that the faces meet exactly: a's top at 0.75, b's bottom at 0.75.
    const Hd = new Float64Array([0.25, 0.25, 0.25, 0.5, 0.25, 0.125]);
    const P = new Float64Array([0, 0, 0.5, 0, 0, 0.875]);
    assert.equal(penetrationDepth(P, Hd, 0, 1), 0);
    const out = new Float64Array(REL_SIZE);
    boxRelation(P, Hd, 1, -1, out, 0);
    assert.equal(out[REL_GAP], 0.75); // z: 0.875 − 0.125; x, y contain the origin
  });
});
