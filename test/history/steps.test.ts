/** Step detection: asv's rule (threshold beyond the level before, confirmed by the next commits). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectSteps } from '../../src/history/steps.js';
import { noise } from './entries.js';

const flat = (n: number, level: number, spread: number, seed = 0) => Array.from({ length: n }, (_, i) => level * (1 + spread * noise(i + seed)));

describe('detectSteps', () => {
  it('finds one 8% step at the commit where it first appears in a noisy 20-commit series', () => {
    const values = [...flat(12, 100, 0.015), ...flat(8, 108, 0.015, 50)];
    const { steps, pending } = detectSteps(values);
    assert.equal(steps.length, 1);
    assert.equal(steps[0].index, 12);
    assert.ok(Math.abs(steps[0].change - 0.08) < 0.02, String(steps[0].change));
    assert.deepEqual(pending, []);
  });

  it('finds no step in noise under the threshold, nor at a lone outlier', () => {
    const values = flat(30, 100, 0.02);
    assert.deepEqual(detectSteps(values).steps, []);
    values[10] = 120; // one spike, back to normal after
    values[20] = 85;
    assert.deepEqual(detectSteps(values).steps, []);
  });

  it('finds a step up and a step back down, each at its first commit', () => {
    const values = [...flat(6, 100, 0.01), ...flat(6, 120, 0.01, 9), ...flat(6, 100, 0.01, 17)];
    const { steps } = detectSteps(values);
    assert.deepEqual(steps.map((s) => s.index), [6, 12]);
    assert.ok(steps[0].change > 0.15 && steps[1].change < -0.12);
  });

  it('does not confirm a move at the last commits, and returns it as pending', () => {
    const values = [...flat(10, 100, 0.01), 110, 111];
    const { steps, pending } = detectSteps(values);
    assert.deepEqual(steps, []);
    assert.equal(pending.length, 1);
    assert.equal(pending[0].index, 10);
  });

  it('honours threshold and confirmation options, and skips missing values keeping indices', () => {
    const values: (number | null)[] = [...flat(8, 100, 0.005), null, 103.5, 103, 104, 103.8];
    assert.deepEqual(detectSteps(values).steps, [], 'under 5%');
    const { steps } = detectSteps(values, { threshold: 0.02, confirm: 3 });
    assert.deepEqual(steps.map((s) => s.index), [9]);
  });
});
