import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { poissonSchedule, stepSeed } from '../../../src/suites/server/schedule.js';

describe('Poisson arrival schedule', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = poissonSchedule(500, 1000, 100, 7, 42);
    const b = poissonSchedule(500, 1000, 100, 7, 42);
    const c = poissonSchedule(500, 1000, 100, 7, 43);
    assert.deepEqual(a.offsetsMs, b.offsetsMs);
    assert.deepEqual(a.instruction, b.instruction);
    assert.notDeepEqual(a.offsetsMs, c.offsetsMs);
  });

  it('has exponential gaps with mean 1/rate (mean and coefficient of variation near 1)', () => {
    const s = poissonSchedule(2000, 10_000, 100, 5, 1);
    const n = s.offsetsMs.length;
    const gaps = Array.from(s.offsetsMs, (t, i) => t - (i === 0 ? 0 : s.offsetsMs[i - 1]));
    const mean = gaps.reduce((x, y) => x + y, 0) / n;
    const sd = Math.sqrt(gaps.reduce((x, g) => x + (g - mean) ** 2, 0) / (n - 1));
    // ~20,000 gaps: the mean's standard error is 0.7 %, the CV's about 1 %; 5 % is far outside both.
    assert.ok(Math.abs(mean - 0.5) / 0.5 < 0.05, `mean gap ${mean} ms`);
    assert.ok(Math.abs(sd / mean - 1) < 0.05, `CV ${sd / mean}`);
    assert.ok(gaps.every((g) => g > 0));
  });

  it('lasts the duration, is lengthened to the fewest requests, and draws instructions in range', () => {
    const long = poissonSchedule(1000, 500, 10, 3, 9);
    assert.ok(long.offsetsMs[long.offsetsMs.length - 1] < 500);
    assert.ok(long.offsetsMs.length > 300, String(long.offsetsMs.length));
    const few = poissonSchedule(10, 100, 50, 3, 9);
    assert.equal(few.offsetsMs.length, 50);
    assert.ok(Array.from(few.instruction).every((i) => i >= 0 && i < 3));
    assert.equal(new Set(few.instruction).size, 3);
  });

  it('gives way on the request count rather than run past the longest step', () => {
    const slow = poissonSchedule(2, 100, 300, 3, 9, 5000);
    assert.ok(slow.offsetsMs.length < 30, String(slow.offsetsMs.length));
    assert.ok(slow.offsetsMs[slow.offsetsMs.length - 1] < 5000);
    assert.equal(poissonSchedule(0.01, 100, 300, 3, 9, 10).offsetsMs.length, 1);
  });

  it('refuses a rate that is not positive', () => {
    assert.throws(() => poissonSchedule(0, 100, 10, 3, 1), /rate/);
    assert.throws(() => poissonSchedule(Number.NaN, 100, 10, 3, 1), /rate/);
  });

  it('gives each step its own seed', () => {
    assert.notEqual(stepSeed(1, 0), stepSeed(1, 1));
    assert.notEqual(stepSeed(1, 0), stepSeed(2, 0));
  });
});
