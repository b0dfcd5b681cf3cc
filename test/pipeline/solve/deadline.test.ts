/** The solver's cooperative deadline: checked between LM iterations; a passed deadline returns the current state. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../../src/errors.js';
import { createSolver, solveScene, type SolveInput } from '../../../src/pipeline/solve/index.js';
import type { Entity } from '../../../src/pipeline/types.js';

const entity = (name: string): Entity => ({ name, kind: 'box', category: 'object', halfExtents: [0.05, 0.05, 0.05], grounded: false });
const input: SolveInput = {
  entities: [entity('a'), entity('b')],
  constraints: [{ type: 'above', subject: 'a', targets: ['b'], parameters: { distance: 0.05 }, source: '' }],
  positions: new Float64Array([0.4, 0.3, 0.05, 0, 0, 0.05]),
  orientations: new Float64Array([1, 0, 0, 0, 1, 0, 0, 0]),
};

describe('solve deadline', () => {
  it('a deadline already passed stops before the first iteration: initial poses, timedOut, not satisfied', () => {
    const r = createSolver().solve(input, { deadline: performance.now() - 1 });
    assert.equal(r.timedOut, true);
    assert.equal(r.iterations, 0);
    assert.equal(r.constraints[0].satisfied, false);
    assert.ok(r.positions.every(Number.isFinite));
  });

  it('a far deadline or none changes nothing', () => {
    const plain = solveScene(input);
    const late = solveScene(input, { deadline: performance.now() + 60_000 });
    assert.equal(plain.timedOut, false);
    assert.equal(late.timedOut, false);
    assert.deepEqual([...late.positions], [...plain.positions]);
    assert.ok(late.constraints[0].satisfied);
  });

  it('a solver keeps no deadline from one call to the next', () => {
    const solver = createSolver();
    assert.equal(solver.solve(input, { deadline: performance.now() - 1 }).timedOut, true);
    assert.equal(solver.solve(input).timedOut, false);
  });

  it('a deadline that is not a number is refused', () => {
    assert.throws(() => solveScene(input, { deadline: Number.NaN }), ConfigError);
  });
});
