import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../../src/errors.js';
import { compareReports } from '../../src/gate/compare.js';
import { assertKnownMetrics, namesMetric } from '../../src/gate/metric-names.js';
import { makeSampleReport } from '../helpers/sample-report.js';

test('a metric is named by its id, a prefix of it, or a pattern with * for one segment', () => {
  assert.ok(namesMetric('throughput.simple', 'throughput.simple.instructionsPerSecond'));
  assert.ok(namesMetric('latency.*.p99', 'latency.medium.p99'));
  assert.ok(!namesMetric('latency.*.p99', 'latency.medium.batch.p99'));
  assert.ok(!namesMetric('latncy', 'latency.simple.p50'));
});

test('a name that matches nothing is a ConfigError naming it and listing families and ids', () => {
  assert.doesNotThrow(() => assertKnownMetrics('--metric', ['throughput.'], ['throughput.a', 'latency.b']));
  assert.throws(
    () => assertKnownMetrics('--metric', ['throughput.', 'latncy', 'x.*.y'], ['throughput.a', 'latency.b'], 'in either report'),
    (e: Error) => e instanceof ConfigError && e.message === "--metric names no metric in either report: 'latncy', 'x.*.y'; metric ids start with latency, throughput — e.g. throughput.a, latency.b",
  );
});

test('compareReports refuses a --metric filter that matches no metric, even beside one that does', () => {
  const a = makeSampleReport({ seed: 1 });
  const b = makeSampleReport({ seed: 2 });
  const options = { threshold: 0.1, confidence: 0.95 };
  assert.throws(
    () => compareReports([a], b, { ...options, metrics: ['throughput.simple', 'throughput.simpel'] }),
    (e: Error) => e instanceof ConfigError && /--metric names no metric in either report: 'throughput\.simpel'; metric ids start with .*latency.*throughput/.test(e.message),
  );
  const patterned = compareReports([a], b, { ...options, metrics: ['latency.*.median'] });
  assert.ok(patterned.comparisons.length > 0);
  assert.ok(patterned.comparisons.every((c) => /^latency\.[^.]+\.median$/.test(c.id)), patterned.comparisons.map((c) => c.id).join());
});

test('a filter naming a metric only the baseline holds is known: it is skipped, not refused', () => {
  const a = makeSampleReport({ seed: 1 });
  const b = makeSampleReport({ seed: 2 });
  delete b.suites.parallel;
  const result = compareReports([a], b, { threshold: 0.1, confidence: 0.95, metrics: ['throughput.simple', 'parallel.speedup'] });
  assert.deepEqual(result.skipped, [{ id: 'parallel.speedup', reason: 'not in the current report' }]);
});
