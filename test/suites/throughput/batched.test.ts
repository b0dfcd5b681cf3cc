import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GasmResponse } from '../../../src/pipeline/types.js';
import { DistinctTally, mergeDistinct } from '../../../src/suites/throughput/batched.js';

function response(instruction: string, success: boolean, constraints = 2): GasmResponse {
  return {
    instruction,
    success,
    constraints: Array.from({ length: success ? constraints : 0 }, (_, i) => ({ satisfied: i === 0 })) as unknown as GasmResponse['constraints'],
    targetPoses: {},
    confidence: 0.5,
    timings: { preprocessingMs: 0, inferenceMs: 0, constraintSolvingMs: 0, postprocessingMs: 0 } as GasmResponse['timings'],
    metrics: { iterations: 3 } as GasmResponse['metrics'],
    backend: 'cpu',
  };
}

test('quality trials: each distinct instruction once, by its first response, however many runs repeat it', () => {
  const t = new DistinctTally();
  for (let run = 0; run < 50; run++) {
    t.add('a', response('a', true));
    t.add('b', response('b', false));
    t.add('a', response('a', true)); // the list cycled to a whole batch: 'a' twice per run
    t.add('c', response('c', run === 0)); // 'c' succeeded in the first run only
  }
  const d = t.data();
  assert.equal(d.tally.responses, 3);
  assert.equal(d.tally.successes, 2, 'a, and c by its first outcome');
  assert.equal(d.tally.constraints, 4);
  assert.equal(d.tally.satisfied, 2);
  assert.deepEqual(d.first, [['a', true], ['b', false], ['c', true]]);
  assert.deepEqual(d.varied, ['c']);
});

test('forks: the first fork\'s tally; a text whose first outcome differs between forks counts as varied', () => {
  const f0 = new DistinctTally();
  const f1 = new DistinctTally();
  f0.add('a', response('a', true));
  f0.add('b', response('b', true));
  f1.add('a', response('a', true));
  f1.add('b', response('b', false));
  const merged = mergeDistinct([f0.data(), f1.data()]);
  assert.equal(merged.tally.responses, 2);
  assert.equal(merged.tally.successes, 2);
  assert.deepEqual(merged.varied, ['b']);
});
