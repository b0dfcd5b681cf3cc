import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solveScene, type SolveInput } from '../../../src/pipeline/solve/index.js';
import type { Constraint, Entity, Vec3 } from '../../../src/pipeline/types.js';

const entity = (name: string, halfExtents: Vec3, grounded = false): Entity => ({ name, kind: 'box', category: 'object', halfExtents, grounded });
const dist = (a: string, b: string, d: number): Constraint => ({ type: 'distance', subject: a, targets: [b], parameters: { distance: d }, source: '' });

/** Every pair of a regular n-gon of side `side` held at its distance, members in order round it (a formation). */
function polygon(names: string[], side: number): Constraint[] {
  const n = names.length;
  const radius = side / (2 * Math.sin(Math.PI / n));
  const out: Constraint[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push(dist(names[j], names[i], 2 * radius * Math.sin((Math.PI * (j - i)) / n)));
  return out;
}

function centreDistances(input: SolveInput, positions: Float64Array): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of input.constraints) {
    const a = input.entities.findIndex((e) => e.name === c.subject), b = input.entities.findIndex((e) => e.name === c.targets[0]);
    out.set(`${c.subject}-${c.targets[0]}`, Math.hypot(...[0, 1, 2].map((k) => positions[a * 3 + k] - positions[b * 3 + k])));
  }
  return out;
}

describe('formations start laid out as their distances ask', () => {
  it('a square of 3 mm standoffs proposed in crossed order (1, 2, 4, 3 round it) comes out a square of 0.1 m sides', () => {
    const names = ['s1', 's2', 's3', 's4'];
    const input: SolveInput = {
      entities: names.map((n) => entity(n, [0.003, 0.003, 0.005])),
      constraints: polygon(names, 0.1),
      // The bow-tie start: from it the solve alone stopped at sides of 0.08 and 0.14 m.
      positions: new Float64Array([0.45, -1.18, 0.9, 0.45, -1.26, 0.9, 0.34, -1.18, 0.9, 0.34, -1.26, 0.9]),
      orientations: new Float64Array(names.flatMap(() => [1, 0, 0, 0])),
    };
    const r = solveScene(input);
    assert.ok(r.constraints.every((c) => c.satisfied), JSON.stringify(r.constraints));
    const d = centreDistances(input, r.positions);
    for (const [pair, want] of [['s2-s1', 0.1], ['s3-s2', 0.1], ['s4-s3', 0.1], ['s4-s1', 0.1], ['s3-s1', Math.SQRT2 * 0.1]] as const) {
      assert.ok(Math.abs(d.get(pair)! - want) < 2e-3, `${pair}: ${d.get(pair)} instead of ${want}`);
    }
    // Laid out where the proposal put the set (its centroid), not moved elsewhere.
    const cx = (r.positions[0] + r.positions[3] + r.positions[6] + r.positions[9]) / 4;
    assert.ok(Math.abs(cx - 0.395) < 0.02);
  });

  it('triangles to hexagons proposed on one line, members in reverse order, all hold', () => {
    for (const n of [3, 4, 5, 6]) {
      const names = Array.from({ length: n }, (_, k) => `m${k + 1}`);
      const input: SolveInput = {
        entities: names.map((nm) => entity(nm, [0.02, 0.02, 0.02])),
        constraints: polygon(names, 0.15),
        positions: new Float64Array(names.flatMap((_, k) => [0.01 * (n - k), 0.003 * k * k, 0.02])),
        orientations: new Float64Array(names.flatMap(() => [1, 0, 0, 0])),
      };
      const r = solveScene(input);
      assert.ok(r.constraints.every((c) => c.satisfied), `${n}-gon: ${JSON.stringify(r.constraints)}`);
    }
  });
});
