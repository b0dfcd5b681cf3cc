import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../../src/errors.js';
import { parseThreshold } from '../../../src/cli/commands/gate.js';

test("'5%', '0.05' and '5' all mean 5%", () => {
  for (const text of ['5%', '0.05', '5', '5.0%']) assert.equal(parseThreshold('--threshold', text), 0.05, text);
  assert.equal(parseThreshold('--threshold', '12.5%'), 0.125);
  assert.equal(parseThreshold('--threshold', '0'), 0);
  assert.equal(parseThreshold('--threshold', '0.5'), 0.5);
});

test('negative, empty and non-numeric thresholds are refused', () => {
  for (const text of ['-5%', '-0.05', 'abc', '%', '', 'NaN', '5%%']) {
    assert.throws(() => parseThreshold('--threshold', text), (e: Error) => e instanceof ConfigError && /--threshold must be a number/.test(e.message), text);
  }
});
