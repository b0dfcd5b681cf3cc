import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractMetrics } from '../../src/gate/extract.js';
import { LEAK_BYTES_PER_INSTRUCTION } from '../../src/bench/constants.js';
import { MEMORY_FLOOR_BYTES } from '../../src/suites/memory/metrics.js';
import { makeSampleReport } from '../helpers/sample-report.js';

test('every suite yields its metrics with the right direction, statistic and raw samples', () => {
  const r = makeSampleReport({ runs: 7 });
  const m = extractMetrics(r);
  const simple = r.suites.throughput!.categories.simple;
  const get = (id: string) => {
    const metric = m.get(id);
    assert.ok(metric, id);
    return metric;
  };
  assert.deepEqual(get('throughput.simple.instructionsPerSecond'), { kind: 'samples', id: 'throughput.simple.instructionsPerSecond', label: 'throughput simple', unit: 'instr/s', direction: 'higher', statistic: 'median', samples: simple.samples.instructionsPerSecond, unitOfIndependence: 'run', measure: 'wall', lowNoiseTwin: 'throughput.simple.cpuInstructionsPerSecond' });
  const cpu = get('throughput.simple.cpuInstructionsPerSecond');
  assert.ok(cpu.kind === 'samples' && cpu.measure === 'cpu' && cpu.samples.length === simple.runs);
  const p99 = get('latency.simple.p99');
  // p99 of every call of every pass (the report's figure), each call with its pass so that the gate draws whole passes.
  const calls = simple.singleStream!.samples.callMs;
  assert.ok(p99.kind === 'samples' && p99.direction === 'lower' && p99.statistic === 'p99');
  assert.deepEqual(p99.samples, calls.flat());
  assert.deepEqual(p99.runs, calls.flatMap((pass, k) => pass.map(() => k)));
  for (const metric of m.values()) {
    if (metric.kind === 'samples') assert.notEqual(metric.unitOfIndependence, undefined, metric.id);
  }
  // Bootstrapped over passes, never over calls: one run label per single-stream pass.
  const p50 = get('latency.simple.median');
  assert.ok(p50.kind === 'samples' && p50.runs !== undefined && new Set(p50.runs).size === calls.length);
  const sat = get('quality.simple.constraintSatisfactionRate');
  assert.ok(sat.kind === 'proportion' && sat.successes === simple.quality.satisfiedConstraints && sat.trials === simple.quality.constraints);
  const success = get('quality.simple.successRate');
  assert.ok(success.kind === 'proportion' && success.successes === simple.quality.successes && success.trials === simple.quality.responses);
  const batch = r.suites.scalability!.batch[0];
  assert.equal(get(`scalability.batch.${batch.batchSize}.msPerInstruction`).direction, 'lower');
  const objects = r.suites.scalability!.objects[0];
  assert.equal(get(`scalability.objects.${objects.objects}.msPerInstruction`).direction, 'lower');
  const mem = get('memory.simple.retainedBytesPerInstruction');
  assert.ok(mem.kind === 'samples' && mem.statistic === 'median' && mem.absoluteFloor === MEMORY_FLOOR_BYTES && mem.limit === LEAK_BYTES_PER_INSTRUCTION);
  const tensors = get('memory.simple.leakedTensors');
  assert.ok(tensors.kind === 'samples' && tensors.limit === 0 && tensors.samples[0] === r.suites.memory!.categories.simple.leakedTensors);
  assert.equal(get('parallel.speedup').direction, 'higher');
  assert.equal(get('parallel.machine.speedup').direction, 'higher');
  const categories = Object.keys(r.suites.throughput!.categories).length;
  // per category: throughput wall + CPU, batch latency, single-stream p50/p90/p99, two rates
  const expected = categories * 8 + r.suites.scalability!.batch.length + r.suites.scalability!.objects.length + 2 * Object.keys(r.suites.memory!.categories).length + 2;
  assert.equal(m.size, expected);
});

test('a report with only some suites yields only their metrics', () => {
  const r = makeSampleReport();
  delete r.suites.scalability;
  delete r.suites.memory;
  delete r.suites.parallel;
  const ids = [...extractMetrics(r).keys()];
  assert.ok(ids.length > 0);
  assert.ok(ids.every((id) => /^(throughput|latency|quality)\./.test(id)), ids.join(', '));
});

test('category names such as __proto__ and constructor are data, not prototype lookups', () => {
  const r = makeSampleReport();
  const simple = r.suites.throughput!.categories.simple;
  r.suites.throughput!.categories = JSON.parse(JSON.stringify({ ['__proto__']: simple, constructor: simple })) as typeof r.suites.throughput.categories;
  delete r.suites.memory;
  const ids = [...extractMetrics(r).keys()];
  assert.ok(ids.includes('throughput.__proto__.instructionsPerSecond'), ids.join(', '));
  assert.ok(ids.includes('throughput.constructor.instructionsPerSecond'));
});
