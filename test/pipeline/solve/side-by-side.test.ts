/**
 * Objects resting on one support stand side by side on it; when their widths, added up, fit its top along one
 * horizontal axis only, they are set apart along that axis (not along the axis of least overlap at the start).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solveScene, type SolveInput } from '../../../src/pipeline/solve/index.js';
import type { Constraint, Entity, Vec3 } from '../../../src/pipeline/types.js';

const entity = (name: string, halfExtents: Vec3, grounded = false): Entity => ({ name, kind: 'box', category: 'object', halfExtents, grounded });
const on = (subject: string, target: string): Constraint => ({ type: 'on', subject, targets: [target], parameters: {}, source: '' });
const scene = (entities: Entity[], constraints: Constraint[], positions: number[]): SolveInput => ({
  entities, constraints, positions: new Float64Array(positions), orientations: new Float64Array(entities.flatMap(() => [1, 0, 0, 0])),
});

describe('objects side by side on one support', () => {
  it('three 10 cm boxes on a 10 × 40 cm shelf, all starting at one point, end in a line along y on it', () => {
    const shelf: Vec3 = [0.05, 0.2, 0.9];
    const box: Vec3 = [0.05, 0.05, 0.05];
    const r = solveScene(scene(
      [entity('b1', box), entity('b2', box), entity('b3', box), entity('shelf', shelf, true)],
      [on('b1', 'shelf'), on('b2', 'shelf'), on('b3', 'shelf')],
      [0, 0, 1.9, 0, 0, 1.9, 0, 0, 1.9, 0, 0, 0.9],
    ));
    assert.ok(r.constraints.every((c) => c.satisfied), JSON.stringify(r.constraints));
    const p = r.positions;
    const ys = [0, 1, 2].map((a) => p[a * 3 + 1]).sort((a, b) => a - b);
    for (let a = 0; a < 3; a++) {
      assert.ok(Math.abs(p[a * 3] - p[9]) <= 1e-3, `box ${a} x ${p[a * 3]} over the shelf's centre line ${p[9]}`);
      assert.ok(Math.abs(p[a * 3 + 1] - p[10]) + box[1] <= shelf[1] + 2e-3, `box ${a} within the shelf along y`);
      assert.ok(Math.abs(p[a * 3 + 2] - 1.85) <= 2e-3, `box ${a} rests on the shelf: z ${p[a * 3 + 2]}`);
    }
    assert.ok(ys[1] - ys[0] >= 0.1 - 2e-3 && ys[2] - ys[1] >= 0.1 - 2e-3, `y centres ${ys.join(', ')} at least a box apart`);
  });

  it('where both axes hold them, the overlap still resolves along the axis of least overlap', () => {
    const table: Vec3 = [0.6, 0.4, 0.375];
    const crate: Vec3 = [0.25, 0.2, 0.15];
    const r = solveScene(scene(
      [entity('c1', crate), entity('c2', crate), entity('table', table, true)],
      [on('c1', 'table'), on('c2', 'table')],
      [0, 0.05, 0.9, 0, -0.05, 0.9, 0, 0, 0.375],
    ));
    assert.ok(r.constraints.every((c) => c.satisfied), JSON.stringify(r.constraints));
    assert.ok(Math.abs(r.positions[1] - r.positions[4]) >= 0.4 - 2e-3, `apart along y: ${r.positions[1]}, ${r.positions[4]}`);
  });
});
