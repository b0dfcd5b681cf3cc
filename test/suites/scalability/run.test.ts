import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localExponents } from '../../../src/suites/scalability/run.js';
import { parseScalabilityOptions } from '../../../src/suites/scalability/options.js';
import { summarize } from '../../../src/stats/summary.js';

const point = (objects: number, ms: number) => ({ objects, msPerInstruction: ms, constraints: objects, summary: summarize([ms]), samples: [ms], satisfactionRate: 1 });

test('local exponents between neighbouring sizes show where growth speeds up', () => {
  const e = localExponents([point(4, 1), point(2, 0.5), point(8, 4)]);
  assert.deepEqual(e.map((x) => [x.from, x.to]), [[2, 4], [4, 8]]);
  assert.ok(Math.abs(e[0].exponent - 1) < 1e-12);
  assert.ok(Math.abs(e[1].exponent - 2) < 1e-12);
});

test('options: repeated sizes are refused up front, an unknown category too', () => {
  assert.throws(() => parseScalabilityOptions({ objects: '4,4' }), /--objects lists 4 twice/);
  assert.throws(() => parseScalabilityOptions({ batchSizes: '1,8,1' }), /--batch-sizes lists 1 twice/);
  assert.throws(() => parseScalabilityOptions({ scalabilityCategory: 'nope' }), /--scalability-category must be one of/);
  assert.deepEqual(parseScalabilityOptions({ objects: '2,8', batchSizes: '1', scalabilityCategory: 'simple' }), { category: 'simple', batchSizes: [1], objects: [2, 8] });
});
