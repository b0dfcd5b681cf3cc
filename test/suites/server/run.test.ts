/**
 * The server suite end to end on real serving workers, kept short. What a run measures depends on the machine
 * and its load, so only what must hold on any machine is asserted: the shape of the result, its consistency
 * (every request accounted for, a valid step within the bound, the peak a valid step) and the failure paths.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { createBridge, type GasmBridge } from '../../../src/pipeline/bridge.js';
import { SINGLE_STREAM_REQUESTS, SINGLE_STREAM_WARMUP } from '../../../src/suites/server/constants.js';
import { parseServerOptions } from '../../../src/suites/server/options.js';
import { runServer } from '../../../src/suites/server/run.js';
import { ServerSchema } from '../../../src/suites/server/schema.js';
import { tsWorkerEntry } from '../../../src/suites/server/worker-entry.js';
import { testContext } from '../../helpers/run-context.js';

const STOPS = new Set(['converged', 'generator-limited', 'max-rate', 'no-valid-rate', 'max-steps', 'aborted']);

describe('server suite run', () => {
  let bridge: GasmBridge;
  before(async () => {
    bridge = await createBridge({});
  });
  after(() => bridge?.dispose());

  it('measures the single stream, the fixed rate and a peak search, every request accounted for', async () => {
    const ctx = testContext(bridge);
    const o = parseServerOptions({ workers: '1', p99Bound: '50ms', rate: '100', fixedSteps: '2', searches: '1', stepTime: '100', stepRequests: '30', maxBatch: '8', maxWaitMs: '1' });
    const out = await runServer(ctx, o);
    assert.equal(out.status, 'ok', out.status === 'failed' ? out.error : '');
    const r = out.result;
    assert.ok(r);
    assert.ok(Value.Check(ServerSchema, r), JSON.stringify([...Value.Errors(ServerSchema, r)].slice(0, 3)));
    assert.equal(r.singleStream?.requests, SINGLE_STREAM_REQUESTS);
    assert.equal(r.steps.filter((s) => s.phase === 'fixed').length, 2);
    const fixedSteps = r.steps.filter((s) => s.phase === 'fixed');
    assert.ok(fixedSteps.every((s) => !s.earlyStopped && s.unserved === 0), 'fixed-rate steps run to the end');
    assert.deepEqual(r.fixed?.p99Ms ?? [], fixedSteps.filter((s) => !s.generator.limited).map((s) => s.latencyMs.p99));
    assert.equal(r.searches.length, 1);
    assert.ok(STOPS.has(r.searches[0].stoppedBy));
    assert.equal(r.steps.filter((s) => s.phase === 'search').length, r.searches[0].steps);
    for (const s of r.steps) {
      assert.equal(s.completed + s.dropped + s.unserved, s.requests);
      assert.ok(s.requests >= 30);
      assert.equal(s.valid, s.invalidReason === null);
      if (s.valid) assert.ok(s.latencyMs.p99 <= 50 && s.dropped === 0 && !s.generator.limited && s.completed === s.requests);
      assert.ok(s.meanBatch === 0 || (s.meanBatch >= 1 && s.meanBatch <= 8));
      assert.ok(s.utilization >= 0 && s.utilization <= 1);
    }
    if (r.peak) {
      assert.ok(r.steps.some((s) => s.valid && s.phase === 'search' && s.offeredRate === r.peak?.rate && s.latencyMs.p99 === r.peak.p99Ms));
    }
    assert.equal(r.generator.latenessMs.count, r.steps.reduce((n, s) => n + s.generator.latenessMs.count, 0));
    assert.equal(r.generator.limitedSteps, r.steps.filter((s) => s.generator.limited).length);
    // Progress: one finished line per step and for the single stream; case marks in start/end pairs.
    assert.equal(ctx.events.filter((e) => e.done).length, r.steps.length + 1);
    assert.equal(ctx.marks.filter((m) => m.phase === 'start').length, ctx.marks.filter((m) => m.phase === 'end').length);
  });

  it('returns at once, aborted, when the run was already interrupted', async () => {
    const controller = new AbortController();
    controller.abort();
    const out = await runServer(testContext(bridge, { signal: controller.signal }), parseServerOptions({ workers: '1' }));
    assert.equal(out.status, 'aborted');
  });

  it('fails as a value, naming the worker, when a serving worker cannot start', async () => {
    const out = await runServer(testContext(bridge), parseServerOptions({ workers: '1' }), { entry: tsWorkerEntry(new URL('./no-such-worker.ts', import.meta.url)) });
    assert.equal(out.status, 'failed');
    assert.match(out.status === 'failed' ? out.error : '', /serving worker 0/);
  });

  it('fails as a value, keeping what it measured, when a serving worker dies during a step', async () => {
    const ctx = testContext(bridge);
    const o = parseServerOptions({ workers: '1', searches: '1', stepTime: '100', stepRequests: '30' });
    // Warm-up and single stream are one batch per request; the worker dies at the first batch of the first search step.
    const out = await runServer(ctx, o, { entry: tsWorkerEntry(new URL('./crash-worker.ts', import.meta.url)), entryData: { afterBatches: SINGLE_STREAM_WARMUP + SINGLE_STREAM_REQUESTS } });
    assert.equal(out.status, 'failed');
    assert.match(out.status === 'failed' ? out.error : '', /serving worker 0 exited with code 3/);
    assert.equal(out.result?.singleStream?.requests, SINGLE_STREAM_REQUESTS);
  });

  it('fails as a value when there is nothing to serve', async () => {
    const out = await runServer(testContext(bridge, { sets: [{ name: 'empty', instructions: [] }] }), parseServerOptions({ workers: '1' }));
    assert.equal(out.status, 'failed');
    assert.match(out.status === 'failed' ? out.error : '', /no instructions/);
  });
});
