import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clockEpoch, createClock } from '../../../src/suites/server/clock.js';
import { serveStep, type BatchHandler } from '../../../src/suites/server/serve-loop.js';
import { allocateStep, CTRL, STATUS, viewStep, type StepBuffers } from '../../../src/suites/server/step-buffers.js';

const clock = createClock(clockEpoch());
const texts = ['a', 'b', 'c'];

/** A step whose n requests are all published, with the generator already stopped. */
function published(n: number, scheduledAt: (i: number) => number): StepBuffers {
  const b = viewStep(allocateStep(n));
  for (let i = 0; i < n; i++) {
    b.scheduledMs[i] = scheduledAt(i);
    b.instruction[i] = i % texts.length;
  }
  b.ctrl[CTRL.DISPATCHED] = n;
  b.ctrl[CTRL.STOP] = 1;
  return b;
}

function recorder(ok: (request: number) => boolean = () => true) {
  const batches: number[][] = [];
  const seen: string[][] = [];
  const handle: BatchHandler = (t, requests) => {
    batches.push([...requests]);
    seen.push([...t]);
    return requests.map(ok);
  };
  return { batches, seen, handle };
}

describe('serving loop', () => {
  it('serves queued requests in batches of at most maxBatch, in order, and drains before stopping', () => {
    const now = clock();
    const b = published(10, () => now - 1);
    const r = recorder();
    const tally = serveStep(b, { maxBatch: 4, maxWaitMs: 0, dropAfterMs: 1000 }, 0, texts, r.handle, clock);
    assert.deepEqual(r.batches, [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    assert.deepEqual(r.seen[0], ['a', 'b', 'c', 'a']);
    assert.equal(tally.batches, 3);
    assert.equal(b.ctrl[CTRL.FINISHED], 10);
    assert.equal(b.ctrl[CTRL.CLAIMED], 10);
    assert.equal(b.ctrl[CTRL.BATCHER], 0);
    assert.deepEqual(Array.from(b.batchSize), [4, 4, 4, 4, 4, 4, 4, 4, 2, 2]);
    for (let i = 0; i < 10; i++) {
      assert.equal(b.status[i], STATUS.OK);
      assert.ok(b.scheduledMs[i] <= b.claimedMs[i] && b.claimedMs[i] <= b.finishedMs[i]);
    }
  });

  it('drops requests queued longer than the drop deadline without serving them', () => {
    const now = clock();
    const b = published(6, (i) => (i < 3 ? now - 5000 : now - 1));
    const r = recorder();
    serveStep(b, { maxBatch: 8, maxWaitMs: 0, dropAfterMs: 1000 }, 1, texts, r.handle, clock);
    assert.deepEqual(r.batches, [[3, 4, 5]]);
    assert.deepEqual(Array.from(b.status), [STATUS.DROPPED, STATUS.DROPPED, STATUS.DROPPED, STATUS.OK, STATUS.OK, STATUS.OK]);
    assert.equal(b.ctrl[CTRL.FINISHED], 6);
    assert.deepEqual(Array.from(b.worker), [1, 1, 1, 1, 1, 1]);
  });

  it('records failed responses, and a handler that throws fails its whole batch', () => {
    const now = clock();
    const b = published(4, () => now - 1);
    serveStep(b, { maxBatch: 2, maxWaitMs: 0, dropAfterMs: 1000 }, 0, texts, (_t, requests) => {
      if (requests[0] === 2) throw new Error('boom');
      return requests.map((q) => q !== 1);
    }, clock);
    assert.deepEqual(Array.from(b.status), [STATUS.OK, STATUS.FAILED, STATUS.FAILED, STATUS.FAILED]);
  });

  it('takes a published request only once its scheduled arrival has come', () => {
    const now = clock();
    const b = published(3, (i) => now + 5 * (i + 1));
    const r = recorder();
    serveStep(b, { maxBatch: 8, maxWaitMs: 0, dropAfterMs: 1000 }, 0, texts, r.handle, clock);
    for (let i = 0; i < 3; i++) assert.ok(b.claimedMs[i] >= b.scheduledMs[i], `request ${i} taken before it arrived`);
    assert.equal(r.batches.flat().length, 3);
  });

  it('serves nothing once aborted', () => {
    const now = clock();
    const b = published(5, () => now - 1);
    b.ctrl[CTRL.ABORT] = 1;
    const r = recorder();
    serveStep(b, { maxBatch: 8, maxWaitMs: 0, dropAfterMs: 1000 }, 0, texts, r.handle, clock);
    assert.equal(r.batches.length, 0);
    assert.equal(b.ctrl[CTRL.FINISHED], 0);
  });
});
