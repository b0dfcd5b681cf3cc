import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../../src/errors.js';
import { DEFAULT_MAX_BATCH, DEFAULT_P99_BOUND_MS } from '../../../src/suites/server/constants.js';
import { parseDurationMs, parseServerOptions } from '../../../src/suites/server/options.js';

describe('server options', () => {
  it('reads a bound as "10ms", "10" (ms), "0.5s" or "500us"', () => {
    assert.equal(parseDurationMs('--p99-bound', '10ms'), 10);
    assert.equal(parseDurationMs('--p99-bound', '10'), 10);
    assert.equal(parseDurationMs('--p99-bound', '0.5s'), 500);
    assert.equal(parseDurationMs('--p99-bound', ' 2.5 MS '), 2.5);
    assert.equal(parseDurationMs('--p99-bound', '500us'), 0.5);
  });

  it('refuses a bound that is not a positive duration, naming the flag', () => {
    for (const bad of ['', 'fast', '0', '-5ms', '10 min', '1e3', 'NaN', 'Infinity']) {
      assert.throws(() => parseDurationMs('--p99-bound', bad), (e: unknown) => e instanceof ConfigError && e.message.startsWith('--p99-bound'), bad);
    }
  });

  it('gives defaults for absent flags and no fixed rate', () => {
    const o = parseServerOptions({ workers: '2' });
    assert.equal(o.workers, 2);
    assert.equal(o.p99BoundMs, DEFAULT_P99_BOUND_MS);
    assert.equal(o.maxBatch, DEFAULT_MAX_BATCH);
    assert.equal(o.rate, null);
  });

  it('reads every flag', () => {
    const o = parseServerOptions({ workers: '3', p99Bound: '0.02s', maxBatch: '32', maxWaitMs: '1.5', rate: '2500', fixedSteps: '4', searches: '0', stepTime: '200', stepRequests: '50', dropAfterMs: '300', arrivalSeed: '7' });
    assert.deepEqual(o, { workers: 3, p99BoundMs: 20, maxBatch: 32, maxWaitMs: 1.5, rate: 2500, fixedSteps: 4, searches: 0, stepTimeMs: 200, stepRequests: 50, dropAfterMs: 300, arrivalSeed: 7 });
  });

  it('refuses bad values before anything runs, naming the flag', () => {
    const cases: [Record<string, string>, string][] = [
      [{ workers: '0' }, '--workers'],
      [{ workers: '1.5' }, '--workers'],
      [{ maxBatch: '0' }, '--max-batch'],
      [{ maxWaitMs: '-1' }, '--max-wait-ms'],
      [{ rate: '0' }, '--rate'],
      [{ rate: 'lots' }, '--rate'],
      [{ searches: '-1' }, '--searches'],
      [{ searches: '0' }, '--searches 0 needs --rate'],
      [{ stepRequests: '5' }, '--step-requests'],
      [{ p99Bound: 'soon' }, '--p99-bound'],
    ];
    for (const [flags, flag] of cases) {
      assert.throws(() => parseServerOptions({ workers: '2', ...flags }), (e: unknown) => e instanceof ConfigError && e.message.includes(flag), JSON.stringify(flags));
    }
  });
});
