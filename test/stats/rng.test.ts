import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../src/stats/rng.js';

describe('createRng (mulberry32)', () => {
  it('reproduces the reference sequence', () => {
    // Independent Python port of mulberry32 (seed 0 and 0x5eed).
    const zero = createRng(0);
    assert.deepEqual([zero(), zero(), zero()], [0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]);
    const seed = createRng(0x5eed);
    assert.deepEqual([seed(), seed(), seed()], [0.7100320369936526, 0.286336648510769, 0.9519026265479624]);
  });

  it('is deterministic per seed and different across seeds', () => {
    const a = createRng(12345);
    const b = createRng(12345);
    const c = createRng(12346);
    const xs = Array.from({ length: 5 }, a);
    assert.deepEqual(Array.from({ length: 5 }, b), xs);
    assert.notDeepEqual(Array.from({ length: 5 }, c), xs);
  });

  it('stays in [0, 1) with a mean near ½', () => {
    const rng = createRng(7);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng();
      assert.ok(x >= 0 && x < 1);
      sum += x;
    }
    assert.ok(Math.abs(sum / 100_000 - 0.5) < 0.01);
  });
});
