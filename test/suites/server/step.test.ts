import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OverBoundCounter, overBoundAllowance } from '../../../src/suites/server/generator.js';
import { invalidReason, type StepMeasurement } from '../../../src/suites/server/step.js';
import { allocateStep, STATUS, viewStep } from '../../../src/suites/server/step-buffers.js';
import { percentiles } from './fixtures.js';

function measurement(over: Partial<StepMeasurement> = {}): StepMeasurement {
  return {
    offeredRate: 100,
    requests: 300,
    dispatched: 300,
    completed: 300,
    failed: 0,
    dropped: 0,
    unserved: 0,
    late: 0,
    latency: percentiles(1, 5),
    latencyIsLowerBound: false,
    queue: percentiles(0.1, 1),
    service: percentiles(0.9, 4),
    lateness: percentiles(0, 0.1),
    achievedRate: 99,
    meanBatch: 1,
    durationMs: 3000,
    earlyStopped: false,
    aborted: false,
    generatorLimited: false,
    busyMsPerWorker: [100],
    ...over,
  };
}

describe('step validity', () => {
  it('is valid when the p99 is within the bound and nothing went wrong', () => {
    assert.equal(invalidReason(measurement(), 10), null);
    assert.equal(invalidReason(measurement({ latency: percentiles(1, 10) }), 10), null);
  });

  it('names why a step is not valid, the generator before the pipeline', () => {
    assert.equal(invalidReason(measurement({ latency: percentiles(1, 10.5) }), 10), 'p99-over-bound');
    assert.equal(invalidReason(measurement({ earlyStopped: true }), 10), 'p99-over-bound');
    assert.equal(invalidReason(measurement({ dropped: 1 }), 10), 'dropped');
    assert.equal(invalidReason(measurement({ generatorLimited: true, latency: percentiles(1, 50) }), 10), 'generator-limited');
    assert.equal(invalidReason(measurement({ completed: 0, latency: percentiles(0, 0) }), 10), 'nothing-completed');
    assert.equal(invalidReason(measurement({ aborted: true }), 10), 'aborted');
  });
});

describe('early stopping', () => {
  it('allows n − ⌈0.99·n⌉ requests over the bound with the p99 still within it', () => {
    assert.equal(overBoundAllowance(50), 0);
    assert.equal(overBoundAllowance(100), 1);
    assert.equal(overBoundAllowance(1000), 10);
    assert.equal(overBoundAllowance(1050), 10);
  });

  it('counts requests finished over the bound, dropped, or still waiting and already older than it', () => {
    const b = viewStep(allocateStep(6));
    const bound = 10;
    // 0: finished in 5 ms; 1: finished in 20 ms (over); 2: dropped (over); 3: waiting since 0; 4: waiting since 95; 5: finished in 1 ms.
    const at = [0, 0, 0, 0, 95, 50];
    for (let i = 0; i < 6; i++) b.scheduledMs[i] = at[i];
    b.finishedMs[0] = 5;
    b.status[0] = STATUS.OK;
    b.finishedMs[1] = 20;
    b.status[1] = STATUS.FAILED;
    b.status[2] = STATUS.DROPPED;
    b.finishedMs[5] = 51;
    b.status[5] = STATUS.OK;
    const counter = new OverBoundCounter(b, bound);
    assert.equal(counter.count(6, 100), 3);
    // Request 4 is waiting 11 ms at t = 106: now over as well; settled requests are not counted twice.
    assert.equal(counter.count(6, 106), 4);
    b.finishedMs[3] = 107;
    b.status[3] = STATUS.OK;
    assert.equal(counter.count(6, 108), 4);
  });
});
