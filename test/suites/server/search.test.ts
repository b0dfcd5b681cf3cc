import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SEARCH_LIMITS, searchPeak, type SearchProbe } from '../../../src/suites/server/search.js';

/** A fake server: valid up to `capacity`, the generator late from `generatorLimit`. */
function server(capacity: number, generatorLimit = Infinity) {
  const rates: number[] = [];
  const measure = async (rate: number): Promise<SearchProbe> => {
    rates.push(rate);
    return { valid: rate <= capacity, generatorLimited: rate >= generatorLimit, aborted: false };
  };
  return { rates, measure };
}

describe('peak search', () => {
  it('brackets upwards, then bisects to within the tolerance below the capacity', async () => {
    const s = server(1000);
    const out = await searchPeak(s.measure, 100, 2);
    assert.equal(out.stoppedBy, 'converged');
    assert.ok(out.peakRate !== null && out.peakRate <= 1000 && out.peakRate >= 1000 / (1 + DEFAULT_SEARCH_LIMITS.tolerance), String(out.peakRate));
    assert.ok(out.hiRate !== null && out.hiRate > 1000 && out.hiRate / out.peakRate <= 1 + DEFAULT_SEARCH_LIMITS.tolerance);
    assert.deepEqual(s.rates.slice(0, 5), [100, 200, 400, 800, 1600]);
    assert.equal(out.steps, s.rates.length);
  });

  it('brackets downwards when the start is already over the capacity', async () => {
    const s = server(300);
    const out = await searchPeak(s.measure, 1000, 2);
    assert.equal(out.stoppedBy, 'converged');
    assert.ok(out.peakRate !== null && out.peakRate <= 300 && out.peakRate > 270);
    assert.deepEqual(s.rates.slice(0, 3), [1000, 500, 250]);
  });

  it('stops where the generator is late (after one retry) and keeps the peak as found so far', async () => {
    const s = server(1e9, 700);
    const out = await searchPeak(s.measure, 100, 2);
    assert.equal(out.stoppedBy, 'generator-limited');
    assert.equal(out.peakRate, 400);
    assert.equal(out.hiRate, null);
    assert.deepEqual(s.rates, [100, 200, 400, 800, 800]);
  });

  it('goes on when a retried step is on time', async () => {
    let first = true;
    const out = await searchPeak(async (rate) => {
      const late = rate === 800 && first;
      if (late) first = false;
      return { valid: rate <= 1000, generatorLimited: late, aborted: false };
    }, 100, 2);
    assert.equal(out.stoppedBy, 'converged');
    assert.ok(out.peakRate !== null && out.peakRate > 900);
  });

  it('never offers less than the lowest rate', async () => {
    const s = server(0);
    const out = await searchPeak(s.measure, 3, 2, { ...DEFAULT_SEARCH_LIMITS, minRate: 2 });
    assert.equal(out.stoppedBy, 'no-valid-rate');
    assert.deepEqual(s.rates, [3]);
    const low = server(1e9);
    await searchPeak(low.measure, 0.01, 2, { ...DEFAULT_SEARCH_LIMITS, minRate: 2, maxSteps: 1 });
    assert.deepEqual(low.rates, [2]);
  });

  it('gives up without a valid rate after the allowed halvings', async () => {
    const out = await searchPeak(server(0).measure, 100, 2, { ...DEFAULT_SEARCH_LIMITS, maxShrinks: 3 });
    assert.equal(out.stoppedBy, 'no-valid-rate');
    assert.equal(out.peakRate, null);
    assert.equal(out.steps, 4);
  });

  it('stops at the highest rate it may offer, and after the most steps', async () => {
    const capped = await searchPeak(server(1e9).measure, 100, 2, { ...DEFAULT_SEARCH_LIMITS, maxRate: 1000 });
    assert.equal(capped.stoppedBy, 'max-rate');
    assert.equal(capped.peakRate, 1000);
    const short = await searchPeak(server(1e9).measure, 100, 2, { ...DEFAULT_SEARCH_LIMITS, maxSteps: 3 });
    assert.equal(short.stoppedBy, 'max-steps');
    assert.equal(short.steps, 3);
  });

  it('stops at once when a step was aborted', async () => {
    const out = await searchPeak(async () => ({ valid: true, generatorLimited: false, aborted: true }), 100, 2);
    assert.equal(out.stoppedBy, 'aborted');
    assert.equal(out.peakRate, null);
  });
});
