import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../../src/errors.js';
import { createSolver, solveScene, type SolveInput, type SolveResult } from '../../../src/pipeline/solve/index.js';
import type { Constraint, ConstraintParameters, ConstraintType, Entity, Vec3 } from '../../../src/pipeline/types.js';

const TOL = 1e-3;
const ANG = 1e-2;
const SMALL: Vec3 = [0.05, 0.05, 0.05];
const LARGE: Vec3 = [0.1, 0.1, 0.1];

const entity = (name: string, halfExtents: Vec3, grounded = false): Entity => ({ name, kind: 'box', category: 'object', halfExtents, grounded });
const rel = (type: ConstraintType, subject: string, targets: string[], parameters: ConstraintParameters = {}): Constraint => ({
  type, subject, targets, parameters, source: '',
});

function scene(entities: Entity[], constraints: Constraint[], positions: number[], orientations?: number[]): SolveInput {
  const quats = orientations ?? entities.flatMap(() => [1, 0, 0, 0]);
  return { entities, constraints, positions: new Float64Array(positions), orientations: new Float64Array(quats) };
}

/** Box geometry of entity i in the result. */
function box(result: SolveResult, input: SolveInput, i: number) {
  const p = [result.positions[i * 3], result.positions[i * 3 + 1], result.positions[i * 3 + 2]];
  const h = input.entities[i].halfExtents;
  return { p, h, min: p.map((v, k) => v - h[k]), max: p.map((v, k) => v + h[k]) };
}

/** Column k of the rotation matrix of quaternion i of the result (the entity's local axis k in world coordinates). */
function localAxis(result: SolveResult, i: number, k: number): number[] {
  const [w, x, y, z] = Array.from(result.orientations.subarray(i * 4, i * 4 + 4));
  const m = [
    [1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y)],
    [2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x)],
    [2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)],
  ];
  return [m[0][k], m[1][k], m[2][k]];
}

const dot = (a: number[], b: number[]) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: number[], b: number[]) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: number[]) => Math.hypot(a[0], a[1], a[2]);

/** Implicit terms hold: nothing below ground, no pair (other than exempt ones) overlapping by more than `eps`. */
function assertImplicit(result: SolveResult, input: SolveInput, exempt: [number, number][] = [], eps = 1e-4): void {
  const n = input.entities.length;
  for (let i = 0; i < n; i++) assert.ok(box(result, input, i).min[2] >= -eps, `entity ${i} below ground`);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (exempt.some(([a, b]) => (a === i && b === j) || (a === j && b === i))) continue;
      const A = box(result, input, i), B = box(result, input, j);
      const depth = Math.min(...[0, 1, 2].map((k) => Math.min(A.max[k], B.max[k]) - Math.max(A.min[k], B.min[k])));
      assert.ok(depth <= eps, `entities ${i} and ${j} overlap by ${depth}`);
    }
  }
  assert.ok(result.implicitViolations.ground <= eps && result.implicitViolations.interpenetration <= eps);
}

function assertFiniteUnit(result: SolveResult): void {
  assert.ok(result.positions.every(Number.isFinite), 'positions finite');
  assert.ok(result.orientations.every(Number.isFinite), 'orientations finite');
  for (let i = 0; i < result.orientations.length / 4; i++) {
    const q = result.orientations.subarray(i * 4, i * 4 + 4);
    assert.ok(Math.abs(Math.hypot(...q) - 1) < 1e-12 && q[0] >= 0);
  }
  assert.ok(Number.isFinite(result.rmsResidual));
}

/** Solves a violating two- or three-entity scene, checks the reported outcome and the implicit terms. */
function solveViolating(input: SolveInput, exempt: [number, number][] = []): SolveResult {
  const before = solveScene(input, { maxIterations: 0 });
  assert.equal(before.constraints[0].satisfied, false, 'the initial poses must violate the constraint');
  const result = solveScene(input);
  assertFiniteUnit(result);
  assert.ok(result.constraints.every((c) => c.satisfied), `unsatisfied: ${JSON.stringify(result.constraints)}`);
  assertImplicit(result, input, exempt);
  return result;
}

const AB = [entity('a', SMALL), entity('b', LARGE)];
const APART = [0.4, 0.3, 0.05, 0, 0, 0.1];

describe('solveScene: each constraint type, from violating poses', () => {
  it('above(a, [b], d = 0.05): bottom of a ≥ top of b + d, centre of a over b', () => {
    const input = scene(AB, [rel('above', 'a', ['b'], { distance: 0.05 })], APART);
    const r = solveViolating(input);
    const a = box(r, input, 0), b = box(r, input, 1);
    assert.ok(a.min[2] >= b.max[2] + 0.05 - TOL);
    assert.ok(Math.abs(a.p[0] - b.p[0]) <= b.h[0] + TOL && Math.abs(a.p[1] - b.p[1]) <= b.h[1] + TOL);
  });

  it('above(a, [], d = 0.3): bottom of a ≥ 0.3', () => {
    const input = scene(AB, [rel('above', 'a', [], { distance: 0.3 })], APART);
    const r = solveViolating(input);
    assert.ok(box(r, input, 0).min[2] >= 0.3 - TOL);
  });

  it('below(a, [b]): top of a ≤ bottom of b, a under b', () => {
    const input = scene(AB, [rel('below', 'a', ['b'])], [0.4, 0.3, 0.05, 0, 0, 0.1]);
    const r = solveViolating(input);
    const a = box(r, input, 0), b = box(r, input, 1);
    assert.ok(a.max[2] <= b.min[2] + TOL);
    assert.ok(Math.abs(a.p[0] - b.p[0]) <= b.h[0] + TOL && Math.abs(a.p[1] - b.p[1]) <= b.h[1] + TOL);
  });

  it('on(a, [b]): a rests on b (bottom = top within tolerance), centre over b', () => {
    const input = scene(AB, [rel('on', 'a', ['b'])], APART);
    const r = solveViolating(input);
    const a = box(r, input, 0), b = box(r, input, 1);
    assert.ok(Math.abs(a.min[2] - b.max[2]) <= TOL);
    assert.ok(Math.abs(a.p[0] - b.p[0]) <= b.h[0] + TOL && Math.abs(a.p[1] - b.p[1]) <= b.h[1] + TOL);
  });

  it('on(a, [b]) with a floor-standing b: b stays on the floor', () => {
    const ents = [entity('a', SMALL), entity('table', [0.6, 0.4, 0.375], true)];
    const input = scene(ents, [rel('on', 'a', ['table'])], [1.2, 0.3, 0.05, 0, 0, 0.375]);
    const r = solveViolating(input);
    assert.ok(Math.abs(box(r, input, 1).min[2]) <= TOL);
    assert.ok(Math.abs(box(r, input, 0).min[2] - 0.75) <= TOL);
  });

  const sides: [ConstraintType, number, number][] = [
    ['left', 0, -1],
    ['right', 0, 1],
    ['front', 1, -1],
    ['behind', 1, 1],
  ];
  for (const [type, k, s] of sides) {
    it(`${type}(a, [b], d = 0.1): a's box wholly on the ${s < 0 ? '−' : '+'}${'xy'[k]} side of b's, 0.1 away`, () => {
      // Start on the wrong side.
      const pos = [0, 0, 0.05, 0, 0, 0.1];
      pos[k] = -s * 0.3;
      const input = scene(AB, [rel(type, 'a', ['b'], { distance: 0.1 })], pos);
      const r = solveViolating(input);
      const a = box(r, input, 0), b = box(r, input, 1);
      if (s < 0) assert.ok(a.max[k] + 0.1 <= b.min[k] + TOL);
      else assert.ok(a.min[k] >= b.max[k] + 0.1 - TOL);
    });
    it(`${type}(a, []): a's centre at least 0.1 m on the ${s < 0 ? '−' : '+'}${'xy'[k]} side of the origin`, () => {
      const pos = [0.5, 0.5, 0.05, -0.5, -0.5, 0.1];
      pos[k] = -s * 0.2;
      const input = scene(AB, [rel(type, 'a', [])], pos);
      const r = solveViolating(input);
      assert.ok(s * r.positions[k] >= 0.1 - TOL);
    });
  }

  it('near(a, [b]): the gap between the boxes ≤ 0.15 m', () => {
    const input = scene(AB, [rel('near', 'a', ['b'])], [2, -1, 0.05, 0, 0, 0.1]);
    const r = solveViolating(input);
    const a = box(r, input, 0), b = box(r, input, 1);
    const gap = Math.hypot(...[0, 1, 2].map((k) => Math.max(0, a.min[k] - b.max[k], b.min[k] - a.max[k])));
    assert.ok(gap <= 0.15 + TOL);
  });

  it('far(a, [b]): the gap between the boxes ≥ 0.5 m', () => {
    const input = scene(AB, [rel('far', 'a', ['b'])], [0.2, 0.05, 0.05, 0, 0, 0.1]);
    const r = solveViolating(input);
    const a = box(r, input, 0), b = box(r, input, 1);
    const gap = Math.hypot(...[0, 1, 2].map((k) => Math.max(0, a.min[k] - b.max[k], b.min[k] - a.max[k])));
    assert.ok(gap >= 0.5 - TOL);
  });

  it('far between two floor-standing pallets (flat boxes that start overlapping) moves them apart across the ground, never lifts one', () => {
    // 'Place pallet 3 at least 50 cm from pallet 4': the thinnest overlap is along z (2 × 7 cm), and a gap taken
    // along z lifted a pallet 213 mm off the floor while the far bound stayed 0.21 m short.
    const PALLET: Vec3 = [0.6, 0.5, 0.07];
    for (const d of [0.5, 2]) {
      const input = scene([entity('p3', PALLET, true), entity('p4', PALLET, true)], [rel('far', 'p3', ['p4'], { distance: d })], [0.3, 0, 0.07, -0.3, 0.01, 0.07]);
      const r = solveViolating(input);
      const a = box(r, input, 0), b = box(r, input, 1);
      for (const x of [a, b]) assert.ok(Math.abs(x.min[2]) <= TOL, `a pallet rests ${x.min[2]} m off the floor`);
      const gap = Math.hypot(...[0, 1].map((k) => Math.max(0, a.min[k] - b.max[k], b.min[k] - a.max[k])));
      assert.ok(gap >= d - TOL, `gap across the floor ${gap} < ${d}`);
    }
  });

  it('distance(a, [b], 0.4): centres 0.4 m apart', () => {
    const input = scene(AB, [rel('distance', 'a', ['b'], { distance: 0.4 })], [1, 0.5, 0.05, 0, 0, 0.1]);
    const r = solveViolating(input);
    const a = box(r, input, 0), b = box(r, input, 1);
    assert.ok(Math.abs(norm([0, 1, 2].map((k) => a.p[k] - b.p[k])) - 0.4) <= TOL);
  });

  it('distance(a, [b], 0.3, axis x): p_a.x − p_b.x = 0.3', () => {
    const input = scene(AB, [rel('distance', 'a', ['b'], { distance: 0.3, axis: 'x' })], [-0.4, 0.5, 0.05, 0, 0, 0.1]);
    const r = solveViolating(input);
    assert.ok(Math.abs(r.positions[0] - r.positions[3] - 0.3) <= TOL);
  });

  it('touching(a, [b]): zero gap and no overlap', () => {
    const input = scene(AB, [rel('touching', 'a', ['b'])], [0.6, 0.4, 0.05, 0, 0, 0.1]);
    const r = solveViolating(input);
    const a = box(r, input, 0), b = box(r, input, 1);
    const sep = Math.max(...[0, 1, 2].map((k) => Math.abs(a.p[k] - b.p[k]) - (a.h[k] + b.h[k])));
    assert.ok(Math.abs(sep) <= TOL);
  });

  it('inside(a, [b]): a within b on every axis (the pair is exempt from non-interpenetration)', () => {
    const ents = [entity('a', SMALL), entity('bin', [0.3, 0.2, 0.15])];
    const input = scene(ents, [rel('inside', 'a', ['bin'])], [0.8, 0.5, 0.05, 0, 0, 0.15]);
    const r = solveViolating(input, [[0, 1]]);
    const a = box(r, input, 0), b = box(r, input, 1);
    for (let k = 0; k < 3; k++) assert.ok(a.min[k] >= b.min[k] - TOL && a.max[k] <= b.max[k] + TOL);
  });

  it('outside(a, [b]): the boxes do not overlap', () => {
    const input = scene(AB, [rel('outside', 'a', ['b'])], [0.02, 0.01, 0.05, 0, 0, 0.1]);
    const r = solveViolating(input);
    const a = box(r, input, 0), b = box(r, input, 1);
    const sep = Math.max(...[0, 1, 2].map((k) => Math.abs(a.p[k] - b.p[k]) - (a.h[k] + b.h[k])));
    assert.ok(sep >= -TOL);
  });

  it('between(a, [b, c]): seen from above, a on the segment joining b and c, its box overlapping the height the two span', () => {
    const ents = [entity('a', SMALL), entity('b', LARGE), entity('c', LARGE)];
    const input = scene(ents, [rel('between', 'a', ['b', 'c'])], [0.3, 0.6, 0.9, -0.6, 0, 0.1, 0.6, 0, 0.1]);
    const r = solveViolating(input);
    const ab = box(r, input, 0), bb = box(r, input, 1), cb = box(r, input, 2);
    const a = ab.p, b = bb.p, c = cb.p;
    const seg = [0, 1].map((k) => c[k] - b[k]);
    const t = Math.min(1, Math.max(0, ((a[0] - b[0]) * seg[0] + (a[1] - b[1]) * seg[1]) / (seg[0] ** 2 + seg[1] ** 2)));
    assert.ok(t > 0 && t < 1);
    assert.ok(Math.hypot(a[0] - b[0] - t * seg[0], a[1] - b[1] - t * seg[1]) <= TOL);
    // It started above both references: it is brought down to overlap them in height, not left floating.
    assert.ok(a[2] - ab.h[2] <= Math.max(b[2] + bb.h[2], c[2] + cb.h[2]) + TOL);
    assert.ok(a[2] + ab.h[2] >= Math.min(b[2] - bb.h[2], c[2] - cb.h[2]) - TOL);
  });

  it('between(a, [b, c]) for a subject taller than both references, all on one support: it rests on it between them', () => {
    const ents = [entity('s', [0.5, 0.2, 0.02], true), entity('a', [0.1, 0.02, 0.12]), entity('b', [0.02, 0.02, 0.05]), entity('c', [0.02, 0.02, 0.05])];
    const cons = [rel('between', 'a', ['b', 'c']), rel('on', 'a', ['s']), rel('on', 'b', ['s']), rel('on', 'c', ['s'])];
    const input = scene(ents, cons, [0, 0, 0.02, 0.1, 0.05, 0.3, -0.3, 0, 0.2, 0.3, 0.05, 0.2]);
    const r = solveViolating(input);
    const ab = box(r, input, 1), bb = box(r, input, 2), cb = box(r, input, 3), sb = box(r, input, 0);
    for (const x of [ab, bb, cb]) assert.ok(Math.abs(x.min[2] - (sb.p[2] + sb.h[2])) <= TOL, `bottom at ${x.min[2]}`);
    const b = bb.p, c = cb.p, a = ab.p;
    const seg = [c[0] - b[0], c[1] - b[1]];
    const t = ((a[0] - b[0]) * seg[0] + (a[1] - b[1]) * seg[1]) / (seg[0] ** 2 + seg[1] ** 2);
    assert.ok(t > 0 && t < 1 && Math.hypot(a[0] - b[0] - t * seg[0], a[1] - b[1] - t * seg[1]) <= TOL);
  });

  it('between(a, [b, c]) with tall references: a floor-standing subject stays on the floor between them', () => {
    const ents = [entity('a', [0.6, 0.5, 0.07], true), entity('b', [0.5, 0.3, 0.9], true), entity('c', [0.5, 0.3, 0.9], true)];
    const input = scene(ents, [rel('between', 'a', ['b', 'c'])], [1.5, 0.2, 0.07, -0.2, 0.9, 0.9, 0.2, -0.9, 0.9]);
    const r = solveViolating(input);
    const a = box(r, input, 0), b = box(r, input, 1).p, c = box(r, input, 2).p;
    assert.ok(Math.abs(a.min[2]) <= TOL, `bottom at ${a.min[2]}`);
    const seg = [c[0] - b[0], c[1] - b[1]];
    const t = ((a.p[0] - b[0]) * seg[0] + (a.p[1] - b[1]) * seg[1]) / (seg[0] ** 2 + seg[1] ** 2);
    assert.ok(t > 0 && t < 1 && Math.hypot(a.p[0] - b[0] - t * seg[0], a.p[1] - b[1] - t * seg[1]) <= TOL);
  });

  it('angle(a, [], 90°): a is turned 90° about z, its local x pointing along world +y', () => {
    const input = scene(AB, [rel('angle', 'a', [], { angle: Math.PI / 2 })], APART);
    const r = solveViolating(input);
    const x = localAxis(r, 0, 0);
    assert.ok(Math.acos(Math.min(1, x[1])) <= ANG);
    assert.ok(Math.acos(Math.min(1, localAxis(r, 0, 2)[2])) <= ANG);
  });

  it('angle(a, [b], 0.5 rad about x): q_b⁻¹ q_a is 0.5 rad about x', () => {
    const s = Math.sin(0.3), c = Math.cos(0.3);
    const input = scene(AB, [rel('angle', 'a', ['b'], { angle: 0.5, axis: 'x' })], APART, [1, 0, 0, 0, c, 0, 0, s]);
    const r = solveViolating(input);
    const q = r.orientations;
    // relative = q_b* ⊗ q_a
    const [bw, bx, by, bz] = [q[4], -q[5], -q[6], -q[7]];
    const [aw, ax, ay, az] = [q[0], q[1], q[2], q[3]];
    const relative = [bw * aw - bx * ax - by * ay - bz * az, bw * ax + bx * aw + by * az - bz * ay, bw * ay - bx * az + by * aw + bz * ax, bw * az + bx * ay - by * ax + bz * aw];
    const target = [Math.cos(0.25), Math.sin(0.25), 0, 0];
    const angle = 2 * Math.acos(Math.min(1, Math.abs(dot4(relative, target))));
    assert.ok(angle <= ANG, `angle off by ${angle}`);
  });

  it('aligned(a, [b], axis x): equal y and z of the centres', () => {
    const input = scene(AB, [rel('aligned', 'a', ['b'], { axis: 'x' })], [0.5, 0.3, 0.05, 0, 0, 0.1]);
    const r = solveViolating(input);
    assert.ok(Math.abs(r.positions[1] - r.positions[4]) <= TOL && Math.abs(r.positions[2] - r.positions[5]) <= TOL);
  });

  it('aligned(a, [b]) without an axis: same orientation', () => {
    const s = Math.sin(0.4), c = Math.cos(0.4);
    const input = scene(AB, [rel('aligned', 'a', ['b'])], APART, [c, s, 0, 0, 1, 0, 0, 0]);
    const r = solveViolating(input);
    assert.ok(2 * Math.acos(Math.min(1, Math.abs(dot4(r.orientations.subarray(0, 4), r.orientations.subarray(4, 8))))) <= ANG);
  });

  it('parallel(a, [b]): local z axes parallel', () => {
    const s = Math.sin(0.5), c = Math.cos(0.5);
    const input = scene(AB, [rel('parallel', 'a', ['b'])], APART, [c, s, 0, 0, 1, 0, 0, 0]);
    const r = solveViolating(input);
    assert.ok(norm(cross(localAxis(r, 0, 2), localAxis(r, 1, 2))) <= Math.sin(ANG));
  });

  it('perpendicular(a, [b], axis y): local y axes at right angles', () => {
    const input = scene(AB, [rel('perpendicular', 'a', ['b'], { axis: 'y' })], APART);
    const r = solveViolating(input);
    assert.ok(Math.abs(dot(localAxis(r, 0, 1), localAxis(r, 1, 1))) <= Math.sin(ANG));
  });
});

function dot4(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3];
}

/** A chain of n boxes: 2k+1 on 2k, and each stack base left of the next; initial poses on a circle. */
function chain(n: number): SolveInput {
  const ents = Array.from({ length: n }, (_, i) => entity(`box_${i}`, SMALL));
  const cons: Constraint[] = [];
  for (let i = 1; i < n; i++) {
    cons.push(i % 2 === 1 ? rel('on', `box_${i}`, [`box_${i - 1}`]) : rel('left', `box_${i - 2}`, [`box_${i}`]));
  }
  const pos: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    pos.push(0.15 * n * Math.cos(t), 0.15 * n * Math.sin(t), 0.05);
  }
  return scene(ents, cons, pos);
}

describe('solveScene: whole scenes', () => {
  it('a crowded scene ends with no interpenetration and nothing below ground', () => {
    const n = 10;
    const ents = Array.from({ length: n }, (_, i) => entity(`o${i}`, i % 3 === 0 ? LARGE : SMALL));
    const pos: number[] = [];
    for (let i = 0; i < n; i++) pos.push(0.01 * i, -0.01 * i, i % 2 === 0 ? -0.05 : 0.05); // all piled up, some sunk
    const input = scene(ents, [rel('near', 'o1', ['o2']), rel('left', 'o3', ['o4']), rel('on', 'o5', ['o0'])], pos);
    const r = solveScene(input);
    assertFiniteUnit(r);
    assertImplicit(r, input);
    assert.ok(r.constraints.every((c) => c.satisfied));
  });

  it('contradictory constraints (a above b, b above a) end finite with satisfied: false', () => {
    const input = scene(AB, [rel('above', 'a', ['b']), rel('above', 'b', ['a'])], APART);
    const r = solveScene(input);
    assertFiniteUnit(r);
    assert.ok(r.constraints.some((c) => !c.satisfied));
    assert.ok(r.iterations <= 100);
  });

  it('a 64-entity chain of on/left constraints converges with every constraint satisfied', () => {
    const input = chain(64);
    const r = solveScene(input);
    assertFiniteUnit(r);
    assert.equal(r.converged, true);
    assert.equal(r.constraints.length, 63);
    assert.ok(r.constraints.every((c) => c.satisfied));
    assertImplicit(r, input);
    // Check the geometry of the chain directly: base 2k left of base 2k+2, box 2k+1 resting on box 2k.
    for (let i = 0; i + 2 < 64; i += 2) assert.ok(box(r, input, i).max[0] <= box(r, input, i + 2).min[0] + TOL);
    for (let i = 1; i < 64; i += 2) assert.ok(Math.abs(box(r, input, i).min[2] - box(r, input, i - 1).max[2]) <= TOL);
  });

  it('NaN and infinite initial poses give finite output that satisfies the constraints', () => {
    const input = scene(AB, [rel('on', 'a', ['b'])], [NaN, 0, 0.05, Infinity, 0, 0.1], [NaN, 0, 0, 0, 0, 0, 0, 0]);
    const r = solveScene(input);
    assertFiniteUnit(r);
    assert.deepEqual(Array.from(r.orientations), [1, 0, 0, 0, 1, 0, 0, 0]);
    assert.ok(r.constraints[0].satisfied);
    assertImplicit(r, input);
  });

  it('constraints already satisfied: no iteration, poses unchanged', () => {
    const input = scene(AB, [rel('left', 'a', ['b'])], [-0.5, 0, 0.05, 0, 0, 0.1]);
    const r = solveScene(input);
    assert.equal(r.iterations, 0);
    assert.deepEqual(Array.from(r.positions), [-0.5, 0, 0.05, 0, 0, 0.1]);
    assert.equal(r.rmsResidual, 0);
  });

  it('quaternions are normalised on entry and returned with w ≥ 0', () => {
    const input = scene(AB, [], APART, [-2, 0, 0, 0, 0, 0, 0, 3]);
    const r = solveScene(input);
    assert.deepEqual(Array.from(r.orientations), [1, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('accepts Float32Array poses (the network output)', () => {
    const input = scene(AB, [rel('above', 'a', ['b'])], APART);
    const r = solveScene({ ...input, positions: new Float32Array(APART), orientations: new Float32Array([1, 0, 0, 0, 1, 0, 0, 0]) });
    assert.ok(r.constraints[0].satisfied);
  });

  it('maxIterations bounds the work', () => {
    const r = solveScene(chain(16), { maxIterations: 2 });
    assert.ok(r.iterations <= 2);
    assert.equal(r.converged, false);
    assertFiniteUnit(r);
  });

  it('throws InputError for an unknown entity name or constraint type, and for missing pose numbers', () => {
    assert.throws(() => solveScene(scene(AB, [rel('above', 'a', ['ghost'])], APART)), InputError);
    assert.throws(() => solveScene(scene(AB, [rel('above', 'nobody', ['b'])], APART)), InputError);
    assert.throws(() => solveScene(scene(AB, [rel('hovering' as ConstraintType, 'a', ['b'])], APART)), InputError);
    assert.throws(() => solveScene({ ...scene(AB, [], APART), positions: new Float64Array(3) }), InputError);
  });
});

describe('createSolver', () => {
  it('reusing one solver (after a larger scene grew its buffers) gives the same result as a fresh solve', () => {
    const small = scene([entity('a', SMALL), entity('b', LARGE), entity('c', SMALL)], [
      rel('above', 'a', ['b']),
      rel('angle', 'c', [], { angle: 0.3 }),
      rel('near', 'c', ['b']),
    ], [0.4, 0.3, 0.05, 0, 0, 0.1, -1, 0.5, 0.05]);
    const fresh = solveScene(small);
    const solver = createSolver();
    const first = solver.solve(small);
    solver.solve(chain(32));
    const again = solver.solve(small);
    assert.deepEqual(first, fresh);
    assert.deepEqual(again, fresh);
  });

  it('per-call options override the solver defaults', () => {
    const solver = createSolver({ maxIterations: 0 });
    const input = scene(AB, [rel('above', 'a', ['b'])], APART);
    assert.equal(solver.solve(input).constraints[0].satisfied, false);
    assert.equal(solver.solve(input, { maxIterations: 50 }).constraints[0].satisfied, true);
  });
});

describe('solveScene: random scenes (property)', () => {
  it('any mix of constraints over 2–6 entities, with arbitrary initial numbers, gives finite unit output', async () => {
    const fc = await import('fast-check');
    const types = ['above', 'below', 'left', 'right', 'front', 'behind', 'near', 'far', 'angle', 'distance', 'aligned', 'parallel', 'perpendicular', 'touching', 'inside', 'outside', 'between', 'on'] as const;
    const num = fc.oneof(fc.double({ min: -3, max: 3, noNaN: true }), fc.constantFrom(NaN, Infinity, -Infinity, 0));
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            pos: fc.array(num, { minLength: n * 3, maxLength: n * 3 }),
            quat: fc.array(num, { minLength: n * 4, maxLength: n * 4 }),
            cons: fc.array(fc.record({ t: fc.constantFrom(...types), s: fc.nat(n - 1), a: fc.nat(n - 1), b: fc.nat(n - 1), world: fc.boolean(), axis: fc.constantFrom(undefined, 'x', 'y', 'z') }), { maxLength: 6 }),
          }),
        ),
        ({ n, pos, quat, cons }) => {
          const ents = Array.from({ length: n }, (_, i) => entity(`e${i}`, i % 2 === 0 ? SMALL : LARGE, i === 1));
          const constraints = cons.map((c) =>
            rel(c.t, `e${c.s}`, c.world ? [] : c.t === 'between' ? [`e${c.a}`, `e${c.b}`] : [`e${c.a}`], c.axis ? { axis: c.axis as 'x' | 'y' | 'z', angle: 0.7 } : { angle: 0.7 }),
          );
          const r = solveScene(scene(ents, constraints, pos, quat));
          assertFiniteUnit(r);
          assert.equal(r.constraints.length, constraints.length);
          assert.ok(r.iterations <= 100);
          for (const c of r.constraints) assert.ok(Number.isFinite(c.residual) && c.residual >= 0);
        },
      ),
      { numRuns: 150, seed: 20240607 },
    );
  });
});
