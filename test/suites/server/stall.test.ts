/**
 * A 50 ms stall in a serving worker shows in the step's latency: requests are timed from their scheduled
 * arrival, so those that arrive while the worker is stalled are charged the time they wait (no coordinated
 * omission). Only relations that a slower or busier machine cannot break are asserted (it can only add latency).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clockEpoch, createClock } from '../../../src/suites/server/clock.js';
import { overBoundAllowance } from '../../../src/suites/server/generator.js';
import { ServerPool } from '../../../src/suites/server/pool.js';
import { poissonSchedule } from '../../../src/suites/server/schedule.js';
import { runStep } from '../../../src/suites/server/step.js';
import { tsWorkerEntry } from '../../../src/suites/server/worker-entry.js';
import type { StallPlan } from './stall-worker.js';

const STALL_MS = 50;
const instructions = ['place the red box above the blue cube', 'put the cup on the table', 'the lamp is left of the chair'];
const epoch = clockEpoch();
const clock = createClock(epoch);

describe('serving under an injected stall', () => {
  const schedule = poissonSchedule(400, 300, 120, instructions.length, 11);
  const n = schedule.offsetsMs.length;
  const stalled = Math.floor(n / 3);
  const warmup = 100;
  const plan: StallPlan = { worker: 0, request: stalled, ms: STALL_MS, afterBatches: warmup };
  let pool: ServerPool;

  before(async () => {
    pool = await ServerPool.start({ workers: 1, bridge: {}, instructions, epoch, maxBatch: 1, entry: tsWorkerEntry(new URL('./stall-worker.ts', import.meta.url)), entryData: plan });
    // Warm-up, one request at a time (the worker stalls only after it).
    await runStep(pool, { kind: 'closed', instruction: new Int32Array(warmup).map((_, i) => i % instructions.length) }, { maxBatch: 1, maxWaitMs: 0, dropAfterMs: 10_000 }, clock, new AbortController().signal);
  });
  after(async () => {
    await pool?.close();
  });

  it('charges the stall to the stalled request and to every request queued behind it', async () => {
    const { measurement: m } = await runStep(pool, { kind: 'open', schedule, boundMs: null }, { maxBatch: 1, maxWaitMs: 0, dropAfterMs: 10_000 }, clock, new AbortController().signal);
    assert.equal(m.completed, n);
    assert.equal(m.dropped, 0);
    // The stalled request waited at least the stall from its scheduled arrival.
    assert.ok(m.latency.max >= STALL_MS, `max ${m.latency.max} ms`);
    // Requests scheduled within the first half of the stall were queued behind it for at least the other half.
    const t0 = schedule.offsetsMs[stalled];
    let queuedBehind = 0;
    for (let i = stalled + 1; i < n && schedule.offsetsMs[i] - t0 < STALL_MS / 2; i++) queuedBehind++;
    assert.ok(queuedBehind + 1 > overBoundAllowance(n), `the schedule must put more than 1 % of requests behind the stall (${queuedBehind} of ${n})`);
    assert.ok(m.latency.p99 >= STALL_MS / 2, `p99 ${m.latency.p99} ms hides the stall`);
    assert.ok(m.queue.p99 >= STALL_MS / 2, `queueing p99 ${m.queue.p99} ms hides the stall`);
  });
});
