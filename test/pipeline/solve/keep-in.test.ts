/**
 * The keep-in term: a supported centre stays at least KEEP_IN_SHARE of its support's half-width inside the
 * support's edge when the scene allows it (a rigid group centred by its centroid would leave its lone corner near
 * the edge), and it is dropped, never costing a constraint, when the scene cannot honour it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solveScene, type SolveInput } from '../../../src/pipeline/solve/index.js';
import { KEEP_IN_SHARE } from '../../../src/pipeline/solve/terms.js';
import type { Constraint, ConstraintType, Entity, Vec3 } from '../../../src/pipeline/types.js';

const entity = (name: string, halfExtents: Vec3, grounded = false): Entity => ({ name, kind: 'box', category: 'object', halfExtents, grounded });
const rel = (type: ConstraintType, subject: string, target: string, parameters: Constraint['parameters'] = {}): Constraint => ({ type, subject, targets: [target], parameters, source: '' });
const scene = (entities: Entity[], constraints: Constraint[], positions: number[]): SolveInput => ({
  entities, constraints, positions: new Float64Array(positions), orientations: new Float64Array(entities.flatMap(() => [1, 0, 0, 0])),
});
/** Smallest (h_b − |Δ|) / h_b over x, y and the members. */
function worstMargin(p: Float64Array, members: number[], b: number, hb: Vec3): number {
  let worst = Infinity;
  for (const a of members) for (let k = 0; k < 2; k++) worst = Math.min(worst, (hb[k] - Math.abs(p[a * 3 + k] - p[b * 3 + k])) / hb[k]);
  return worst;
}

describe('keep-in', () => {
  it('a rigid triangle whose centroid is far from the middle of its extent keeps every member well inside a narrow bench', () => {
    // Three dishes: one 0.5 m from the other two (which are 0.1 m apart along x), on a bench 0.8 m deep. Centred by
    // the centroid, the lone dish would sit 0.33 m from the bench's middle: a margin of 0.17.
    const bench: Vec3 = [0.75, 0.4, 0.45];
    const dish: Vec3 = [0.04, 0.04, 0.01];
    const r = solveScene(
      scene(
        [entity('a', dish), entity('b', dish), entity('c', dish), entity('bench', bench, true)],
        [
          rel('distance', 'b', 'a', { distance: 0.1, axis: 'x' }), rel('distance', 'c', 'a', { distance: 0.05, axis: 'x' }),
          rel('distance', 'c', 'a', { distance: -0.5, axis: 'y' }), rel('aligned', 'b', 'a', { axis: 'x' }),
          rel('on', 'a', 'bench'), rel('on', 'b', 'bench'), rel('on', 'c', 'bench'),
        ],
        [0, 0.2, 0.9, 0.1, 0.2, 0.9, 0.05, -0.3, 0.9, 0, 0, 0.45],
      ),
    );
    assert.ok(r.constraints.every((c) => c.satisfied), JSON.stringify(r.constraints));
    const m = worstMargin(r.positions, [0, 1, 2], 3, bench);
    assert.ok(m >= 0.25, `margin ${m}`);
  });

  it('a row that spans its support keeps every constraint (the keep-in gives way) and stays on it', () => {
    // Five 0.2 m crates 0.02 m apart: 1.08 m of centres' span on a 1.2 m table: the end centres cannot be 0.3 of
    // the half-width inside.
    const table: Vec3 = [0.6, 0.4, 0.375];
    const crate: Vec3 = [0.1, 0.1, 0.1];
    const names = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const constraints: Constraint[] = [];
    for (let k = 1; k < names.length; k++) constraints.push(rel('distance', names[k], names[k - 1], { distance: 0.22, axis: 'x' }), rel('aligned', names[k], names[k - 1], { axis: 'x' }));
    for (const n of names) constraints.push(rel('on', n, 'table'));
    const r = solveScene(scene([...names.map((n) => entity(n, crate)), entity('table', table, true)], constraints, [...names.flatMap((_, k) => [0.3 * k, 0.1, 0.9]), 0, 0, 0.375]));
    assert.ok(r.constraints.every((c) => c.satisfied), JSON.stringify(r.constraints));
    const m = worstMargin(r.positions, [0, 1, 2, 3, 4], 5, table);
    assert.ok(m > 0.05 && m < KEEP_IN_SHARE, `margin ${m}`);
  });
});
