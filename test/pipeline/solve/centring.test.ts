/**
 * Placement semantics: a supported object rests centred on its support unless something else pulls it (the
 * centring term), two objects resting on one support stand side by side, two objects above a support too small
 * for both stack, and a stack comes out aligned.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solveScene, type SolveInput } from '../../../src/pipeline/solve/index.js';
import type { Constraint, ConstraintType, Entity, Vec3 } from '../../../src/pipeline/types.js';

const entity = (name: string, halfExtents: Vec3, grounded = false): Entity => ({ name, kind: 'box', category: 'object', halfExtents, grounded });
const rel = (type: ConstraintType, subject: string, target: string): Constraint => ({ type, subject, targets: [target], parameters: {}, source: '' });
const scene = (entities: Entity[], constraints: Constraint[], positions: number[]): SolveInput => ({
  entities, constraints, positions: new Float64Array(positions), orientations: new Float64Array(entities.flatMap(() => [1, 0, 0, 0])),
});
/** (h_b − |Δ|) / h_b, the smaller over x and y. */
function margin(p: Float64Array, a: number, b: number, hb: Vec3): number {
  return Math.min((hb[0] - Math.abs(p[a * 3] - p[b * 3])) / hb[0], (hb[1] - Math.abs(p[a * 3 + 1] - p[b * 3 + 1])) / hb[1]);
}

describe('support centring', () => {
  it('a plate on a table starts at the far corner and ends centred', () => {
    const table: Vec3 = [0.6, 0.4, 0.375];
    const r = solveScene(scene([entity('plate', [0.11, 0.11, 0.01]), entity('table', table, true)], [rel('on', 'plate', 'table')], [0.9, 0.7, 1, 0, 0, 0.375]));
    assert.ok(r.constraints[0].satisfied);
    assert.ok(margin(r.positions, 0, 1, table) > 0.9, `margin ${margin(r.positions, 0, 1, table)}`);
  });

  it('a stack of three small washers proposed half a washer apart comes out aligned', () => {
    const h: Vec3 = [0.01, 0.01, 0.002];
    const r = solveScene(
      scene([entity('a', h), entity('b', h), entity('c', h)], [rel('on', 'b', 'a'), rel('on', 'c', 'b')], [0.3, 0, 0.002, -0.3, 0.01, 0.01, 0, -0.25, 0.02]),
    );
    assert.ok(r.constraints.every((c) => c.satisfied));
    assert.ok(margin(r.positions, 1, 0, h) > 0.9 && margin(r.positions, 2, 1, h) > 0.9);
  });

  it('a constraint that pulls away from the centre still holds exactly (centring never costs a constraint)', () => {
    const table: Vec3 = [0.6, 0.4, 0.375];
    const r = solveScene(
      scene([entity('cup', [0.04, 0.04, 0.05]), entity('table', table, true), entity('lamp', [0.08, 0.08, 0.15])], [rel('on', 'cup', 'table'), rel('left', 'cup', 'lamp'), rel('on', 'lamp', 'table')], [0, 0, 0.8, 0, 0, 0.375, 0.3, 0, 0.9]),
    );
    assert.ok(r.constraints.every((c) => c.satisfied), JSON.stringify(r.constraints));
    assert.ok(r.positions[0] + 0.04 <= r.positions[6] - 0.08 + 1e-3);
  });

  it('two boxes on one table stand side by side; two boxes above a small cube stack', () => {
    const box: Vec3 = [0.05, 0.05, 0.05];
    const side = solveScene(scene([entity('r', box), entity('g', box), entity('t', [0.6, 0.4, 0.375], true)], [rel('on', 'r', 't'), rel('on', 'g', 't')], [0, 0, 0.8, 0.001, 0, 0.8, 0, 0, 0.375]));
    assert.ok(side.constraints.every((c) => c.satisfied));
    assert.ok(side.implicitViolations.interpenetration <= 2e-3);
    const stacked = solveScene(scene([entity('r', box), entity('g', box), entity('c', [0.04, 0.04, 0.04])], [rel('above', 'r', 'c'), rel('above', 'g', 'c')], [0.05, 0, 0.13, -0.05, 0, 0.13, 0, 0, 0.04]));
    assert.ok(stacked.constraints.every((c) => c.satisfied), JSON.stringify(stacked.constraints));
    assert.ok(stacked.implicitViolations.interpenetration <= 2e-3);
  });

  it('two flat floor-standing objects near each other, proposed one inside the other, end side by side on the floor', () => {
    const skid: Vec3 = [0.5, 0.4, 0.06];
    const r = solveScene(scene([entity('s1', skid, true), entity('s2', skid, true)], [rel('near', 's1', 's2')], [0.2, 0.05, 0.06, 0, 0, 0.1]));
    assert.ok(r.constraints.every((c) => c.satisfied), JSON.stringify(r.constraints));
    assert.ok(r.implicitViolations.interpenetration <= 2e-3, `overlap ${r.implicitViolations.interpenetration}`);
    for (const e of [0, 1]) assert.ok(Math.abs(r.positions[e * 3 + 2] - skid[2]) <= 2e-3, `z ${r.positions[e * 3 + 2]}`);
  });
});
