import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileProblem } from '../../../src/pipeline/solve/problem.js';
import { quatMultiply, quatNormalize } from '../../../src/pipeline/solve/quaternion.js';
import { constraintResidual, reportedResidual } from '../../../src/pipeline/solve/residuals.js';
import { so3Exp } from '../../../src/pipeline/solve/se3.js';
import { DEFAULT_SOLVE_OPTIONS } from '../../../src/pipeline/solve/types.js';
import { ROW_WIDTH, SolverWorkspace } from '../../../src/pipeline/solve/workspace.js';
import type { Constraint, ConstraintParameters, ConstraintType, Entity, Vec3 } from '../../../src/pipeline/types.js';

const entity = (name: string, halfExtents: Vec3): Entity => ({ name, kind: 'box', category: 'object', halfExtents, grounded: false });

/** A workspace holding one constraint over boxes a, b, c at generic poses (hinges active, away from kinks). */
function load(type: ConstraintType, targets: string[], parameters: ConstraintParameters, positions: number[], quats?: number[]): SolverWorkspace {
  const ws = new SolverWorkspace();
  const constraint: Constraint = { type, subject: 'a', targets, parameters, source: '' };
  compileProblem(
    ws,
    {
      entities: [entity('a', [0.05, 0.07, 0.04]), entity('b', [0.2, 0.15, 0.1]), entity('c', [0.1, 0.1, 0.1])],
      constraints: [constraint],
      positions: new Float64Array(positions),
      orientations: new Float64Array(quats ?? [0.9, 0.1, -0.2, 0.3, 0.8, -0.3, 0.4, 0.1, 1, 0, 0, 0]),
    },
    DEFAULT_SOLVE_OPTIONS,
  );
  return ws;
}

/** Central-difference Jacobian of constraint 0 w.r.t. the 6 unknowns of block `blk`, compared to the analytic one. */
function checkJacobian(ws: SolverWorkspace, label: string): void {
  const rows = constraintResidual(ws, 0, true, true);
  const analytic = ws.J.slice(0, rows * ROW_WIDTH);
  const blocks = Array.from(ws.blocks);
  ws.J.fill(0);
  const h = 1e-7;
  const saveQ = new Float64Array(4);
  const d = new Float64Array(4);
  for (let blk = 0; blk < 3; blk++) {
    const e = blocks[blk];
    if (e < 0) continue;
    for (let j = 0; j < 6; j++) {
      const values: number[][] = [];
      for (const sign of [1, -1]) {
        if (j < 3) ws.pos[e * 3 + j] += sign * h;
        else {
          saveQ.set(ws.quat.subarray(e * 4, e * 4 + 4));
          so3Exp(d, 0, j === 3 ? sign * h : 0, j === 4 ? sign * h : 0, j === 5 ? sign * h : 0);
          quatMultiply(ws.quat, e * 4, saveQ, 0, d, 0);
        }
        constraintResidual(ws, 0, true, false);
        values.push(Array.from(ws.r.slice(0, rows)));
        if (j < 3) ws.pos[e * 3 + j] -= sign * h;
        else ws.quat.set(saveQ, e * 4);
      }
      for (let row = 0; row < rows; row++) {
        const numeric = (values[0][row] - values[1][row]) / (2 * h);
        // Blocks of the same entity add up; compare against the sum over blocks that name e.
        let expected = 0;
        for (let b2 = 0; b2 < 3; b2++) if (blocks[b2] === e) expected += analytic[row * ROW_WIDTH + b2 * 6 + j];
        assert.ok(Math.abs(numeric - expected) < 1e-5, `${label}: row ${row}, block ${blk}, entry ${j}: numeric ${numeric} vs analytic ${expected}`);
      }
    }
  }
}

const P = [0.31, 0.23, 0.12, 0.02, -0.04, 0.3, -0.6, 0.5, 0.25];

describe('constraint residual Jacobians match central differences', () => {
  const cases: [ConstraintType, string[], ConstraintParameters, number[]?][] = [
    ['above', ['b'], { distance: 0.05 }],
    ['above', [], { distance: 0.5 }],
    ['below', ['b'], {}],
    ['below', [], {}],
    ['on', ['b'], {}],
    ['on', [], {}],
    ['left', ['b'], { distance: 0.1 }],
    ['left', [], {}],
    ['right', ['c'], {}, [-0.5, 0.2, 0.3, 0, 0, 0.2, 0.1, 0.3, 0.25]],
    ['front', ['b'], {}],
    ['behind', ['b'], {}, [0.31, -0.4, 0.12, 0.02, -0.04, 0.3, -0.6, 0.5, 0.25]],
    ['near', ['c'], {}],
    ['near', ['b'], { distance: 0.01 }, [1.1, 0.9, 0.7, 0, 0, 0.1, 0, 0, 0]],
    ['far', ['b'], {}],
    ['far', ['c'], { distance: 2 }],
    // Overlapping in x and y (the gap across the ground is the larger signed separation, here along y).
    ['far', ['b'], { distance: 0.2 }, [0.03, 0.15, 0.12, 0.02, -0.04, 0.3, -0.6, 0.5, 0.25]],
    ['distance', ['b'], { distance: 0.2 }],
    ['distance', ['c'], { distance: 0.2, axis: 'y' }],
    ['distance', [], { distance: 0.3 }],
    ['touching', ['b'], {}],
    ['touching', ['c'], {}],
    ['inside', ['b'], {}, [0.31, 0.23, 0.12, 0.02, -0.04, 0.3, -0.6, 0.5, 0.25]],
    ['outside', ['b'], {}, [0.05, 0.03, 0.22, 0.02, -0.04, 0.3, -0.6, 0.5, 0.25]],
    ['between', ['b', 'c'], {}],
    ['between', ['b', 'c'], {}, [2, 1, 0.5, 0.02, -0.04, 0.3, -0.6, 0.5, 0.25]],
    ['angle', [], { angle: 0.7 }],
    ['angle', ['b'], { angle: -1.2, axis: 'x' }],
    ['aligned', ['b'], { axis: 'x' }],
    ['aligned', ['b'], {}],
    ['parallel', ['b'], {}],
    ['parallel', [], { axis: 'y' }],
    ['perpendicular', ['b'], { axis: 'x' }],
    ['perpendicular', [], {}],
  ];
  for (const [type, targets, parameters, positions] of cases) {
    it(`${type}(a, [${targets.join(', ')}]) ${JSON.stringify(parameters)}`, () => {
      const ws = load(type, targets, parameters, positions ?? P);
      // Every case must exercise a nonzero residual, or the check proves nothing.
      const rows = constraintResidual(ws, 0, true, false);
      assert.ok(Array.from(ws.r.slice(0, rows)).some((v) => Math.abs(v) > 1e-6), 'residual is zero at the test pose');
      checkJacobian(ws, type);
    });
  }
});

describe('reported residuals', () => {
  it('above: the vertical shortfall in metres, no margin', () => {
    // a's bottom at 0.16, b's top at 0.4 → 0.24 short; centre of a over b's footprint.
    const ws = load('above', ['b'], {}, [0, 0, 0.2, 0, 0, 0.3, 1, 1, 0.1]);
    assert.ok(Math.abs(reportedResidual(ws, 0) - 0.24) < 1e-12);
  });

  it('left: 0 when a is wholly left of b, the overlap along x otherwise', () => {
    const ws = load('left', ['b'], {}, [-0.3, 0, 0.1, 0, 0, 0.1, 1, 1, 0.1]);
    assert.equal(reportedResidual(ws, 0), 0);
    ws.pos[0] = -0.2; // a's right face at −0.15, b's left face at −0.2 → 0.05
    assert.ok(Math.abs(reportedResidual(ws, 0) - 0.05) < 1e-12);
  });

  it('parallel: the angle away from parallel; antiparallel counts as parallel', () => {
    const s = Math.sin(0.15), c = Math.cos(0.15);
    // a tilted by 0.3 rad about x, b flipped upside down (180° about x).
    const ws = load('parallel', ['b'], {}, P, [c, s, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0]);
    assert.ok(Math.abs(reportedResidual(ws, 0) - 0.3) < 1e-9);
  });

  it('perpendicular: |π/2 − θ|, also from exactly parallel axes', () => {
    const ws = load('perpendicular', ['b'], {}, P, [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
    assert.ok(Math.abs(reportedResidual(ws, 0) - Math.PI / 2) < 1e-12);
    // The Jacobian still has a direction to move in.
    constraintResidual(ws, 0, true, true);
    assert.ok(Array.from(ws.J.slice(3, 6)).some((v) => Math.abs(v) > 0.5));
    ws.J.fill(0);
  });

  it('angle: the rotation between the relative orientation and the target one', () => {
    const q = new Float64Array(4);
    quatNormalize(q, 0, [Math.cos(0.25), 0, 0, Math.sin(0.25)], 0); // 0.5 rad about z
    const ws = load('angle', [], { angle: 0.8 }, P, [...q, 1, 0, 0, 0, 1, 0, 0, 0]);
    assert.ok(Math.abs(reportedResidual(ws, 0) - 0.3) < 1e-9);
  });
});
